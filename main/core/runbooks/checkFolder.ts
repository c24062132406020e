import { stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { loadLibrary, type RunbookFolder } from './library';
import { loadNationalContacts } from './loadRunbooks';
import { loadScenarios, SCENARIOS_FOLDER, type ScenarioFolder } from '../exercises/scenarioLibrary';
import type { Problem } from '../../contract/types';
import { CONTACTS_FILE, readOwnRoles } from '../contacts/contactsDirectory';

const isFolder = async (path: string): Promise<boolean> =>
  (await stat(path).catch(() => null))?.isDirectory() ?? false;

/**
 * Where the scenarios that go with a runbooks folder are: its own `scenarios/` subfolder (as the
 * bundled runbooks keep theirs) and, for a data folder's `runbooks/`, the `scenarios/` beside it.
 */
async function scenarioFoldersOf(
  folder: string,
  label: string,
  checksBundled: boolean,
): Promise<ScenarioFolder[]> {
  const found: ScenarioFolder[] = [];
  const inside = join(resolve(folder), SCENARIOS_FOLDER);
  if (await isFolder(inside))
    found.push({
      dir: inside,
      label: `${label}/${SCENARIOS_FOLDER}`,
      source: checksBundled ? 'bundled' : 'user',
    });
  const beside = join(dirname(resolve(folder)), SCENARIOS_FOLDER);
  if (!checksBundled && basename(resolve(folder)) === 'runbooks' && (await isFolder(beside)))
    found.push({ dir: beside, label: relative(process.cwd(), beside) || '.', source: 'user' });
  return found;
}

/**
 * The data folder whose contacts go with a runbooks folder: the one given, or the folder a data
 * folder's `runbooks/` sits in when it has a contacts file; null when there is none.
 */
async function dataFolderOf(folder: string, given?: string): Promise<string | null> {
  if (given) return resolve(given);
  const parent = dirname(resolve(folder));
  const hasContacts = await stat(join(parent, CONTACTS_FILE)).then(
    (info) => info.isFile(),
    () => false,
  );
  return basename(resolve(folder)) === 'runbooks' && hasContacts ? parent : null;
}

/**
 * Checks a folder of runbooks the way the app loads them (national contacts from the bundled
 * pack), with file names relative to the working folder. Exercise scenarios that go with it
 * (see scenarioFoldersOf) are checked too, against the same runbooks. Roles the provider added
 * to their contacts are known when the data folder is given or the folder is a data folder's
 * `runbooks/`.
 */
export async function checkFolder(
  folder: string,
  bundledDir: string,
  dataDir?: string,
): Promise<{ problems: Problem[]; count: number; scenarios: number | null }> {
  const label = relative(process.cwd(), resolve(folder)) || '.';
  // A typo in a build script must not pass as "0 runbooks, 0 errors".
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    return {
      problems: [
        { file: label, line: 1, severity: 'error', message: 'this folder does not exist' },
      ],
      count: 0,
      scenarios: null,
    };
  }
  const national = await loadNationalContacts(
    bundledDir,
    relative(process.cwd(), bundledDir) || '.',
  );
  // The bundled runbooks are loaded alongside, as in the app, so links to them resolve; only the
  // checked folder's own problems are reported.
  const checksBundled = resolve(folder) === resolve(bundledDir);
  const folders: RunbookFolder[] = checksBundled
    ? []
    : [{ dir: bundledDir, source: 'bundled', label: '\0bundled' }];
  folders.push({ dir: resolve(folder), source: checksBundled ? 'bundled' : 'user', label });
  const data = checksBundled ? null : await dataFolderOf(folder, dataDir);
  const ownRoles = data ? await readOwnRoles(join(data, CONTACTS_FILE)) : undefined;
  const library = await loadLibrary(folders, national.contacts, undefined, ownRoles);
  const own = library.problems.filter((problem) => !problem.file.startsWith('\0bundled/'));
  const count = [...library.runbooks.values()].filter((runbook) =>
    runbook.file.startsWith(`${label}/`),
  ).length;
  const scenarioFolders = await scenarioFoldersOf(folder, label, checksBundled);
  const scenarios =
    scenarioFolders.length > 0
      ? await loadScenarios({
          folders: scenarioFolders,
          runbooks: library.runbooks,
          national: new Map(national.contacts.map((c) => [c.id, c])),
          ...(ownRoles ? { ownRoles } : {}),
        })
      : null;
  return {
    problems: [...(checksBundled ? national.problems : []), ...own, ...(scenarios?.problems ?? [])],
    count,
    scenarios: scenarios ? scenarios.scenarios.size : null,
  };
}
