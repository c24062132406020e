import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { writeFileDurable } from './durableFile';
import { DurableJsonFile } from './durableJsonFile';

const NOW = new Date('2026-03-01T02:15:30.000Z');
const schema = z.strictObject({ formatVersion: z.literal(1), names: z.array(z.string().min(1)) });
type Doc = z.infer<typeof schema>;

let dir: string;
let path: string;
let quarantineDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-durable-json-'));
  path = join(dir, 'contacts.json');
  quarantineDir = join(dir, 'quarantine');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const adapter = (writeFileImpl?: (path: string, data: string | Uint8Array) => Promise<void>) =>
  new DurableJsonFile<Doc>({
    path,
    quarantineDir,
    schema,
    label: 'contacts',
    now: () => NOW,
    ...(writeFileImpl ? { writeFile: writeFileImpl } : {}),
  });

const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

describe('DurableJsonFile', () => {
  it('reads a missing file as empty, so lowdb keeps its default, and creates nothing', async () => {
    const file = adapter();
    expect(await file.read()).toBeNull();
    const db = new Low<Doc>(file, { formatVersion: 1, names: [] });
    await db.read();
    expect(db.data).toEqual({ formatVersion: 1, names: [] });
    expect(file.notices).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes through lowdb, leaves no temporary files, and keeps a last-good copy', async () => {
    const db = new Low<Doc>(adapter(), { formatVersion: 1, names: [] });
    await db.update((data) => data.names.push('Sam'));
    expect(await readJson(path)).toEqual({ formatVersion: 1, names: ['Sam'] });
    expect(await readJson(`${path}.bak`)).toEqual({ formatVersion: 1, names: ['Sam'] });
    expect((await readdir(dir)).sort()).toEqual(['contacts.json', 'contacts.json.bak']);
    const reopened = new Low<Doc>(adapter(), { formatVersion: 1, names: [] });
    await reopened.read();
    expect(reopened.data.names).toEqual(['Sam']);
  });

  it('writes the main file durably before the copy, and never updates the copy if the main write fails', async () => {
    const order: string[] = [];
    const recording = async (target: string, data: string | Uint8Array): Promise<void> => {
      order.push(target);
      await writeFileDurable(target, data);
    };
    await adapter(recording).write({ formatVersion: 1, names: ['Sam'] });
    expect(order).toEqual([path, `${path}.bak`]);

    const failing = async (target: string): Promise<void> => {
      if (target === path) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    };
    await expect(adapter(failing).write({ formatVersion: 1, names: ['Jo'] })).rejects.toThrow(
      'disk full',
    );
    expect(await readJson(`${path}.bak`)).toEqual({ formatVersion: 1, names: ['Sam'] });
  });

  it('refuses to write data the schema would reject on the next read', async () => {
    await expect(adapter().write({ formatVersion: 1, names: [''] })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['cut off mid-write', Buffer.from('{"formatVersion":1,"names":["Sa')],
    ['valid JSON of the wrong shape', Buffer.from('{"formatVersion":1,"names":"Sam"}')],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x7d])],
  ])(
    'quarantines a damaged file (%s) byte-for-byte and restores the last good copy',
    async (_case, damaged) => {
      await adapter().write({ formatVersion: 1, names: ['Sam'] });
      await writeFile(path, damaged);
      const file = adapter();
      expect(await file.read()).toEqual({ formatVersion: 1, names: ['Sam'] });
      const kept = await readdir(quarantineDir);
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatch(/^2026-03-01T02-15-30-000Z-[0-9a-f]{6}-contacts\.json$/);
      expect((await readFile(join(quarantineDir, kept[0] ?? ''))).equals(damaged)).toBe(true);
      expect(await readJson(path)).toEqual({ formatVersion: 1, names: ['Sam'] });
      expect(file.notices).toEqual([
        {
          level: 'warning',
          message: expect.stringContaining(
            'Holdfast restored the last good copy and kept the damaged file at',
          ) as unknown,
        },
      ]);
    },
  );

  it('starts empty with a notice when the copy is damaged too, keeping both files', async () => {
    await writeFile(path, '{"broken');
    await writeFile(`${path}.bak`, 'also broken');
    const file = adapter();
    expect(await file.read()).toBeNull();
    expect(file.notices[0]?.message).toMatch(/no good copy was found, so contacts start empty/);
    expect(await readdir(quarantineDir)).toHaveLength(1);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('also broken');
  });

  it('restores the last good copy when the file itself was deleted, so the next save cannot replace the copy with nothing (found by the corrupt-file trials)', async () => {
    await adapter().write({ formatVersion: 1, names: ['Sam'] });
    await rm(path);
    const file = adapter();
    expect(await file.read()).toEqual({ formatVersion: 1, names: ['Sam'] });
    expect(await readJson(path)).toEqual({ formatVersion: 1, names: ['Sam'] });
    expect(file.notices).toEqual([
      {
        level: 'warning',
        message: 'Your contacts file was missing. Holdfast restored the last good copy.',
      },
    ]);
  });

  it('keeps a damaged copy in quarantine when the file itself is missing, and starts empty with a notice', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(`${path}.bak`, 'broken');
    const file = adapter();
    expect(await file.read()).toBeNull();
    expect(file.notices[0]?.message).toMatch(
      /contacts file was missing and its last copy was damaged/,
    );
    const kept = await readdir(quarantineDir);
    expect(kept).toHaveLength(1);
    expect(await readFile(join(quarantineDir, kept[0] ?? ''), 'utf8')).toBe('broken');
  });

  it('does not treat a file it cannot read as empty (nothing is reset over it)', async () => {
    await mkdir(path);
    await expect(adapter().read()).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['contacts.json']);
  });
});
