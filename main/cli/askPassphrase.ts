import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Where a script (or a scheduled task) can give the passphrase without a prompt. */
export const PASSPHRASE_ENV = 'HOLDFAST_BACKUP_PASSPHRASE';

/** Asks one question on the terminal without echoing what is typed, so the passphrase is not left on screen. */
function askHidden(question: string): Promise<string> {
  process.stderr.write(question);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    reader.question('', (answer) => {
      reader.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/**
 * The backup passphrase: from the environment when set, otherwise typed at a prompt (twice when
 * making a backup, since a mistyped passphrase would lock the backup for good).
 */
export async function askPassphrase(options: { confirm: boolean }): Promise<string> {
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY)
    throw new Error(`type the passphrase at a terminal, or set ${PASSPHRASE_ENV}`);
  const first = await askHidden('Backup passphrase: ');
  if (!options.confirm) return first;
  const second = await askHidden('Type the passphrase again: ');
  if (first !== second) throw new Error('the two passphrases are not the same');
  return first;
}
