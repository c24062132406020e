import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadLibrary, type RunbookFolder } from '../core/runbooks/library';
import { loadNationalContacts } from '../core/runbooks/loadRunbooks';
import { loadScenarios, SCENARIOS_FOLDER } from '../core/exercises/scenarioLibrary';
import type { Problem } from '../contract/types';

/**
 * `npm run runbooks:check -- <folder>`: validates a folder of runbooks the way the app loads them
 * (national contacts from the bundled pack), prints `file:line: message`, exits 1 on any error.
 * Exercise scenarios in its `scenarios/` subfolder are checked too, against the same runbooks.
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

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npm run runbooks:check -- <folder of .md runbooks>');
    process.exit(2);
  }
  const bundledDir = resolve(import.meta.dirname, '..', '..', 'runbooks');
  const { problems, count, scenarios } = await checkFolder(folder, bundledDir);
  for (const p of problems) console.log(`${p.file}:${p.line}: ${p.severity}: ${p.message}`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const loaded = `${count} runbook${count === 1 ? '' : 's'}${scenarios === null ? '' : ` and ${scenarios} scenario${scenarios === 1 ? '' : 's'}`}`;
  console.log(
    `${loaded} loaded, ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`,
  );
  process.exit(errors > 0 ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
