/**
 * Child process for the crash trials (see crashTrials.ts). It loads the evidence log and prints
 * `ready`; on the first line from stdin it opens the log (repairing a torn tail left by the last
 * kill), prints `opened <ms> <recovered 0|1>`, then appends until it is killed, printing
 * `acked <seq> <hash>` only after each append has resolved. It stops when stdin closes, so it never
 * outlives its parent, and exits 1 if the log refuses it.
 * Usage: node --import tsx scripts/crash/appendUntilKilled.ts <log file> <trial> <whole|short>
 * (crashTrials.ts runs it bundled, with plain Node, for a quicker start).
 */
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { openEvidenceLog, type LogFs } from '../../main/core/evidence/evidenceLog';

/**
 * Writes at most half of what it is given per call, as the kernel may when a disk is nearly full.
 * The log must then continue the line, and a kill between the calls leaves a torn last line.
 */
const shortWriteFs: LogFs = {
  openAppend: async (path) => {
    const handle = await open(path, 'a', 0o600);
    return {
      write: (data) => handle.write(data, 0, Math.ceil(data.length / 2)),
      datasync: () => handle.datasync(),
      sync: () => handle.sync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
};

/** A note of about 300 bytes, like a line typed during an incident. */
function noteBody(trial: string, n: number): Record<string, string | number> {
  return {
    text: `Trial ${trial}, entry ${n}: phoned the IT supplier from the office landline; they confirmed the shared drive is encrypted and asked us to keep every PC switched off and unplugged from the network until their engineer arrives. Medication records are on paper from now.`,
    trial: Number(trial),
    n,
  };
}

async function main(): Promise<void> {
  const [path, trial, writes] = process.argv.slice(2);
  if (!path || !trial || (writes !== 'whole' && writes !== 'short')) {
    console.error('usage: appendUntilKilled.ts <log file> <trial> <whole|short>');
    process.exit(2);
  }
  let isParentGone = false;
  process.stdin.once('end', () => {
    isParentGone = true;
  });
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');

  const started = performance.now();
  const log = await openEvidenceLog(path, {
    now: () => new Date(),
    ...(writes === 'short' ? { fs: shortWriteFs } : {}),
  });
  if (log.state.readOnly) throw new Error(`the log opened read-only: ${log.state.problem.reason}`);
  const recovered = log.state.recovered ? 1 : 0;
  process.stdout.write(`opened ${(performance.now() - started).toFixed(3)} ${recovered}\n`);

  for (let n = 1; !isParentGone; n += 1) {
    const record = await log.append({
      author: 'Sam Patel (registered manager)',
      kind: 'note',
      body: noteBody(trial, n),
    });
    // A write to a pipe is synchronous on Linux and macOS: once this returns the parent can read it.
    process.stdout.write(`acked ${record.seq} ${record.hash}\n`);
  }
  await log.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
