import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../__fixtures__/testCore';
import { runbookSource, SIMPLE_BODY } from '../runbooks/__fixtures__/runbookSource';
import { createEncryptedBackup, restoreBackup } from '../backup/dataBackup';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-modes-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every folder and file under `dir` whose permission bits are not private to the user. */
async function notPrivate(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await lstat(path);
    const mode = info.mode & 0o777;
    if (info.isDirectory()) {
      if (mode !== 0o700) found.push(`${path} ${mode.toString(8)}`);
      found.push(...(await notPrivate(path)));
    } else if (mode !== 0o600) found.push(`${path} ${mode.toString(8)}`);
  }
  return found;
}

/** Which permission bits mean "this user only" is a POSIX idea; Windows ignores them. */
describe.runIf(process.platform !== 'win32')('data folder privacy on macOS and Linux', () => {
  it('creates every folder 0700 and every file 0600, in use and after a restore', async () => {
    const dataDir = join(root, 'data');
    const core = await startTestCore(dataDir);
    let paths: number;
    try {
      expect((await core.handlers['settings.update']({ organisationName: 'Rose Lodge' })).ok).toBe(
        true,
      );
      expect(
        (
          await core.handlers['runbooks.save']({
            id: null,
            text: runbookSource({ id: 'our-own', body: SIMPLE_BODY }),
            author: 'Sam',
          })
        ).ok,
      ).toBe(true);
      expect(
        (
          await core.handlers['incidents.start']({
            name: 'Laptop left on a bus',
            runbook: 'lost-device',
            lead: 'Sam',
            author: 'Sam',
          })
        ).ok,
      ).toBe(true);
      expect((await lstat(dataDir)).mode & 0o777).toBe(0o700);
      expect(await notPrivate(dataDir)).toEqual([]);
      paths = (await readdir(dataDir, { recursive: true })).length;
    } finally {
      await core.close();
    }
    const { file } = await createEncryptedBackup(dataDir, new Date(), 'a long enough phrase', {
      N: 2 ** 10,
      r: 8,
      p: 1,
    });
    const restored = join(root, 'restored');
    expect((await restoreBackup(file, restored, 'a long enough phrase')).ok).toBe(true);
    expect(await notPrivate(restored)).toEqual([]);
    console.log(`data folder privacy: ${paths} paths in use, all 0700/0600`);
  });
});
