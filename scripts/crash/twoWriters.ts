/**
 * Two Holdfast processes started at the same moment on one data folder: exactly one may become the
 * writer, every time, and the folder is free again once it lets go.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { bundleChild, spawnChild } from './child';

const CHILD_SOURCE = resolve(import.meta.dirname, 'holdDataFolder.ts');

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolveLine(line));
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before answering`)));
  });
}

const exited = (child: ChildProcessWithoutNullStreams): Promise<void> =>
  new Promise((done) => child.once('exit', () => done()));

/** Runs the trials; returns how many trials did not end with exactly one writer. */
export async function twoWriterTrials(
  trials: number,
): Promise<{ trials: number; failures: number; detail: string[] }> {
  const work = await mkdtemp(join(process.env.TMPDIR ?? '/tmp', 'holdfast-two-writers-'));
  const detail: string[] = [];
  try {
    const child = await bundleChild(CHILD_SOURCE, work);
    let failures = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      const dataDir = await mkdtemp(join(work, 'data-'));
      const pair = [0, 1].map(() => spawnChild(child, [dataDir]));
      const answers = await Promise.all(pair.map(firstLine));
      // A third, started after both, is read-only while the writer holds the folder.
      const late = spawnChild(child, [dataDir]);
      const lateAnswer = await firstLine(late);
      late.stdin.end('release\n');
      for (const process_ of pair) process_.stdin.end('release\n');
      await Promise.all([...pair, late].map(exited));
      // Once every process has let go, the folder can be taken again.
      const after = spawnChild(child, [dataDir]);
      const afterAnswer = await firstLine(after);
      after.stdin.end('release\n');
      await exited(after);
      const writers = answers.filter((answer) => answer === 'writer').length;
      if (writers !== 1 || lateAnswer !== 'read-only' || afterAnswer !== 'writer') {
        failures += 1;
        detail.push(
          `trial ${trial}: ${answers.join(', ')}; late ${lateAnswer}; after ${afterAnswer}`,
        );
      }
    }
    return { trials, failures, detail };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
