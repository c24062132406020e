/**
 * Evidence log timings for the benchmark: what an append costs beyond the disk's own
 * write + fdatasync, and how long a long incident log takes to open.
 */
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../../main/core/evidence/canonicalJson';
import {
  openEvidenceLog,
  type EvidenceRecord,
  type LogFs,
  type NewEntry,
} from '../../main/core/evidence/evidenceLog';
import { headLineFor } from '../../main/core/evidence/logHead';

/** A fake clock from a fixed start, one second a reading, so two runs write identical lines. */
function steadyClock(): () => Date {
  let at = Date.parse('2026-03-01T09:00:00.000Z');
  return () => new Date((at += 1000));
}

/** The computer the core stamps on every entry, as on a care home's office PC. */
const BENCH_DEVICE = { host: 'ROSEWOOD-OFFICE-01', user: 'reception' };

/** A note of about 300 bytes of body, like a line typed during an incident. */
export function realisticEntry(n: number): NewEntry {
  return {
    author: 'Sam Patel (registered manager)',
    kind: 'note',
    body: {
      text: `Entry ${n}: phoned the IT supplier from the office landline; they confirmed the shared drive is encrypted and asked us to keep every PC switched off and unplugged until their engineer arrives.`,
      location: 'Rosewood House, office',
      followUp: 'Ring back at 14:00 with the list of affected PCs',
    },
  };
}

/** Real writes without fdatasync: only for building files, never for the appends that are timed. */
const noSyncFs: LogFs = {
  openAppend: async (path) => {
    const handle = await open(path, 'a', 0o600);
    return {
      write: (data) => handle.write(data),
      datasync: async () => undefined,
      sync: async () => undefined,
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
};

export interface AppendTimes {
  /** EvidenceLog.append, call to resolve, per entry. */
  logMs: number[];
  /** write + fdatasync of the same line to an O_APPEND file, then of its head line to another, per entry. */
  bareMs: number[];
  /** The line's write + fdatasync alone (before head records): what the head record adds is shown beside it. */
  singleMs: number[];
  /** Mean sizes: the body as stored (canonical JSON), and the whole line with seq, times and hashes. */
  bodyBytes: number;
  lineBytes: number;
}

/**
 * Times `count` appends through EvidenceLog.append and `count` bare write + fdatasync calls of
 * the very same bytes, interleaved one by one (each pair in alternating order) so both see the
 * same disk. The lines are known in advance from a first, untimed log on the same fake clock.
 */
export async function timeAppends(dir: string, count: number): Promise<AppendTimes> {
  const rehearsal = await openEvidenceLog(join(dir, 'rehearsal', 'log.jsonl'), {
    now: steadyClock(),
    fs: noSyncFs,
    device: BENCH_DEVICE,
  });
  for (let n = 1; n <= count; n += 1) await rehearsal.append(realisticEntry(n));
  await rehearsal.close();
  const lines = (await readFile(join(dir, 'rehearsal', 'log.jsonl')))
    .toString('utf8')
    .split('\n')
    .slice(0, -1)
    .map((line) => Buffer.from(`${line}\n`));
  const parsedLines = lines.map((line) => JSON.parse(line.toString('utf8')) as EvidenceRecord);

  const log = await openEvidenceLog(join(dir, 'timed', 'log.jsonl'), {
    now: steadyClock(),
    device: BENCH_DEVICE,
  });
  const bare = await open(join(dir, 'bare.jsonl'), 'a', 0o600);
  const bareHead = await open(join(dir, 'bare-head.jsonl'), 'a', 0o600);
  const logMs: number[] = [];
  const bareMs: number[] = [];
  const singleMs: number[] = [];
  const timeLog = async (n: number): Promise<void> => {
    const start = performance.now();
    await log.append(realisticEntry(n));
    logMs.push(performance.now() - start);
  };
  // The disk's own work for one entry: its line and its head line, each written and fdatasync'ed
  // in turn (the head must never reach the disk before the entry it counts).
  const timeBare = async (line: Buffer, n: number): Promise<void> => {
    const headLine = Buffer.from(headLineFor(parsedLines.slice(0, n)));
    const start = performance.now();
    await bare.write(line);
    await bare.datasync();
    singleMs.push(performance.now() - start);
    await bareHead.write(headLine);
    await bareHead.datasync();
    bareMs.push(performance.now() - start);
  };
  try {
    for (const [index, line] of lines.entries()) {
      if (index % 2 === 0) {
        await timeLog(index + 1);
        await timeBare(line, index + 1);
      } else {
        await timeBare(line, index + 1);
        await timeLog(index + 1);
      }
    }
  } finally {
    await log.close();
    await bare.close();
    await bareHead.close();
  }
  if (
    !(await readFile(join(dir, 'timed', 'log.jsonl'))).equals(
      await readFile(join(dir, 'bare.jsonl')),
    )
  )
    throw new Error('the timed log and the bare file differ: the comparison would be unfair');
  let bodyBytes = 0;
  for (let n = 1; n <= count; n += 1)
    bodyBytes += Buffer.byteLength(canonicalJson(realisticEntry(n).body));
  const lineBytes = lines.reduce((sum, line) => sum + line.length, 0);
  return { logMs, bareMs, singleMs, bodyBytes: bodyBytes / count, lineBytes: lineBytes / count };
}

/** Writes a log of `count` realistic entries through EvidenceLog itself; returns its path. */
export async function writeLongLog(dir: string, count: number): Promise<string> {
  // Each log in a folder of its own, as in the app: its head record (head.jsonl) sits beside it.
  const path = join(dir, `long-${count}`, 'log.jsonl');
  await appendRealisticEntries(path, count);
  return path;
}

/** Adds `count` realistic entries to a log (new or existing) through EvidenceLog itself. */
export async function appendRealisticEntries(path: string, count: number): Promise<void> {
  const log = await openEvidenceLog(path, {
    now: steadyClock(),
    fs: noSyncFs,
    device: BENCH_DEVICE,
  });
  for (let n = 1; n <= count; n += 1) await log.append(realisticEntry(n));
  await log.close();
}

/** One open as the app does it on start: openEvidenceLog, then entries() for the screen. */
export async function timeOpen(path: string, expected: number): Promise<number> {
  const start = performance.now();
  const log = await openEvidenceLog(path, { now: steadyClock() });
  const count = log.entries().length;
  const ms = performance.now() - start;
  await log.close();
  if (log.state.readOnly || count !== expected)
    throw new Error(`the long log opened with ${count} entries (read-only: ${log.state.readOnly})`);
  return ms;
}
