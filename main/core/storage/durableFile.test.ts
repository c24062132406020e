import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quarantineFile, writeFileDurable } from './durableFile';

const NOW = new Date('2026-03-01T02:15:30.000Z');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileDurable', () => {
  it('replaces the whole content of an existing file', async () => {
    const path = join(dir, 'incident.json');
    await writeFile(path, 'old content that is much longer than the new content');
    await writeFileDurable(path, '{"v":2}');
    expect(await readFile(path, 'utf8')).toBe('{"v":2}');
  });

  it('writes bytes exactly as given', async () => {
    const path = join(dir, 'blob.bin');
    const bytes = Uint8Array.from([0, 1, 2, 0xff, 0xfe, 0x0a, 0x0d]);
    await writeFileDurable(path, bytes);
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });

  it('leaves no temporary files behind, even after many writes', async () => {
    const path = join(dir, 'settings.json');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileDurable(path, `{"n":${i}}`)));
    expect(await readdir(dir)).toEqual(['settings.json']);
    expect(await readFile(path, 'utf8')).toMatch(/^\{"n":\d+\}$/);
  });

  it('creates missing folders on the way', async () => {
    const path = join(dir, 'incidents', '2026', 'log.json');
    await writeFileDurable(path, 'first entry');
    expect(await readFile(path, 'utf8')).toBe('first entry');
  });

  it('fails without touching the old file when the target is a folder, and cleans up its temp file', async () => {
    const path = join(dir, 'occupied');
    await writeFileDurable(join(path, 'inside.txt'), 'keep me');
    await expect(writeFileDurable(path, 'new')).rejects.toThrow();
    expect(await readFile(join(path, 'inside.txt'), 'utf8')).toBe('keep me');
    expect(await readdir(dir)).toEqual(['occupied']);
  });
});

describe('quarantineFile', () => {
  it('moves the damaged file into the quarantine folder unchanged, under a timestamped name', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '{"broken');
    const kept = await quarantineFile(path, join(dir, 'quarantine'), NOW);
    expect(basename(kept)).toMatch(/^2026-03-01T02-15-30-000Z-[0-9a-f]{6}-settings\.json$/);
    expect(await readFile(kept, 'utf8')).toBe('{"broken');
    expect(await readdir(dir)).toEqual(['quarantine']);
  });

  it('never overwrites a file already in quarantine, even at the same moment', async () => {
    const quarantine = join(dir, 'quarantine');
    const kept: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const path = join(dir, 'settings.json');
      await writeFile(path, `damaged copy ${i}`);
      kept.push(await quarantineFile(path, quarantine, NOW));
    }
    expect(new Set(kept).size).toBe(10);
    const contents = await Promise.all(kept.map((path) => readFile(path, 'utf8')));
    expect(contents).toEqual(Array.from({ length: 10 }, (_, i) => `damaged copy ${i}`));
  });
});
