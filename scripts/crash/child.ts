/**
 * The child processes of the crash trials: bundled once with esbuild and started with plain Node
 * (a third of the start-up `--import tsx` costs; start-up is most of a trial), with Node's compile
 * cache in the work folder so every later start skips parsing the bundle again.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/** Bundles `source` into one plain-JS file in `dir`; returns its path. */
export async function bundleChild(source: string, dir: string): Promise<string> {
  const outfile = join(dir, basename(source).replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'silent',
  });
  return outfile;
}

/** Starts a bundled child with piped stdio; its compile cache lives next to the bundle. */
export function spawnChild(
  script: string,
  args: readonly string[],
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [script, ...args], {
    stdio: 'pipe',
    env: { ...process.env, NODE_COMPILE_CACHE: join(script, '..', 'compile-cache') },
  });
}

/**
 * A child that speaks in lines: it prints `ready` once loaded, waits for `go` on stdin, then
 * prints what it does. A line cut off by the kill has no newline and is never seen.
 */
export interface Child {
  /** Resolves on the `ready` line, or when the child has exited. */
  ready: Promise<void>;
  /** Milliseconds from spawn to `ready` (NaN if it never came). */
  readyMs: () => number;
  /** Resolves when the predicate holds for the lines so far, or when the child has exited. */
  waitFor: (predicate: (lines: readonly string[]) => boolean) => Promise<void>;
  go: () => void;
  kill: () => void;
  /** Every complete stdout line and the stderr text, once the child is gone. */
  exited: Promise<{ lines: string[]; signal: string | null; code: number | null; stderr: string }>;
}

export function startChild(script: string, args: readonly string[]): Child {
  const spawned = performance.now();
  let readyAt = Number.NaN;
  const child = spawnChild(script, args);
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  let isGone = false;
  const waiting = new Set<() => void>();
  const wakeAll = (): void => waiting.forEach((wake) => wake());

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    wakeAll();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  // The child may already be dead when `go` is sent.
  child.stdin.on('error', () => undefined);

  const exited = new Promise<Awaited<Child['exited']>>((done) => {
    const finish = (code: number | null, signal: string | null): void => {
      isGone = true;
      wakeAll();
      done({ lines, signal, code, stderr });
    };
    child.once('close', finish);
    child.once('error', (error) => {
      stderr += error.message;
      finish(null, null);
    });
  });
  const waitFor: Child['waitFor'] = (predicate) =>
    new Promise((done) => {
      const check = (): void => {
        if (!isGone && !predicate(lines)) return;
        waiting.delete(check);
        done();
      };
      waiting.add(check);
      check();
    });
  const ready = waitFor((seen) => seen.includes('ready')).then(() => {
    readyAt = performance.now();
  });
  return {
    ready,
    readyMs: () => readyAt - spawned,
    waitFor,
    go: () => child.stdin.write('go\n'),
    kill: () => child.kill('SIGKILL'),
    exited,
  };
}

/** Waits `ms` closely: a timer for the bulk, then a spin, as timers are good only to a millisecond. */
export async function pause(ms: number): Promise<void> {
  const until = performance.now() + ms;
  if (ms > 2) await new Promise((done) => setTimeout(done, ms - 2));
  while (performance.now() < until) {
    // spin
  }
}
