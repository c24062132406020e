import { useState, type ChangeEvent } from 'react';
import type { PackChange, PackPreview } from '../../../main/contract/authoringTypes';
import type { ApiError } from '../../../main/contract/result';
import { request } from '../../api';
import { offerDownload } from '../../lib/download';
import { describeError } from '../../errors';
import { href } from '../../useRoute';
import { fromBase64, toBase64 } from '../../lib/base64';
import { announceLibraryChanged } from '../../lib/useReloadOnFocus';

const MAX_PACK_BYTES = 6 * 1024 * 1024;

const CHANGE: Record<PackChange, string> = {
  new: 'New runbook',
  same: 'Already the same here: nothing to do',
  'overrides-bundled': 'Replaces the version that comes with Holdfast (which is kept)',
  'replaces-yours': 'Replaces your version here (kept in its history)',
};

/** Plain words for a refused call: the core explains pack problems itself. */
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
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [includeContacts, setIncludeContacts] = useState(false);

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
    setChosen({ name: file.name, base64, preview: result.value });
  };

  const importPack = async (): Promise<void> => {
    if (!chosen) return;
    const result = await request('packs.import', { base64: chosen.base64 });
    if (!result.ok) {
      setOutcome({ ok: false, message: `Nothing was imported. ${explain(result.error)}` });
      return;
    }
    announceLibraryChanged();
    setChosen(null);
    const contacts = result.value.contacts
      ? ` and ${result.value.contacts.new + result.value.contacts.updated} contacts`
      : '';
    setOutcome({
      ok: true,
      message: `Imported ${result.value.imported} ${result.value.imported === 1 ? 'runbook' : 'runbooks'}${contacts}${result.value.unchanged ? `; ${result.value.unchanged} were already the same` : ''}.`,
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
        <div className="field-checkbox">
          <input
            id="pack-contacts"
            type="checkbox"
            checked={includeContacts}
            onChange={(event) => setIncludeContacts(event.target.checked)}
          />
          <label htmlFor="pack-contacts">
            Include your local contacts (names and phone numbers)
          </label>
        </div>
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
            <ul>
              {chosen.preview.runbooks.map((runbook) => (
                <li key={runbook.id}>
                  <strong>{runbook.title}</strong>: {CHANGE[runbook.change]}
                </li>
              ))}
            </ul>
            {chosen.preview.contacts && (
              <p>
                Contacts: {chosen.preview.contacts.new} new, {chosen.preview.contacts.updated}{' '}
                replaced, {chosen.preview.contacts.unchanged} already the same.
              </p>
            )}
            <button type="button" className="button-primary" onClick={() => void importPack()}>
              Import these runbooks
            </button>{' '}
            <button type="button" onClick={() => setChosen(null)}>
              Cancel
            </button>
          </section>
        )}
      </section>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'notice' : 'save-failed'}>
          {outcome.message}
        </p>
      )}
    </>
  );
}
