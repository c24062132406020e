import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../createCore';
import { startTestCore } from '../__fixtures__/testCore';
import { hostileArchives } from './__fixtures__/hostileArchives';

let dataDir: string;
let core: Core;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-hostile-packs-'));
  core = await startTestCore(dataDir);
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every file under the data folder with its size and hash: any byte written shows up here. */
async function snapshot(dir: string, prefix = ''): Promise<string[]> {
  const lines: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const info = await stat(path);
    if (info.isDirectory()) lines.push(`${prefix}${name}/`, ...(await snapshot(path, `${prefix}${name}/`)));
    else lines.push(`${prefix}${name} ${info.size} ${createHash('sha256').update(await readFile(path)).digest('hex').slice(0, 16)}`);
  }
  return lines;
}

it('refuses every hostile pack with a clear message, writing nothing and staying within memory', async () => {
  const archives = hostileArchives();
  const before = await snapshot(dataDir);
  const problems: string[] = [];
  let peakRss = process.memoryUsage().rss;
  for (const { name, zip } of archives) {
    for (const call of ['packs.previewImport', 'packs.import'] as const) {
      const result = await core.handlers[call]({ base64: Buffer.from(zip).toString('base64') });
      if (result.ok) problems.push(`${name}: ${call} accepted it`);
      else if (result.error.code !== 'INVALID_INPUT' || result.error.message.length < 20) problems.push(`${name}: ${call} answered ${result.error.code} "${result.error.message}"`);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const after = await snapshot(dataDir);
    // The staging folder may exist (empty); nothing else may change.
    const changed = after.filter((line) => !before.includes(line) && line !== 'staging/');
    if (changed.length > 0) problems.push(`${name}: wrote ${changed.join(', ')}`);
  }
  expect((globalThis as { polluted?: unknown }).polluted).toBeUndefined();
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  console.log(`hostile archives: ${archives.length} archives, ${problems.length} failures, peak RSS ${Math.round(peakRss / 2 ** 20)} MB`);
  expect(problems).toEqual([]);
  expect(archives.length).toBeGreaterThanOrEqual(60);
  expect(peakRss).toBeLessThan(256 * 2 ** 20);
}, 120_000);
