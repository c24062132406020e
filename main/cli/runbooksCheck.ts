import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseNationalContacts, type NationalContact } from '../core/contacts/nationalContacts';
import { NATIONAL_CONTACTS_FILE } from '../core/createCore';
import { loadLibrary } from '../core/runbooks/library';
import type { Problem } from '../contract/types';

/**
 * `npm run runbooks:check -- <folder>`: validates a folder of runbooks the way the app loads them
 * (national contacts from the bundled pack), prints `file:line: message`, exits 1 on any error.
 */
export async function checkFolder(folder: string, bundledDir: string): Promise<{ problems: Problem[]; count: number }> {
  const label = relative(process.cwd(), resolve(folder)) || '.';
  let national: { contacts: NationalContact[]; problems: Problem[] } = { contacts: [], problems: [] };
  try {
    national = parseNationalContacts(await readFile(join(bundledDir, NATIONAL_CONTACTS_FILE), 'utf8'), join(relative(process.cwd(), bundledDir) || '.', NATIONAL_CONTACTS_FILE));
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const library = await loadLibrary([{ dir: resolve(folder), source: 'user', label }], national.contacts);
  return { problems: [...national.problems, ...library.problems], count: library.runbooks.size };
}

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npm run runbooks:check -- <folder of .md runbooks>');
    process.exit(2);
  }
  const bundledDir = resolve(import.meta.dirname, '..', '..', 'runbooks');
  const { problems, count } = await checkFolder(folder, bundledDir);
  for (const p of problems) console.log(`${p.file}:${p.line}: ${p.severity}: ${p.message}`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  console.log(`${count} runbook${count === 1 ? '' : 's'} loaded, ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`);
  process.exit(errors > 0 ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
