import { useRef, useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../main/contract/vocabulary';
import { request } from '../../api';
import { saveFile } from '../../lib/saveFile';
import { describeError } from '../../errors';
import { fromBase64 } from '../../lib/base64';
import { Field } from '../../ui/Field';
import { OutcomeMessage, type Outcome } from '../../ui/OutcomeMessage';

interface Mistakes {
  passphrase?: string;
  again?: string;
}

/** What is wrong with the two passphrase boxes, in the form's own words; empty when both are fine. */
export function passphraseMistakes(passphrase: string, again: string): Mistakes {
  if (passphrase.length === 0) return { passphrase: 'Type a passphrase.' };
  if (passphrase.normalize('NFC').length < MIN_PASSPHRASE_LENGTH)
    return { passphrase: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  if (again.length === 0) return { again: 'Type the passphrase again.' };
  if (again !== passphrase)
    return { again: 'The two passphrases are not the same. Type them again.' };
  return {};
}

/**
 * Saves all local data to one file, encrypted with a passphrase, to keep somewhere safe away
 * from this computer. The file holds residents' and staff personal data, so it is never plain.
 */
export function BackupPanel() {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [mistakes, setMistakes] = useState<Mistakes>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const firstBox = useRef<HTMLInputElement>(null);
  const secondBox = useRef<HTMLInputElement>(null);

  const backUp = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = passphraseMistakes(passphrase, again);
    setMistakes(found);
    setOutcome(null);
    if (found.passphrase) return firstBox.current?.focus();
    if (found.again) return secondBox.current?.focus();
    setBusy(true);
    try {
      const result = await request('backup.export', { passphrase });
      if (!result.ok) {
        setOutcome({ ok: false, message: describeError(result.error) });
        return;
      }
      const saved = await saveFile({
        filename: result.value.filename,
        mimeType: result.value.mimeType,
        bytes: fromBase64(result.value.base64),
      });
      // "Saved" only once the file is written; a cancelled save says so and keeps the passphrase.
      if (saved === 'cancelled') {
        setOutcome({
          ok: false,
          message: 'The backup was not saved: choosing where was cancelled.',
        });
        return;
      }
      setPassphrase('');
      setAgain('');
      setOutcome({
        ok: true,
        message:
          saved === 'written'
            ? `Encrypted backup saved as ${result.value.filename}.`
            : `Your browser is saving the backup as ${result.value.filename}. Check that it is in your downloads before you rely on it.`,
      });
    } catch (error: unknown) {
      setOutcome({
        ok: false,
        message: `The backup was not saved: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title" tabIndex={-1}>
        Back up all data
      </h2>
      <p>
        One file with your settings, contacts, systems, runbooks and their history, and every
        incident record. It holds personal information about residents and staff, so it is locked
        with a passphrase you choose. Keep it somewhere safe, away from this computer. It can be
        restored below (on this or a new computer), and each incident record is checked first.
      </p>
      <p>
        <strong>If the passphrase is lost, the backup cannot be opened by anyone.</strong> Nobody,
        including Holdfast, can recover it. Write it down and keep it apart from the backup.
      </p>
      <form noValidate onSubmit={(event) => void backUp(event)}>
        <Field
          id="backup-passphrase"
          label="Passphrase"
          hint={`At least ${MIN_PASSPHRASE_LENGTH} characters. A short sentence is easy to remember.`}
          error={mistakes.passphrase}
        >
          {(control) => (
            <input
              {...control}
              ref={firstBox}
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          )}
        </Field>
        <Field
          id="backup-passphrase-again"
          label="Type the passphrase again"
          error={mistakes.again}
        >
          {(control) => (
            <input
              {...control}
              ref={secondBox}
              type="password"
              autoComplete="new-password"
              value={again}
              onChange={(event) => setAgain(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          Back up all data
        </button>
      </form>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}
