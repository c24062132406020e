import { LOG_CHECK_CODE_LABEL } from '../../../main/shared/logCheckCode';
import type {
  ContactRole,
  GrabBagPack,
  NationalContactView,
  RunbookView,
  SystemEntry,
} from '../../../main/contract/types';
import { INCIDENT_ROLES } from '../../../main/contract/vocabulary';
import { formatDate } from '../../lib/formatDate';
import { nationalSourceDates } from '../../lib/nationalSource';
import { SafeHtml } from '../../ui/SafeHtml';
import { ChannelList } from '../../ui/ChannelList';
import { supplierText } from '../systems/supplierText';
import { packCode } from './packWords';

const LOG_SHEETS = 3;
const LOG_ROWS = 16;
const FIRST_RUNBOOK = 'first-15-minutes';

/**
 * The grab-bag pack as one printable document: cover, "First 15 minutes" card, contact sheet,
 * role cards, systems register, every runbook's steps and blank incident log sheets. Each part
 * starts a new page; the footer repeats on every printed page (see `.print-footer`).
 */
export function PackDocument({ pack, printedOn }: { pack: GrabBagPack; printedOn: string }) {
  const organisation = pack.organisationName || 'Your organisation';
  const first = pack.runbooks.find((runbook) => runbook.id === FIRST_RUNBOOK);
  return (
    <article className="print-document pack" aria-label="Grab-bag pack, as it prints">
      <div className="print-body">
        <section className="pack-cover" aria-labelledby="pack-cover-title">
          <p className="pack-organisation">{organisation}</p>
          <h2 id="pack-cover-title" className="pack-title">
            Cyber incident grab-bag pack
          </h2>
          <dl className="pack-facts">
            <div>
              <dt>Pack version</dt>
              <dd>
                {pack.version} (content code {packCode(pack.fingerprint)})
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
            changes, Holdfast reminds you to print a new one: throw the old copy away.
          </p>
          <h3>In this pack</h3>
          <ol>
            {first && <li>First 15 minutes</li>}
            <li>Contact sheet</li>
            <li>Role cards</li>
            <li>Systems and where the paper copies are kept</li>
            <li>Runbooks: step by step for each kind of incident</li>
            <li>Incident log sheets</li>
          </ol>
        </section>

        {first && <FirstCard runbook={first} />}
        <ContactSheet roles={pack.contacts.roles} national={pack.contacts.national} />
        <RoleCards />
        <SystemsTable systems={pack.systems} />
        <section className="print-section" aria-labelledby="pack-runbooks-title">
          <h2 id="pack-runbooks-title">Runbooks</h2>
          <p>
            Every runbook for your service, step by step. Tick each step as it is done, and write
            the time beside it.
          </p>
          {pack.runbooks.map((runbook) => (
            <PackRunbook key={runbook.id} runbook={runbook} />
          ))}
        </section>
        {Array.from({ length: LOG_SHEETS }, (_, index) => (
          <LogSheet key={index} number={index + 1} />
        ))}
      </div>
      <div className="print-footer-space" aria-hidden="true" />

      <footer className="print-footer">
        {organisation} · Grab-bag pack version {pack.version} · Printed {formatDate(printedOn)}
      </footer>
    </article>
  );
}

/** The first runbook's step headlines on one card: what to do before reading anything else. */
function FirstCard({ runbook }: { runbook: RunbookView }) {
  return (
    <section className="print-section pack-card" aria-labelledby="pack-first-title">
      <h2 id="pack-first-title">First 15 minutes</h2>
      <p>{runbook.summary}</p>
      {runbook.phases.map((phase) => (
        <div key={phase.id} className="pack-phase">
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
      ))}
    </section>
  );
}

function ContactSheet({
  roles,
  national,
}: {
  roles: ContactRole[];
  national: NationalContactView[];
}) {
  const entered = roles.filter((entry) => entry.contact);
  const missing = roles.filter((entry) => !entry.contact);
  return (
    <section className="print-section" aria-labelledby="pack-contacts-title">
      <h2 id="pack-contacts-title">Contact sheet</h2>
      <p>
        Ways to reach each contact that still work when your own email, internet or phones are down
        are listed first.
      </p>
      <h3>Your contacts</h3>
      <ul className="pack-contacts">
        {entered.map(({ role, label, contact }) =>
          contact ? (
            <li key={role}>
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
            </li>
          ) : null,
        )}
      </ul>
      {missing.length > 0 && (
        <>
          <h3>Not recorded in Holdfast yet: write them in</h3>
          <ul className="pack-write-in">
            {missing.map((entry) => (
              <li key={entry.role}>
                <strong>
                  <bdi>{entry.label}</bdi>
                </strong>
                : <span className="write-line" />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>National contacts</h3>
      <ul className="pack-contacts">
        {national.map((contact) => (
          <li key={contact.id}>
            <strong>{contact.name}</strong>: {contact.use}
            <ChannelList channels={contact.channels} outOfBandFirst />
            {contact.hours && <p className="contact-hours">Hours: {contact.hours}</p>}
            <p className="contact-source">
              {nationalSourceDates(contact)} Source: {contact.source}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RoleCards() {
  return (
    <section className="print-section" aria-labelledby="pack-roles-title">
      <h2 id="pack-roles-title">Role cards</h2>
      <p>
        Only the incident lead is needed. In a small service one person may hold several roles:
        write the name on each card.
      </p>
      <div className="pack-role-cards">
        {Object.entries(INCIDENT_ROLES).map(([id, role]) => (
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
    </section>
  );
}

function SystemsTable({ systems }: { systems: SystemEntry[] }) {
  // Worst outage first: that is the paper copy people need soonest.
  const inUse = systems
    .filter((entry) => entry.status !== 'not-used')
    .sort(
      (a, b) => (b.record?.impact ?? 0) - (a.record?.impact ?? 0) || a.label.localeCompare(b.label),
    );
  return (
    <section className="print-section" aria-labelledby="pack-systems-title">
      <h2 id="pack-systems-title">Systems and where the paper copies are kept</h2>
      <table className="pack-table pack-systems">
        <thead>
          <tr>
            <th scope="col">System</th>
            <th scope="col">How bad if down (1–10)</th>
            <th scope="col">Paper or manual fallback</th>
            <th scope="col">Where the paper copy is kept</th>
            <th scope="col">Supplier</th>
            <th scope="col">Last reviewed</th>
          </tr>
        </thead>
        <tbody>
          {inUse.map((entry) => (
            <tr key={entry.system}>
              <th scope="row">{entry.label}</th>
              <td>{entry.record?.impact ?? 'Not recorded'}</td>
              <td>
                <bdi>{entry.record?.fallback || 'Not recorded'}</bdi>
              </td>
              <td>
                <bdi>{entry.record?.paperLocation || 'Not recorded'}</bdi>
              </td>
              <td>{supplierText(entry)}</td>
              <td>{entry.record ? formatDate(entry.record.lastReviewed) : 'Never'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PackRunbook({ runbook }: { runbook: RunbookView }) {
  return (
    <section className="pack-runbook" aria-labelledby={`pack-runbook-${runbook.id}`}>
      <h3 id={`pack-runbook-${runbook.id}`}>{runbook.title}</h3>
      <p className="lead">{runbook.summary}</p>
      <p className="contact-source">
        Version {runbook.version}, last reviewed {formatDate(runbook.reviewed)}
      </p>
      {runbook.phases.map((phase) => (
        <div key={phase.id} className="pack-phase">
          <h4>{phase.title}</h4>
          <ol className="steps">
            {phase.steps.map((step) => {
              const html = runbook.html.steps[step.id] ?? { text: '', details: '', options: [] };
              return (
                <li key={step.id} className={`step step-${step.kind}`} value={step.number}>
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
              );
            })}
          </ol>
        </div>
      ))}
    </section>
  );
}

/** A blank sheet for the scribe: event time (when it happened) and recorded time (when written) are separate columns. */
function LogSheet({ number }: { number: number }) {
  return (
    <section className="print-section" aria-labelledby={`pack-log-${number}`}>
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
