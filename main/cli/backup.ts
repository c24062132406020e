import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MIN_PASSPHRASE_LENGTH } from '../contract/vocabulary';
import { isEncryptedBackup } from '../core/backup/backupCipher';
import { createEncryptedBackup, restoreBackup } from '../core/backup/dataBackup';
import { askPassphrase, PASSPHRASE_ENV } from './askPassphrase';

const USAGE = `usage: npm run backup -- create <data folder> <backup file>
       npm run backup -- restore <backup file> <new empty data folder>
The passphrase is asked for, or taken from ${PASSPHRASE_ENV}.`;

/**
 * `npm run backup`: writes all of a data folder to one file, or restores such a file into a new,
 * empty data folder after checking every checksum and every incident log's hash chain. Close
 * Holdfast before making a backup, so nothing changes while it is read. Backups are encrypted
 * with a passphrase; one that is lost cannot be recovered.
 */
async function main(): Promise<void> {
  const [command, from, to] = process.argv.slice(2);
  if (
    !from ||
    !to ||
    (command !== 'create' && command !== 'restore') ||
    process.argv.length !== 5
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  if (command === 'create') {
    const passphrase = await askPassphrase({ confirm: true });
    if (passphrase.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) {
      console.error(
        `Nothing was written: the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      );
      process.exit(1);
    }
    const { file } = await createEncryptedBackup(resolve(from), new Date(), passphrase);
    await writeFile(to, file, { flag: 'wx', mode: 0o600 });
    console.log(
      `Encrypted backup written to ${to}. Keep the passphrase safe: without it nobody, including Holdfast, can restore this backup.`,
    );
    return;
  }
  const backup = new Uint8Array(await readFile(from));
  const outcome = await restoreBackup(
    backup,
    resolve(to),
    isEncryptedBackup(backup) ? await askPassphrase({ confirm: false }) : null,
  );
  if (!outcome.ok) {
    console.error(outcome.problem);
    process.exit(1);
  }
  if (!outcome.encrypted)
    console.log(
      'This backup was not encrypted (it was made by an earlier version of Holdfast). It was restored. Make a new, encrypted backup, then delete the old file.',
    );
  if (outcome.leftOut.length > 0) console.log(leftOutLine(outcome.leftOut));
  console.log(
    `Restored ${outcome.files} files into ${to}; ${outcome.incidentLogs} evidence logs verified against their check records${outcome.withoutCheckRecord > 0 ? ` (${outcome.withoutCheckRecord} from an earlier version had no check record: each notes this in its log when first opened)` : ''}.`,
  );
}

/**
 * The files a restore did not write, in a line. An earlier desktop backup may hold thousands of the
 * browser engine's files, so only the first few are named.
 */
export function leftOutLine(leftOut: readonly string[]): string {
  const more = leftOut.length - 5;
  return `Left out ${leftOut.slice(0, 5).join(', ')}${more > 0 ? ` and ${more} more` : ''}: not Holdfast's data (a lock, a cache or the browser engine's files belong to the computer that made the backup).`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(
      `The backup could not be ${process.argv[2] === 'restore' ? 'restored' : 'written'}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  });
}
