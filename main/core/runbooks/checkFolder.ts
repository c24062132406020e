import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadLibrary, type RunbookFolder } from './library';
import { loadNationalContacts } from './loadRunbooks';
import { loadScenarios, SCENARIOS_FOLDER } from '../exercises/scenarioLibrary';
import type { Problem } from '../../contract/types';

/**
 * Checks a folder of runbooks the way the app loads them (national contacts from the bundled
 * pack), with file names relative to the working folder. Exercise scenarios in its `scenarios/`
 * subfolder are checked too, against the same runbooks.
 */
export async function checkFolder(
  folder: string,
  bundledDir: string,
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
  const library = await loadLibrary(folders, national.contacts);
  const own = library.problems.filter((problem) => !problem.file.startsWith('\0bundled/'));
  const count = [...library.runbooks.values()].filter((runbook) =>
    runbook.file.startsWith(`${label}/`),
  ).length;
  const scenarioDir = join(resolve(folder), SCENARIOS_FOLDER);
  const hasScenarios = (await stat(scenarioDir).catch(() => null))?.isDirectory() ?? false;
  const scenarios = hasScenarios
    ? await loadScenarios({
        dir: scenarioDir,
        label: `${label}/${SCENARIOS_FOLDER}`,
        runbooks: library.runbooks,
        national: new Map(national.contacts.map((c) => [c.id, c])),
      })
    : null;
  return {
    problems: [...(checksBundled ? national.problems : []), ...own, ...(scenarios?.problems ?? [])],
    count,
    scenarios: scenarios ? scenarios.scenarios.size : null,
  };
}
