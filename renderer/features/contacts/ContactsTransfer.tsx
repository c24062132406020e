import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ContactsDirectory, ImportFormat, ImportPreview } from '../../../main/contract/types';
import { IMPORT_LIMITS } from '../../../main/contract/vocabulary';
import { request } from '../../api';
import { offerDownload } from '../../lib/download';
import { describeError } from '../../errors';

/** Export buttons and the import file picker with its preview, for the Contacts screen. */
export function ContactsTransfer({
  onChange,
}: {
  onChange: (next: ContactsDirectory, message: string) => void;
}) {
  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">Import and export</h2>
      <ExportButtons />
      <ImportPanel onChange={onChange} />
    </section>
  );
}

function ExportButtons() {
  const [error, setError] = useState('');
  const exportAs = (format: ImportFormat): void => {
    setError('');
    void request('contacts.export', { format }).then((result) => {
      if (result.ok) offerDownload(result.value);
      else setError(describeError(result.error));
    });
  };
  return (
    <div className="transfer-export">
      <p>Keep a copy of your contacts, or move them to another computer.</p>
      <button type="button" onClick={() => exportAs('csv')}>
        Export contacts as CSV
      </button>{' '}
      <button type="button" onClick={() => exportAs('vcard')}>
        Export contacts as vCard
      </button>
      {error && (
        <p role="alert" className="save-failed">
          Not exported. {error}
        </p>
      )}
    </div>
  );
}

interface Chosen {
  name: string;
  format: ImportFormat;
  text: string;
  preview: ImportPreview;
}

function ImportPanel({
  onChange,
}: {
  onChange: (next: ContactsDirectory, message: string) => void;
}) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [error, setError] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (chosen) headingRef.current?.focus();
  }, [chosen]);

  const choose = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    setChosen(null);
    setError('');
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > IMPORT_LIMITS.chars) {
      setError(
        `“${file.name}” is larger than ${IMPORT_LIMITS.chars / 1024} KB. Split it into smaller files.`,
      );
      return;
    }
    const text = await file.text();
    // Cleared so choosing the same file again after fixing it fires another change.
    event.target.value = '';
    const format: ImportFormat =
      /\.(vcf|vcard)$/i.test(file.name) || /^\uFEFF?\s*BEGIN:VCARD/i.test(text) ? 'vcard' : 'csv';
    const result = await request('contacts.previewImport', { format, text });
    if (!result.ok) {
      setError(
        result.error.code === 'INVALID_INPUT'
          ? result.error.message.replace(/^[\w.]+: text: the file/, 'The file')
          : describeError(result.error),
      );
      return;
    }
    setChosen({ name: file.name, format, text, preview: result.value });
  };

  const clear = (): void => {
    setChosen(null);
    inputRef.current?.focus();
  };

  const apply = (current: Chosen): void => {
    setIsBusy(true);
    void request('contacts.import', { format: current.format, text: current.text }).then(
      (result) => {
        setIsBusy(false);
        if (!result.ok) {
          setError(
            result.error.code === 'INVALID_INPUT'
              ? result.error.message
              : `Nothing was imported. ${describeError(result.error)}`,
          );
          return;
        }
        const { counts } = result.value;
        const total = counts.new + counts.updated + counts.unchanged;
        setChosen(null);
        // The preview (and the focused button) goes away: keep keyboard users at the picker.
        inputRef.current?.focus();
        // Said only now: the core answers after the one durable write has finished.
        onChange(
          result.value.directory,
          `Imported ${total} ${total === 1 ? 'contact' : 'contacts'} from ${current.name}.`,
        );
      },
    );
  };

  const preview = chosen?.preview;
  const total = preview ? preview.new + preview.updated + preview.unchanged : 0;
  const noun = chosen?.format === 'vcard' ? 'Card' : 'Row';
  return (
    <div className="transfer-import">
      <div className="field">
        <label htmlFor="import-file">Import contacts from a CSV or vCard file</label>
        <p id="import-file-hint" className="hint">
          A contact in the file replaces the one saved for the same role; other contacts are kept.
          Nothing is saved until you have checked what the file holds. For the CSV columns, export
          your contacts first and use that file as a template.
        </p>
        <input
          ref={inputRef}
          id="import-file"
          type="file"
          accept=".csv,.vcf,text/csv,text/vcard"
          aria-describedby="import-file-hint"
          onChange={(event) => void choose(event)}
        />
      </div>
      {error && (
        <p role="alert" className="save-failed">
          {error}
        </p>
      )}
      {chosen && preview && (
        <section aria-labelledby="import-preview-title" className="import-preview">
          <h3 id="import-preview-title" ref={headingRef} tabIndex={-1}>
            Check before importing: {chosen.name}
          </h3>
          <p>
            {preview.new} new, {preview.updated} updated, {preview.unchanged} unchanged.
          </p>
          {preview.problems.length > 0 ? (
            <>
              <p className="field-error">
                {preview.problems.length === 1
                  ? 'There is a problem'
                  : `There are ${preview.problems.length} problems`}{' '}
                in this file, so nothing can be imported. Fix{' '}
                {preview.problems.length === 1 ? 'it' : 'them'} in the file, then choose it again.
              </p>
              <ul aria-label="Problems in the file" className="import-problems">
                {preview.problems.map((problem, index) => (
                  <li key={index}>
                    {problem.row === undefined
                      ? problem.message
                      : `${noun} ${problem.row}: ${problem.message}`}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            total === 0 && <p>The file has no contacts in it.</p>
          )}
          {/* Offered only when something can be imported: the reason it cannot is said above. */}
          {preview.problems.length === 0 && total > 0 && (
            <>
              <button type="button" disabled={isBusy} onClick={() => apply(chosen)}>
                Import {total} {total === 1 ? 'contact' : 'contacts'}
              </button>{' '}
            </>
          )}
          <button type="button" onClick={clear}>
            Cancel
          </button>
        </section>
      )}
    </div>
  );
}
