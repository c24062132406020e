import { LOG_CHECK_CODE_LABEL } from '../../../main/shared/logCheckCode';
import type {
  ContactRole,
  GrabBagPack,
  NationalContactView,
  RunbookView,
  Step,
  SystemEntry,
} from '../../../main/contract/types';
import type { ReactNode } from 'react';
import { INCIDENT_ROLES } from '../../../main/contract/vocabulary';
import { formatDate } from '../../lib/formatDate';
import { nationalSourceDates } from '../../lib/nationalSource';
import { SafeHtml } from '../../ui/SafeHtml';
import { ChannelList } from '../../ui/ChannelList';
import { supplierText } from '../systems/supplierText';
import { PagedDocument, type PageBlock, type PageOf } from '../../ui/PagedDocument';
import { packIndex, runbookAnchor, shortTitle, type IndexLine } from './packIndex';
import { packCode } from './packWords';

const LOG_SHEETS = 3;
const LOG_ROWS = 16;
const FIRST_RUNBOOK = 'first-15-minutes';

/** Where each part of the pack starts, for the contents list. */
const PART = {
  index: 'part:index',
  first: 'part:first',
  contacts: 'part:contacts',
  roles: 'part:roles',
  systems: 'part:systems',
  runbooks: 'part:runbooks',
  logs: 'part:logs',
} as const;

/** "page 34", or a blank of the same width while pages are being worked out. */
function PageNumber({ page }: { page: number | undefined }) {
  return <span className="page-ref">{page === undefined ? '' : `page ${page}`}</span>;
}

/**
 * The grab-bag pack as one printable document, cut into A4 pages: cover and contents, an index
 * from what people see to the page, the "First 15 minutes" card, contact sheet, role cards,
 * systems register, the chosen runbooks' steps and blank incident log sheets. Each part starts a
 * new page; every page ends with the pack's footer and "Page N of M".
 */
export function PackDocument({
  pack,
  runbooks,
  printedOn,
  onPaged,
}: {
  pack: GrabBagPack;
  /** The runbooks chosen for this pack, in pack order. */
  runbooks: RunbookView[];
  printedOn: string;
  onPaged?: (pages: number) => void;
}) {
  const organisation = pack.organisationName || 'Your organisation';
  const first = runbooks.find((runbook) => runbook.id === FIRST_RUNBOOK);
  const others = runbooks.filter((runbook) => runbook.id !== FIRST_RUNBOOK);
  const index = packIndex(others);
  const layoutKey = [
    ...Object.values(pack.fingerprint),
    printedOn,
    ...runbooks.map((runbook) => runbook.id),
  ].join('|');

  const blocks = (pageOf: PageOf): PageBlock[] => [
    {
      key: 'cover',
      newPage: true,
      node: (
        <section className="pack-cover" aria-labelledby="pack-cover-title">
          <p className="pack-organisation">
            <bdi>{organisation}</bdi>
          </p>
          <h2 id="pack-cover-title" className="pack-title">
            Cyber incident grab-bag pack
          </h2>
          <dl className="pack-facts">
            <div>
              <dt>Pack version</dt>
              <dd>
                {pack.version} (match code {packCode(pack.fingerprint)})
              </dd>
            </div>
            <div>
              <dt>Printed</dt>
              <dd>{formatDate(printedOn)}</dd>
            </div>
          </dl>
          {!pack.organisationName && (
            <p>Add your organisation's name in Holdfast's Settings so it prints here.</p>
          )}
          <p>
            Keep this pack with your paper care plans, MAR charts and rota, away from the computers.
            Use it when Holdfast or the computer it is on cannot be used. When anything in it
            changes, Holdfast reminds you to print a new one: throw the old copy away. Two packs
            with the same match code say the same thing.
          </p>
        </section>
      ),
    },
    {
      key: 'contents',
      node: (
        <section aria-labelledby="pack-contents-title">
          <h3 id="pack-contents-title">In this pack</h3>
          <ol className="pack-contents">
            <ContentsLine
              title="Find it fast: what you see, and the page"
              page={pageOf(PART.index)}
            />
            {first && <ContentsLine title="First 15 minutes" page={pageOf(PART.first)} />}
            <ContentsLine title="Contact sheet" page={pageOf(PART.contacts)} />
            <ContentsLine title="Role cards" page={pageOf(PART.roles)} />
            <ContentsLine
              title="Systems and where the paper copies are kept"
              page={pageOf(PART.systems)}
            />
            <ContentsLine title="Runbooks: step by step" page={pageOf(PART.runbooks)}>
              <ol className="pack-contents">
                {runbooks.map((runbook) => (
                  <ContentsLine
                    key={runbook.id}
                    title={shortTitle(runbook.title)}
                    page={pageOf(runbookAnchor(runbook.id))}
                  />
                ))}
              </ol>
            </ContentsLine>
            <ContentsLine title="Incident log sheets" page={pageOf(PART.logs)} />
          </ol>
        </section>
      ),
    },
    {
      key: 'index',
      newPage: true,
      anchor: PART.index,
      node: <PackIndex lines={index} pageOf={pageOf} />,
    },
    ...(first ? firstCardBlocks(first) : []),
    ...contactSheetBlocks(pack.contacts.roles, pack.contacts.national),
    ...roleCardBlocks(),
    ...systemsBlocks(pack.systems, pageOf),
    {
      key: 'runbooks',
      newPage: true,
      keepWithNext: true,
      anchor: PART.runbooks,
      node: (
        <>
          <h2 id="pack-runbooks-title">Runbooks</h2>
          <p>
            The runbooks for your service, step by step. Tick each step as it is done, and write the
            time beside it.
          </p>
        </>
      ),
    },
    ...runbooks.flatMap(runbookBlocks),
    ...Array.from({ length: LOG_SHEETS }, (_, sheet) => ({
      key: `log-${sheet}`,
      newPage: true,
      ...(sheet === 0 ? { anchor: PART.logs } : {}),
      node: <LogSheet number={sheet + 1} />,
    })),
  ];

  return (
    <PagedDocument
      className="pack"
      label="Grab-bag pack, as it prints"
      layoutKey={layoutKey}
      blocks={blocks}
      {...(onPaged ? { onPaged } : {})}
      footer={(page, pages) => (
        <>
          <bdi>{organisation}</bdi> · Grab-bag pack version {pack.version} · Printed{' '}
          {formatDate(printedOn)} ·{' '}
          <strong>
            Page {page} of {pages}
          </strong>
        </>
      )}
    />
  );
}

function ContentsLine({
  title,
  page,
  children,
}: {
  title: string;
  page: number | undefined;
  children?: ReactNode;
}) {
  return (
    <li>
      <span className="pack-contents-line">
        <span>{title}</span> <PageNumber page={page} />
      </span>
      {children}
    </li>
  );
}

/** One page, two columns: the words a person would use, and the page to turn to. */
function PackIndex({ lines, pageOf }: { lines: IndexLine[]; pageOf: PageOf }) {
  return (
    <section aria-labelledby="pack-index-title">
      <h2 id="pack-index-title">Find it fast</h2>
      <p>Find what you can see or hear, then turn to that page.</p>
      <ul className="pack-index">
        {lines.map((line) => {
          const pages = [...new Set(line.targets.map((target) => pageOf(target.anchor) ?? 0))].sort(
            (a, b) => a - b,
          );
          return (
            <li key={line.words}>
              <strong>{line.words}</strong> → {pages.length > 1 ? 'pages' : 'page'}{' '}
              {pages.length > 1
                ? `${pages.slice(0, -1).join(', ')} or ${pages.at(-1) ?? ''}`
                : (pages[0] ?? '')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The first runbook's step headlines on one card: what to do before reading anything else. */
function firstCardBlocks(runbook: RunbookView): PageBlock[] {
  return [
    {
      key: 'first',
      newPage: true,
      keepWithNext: true,
      anchor: PART.first,
      node: (
        <>
          <h2 id="pack-first-title">First 15 minutes</h2>
          <p>{runbook.summary}</p>
        </>
      ),
    },
    ...runbook.phases.map((phase) => ({
      key: `first-${phase.id}`,
      node: (
        <div className="pack-phase">
          <h3>{phase.title}</h3>
          <ol className="pack-checklist">
            {phase.steps.map((step) => (
              <li key={step.id}>
                <span className="pack-tick" aria-hidden="true">
                  ☐
                </span>{' '}
                {step.kind === 'decision' && 'Decision: '}
                <SafeHtml inline html={runbook.html.steps[step.id]?.text ?? ''} />
              </li>
            ))}
          </ol>
        </div>
      ),
    })),
  ];
}

function contactSheetBlocks(roles: ContactRole[], national: NationalContactView[]): PageBlock[] {
  const entered = roles.filter((entry) => entry.contact);
  const missing = roles.filter((entry) => !entry.contact);
  const heading = (key: string, text: string): PageBlock => ({
    key,
    keepWithNext: true,
    node: <h3>{text}</h3>,
  });
  return [
    {
      key: 'contacts',
      newPage: true,
      keepWithNext: true,
      anchor: PART.contacts,
      node: (
        <>
          <h2 id="pack-contacts-title">Contact sheet</h2>
          <p>
            Ways to reach each contact that still work when your own email, internet or phones are
            down are listed first.
          </p>
        </>
      ),
    },
    heading('contacts-yours', 'Your contacts'),
    ...entered.map(({ role, label, contact }) => ({
      key: `contact-${role}`,
      node: contact ? (
        <div className="pack-contact">
          <strong>
            <bdi>{label}</bdi>
          </strong>
          : <bdi>{contact.name}</bdi>
          {contact.organisation && (
            <>
              , <bdi>{contact.organisation}</bdi>
            </>
          )}
          <ChannelList channels={contact.channels} outOfBandFirst />
          {contact.hours && (
            <p className="contact-hours">
              Hours: <bdi>{contact.hours}</bdi>
            </p>
          )}
          <p className="contact-source">Last checked {formatDate(contact.lastVerified)}</p>
        </div>
      ) : null,
    })),
    ...(missing.length > 0
      ? [
          heading('contacts-missing', 'Not recorded in Holdfast yet: write them in'),
          ...missing.map((entry) => ({
            key: `missing-${entry.role}`,
            node: (
              <p className="pack-write-in">
                <strong>
                  <bdi>{entry.label}</bdi>
                </strong>
                : <span className="write-line" />
              </p>
            ),
          })),
        ]
      : []),
    heading('contacts-national', 'National contacts'),
    ...national.map((contact) => ({
      key: `national-${contact.id}`,
      node: (
        <div className="pack-contact">
          <strong>{contact.name}</strong>: {contact.use}
          <ChannelList channels={contact.channels} outOfBandFirst />
          {contact.hours && <p className="contact-hours">Hours: {contact.hours}</p>}
          <p className="contact-source">
            {nationalSourceDates(contact)} Source: {contact.source}
          </p>
        </div>
      ),
    })),
  ];
}

function roleCardBlocks(): PageBlock[] {
  return [
    {
      key: 'roles',
      newPage: true,
      keepWithNext: true,
      anchor: PART.roles,
      node: (
        <>
          <h2 id="pack-roles-title">Role cards</h2>
          <p>
            Only the incident lead is needed. In a small service one person may hold several roles:
            write the name on each card.
          </p>
        </>
      ),
    },
    // Two cards side by side: one card a row left half of each sheet empty.
    ...pairs(Object.entries(INCIDENT_ROLES)).map((pair) => ({
      key: `roles-${pair.map(([id]) => id).join('-')}`,
      node: (
        <div className="pack-role-cards">
          {pair.map(([id, role]) => (
            <div key={id} className="pack-card pack-role-card">
              <h3>{role.label}</h3>
              <p>
                Name: <span className="write-line" />
              </p>
              <ul>
                {role.card.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ),
    })),
  ];
}

function pairs<T>(items: T[]): T[][] {
  const paired: T[][] = [];
  for (let at = 0; at < items.length; at += 2) paired.push(items.slice(at, at + 2));
  return paired;
}

const SYSTEM_COLUMNS = [
  'System, and how bad if it is down',
  'Paper or manual fallback',
  'Where the paper copy is kept',
  'Supplier',
];

/** Column widths, the same in every system's table so the columns line up down the sheet. */
function SystemColumnWidths() {
  return (
    <colgroup>
      <col className="pack-systems-first" />
      <col span={3} />
    </colgroup>
  );
}

function SystemColumns() {
  return (
    <tr>
      {SYSTEM_COLUMNS.map((column) => (
        <th key={column} scope="col">
          {column}
        </th>
      ))}
    </tr>
  );
}

/**
 * The systems register as blocks: a heading with the column names, then one block a system, so
 * a long register runs on to the next sheet instead of being cut off at the foot of one. Four
 * columns, not six: on portrait A4 six broke words across lines ("Suppl-ier"). Each system is a
 * table of its own with its column names for screen readers; on paper the names show on top,
 * and again above the first system on each further sheet.
 */
function systemsBlocks(systems: SystemEntry[], pageOf: PageOf): PageBlock[] {
  // Worst outage first: that is the paper copy people need soonest.
  const inUse = systems
    .filter((entry) => entry.status !== 'not-used')
    .sort(
      (a, b) => (b.record?.impact ?? 0) - (a.record?.impact ?? 0) || a.label.localeCompare(b.label),
    );
  return [
    {
      key: 'systems',
      newPage: true,
      keepWithNext: true,
      anchor: PART.systems,
      node: (
        <>
          <h2 id="pack-systems-title">Systems and where the paper copies are kept</h2>
          <table className="pack-table pack-systems pack-systems-head" aria-hidden="true">
            <SystemColumnWidths />
            <thead>
              <SystemColumns />
            </thead>
          </table>
        </>
      ),
    },
    ...inUse.map((entry, index) => {
      const anchor = `system:${entry.system}`;
      const before = index === 0 ? PART.systems : `system:${inUse[index - 1]?.system ?? ''}`;
      const page = pageOf(anchor);
      const startsSheet = page !== undefined && page !== pageOf(before);
      return {
        key: `system-${entry.system}`,
        anchor,
        node: (
          <table
            className={`pack-table pack-systems pack-systems-row${startsSheet ? ' pack-systems-continued' : ''}`}
          >
            <SystemColumnWidths />
            <thead className={startsSheet ? undefined : 'visually-hidden'}>
              <SystemColumns />
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  <bdi>{entry.label}</bdi>
                  <span className="pack-systems-impact">
                    {entry.record?.impact
                      ? `How bad: ${entry.record.impact} out of 10`
                      : 'How bad: not recorded'}
                  </span>
                </th>
                <td>
                  <bdi>{entry.record?.fallback || 'Not recorded'}</bdi>
                </td>
                <td>
                  <bdi>{entry.record?.paperLocation || 'Not recorded'}</bdi>
                </td>
                <td>
                  {supplierText(entry)}
                  <span className="pack-systems-reviewed">
                    {entry.record
                      ? `Last reviewed ${formatDate(entry.record.lastReviewed)}`
                      : 'Never reviewed'}
                  </span>
                </td>
              </tr>
            </tbody>
          </table>
        ),
      };
    }),
  ];
}

/**
 * A runbook as blocks: its title, then each phase and step. Runbooks follow on from each other
 * rather than each starting a new sheet (that left about one page in eight half empty); the
 * title is kept with its first step, and the contents and index give the page it starts on.
 */
function runbookBlocks(runbook: RunbookView): PageBlock[] {
  return [
    {
      key: `runbook-${runbook.id}`,
      keepWithNext: true,
      anchor: runbookAnchor(runbook.id),
      node: (
        <div className="pack-runbook">
          <h3 id={`pack-runbook-${runbook.id}`}>{runbook.title}</h3>
          <p className="lead">{runbook.summary}</p>
          <p className="contact-source">
            Version {runbook.version}, last reviewed {formatDate(runbook.reviewed)}
          </p>
        </div>
      ),
    },
    ...runbook.phases.flatMap((phase) => [
      {
        key: `runbook-${runbook.id}-${phase.id}`,
        keepWithNext: true,
        node: <h4 className="pack-phase-title">{phase.title}</h4>,
      },
      ...phase.steps.map((step) => ({
        key: `runbook-${runbook.id}-${phase.id}-${step.id}`,
        node: <PackStep runbook={runbook} step={step} />,
      })),
    ]),
  ];
}

function PackStep({ runbook, step }: { runbook: RunbookView; step: Step }) {
  const html = runbook.html.steps[step.id] ?? { text: '', details: '', options: [] };
  return (
    <ol className="steps">
      <li className={`step step-${step.kind}`} value={step.number}>
        <p className="step-text">
          {step.kind === 'decision' && <span className="step-kind">Decision: </span>}
          <SafeHtml inline html={html.text} />
        </p>
        {step.details && <SafeHtml className="step-details" html={html.details} />}
        {step.options.length > 0 && (
          <ul className="options">
            {step.options.map((option, index) => (
              <li key={option.label}>
                <strong>{option.label}:</strong>{' '}
                <SafeHtml inline html={html.options[index] ?? ''} />
              </li>
            ))}
          </ul>
        )}
        {/* Text written after a step is printed after it, as the reader shows it. */}
        {html.after && <SafeHtml className="step-after" html={html.after} />}
      </li>
    </ol>
  );
}

/** A blank sheet for the scribe: event time (when it happened) and recorded time (when written) are separate columns. */
function LogSheet({ number }: { number: number }) {
  return (
    <section aria-labelledby={`pack-log-${number}`}>
      <h2 id={`pack-log-${number}`}>Incident log sheet {number}</h2>
      <p>
        Write one line for each thing that happens or is decided. <strong>Event time</strong> is
        when it happened; <strong>recorded time</strong> is when you wrote it down. Never cross
        anything out so it cannot be read: add a new line to correct it.
      </p>
      <p>
        Date: <span className="write-line write-line-short" /> Incident:{' '}
        <span className="write-line" />
      </p>
      <p className="log-sheet-code">
        Typed into Holdfast by <span className="write-line write-line-short" />.{' '}
        {LOG_CHECK_CODE_LABEL} on the incident's Log tab once typed in:{' '}
        <span className="write-line write-line-short" /> -{' '}
        <span className="write-line write-line-short" />
      </p>
      <table className="pack-table pack-log">
        <thead>
          <tr>
            <th scope="col">Event time</th>
            <th scope="col">Recorded time</th>
            <th scope="col">Who</th>
            <th scope="col">What happened, what was decided, and why</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: LOG_ROWS }, (_, row) => (
            <tr key={row}>
              <td />
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
