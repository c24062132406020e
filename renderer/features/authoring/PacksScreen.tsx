import { useState, type ChangeEvent } from 'react';
import type {
  ContactAtAGlance,
  DiffLine,
  PackChange,
  PackPreview,
} from '../../../main/contract/authoringTypes';
import type { ApiError } from '../../../main/contract/result';
import { request } from '../../api';
import { offerDownload } from '../../lib/download';
import { describeError } from '../../errors';
import { href } from '../../useRoute';
import { fromBase64, toBase64 } from '../../lib/base64';
import { announceLibraryChanged } from '../../lib/useReloadOnFocus';
import { DiffLines } from './DiffLines';
import { PackSignatureNotice } from './PackSignatureNotice';
import { plural, pluralise } from '../../../main/shared/pluralise';
import { OutcomeMessage, type Outcome } from '../../ui/OutcomeMessage';
import { ChoiceField } from '../../ui/ChoiceField';

const MAX_PACK_BYTES = 6 * 1024 * 1024;

const SCENARIO_CHANGE: Record<PackChange, string> = {
  new: 'New scenario',
  same: 'Already the same here: nothing to do',
  'overrides-bundled': 'Replaces the scenario that comes with Holdfast (which is kept)',
  'replaces-yours': 'Replaces your version here (kept in its history)',
};

const CHANGE: Record<PackChange, string> = {
  new: 'New runbook',
  same: 'Already the same here: nothing to do',
  'overrides-bundled': 'Replaces the version that comes with Holdfast (which is kept)',
  'replaces-yours': 'Replaces your version here (kept in its history)',
};

/** A contact on one line; the values are the pack's or the user's, so each is isolated as text. */
function ContactLine({ contact }: { contact: ContactAtAGlance }) {
  return (
    <>
      <bdi>{contact.name}</bdi>
      {contact.organisation && (
        <>
          {' '}
          (<bdi>{contact.organisation}</bdi>)
        </>
      )}
      {contact.channels.map((channel) => (
        <span key={channel}>
          ,{' '}
          <bdi dir="ltr" className={/^(phone|mobile) /.test(channel) ? 'keep-whole' : undefined}>
            {channel}
          </bdi>
        </span>
      ))}
    </>
  );
}

/** Plain words for a refused call: the core explains pack problems itself. */
const countChanged = (lines: DiffLine[]): string => {
  const changed = lines.filter((line) => line.change !== 'same').length;
  return pluralise(changed, 'line', 'lines');
};

const explain = (error: ApiError): string =>
  error.code === 'INVALID_INPUT' ? error.message : describeError(error);

/**
 * Moves a provider's runbooks between computers: export them as one pack file, or check a pack
 * and import all of it (nothing is written if any part of it is wrong).
 */
export function PacksScreen() {
  const [chosen, setChosen] = useState<{
    name: string;
    base64: string;
    preview: PackPreview;
  } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [includeContacts, setIncludeContacts] = useState(false);
  // Importing a pack's contacts is its own choice, off until the user ticks it for this pack.
  const [importContacts, setImportContacts] = useState(false);
  // Accepting a pack nobody vouches for is asked afresh for each pack.
  const [acceptUnsigned, setAcceptUnsigned] = useState(false);

  const exportPack = async (): Promise<void> => {
    const result = await request('packs.export', { includeContacts });
    if (!result.ok) {
      setOutcome({ ok: false, message: explain(result.error) });
      return;
    }
    offerDownload({
      filename: result.value.filename,
      mimeType: result.value.mimeType,
      text: fromBase64(result.value.base64),
    });
    setOutcome({ ok: true, message: `Exported to ${result.value.filename}.` });
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setChosen(null);
    if (!file) return;
    if (file.size > MAX_PACK_BYTES) {
      setOutcome({
        ok: false,
        message: `“${file.name}” is larger than 6 MB, so it is not a runbook pack Holdfast can import.`,
      });
      return;
    }
    const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    const result = await request('packs.previewImport', { base64 });
    if (!result.ok) {
      setOutcome({ ok: false, message: `Nothing was imported. ${explain(result.error)}` });
      return;
    }
    setOutcome(null);
    setImportContacts(false);
    setAcceptUnsigned(false);
    setChosen({ name: file.name, base64, preview: result.value });
  };

  const importPack = async (): Promise<void> => {
    if (!chosen) return;
    const result = await request('packs.import', {
      base64: chosen.base64,
      includeContacts: importContacts,
      packName: chosen.name,
      ...(chosen.preview.signature.status !== 'good' && chosen.preview.signature.mustAccept
        ? { acceptUnsigned }
        : {}),
    });
    if (!result.ok) {
      setOutcome({ ok: false, message: `Nothing was imported. ${explain(result.error)}` });
      return;
    }
    announceLibraryChanged();
    setChosen(null);
    const contactCount = result.value.contacts
      ? result.value.contacts.new + result.value.contacts.updated
      : null;
    const contacts =
      contactCount === null ? '' : ` and ${pluralise(contactCount, 'contact', 'contacts')}`;
    const scenarioCount = result.value.scenarios;
    const scenarios = scenarioCount
      ? ` and ${pluralise(scenarioCount, 'exercise scenario', 'exercise scenarios')}`
      : '';
    setOutcome({
      ok: true,
      message: `Imported ${pluralise(result.value.imported, 'runbook', 'runbooks')}${scenarios}${contacts}${result.value.unchanged ? `; ${result.value.unchanged} ${plural(result.value.unchanged, 'was', 'were')} already the same` : ''}.`,
    });
  };

  return (
    <>
      <p>
        <a href={href.all}>← All runbooks</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Share runbooks
      </h1>
      <p className="lead">
        Move your own and edited runbooks to another computer running Holdfast, or keep a copy
        somewhere safe.
      </p>
      <section aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p>Saves every runbook you wrote or edited into one pack file.</p>
        <ChoiceField id="pack-contacts" checked={includeContacts} onChange={setIncludeContacts}>
          Include your local contacts (names and phone numbers)
        </ChoiceField>
        <button type="button" onClick={() => void exportPack()}>
          Export your runbooks as a pack
        </button>
      </section>
      <section aria-labelledby="import-title">
        <h2 id="import-title">Import</h2>
        <div className="field">
          <label htmlFor="pack-file">Import a runbook pack (.zip)</label>
          <p className="hint" id="pack-file-hint">
            Holdfast checks the whole pack and shows what it would change before anything is saved.
          </p>
          <input
            id="pack-file"
            type="file"
            accept=".zip,application/zip"
            aria-describedby="pack-file-hint"
            onChange={(event) => void choose(event)}
          />
        </div>
        {chosen && (
          <section aria-label={`Check before importing: ${chosen.name}`} className="notice">
            <h3>{chosen.name}</h3>
            <PackSignatureNotice
              signature={chosen.preview.signature}
              accepted={acceptUnsigned}
              onAccept={setAcceptUnsigned}
            />
            <ul>
              {chosen.preview.runbooks.map((runbook) => (
                <li key={runbook.id}>
                  <strong>{runbook.title}</strong>: {CHANGE[runbook.change]}
                  {runbook.replacesTitle && (
                    <>
                      . Here it is called “<bdi>{runbook.replacesTitle}</bdi>”
                    </>
                  )}
                  {runbook.diff && (
                    <div
                      className="diff"
                      role="region"
                      aria-label={`What the pack changes in ${runbook.title}`}
                    >
                      <p>
                        What the pack changes ({countChanged(runbook.diff)}). Check every phone
                        number and link:
                      </p>
                      <DiffLines lines={runbook.diff} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {chosen.preview.scenarios.length > 0 && (
              <div role="region" aria-label="Exercise scenarios in this pack">
                <h4>Exercise scenarios in this pack</h4>
                <ul>
                  {chosen.preview.scenarios.map((scenario) => (
                    <li key={scenario.id}>
                      <strong>
                        <bdi>{scenario.title}</bdi>
                      </strong>
                      : {SCENARIO_CHANGE[scenario.change]}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {chosen.preview.contacts && (
              <div className="pack-contacts" role="region" aria-label="Contacts in this pack">
                <h4>Contacts in this pack</h4>
                <p>
                  {chosen.preview.contacts.new} new, {chosen.preview.contacts.updated} would replace
                  yours, {chosen.preview.contacts.unchanged} already the same.
                </p>
                {chosen.preview.contacts.changes.length > 0 && (
                  <ul className="contact-changes">
                    {chosen.preview.contacts.changes.map((change) => (
                      <li key={change.role}>
                        <strong>{change.label}</strong>
                        <br />
                        Now:{' '}
                        {change.before ? <ContactLine contact={change.before} /> : 'nobody yet'}
                        <br />
                        After import: <ContactLine contact={change.after} />
                      </li>
                    ))}
                  </ul>
                )}
                <ChoiceField
                  id="pack-import-contacts"
                  checked={importContacts}
                  onChange={setImportContacts}
                >
                  Also import these contacts (they replace yours for the same role)
                </ChoiceField>
              </div>
            )}
            <button type="button" className="button-primary" onClick={() => void importPack()}>
              {importContacts && chosen.preview.contacts
                ? 'Import these runbooks and contacts'
                : 'Import these runbooks'}
            </button>{' '}
            <button type="button" onClick={() => setChosen(null)}>
              Cancel
            </button>
          </section>
        )}
      </section>
      <OutcomeMessage outcome={outcome} />
    </>
  );
}
