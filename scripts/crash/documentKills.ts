/**
 * Kill -9 during contacts and settings saves: a child opens the data folder, saves version after
 * version of both and is killed with SIGKILL at a random moment (some while it is still opening
 * and recovering); the folder is then reopened here the way the app opens it. Every acknowledged
 * version (or a later one) must be there, and both files must open.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createRng, type Rng } from '../bench/prng';
import { median } from '../bench/stats';
import { bundleChild, pause, startChild, type Child } from './child';
import { openTrialStores, versionsIn } from './openTrialStores';

const CHILD_SOURCE = resolve(import.meta.dirname, 'writeDocumentsUntilKilled.ts');
const CHILDREN_AHEAD = 2;

/** When to kill: during opening (a fraction of a typical open), or after some saves plus a jitter. */
interface KillPlan {
  openFraction: number | null;
  afterAcks: number;
  jitterMs: number;
}

function planKill(rng: Rng): KillPlan {
  // Always four draws, so one seed gives the same plans whatever the timing.
  const isDuringOpen = rng.chance(0.3);
  const openFraction = rng.next() * 1.2;
  const afterAcks = rng.int(0, 5);
  // One acknowledged version is two durable saves, about 5–10 ms here: the jitter lands anywhere in it.
  const jitterMs = rng.next() * 10;
  return { openFraction: isDuringOpen ? openFraction : null, afterAcks, jitterMs };
}

const openedMs = (lines: readonly string[]): number | undefined => {
  const line = lines.find((text) => text.startsWith('opened '));
  return line === undefined ? undefined : Number(line.slice(7));
};

async function killAsPlanned(child: Child, plan: KillPlan, typicalOpenMs: number): Promise<void> {
  child.go();
  if (plan.openFraction !== null) {
    await pause(plan.openFraction * typicalOpenMs);
  } else {
    await child.waitFor(
      (lines) =>
        openedMs(lines) !== undefined &&
        lines.filter((line) => line.startsWith('ack ')).length >= plan.afterAcks,
    );
    await pause(plan.jitterMs);
  }
  child.kill();
}

export interface KillFigures {
  trials: number;
  /** The highest version acknowledged by the end: how many saves the trials covered. */
  acknowledged: number;
  /** Kills before the child had opened both files (while reading or recovering them). */
  whileOpening: number;
  lost: number;
  failedReopen: number;
  /** Children that exited before the kill. */
  childErrors: number;
  problems: string[];
  durationMs: number;
}

export function describeKillFigures(figures: KillFigures): string[] {
  return [
    `document and settings kill (SIGKILL): ${figures.trials} trials, ${figures.lost} lost, ${figures.failedReopen} failed reopen`,
    `# ${figures.acknowledged} saves acknowledged; ${figures.whileOpening} kills while opening; ${figures.childErrors} child errors; ${(figures.durationMs / 1000).toFixed(1)} s`,
  ];
}

export async function documentKillTrials(options: {
  trials: number;
  seed: number;
}): Promise<KillFigures> {
  const began = performance.now();
  const work = await mkdtemp(join(process.env.TMPDIR ?? '/tmp', 'holdfast-document-kills-'));
  const figures: KillFigures = {
    trials: 0,
    acknowledged: 0,
    whileOpening: 0,
    lost: 0,
    failedReopen: 0,
    childErrors: 0,
    problems: [],
    durationMs: 0,
  };
  const problem = (text: string): void => {
    if (figures.problems.length < 5) figures.problems.push(text);
  };
  const random = createRng(options.seed);
  const dataDir = join(work, 'data');
  // Children load ahead of their trial (start-up costs more than the trial); each touches the
  // folder only after its `go`, so it meets whatever the kill before it left.
  const queued: Child[] = [];
  const openTimes: number[] = [];
  let current: Child | undefined;
  try {
    const script = await bundleChild(CHILD_SOURCE, work);
    let started = 0;
    for (let trial = 0; trial < options.trials; trial += 1) {
      for (; started < Math.min(trial + 1 + CHILDREN_AHEAD, options.trials); started += 1)
        queued.push(startChild(script, [dataDir]));
      current = queued.shift();
      if (!current) throw new Error(`no child queued for trial ${trial}`);
      await current.ready;
      await killAsPlanned(
        current,
        planKill(random),
        openTimes.length > 0 ? median(openTimes.slice(-20)) : 15,
      );
      const { lines, signal, code, stderr } = await current.exited;
      const opened = openedMs(lines);
      if (opened !== undefined) openTimes.push(opened);
      figures.trials += 1;
      if (signal !== 'SIGKILL') {
        figures.childErrors += 1;
        problem(
          `trial ${trial}: the child was not killed but exited (${code}): ${stderr.trim().slice(0, 300)}`,
        );
      }
      if (opened === undefined) figures.whileOpening += 1;
      const lastAck = Math.max(
        0,
        ...lines.filter((line) => line.startsWith('ack ')).map((line) => Number(line.slice(4))),
      );
      figures.acknowledged = Math.max(figures.acknowledged, lastAck);
      try {
        const versions = versionsIn(await openTrialStores(dataDir));
        if (versions.contacts < lastAck || versions.settings < lastAck) {
          figures.lost += 1;
          problem(
            `trial ${trial}: acknowledged ${lastAck}, contacts ${versions.contacts}, settings ${versions.settings}`,
          );
        }
      } catch (error: unknown) {
        figures.failedReopen += 1;
        problem(`trial ${trial}: reopen failed: ${String(error)} ${stderr}`);
      }
    }
    return figures;
  } finally {
    current?.kill();
    for (const child of queued.splice(0)) child.kill();
    figures.durationMs = performance.now() - began;
    await rm(work, { recursive: true, force: true });
  }
}
