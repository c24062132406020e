import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createBackup, restoreBackup } from '../core/backup/dataBackup';

const USAGE =
  'usage: npm run backup -- create <data folder> <backup.zip>\n       npm run backup -- restore <backup.zip> <new empty data folder>';

/**
 * `npm run backup`: writes all of a data folder to one file, or restores such a file into a new,
 * empty data folder after checking every checksum and every incident log's hash chain. Close
 * Holdfast before making a backup, so nothing changes while it is read.
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
    await writeFile(to, (await createBackup(resolve(from), new Date())).zip, { flag: 'wx' });
    console.log(`Backup written to ${to}.`);
    return;
  }
  const outcome = await restoreBackup(new Uint8Array(await readFile(from)), resolve(to));
  if (!outcome.ok) {
    console.error(outcome.problem);
    process.exit(1);
  }
  console.log(
    `Restored ${outcome.files} files into ${to}; ${outcome.incidentLogs} evidence logs verified against their check records${outcome.withoutCheckRecord > 0 ? ` (${outcome.withoutCheckRecord} from an earlier version had no check record: each notes this in its log when first opened)` : ''}.`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(
      `The backup could not be ${process.argv[2] === 'restore' ? 'restored' : 'written'}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  });
}
