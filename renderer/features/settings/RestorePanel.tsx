import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BackupContents } from '../../../main/contract/authoringTypes';
import type { ApiError } from '../../../main/contract/result';
import { MAX_BACKUP_BYTES } from '../../../main/contract/uploadLimits';
import { request } from '../../api';
import { describeError } from '../../errors';
import { toBase64 } from '../../lib/base64';
import { formatMoment } from '../../lib/time';
import { Field } from '../../ui/Field';

/** Kept across the reload that follows a restore, so the person reads what happened. */
const RESTORED_NOTE = 'holdfast.restored';

const counted = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

/** What a checked backup holds, in one plain sentence. */
export function describeContents(contents: BackupContents): string {
  return `Made ${formatMoment(contents.created)}. It holds ${[
    counted(contents.incidents, 'incident', 'incidents'),
    counted(contents.practiceIncidents, 'practice incident', 'practice incidents'),
    counted(contents.exercises, 'exercise', 'exercises'),
    counted(contents.runbooks, 'runbook of your own or edited', 'runbooks of your own or edited'),
    counted(contents.contacts, 'contact', 'contacts'),
  ].join(', ')}.`;
}

/** The core explains a refused backup itself, in words about the backup. */
const explain = (error: ApiError): string =>
  error.code === 'INVALID_INPUT' ? error.message : describeError(error);

type Step =
  | { at: 'choose' }
  | { at: 'checking' }
  | { at: 'confirm'; contents: BackupContents; base64: string }
  | { at: 'restoring' };

/**
 * "Restore from a backup…": the backup is checked in full and its contents shown before anything
 * changes; restoring moves what is here now to a dated folder beside the data folder (never
 * mixed with the backup), then reloads the app over the restored data.
 */
export function RestorePanel() {
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [fileMistake, setFileMistake] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fileBox = useRef<HTMLInputElement>(null);
  const confirmTitle = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const note = sessionStorage.getItem(RESTORED_NOTE);
    if (note) {
      sessionStorage.removeItem(RESTORED_NOTE);
      setDone(note);
    }
  }, []);
  useEffect(() => {
    if (step.at === 'confirm') confirmTitle.current?.focus();
  }, [step.at]);

  const check = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    if (!file) {
      setFileMistake('Choose the backup file.');
      fileBox.current?.focus();
      return;
    }
    // Said here in words, before a large file is read and sent only to be refused for its size.
    if (file.size > MAX_BACKUP_BYTES) {
      setFileMistake(
        `“${file.name}” is larger than 64 MB, so it is not a backup Holdfast can restore. Choose the file Holdfast saved when you backed up.`,
      );
      fileBox.current?.focus();
      return;
    }
    setFileMistake(undefined);
    setStep({ at: 'checking' });
    const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    const result = await request('backup.check', {
      base64,
      passphrase: passphrase === '' ? null : passphrase,
    });
    if (!result.ok) {
      setProblem(explain(result.error));
      setStep({ at: 'choose' });
      return;
    }
    setStep({ at: 'confirm', contents: result.value, base64 });
  };

  const restore = async (base64: string): Promise<void> => {
    setStep({ at: 'restoring' });
    const result = await request('backup.restore', {
      base64,
      passphrase: passphrase === '' ? null : passphrase,
    });
    if (!result.ok) {
      setProblem(explain(result.error));
      setStep({ at: 'choose' });
      return;
    }
    sessionStorage.setItem(
      RESTORED_NOTE,
      `The backup was restored. What was here before is kept in ${result.value.setAside}.`,
    );
    window.location.reload();
  };

  return (
    <section aria-labelledby="restore-title">
      <h2 id="restore-title" tabIndex={-1}>
        Restore from a backup…
      </h2>
      <p>
        Everything in Holdfast on this computer is replaced by the backup. What is here now is not
        deleted: it moves to a folder beside the data folder, named with today's date.
      </p>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      {(step.at === 'choose' || step.at === 'checking') && (
        <form noValidate onSubmit={(event) => void check(event)}>
          <Field id="restore-file" label="Backup file" error={fileMistake}>
            {(control) => (
              <input
                {...control}
                ref={fileBox}
                type="file"
                accept=".holdfast-backup,.zip"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <Field
            id="restore-passphrase"
            label="Passphrase of the backup"
            hint="The passphrase typed when the backup was made."
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="off"
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={step.at === 'checking'}>
            Check the backup
          </button>
          {step.at === 'checking' && <p role="status">Checking every file in the backup…</p>}
        </form>
      )}
      {step.at === 'confirm' && (
        <div className="restore-confirm">
          <h3 ref={confirmTitle} tabIndex={-1}>
            The backup passed every check
          </h3>
          <p>{describeContents(step.contents)}</p>
          {!step.contents.encrypted && (
            <p>
              This backup is not locked with a passphrase: it was made by an earlier version of
              Holdfast. After restoring, make a new backup and delete the old file.
            </p>
          )}
          <button type="button" onClick={() => void restore(step.base64)}>
            Restore this backup
          </button>{' '}
          <button type="button" onClick={() => setStep({ at: 'choose' })}>
            Cancel
          </button>
        </div>
      )}
      {step.at === 'restoring' && (
        <p role="status">Restoring. Holdfast opens again when it has finished…</p>
      )}
      {problem && (
        <p role="alert" className="save-failed">
          {problem}
        </p>
      )}
    </section>
  );
}
