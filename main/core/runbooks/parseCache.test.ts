import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runbookSource, SIMPLE_BODY } from './__fixtures__/runbookSource';
import { sha256 } from '../lib/hash';
import { openParseCache } from './parseCache';
import { parseRunbook } from './parseRunbook';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const FILE = 'runbooks/a.md';

describe('openParseCache', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'holdfast-cache-'));
    path = join(dir, 'cache', 'runbooks.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function warm(bytes: Uint8Array): Promise<void> {
    const cache = await openParseCache(path, '1.0.0');
    cache.store(sha256(bytes), FILE, parseRunbook(bytes, FILE));
    await cache.save();
  }

  it('returns the saved outcome for the same content on the next start', async () => {
    const bytes = encode(runbookSource({ body: SIMPLE_BODY }));
    await warm(bytes);
    const next = await openParseCache(path, '1.0.0');
    expect(next.lookup(sha256(bytes), FILE)).toEqual(parseRunbook(bytes, FILE));
  });

  it('keeps text beyond ASCII exactly, in a file of ASCII only', async () => {
    const bytes = encode(
      runbookSource({ body: SIMPLE_BODY }).replace('Stay calm.', 'Stay calm — “café” 😀 \u2028.'),
    );
    await warm(bytes);
    const file = await readFile(path);
    expect(file.every((byte) => byte < 0x80)).toBe(true);
    const next = await openParseCache(path, '1.0.0');
    expect(next.lookup(sha256(bytes), FILE)).toEqual(parseRunbook(bytes, FILE));
    expect(JSON.stringify(parseRunbook(bytes, FILE))).toContain('“café” 😀');
  });

  it('misses when the content changes, even by one byte of the same length', async () => {
    const bytes = encode(runbookSource({ body: SIMPLE_BODY }));
    await warm(bytes);
    const edited = encode(runbookSource({ body: SIMPLE_BODY }).replace('Stay calm.', 'Stay cool.'));
    expect(edited.length).toBe(bytes.length);
    expect((await openParseCache(path, '1.0.0')).lookup(sha256(edited), FILE)).toBeUndefined();
  });

  it('misses for the same content under another file name (problems name the file)', async () => {
    const bytes = encode(runbookSource({ body: SIMPLE_BODY }));
    await warm(bytes);
    expect(
      (await openParseCache(path, '1.0.0')).lookup(sha256(bytes), 'runbooks/b.md'),
    ).toBeUndefined();
  });

  it('ignores a cache written by another app version', async () => {
    const bytes = encode(runbookSource({ body: SIMPLE_BODY }));
    await warm(bytes);
    expect((await openParseCache(path, '1.0.1')).lookup(sha256(bytes), FILE)).toBeUndefined();
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length - 10)],
    ['bit-flipped', (text: string) => text.replace('Stay calm', 'Stay calo')],
    ['empty', () => ''],
    ['zero-filled', (text: string) => '\0'.repeat(text.length)],
  ])('ignores a %s cache file and starts empty', async (_name, damage) => {
    const bytes = encode(runbookSource({ body: SIMPLE_BODY }));
    await warm(bytes);
    await writeFile(path, damage(await readFile(path, 'utf8')));
    expect((await openParseCache(path, '1.0.0')).lookup(sha256(bytes), FILE)).toBeUndefined();
  });

  it('keeps only the entries used by the last load, and writes nothing when nothing changed', async () => {
    const a = encode(runbookSource({ id: 'a', body: SIMPLE_BODY }));
    const b = encode(runbookSource({ id: 'b', body: SIMPLE_BODY }));
    const first = await openParseCache(path, '1.0.0');
    first.store(sha256(a), FILE, parseRunbook(a, FILE));
    first.store(sha256(b), 'runbooks/b.md', parseRunbook(b, 'runbooks/b.md'));
    await first.save();

    const second = await openParseCache(path, '1.0.0');
    expect(second.lookup(sha256(a), FILE)).toBeDefined();
    await second.save();
    const third = await openParseCache(path, '1.0.0');
    expect(third.lookup(sha256(b), 'runbooks/b.md')).toBeUndefined();
    expect(third.lookup(sha256(a), FILE)).toBeDefined();

    const before = await readFile(path, 'utf8');
    await third.save();
    expect(await readFile(path, 'utf8')).toBe(before);
    expect((await readdir(join(dir, 'cache'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
