/**
 * Opening a long incident the way the screen does: `incidents.get` through the real core, which
 * opens and checks the log, replays it and renders the runbook snapshot.
 */
import { join } from 'node:path';
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

/** The first `incidents.get` after a start (log opened and checked), then `runs` more (log already open). */
export async function timeIncidentOpens(
  dataDir: string,
  bundledDir: string,
  entries: number,
  runs: number,
): Promise<{ first: number; later: number[] }> {
  const id = await startLongIncident(dataDir, bundledDir, entries);

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
    const first = await get();
    const later: number[] = [];
    for (let i = 0; i < runs; i += 1) later.push(await get());
    return { first, later };
  } finally {
    await core.close();
  }
}
