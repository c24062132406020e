/**
 * Opening a long incident the way the screen does: `incidents.get` through the real core, which
 * opens and checks the log, replays it and renders the runbook snapshot.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Conf from 'conf';
import { createCore, type Core } from '../../main/core/createCore';
import { appendRealisticEntries } from './logTimes';

export const startBenchCore = (dataDir: string, bundledRunbooksDir: string): Promise<Core> =>
  createCore({
    dataDir,
    bundledRunbooksDir,
    shell: 'web-harness',
    version: 'bench',
    openSettingsStore: () =>
      new Conf({ cwd: dataDir, configName: 'settings', projectName: 'holdfast' }),
    openExternal: async () => ({ opened: false }),
    savePdf: async () => ({ saved: false }),
  });

/** A "ransomware" incident with `entries` realistic notes after its opening entries; its id. */
export async function startLongIncident(
  dataDir: string,
  bundledDir: string,
  entries: number,
): Promise<string> {
  const setup = await startBenchCore(dataDir, bundledDir);
  const started = await setup.handlers['incidents.start']({
    name: 'Bench incident',
    runbook: 'ransomware',
    lead: 'Sam Patel',
    author: 'Sam Patel',
  });
  await setup.close();
  if (!started.ok) throw new Error(`the bench incident could not start: ${started.error.message}`);
  const { id } = started.value;
  await appendRealisticEntries(join(dataDir, 'incidents', id, 'log.jsonl'), entries);
  return id;
}

const COLD_SCRIPT = join(import.meta.dirname, 'incidentOpenCold.ts');
const execFileAsync = promisify(execFile);

/**
 * `firstRuns` first opens, each the first `incidents.get` in a fresh process after a start (see
 * incidentOpenCold.ts), then `runs` more in this process with the log already open.
 */
export async function timeIncidentOpens(
  dataDir: string,
  bundledDir: string,
  entries: number,
  runs: number,
  firstRuns: number,
): Promise<{ first: number[]; later: number[] }> {
  const id = await startLongIncident(dataDir, bundledDir, entries);

  const first: number[] = [];
  for (let i = 0; i < firstRuns; i += 1) {
    const { stdout } = await execFileAsync(
      process.execPath,
      ['--import', 'tsx', COLD_SCRIPT, dataDir, bundledDir, id, String(entries)],
      { timeout: 60_000 },
    );
    first.push((JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as { ms: number }).ms);
  }

  const core = await startBenchCore(dataDir, bundledDir);
  try {
    const get = async (): Promise<number> => {
      const start = performance.now();
      const view = await core.handlers['incidents.get']({ id });
      const ms = performance.now() - start;
      if (!view.ok || view.value.log.entries < entries || view.value.log.readOnly)
        throw new Error('the long incident did not open whole');
      return ms;
    };
    // The first get in this process opens the log; the figure is of the ones after it.
    await get();
    const later: number[] = [];
    for (let i = 0; i < runs; i += 1) later.push(await get());
    return { first, later };
  } finally {
    await core.close();
  }
}
