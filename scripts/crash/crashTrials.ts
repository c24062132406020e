/**
 * Crash trials for the evidence log: a child process (appendUntilKilled.ts) appends to a real log
 * file and is killed with SIGKILL at a seeded random moment, while opening or repairing the file
 * or anywhere in its append loop; then the log is reopened here and every entry the child was told
 * was saved must be there, unchanged. Trials share a log file, so each child starts on whatever
 * the last kill left behind. Used by crashTrials.test.ts and `npm run soak`.
 */
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { scanLog } from '../../main/core/evidence/evidenceChain';
import { openEvidenceLog } from '../../main/core/evidence/evidenceLog';
import { checkLogFiles, headPathOf } from '../../main/core/evidence/logHead';
import { createRng, type Rng } from '../bench/prng';
import { median } from '../bench/stats';
import { bundleChild, pause, startChild, type Child } from './child';

const CHILD_SOURCE = resolve(import.meta.dirname, 'appendUntilKilled.ts');

/** What to run and where. */
export interface CrashTrialOptions {
  trials: number;
  seed: number;
  /** An empty folder for the logs; the caller removes it. */
  dir: string;
  /** Trials that share one log file before the next file is started, so reopening stays quick. */
  trialsPerLog?: number;
  /** Children started ahead of their trial (default 2). */
  childrenAhead?: number;
  onTrial?: (done: number) => void;
}

/** What the trials found. Lost entries, failed reopens and child errors are failures. */
export interface CrashSummary {
  trials: number;
  /** Acknowledged entries missing, or with a different hash, after any later reopen. */
  lostAcknowledged: number;
  /** Reopens here that threw, opened read-only or did not verify. */
  failedReopens: number;
  /** Children that exited before the kill: the log refused them, or they crashed by themselves. */
  childErrors: number;
  /** What went wrong, in words (the first few). */
  problems: string[];
  /** Reopens after a kill that found a torn last line and cut it off into quarantine. */
  tornTailsRepaired: number;
  /** Where the kills landed. */
  kills: {
    whileOpening: number;
    /** Of those, kills while the child was repairing the torn tail the previous kill left. */
    whileRepairing: number;
    /** A whole line on disk whose acknowledgement never arrived (between write and ack). */
    afterWriteBeforeAck: number;
    /** A line cut short by the kill. */
    midWrite: number;
    /** Between one acknowledgement and the next line reaching the disk. */
    betweenAppends: number;
  };
  acknowledged: number;
  /** Temp files left in the log folders by repairs that a kill interrupted. */
  leftoverTempFiles: number;
  /** Median time from spawning a child to its `ready` line. */
  childStartMs: number;
  durationMs: number;
}

interface TrialPlan {
  writes: 'whole' | 'short';
  /** Kill while opening, after this fraction of a typical open; otherwise in the append loop. */
  openFraction: number | null;
  /** In the append loop: after this many acknowledgements, plus jitterMs. */
  afterAcks: number;
  jitterMs: number;
}

function planTrial(rng: Rng): TrialPlan {
  // Always four draws, so one seed gives the same plans whatever the timing.
  const writes = rng.chance(0.5) ? 'short' : 'whole';
  const isDuringOpen = rng.chance(0.3);
  const openFraction = rng.next() * 1.5;
  const afterAcks = rng.int(0, 10);
  // An append takes about one fdatasync, so a jitter of up to 2 ms lands anywhere inside one.
  const jitterMs = rng.next() * 2;
  return { writes, openFraction: isDuringOpen ? openFraction : null, afterAcks, jitterMs };
}

const ackCount = (lines: readonly string[]): number =>
  lines.filter((line) => line.startsWith('acked ')).length;
const hasOpened = (lines: readonly string[]): boolean =>
  lines.some((line) => line.startsWith('opened '));

/** Sends `go`, then kills the child at the planned moment. */
async function killAsPlanned(child: Child, plan: TrialPlan, typicalOpenMs: number): Promise<void> {
  child.go();
  if (plan.openFraction !== null) {
    await pause(plan.openFraction * typicalOpenMs);
  } else {
    await child.waitFor((lines) => hasOpened(lines) && ackCount(lines) >= plan.afterAcks);
    await pause(plan.jitterMs);
  }
  child.kill();
}

interface Reopened {
  /** Every record on disk, without the recovery record the reopen itself added. */
  onDisk: { seq: number; hash: string; trial: unknown }[];
  isTorn: boolean;
  failure: string | null;
}

/**
 * Opens the log as the app would and checks the chain. With `scratch`, a byte-for-byte copy is
 * opened instead, so the next child meets the file exactly as the kill left it.
 */
async function reopen(logPath: string, scratch?: string): Promise<Reopened> {
  let path = logPath;
  if (scratch) {
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
    path = join(scratch, 'incident.jsonl');
    // No file yet (killed before creating it) opens as an empty log, as in the app; the head
    // record beside the log is copied with it.
    for (const [from, to] of [
      [logPath, path],
      [headPathOf(logPath), headPathOf(path)],
    ] as const)
      await copyFile(from, to).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      });
  }
  // The entries on disk before the reopen: those it may add itself (recovery notes) come after.
  const before = scanLog(await readFile(path).catch(() => Buffer.alloc(0))).records.length;
  const failed = (failure: string): Reopened => ({ onDisk: [], isTorn: false, failure });
  let log;
  try {
    log = await openEvidenceLog(path, { now: () => new Date() });
  } catch (error: unknown) {
    return failed(`reopen threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  await log.close();
  if (log.state.readOnly) return failed(`reopened read-only: ${log.state.problem.reason}`);
  const records = log.entries();
  // The chain, and the log against its head record: after the reopen they agree again.
  const verified = checkLogFiles(
    await readFile(path),
    await readFile(headPathOf(path)).catch(() => null),
  );
  if (!verified.ok || verified.count !== records.length || verified.head !== 'match')
    return failed(`does not verify after reopen: ${JSON.stringify(verified)}`);
  const isTorn = log.state.recovered !== null;
  return {
    onDisk: records.slice(0, before).map(({ seq, hash, body }) => ({
      seq,
      hash,
      trial: body.trial,
    })),
    isTorn,
    failure: null,
  };
}

async function countTempFiles(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => []);
  return names.filter((name) => name.endsWith('.tmp')).length;
}

/** Runs the trials one after another, each child started while the trials before it run. */
export async function runCrashTrials(options: CrashTrialOptions): Promise<CrashSummary> {
  const { trials, seed, dir } = options;
  const perLog = options.trialsPerLog ?? 50;
  const ahead = options.childrenAhead ?? 2;
  const began = performance.now();
  const rng = createRng(seed);
  const summary: CrashSummary = {
    trials: 0,
    lostAcknowledged: 0,
    failedReopens: 0,
    childErrors: 0,
    problems: [],
    tornTailsRepaired: 0,
    kills: {
      whileOpening: 0,
      whileRepairing: 0,
      afterWriteBeforeAck: 0,
      midWrite: 0,
      betweenAppends: 0,
    },
    acknowledged: 0,
    leftoverTempFiles: 0,
    childStartMs: 0,
    durationMs: 0,
  };
  const problem = (text: string): void => {
    if (summary.problems.length < 10) summary.problems.push(text);
  };
  const logFolder = (trial: number): string => join(dir, `log-${Math.floor(trial / perLog) + 1}`);
  const logPath = (trial: number): string => join(logFolder(trial), 'incident.jsonl');
  const openTimes: number[] = [];
  const startTimes: number[] = [];
  // Every acknowledgement on the current file, seq → hash, checked again after every kill.
  let acked = new Map<number, string>();
  const lost = new Set<number>();
  let isTorn = false;

  /** Counts acknowledged entries that are missing or changed; each one only once. */
  const checkAcked = (trial: number, onDisk: Reopened['onDisk']): void => {
    for (const [seq, hash] of acked) {
      if (lost.has(seq) || onDisk[seq - 1]?.hash === hash) continue;
      lost.add(seq);
      summary.lostAcknowledged += 1;
      problem(
        `trial ${trial}: acknowledged seq ${seq} is ${onDisk[seq - 1] ? 'changed' : 'missing'} after reopen`,
      );
    }
  };

  // Children start ahead of their trial: start-up (Node, zod) costs more than the trial itself.
  const queued: { plan: TrialPlan; child: Child }[] = [];
  let started = 0;
  let current: Child | undefined;
  const script = await bundleChild(CHILD_SOURCE, dir);
  const startAhead = (upTo: number): void => {
    for (; started <= Math.min(upTo, trials - 1); started += 1) {
      const plan = planTrial(rng);
      queued.push({
        plan,
        child: startChild(script, [logPath(started), String(started), plan.writes]),
      });
    }
  };
  try {
    for (let trial = 0; trial < trials; trial += 1) {
      startAhead(trial + ahead);
      const { plan, child } = queued.shift() as (typeof queued)[number];
      current = child;
      await child.ready;
      if (Number.isFinite(child.readyMs())) startTimes.push(child.readyMs());
      const typicalOpenMs = openTimes.length > 0 ? median(openTimes.slice(-20)) : 10;
      await killAsPlanned(child, plan, typicalOpenMs);
      const { lines, signal, code, stderr } = await child.exited;
      const isLastOnFile = trial === trials - 1 || logFolder(trial + 1) !== logFolder(trial);

      if (signal !== 'SIGKILL') {
        summary.childErrors += 1;
        problem(
          `trial ${trial}: the child was not killed but exited (${code}): ${stderr.trim().slice(0, 500)}`,
        );
      }
      const opened = lines.find((line) => line.startsWith('opened '));
      if (opened) openTimes.push(Number(opened.split(' ')[1]));
      let highestAcked = 0;
      for (const line of lines) {
        const [word, seq, hash] = line.split(' ');
        if (word !== 'acked' || !seq || !hash) continue;
        const earlier = acked.get(Number(seq));
        // The same seq acknowledged again for other content: the first entry was lost.
        if (earlier !== undefined && earlier !== hash && !lost.has(Number(seq))) {
          lost.add(Number(seq));
          summary.lostAcknowledged += 1;
          problem(`trial ${trial}: seq ${seq} was acknowledged twice, for different content`);
        }
        acked.set(Number(seq), hash);
        highestAcked = Math.max(highestAcked, Number(seq));
        summary.acknowledged += 1;
      }

      const after = await reopen(logPath(trial), join(dir, 'reopen'));
      if (after.failure) {
        summary.failedReopens += 1;
        problem(`trial ${trial}: ${after.failure}`);
      }
      checkAcked(trial, after.onDisk);
      if (after.isTorn) summary.tornTailsRepaired += 1;

      if (!opened) {
        summary.kills.whileOpening += 1;
        if (isTorn) summary.kills.whileRepairing += 1;
      } else if (after.isTorn) {
        summary.kills.midWrite += 1;
      } else if (
        after.onDisk.some((record) => record.trial === trial && record.seq > highestAcked)
      ) {
        summary.kills.afterWriteBeforeAck += 1;
      } else {
        summary.kills.betweenAppends += 1;
      }
      isTorn = after.isTorn;

      if (isLastOnFile) {
        // The file itself, opened in place as the app would, with its last tear repaired for real.
        const final = await reopen(logPath(trial));
        if (final.failure) {
          summary.failedReopens += 1;
          problem(`log ${logFolder(trial)}: ${final.failure}`);
        }
        checkAcked(trial, final.onDisk);
        summary.leftoverTempFiles += await countTempFiles(logFolder(trial));
        acked = new Map();
        lost.clear();
        isTorn = false;
      }
      summary.trials += 1;
      options.onTrial?.(summary.trials);
    }
  } finally {
    // If a check threw, no child may outlive the run (killing one that has exited does nothing).
    current?.kill();
    for (const { child } of queued.splice(0)) child.kill();
  }
  await rm(join(dir, 'reopen'), { recursive: true, force: true });
  summary.childStartMs = startTimes.length > 0 ? median(startTimes) : 0;
  summary.durationMs = performance.now() - began;
  return summary;
}

/** The figure line, then one line of detail, as the test and the soak print them. */
export function describeCrashSummary(summary: CrashSummary): string {
  const { kills } = summary;
  return [
    `log crash (SIGKILL): ${summary.trials} trials, ${summary.lostAcknowledged} lost acknowledged entries, ${summary.failedReopens} failed reopen, ${summary.tornTailsRepaired} torn tails repaired`,
    `# kills: ${kills.whileOpening} while opening (${kills.whileRepairing} of them while repairing a torn tail), ${kills.midWrite} mid-write, ${kills.afterWriteBeforeAck} after a write before its acknowledgement, ${kills.betweenAppends} between appends; ${summary.childErrors} child errors; ${summary.acknowledged} acknowledged entries, each checked again after every later kill; ${summary.leftoverTempFiles} temp files left by interrupted repairs; child start ${summary.childStartMs.toFixed(0)} ms (median); ${(summary.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
