/**
 * One guided-mode click on a long incident: `incidents.record` of a step through the real core,
 * with the log already open, timed from call to resolve (the entry on disk), and the size of what
 * it returns as JSON (what crosses to the screen).
 */
import { startBenchCore, startLongIncident } from './incidentOpen';

export interface RecordTimes {
  ms: number[];
  /** JSON bytes of each result. */
  bytes: number[];
}

export async function timeIncidentRecords(
  dataDir: string,
  bundledDir: string,
  entries: number,
  runs: number,
): Promise<RecordTimes> {
  const id = await startLongIncident(dataDir, bundledDir, entries);
  const core = await startBenchCore(dataDir, bundledDir);
  try {
    const shown = await core.handlers['incidents.get']({ id });
    if (!shown.ok) throw new Error('the long incident did not open');
    const steps = (shown.value.runbooks[0]?.view?.phases ?? []).flatMap((phase) => phase.steps);
    const ms: number[] = [];
    const bytes: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      // Done on each step in turn, then reopened, so every click changes something.
      const step = steps[run % steps.length];
      if (!step) throw new Error('the bench runbook has no steps');
      const status = Math.floor(run / steps.length) % 2 === 0 ? 'done' : 'reopened';
      const start = performance.now();
      const result = await core.handlers['incidents.record']({
        id,
        author: 'Sam Patel',
        action: { type: 'step', runbook: 'ransomware', step: step.id, status },
      });
      ms.push(performance.now() - start);
      if (!result.ok) throw new Error(`a bench click was refused: ${result.error.message}`);
      bytes.push(Buffer.byteLength(JSON.stringify(result.value)));
    }
    return { ms, bytes };
  } finally {
    await core.close();
  }
}
