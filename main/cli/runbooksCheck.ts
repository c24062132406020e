import { resolve } from 'node:path';
import { checkFolder } from '../core/runbooks/checkFolder';
import { pluralise } from '../shared/pluralise';

const USAGE =
  'usage: npm run runbooks:check -- <folder of .md runbooks> [--as-bundled | --data <data folder>]';

/**
 * `npm run runbooks:check -- <folder>`: prints `file:line: severity: message` for each problem
 * the app would find in a folder of runbooks, and exits 1 on any error. `--data` names the data
 * folder whose contacts hold the provider's own roles (a data folder's `runbooks/` finds its own).
 */
async function main(): Promise<void> {
  const [folder, flag, dataDir, ...rest] = process.argv.slice(2);
  const dataFlag = flag === '--data';
  if (
    !folder ||
    rest.length > 0 ||
    (flag !== undefined && flag !== '--as-bundled' && !dataFlag) ||
    (dataFlag ? !dataDir : dataDir !== undefined)
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  // --as-bundled checks a copy of the bundled folder (a packaged app's) as the app loads it: its
  // own national contacts pack, and no second set of runbooks to collide with.
  const bundledDir =
    flag === '--as-bundled'
      ? resolve(folder)
      : resolve(import.meta.dirname, '..', '..', 'runbooks');
  const { problems, count, scenarios } = await checkFolder(
    folder,
    bundledDir,
    dataFlag ? dataDir : undefined,
  );
  for (const p of problems) console.log(`${p.file}:${p.line}: ${p.severity}: ${p.message}`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const loaded = `${pluralise(count, 'runbook', 'runbooks')}${scenarios === null ? '' : ` and ${pluralise(scenarios, 'scenario', 'scenarios')}`}`;
  console.log(
    `${loaded} loaded, ${pluralise(errors, 'error', 'errors')}, ${pluralise(problems.length - errors, 'warning', 'warnings')}`,
  );
  process.exit(errors > 0 ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
