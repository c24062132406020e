import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, LOCK_FILE, type LockEnvironment } from './dataFolderLock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const env = (pid: number, running: number[] = [], host = 'care-office'): LockEnvironment => ({
  pid,
  host,
  isRunning: (other) => running.includes(other),
  now: () => new Date('2026-03-01T02:00:00.000Z'),
});

describe('data folder lock', () => {
  it('gives the folder to exactly one holder until it is released', async () => {
    const first = await acquireDataFolderLock(dir, env(100, [100, 200]));
    expect(first.held).toBe(true);
    const second = await acquireDataFolderLock(dir, env(200, [100, 200]));
    expect(second).toEqual({
      held: false,
      holder: { pid: 100, host: 'care-office', since: '2026-03-01T02:00:00.000Z' },
    });
    if (first.held) await first.release();
    expect((await acquireDataFolderLock(dir, env(200, [200]))).held).toBe(true);
  });

  it('takes over a lock whose process on this machine has gone (a crash)', async () => {
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 100, host: 'care-office', since: '2026-02-01T00:00:00.000Z' }),
    );
    const outcome = await acquireDataFolderLock(dir, env(200, [200]));
    expect(outcome.held).toBe(true);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: 200 });
  });

  it('never takes over a lock from another machine, and treats an unreadable lock file as stale', async () => {
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 100, host: 'reception-pc', since: '2026-02-01T00:00:00.000Z' }),
    );
    expect((await acquireDataFolderLock(dir, env(200))).held).toBe(false);
    await writeFile(join(dir, LOCK_FILE), '');
    expect((await acquireDataFolderLock(dir, env(200))).held).toBe(true);
  });

  it('release removes only its own lock', async () => {
    const outcome = await acquireDataFolderLock(dir, env(100, [100]));
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 300, host: 'care-office', since: 'x' }),
    );
    if (outcome.held) await outcome.release();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: 300 });
  });
});
