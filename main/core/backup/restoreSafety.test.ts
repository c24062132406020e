import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../__fixtures__/testCore';
import { sha256 } from '../lib/hash';
import { sealBackup } from './backupCipher';
import { BACKUP_MANIFEST, createBackup, restoreBackup } from './dataBackup';
import { restoreNamesProblem } from './restoreNames';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-restore-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A real backup of a data folder with one incident, with extra files added and listed in its manifest. */
async function backupWith(
  extra: (incidentId: string) => Record<string, Uint8Array>,
): Promise<{ zip: Uint8Array; incidentId: string }> {
  const dataDir = join(root, 'data');
  const core = await startTestCore(dataDir);
  const started = await core.handlers['incidents.start']({
    name: 'Laptop left on a bus',
    runbook: 'lost-device',
    lead: 'Sam',
    author: 'Sam',
  });
  await core.close();
  if (!started.ok) throw new Error(started.error.message);
  const files = unzipSync((await createBackup(dataDir, new Date())).zip);
  const added = extra(started.value.id);
  const manifest = JSON.parse(new TextDecoder().decode(files[BACKUP_MANIFEST])) as {
    files: Array<{ path: string; sha256: string; bytes: number }>;
  };
  for (const [path, bytes] of Object.entries(added))
    manifest.files.push({ path, sha256: sha256(bytes), bytes: bytes.byteLength });
  return {
    zip: zipSync({
      ...files,
      ...added,
      [BACKUP_MANIFEST]: new TextEncoder().encode(JSON.stringify(manifest)),
    }),
    incidentId: started.value.id,
  };
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('restore refuses names that collide or misbehave on Windows and macOS', () => {
  it.each([
    ['a log name in capitals', (id: string) => `incidents/${id}/LOG.jsonl`],
    ['a folder name in capitals', (id: string) => `Incidents/${id}/log.jsonl`, 'Incidents'],
    ['a trailing dot', (id: string) => `incidents/${id}/log.jsonl.`],
    ['a trailing space', (id: string) => `incidents/${id}/log.jsonl `],
    ['an NTFS stream', (id: string) => `incidents/${id}/log.jsonl::$DATA`],
    ['a hidden stream on settings', () => 'settings.json:hidden'],
    ['a device name', () => 'runbooks/CON'],
    ['a device name with an extension', () => 'aux.txt'],
  ])('%s', async (_how, name, shown?: string) => {
    const { zip, incidentId } = await backupWith((id) => ({ [name(id)]: text('{"broken":1}\n') }));
    const outcome = await restoreBackup(zip, join(root, 'restored'));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problem).toContain(
      JSON.stringify(shown ?? name(incidentId).slice(0, 80)),
    );
    expect(await readdir(root)).toEqual(['data']);
  });

  it('the same accented name in composed and decomposed form', async () => {
    const { zip } = await backupWith(() => ({
      'runbooks/caf\u00e9.md': text('one'),
      'runbooks/cafe\u0301.md': text('two'),
    }));
    const outcome = await restoreBackup(zip, join(root, 'restored'));
    expect(!outcome.ok && outcome.problem).toMatch(/differ only in capital letters or accents/);
    expect(await readdir(root)).toEqual(['data']);
  });

  it('counts every collision in a list of names, and passes a real data folder layout', () => {
    const colliding = [
      ['a.md', 'A.md'],
      ['runbooks/x.md', 'Runbooks/y.md'],
      ['straße.md', 'STRASSE.md'],
      ['\u00c5.md', 'A\u030a.md'],
      ['\u212b.md', '\u00e5.md'],
    ];
    const refused = colliding.filter((names) => restoreNamesProblem(names) !== null).length;
    console.log(`restore names: ${refused} of ${colliding.length} colliding pairs refused`);
    expect(refused).toBe(colliding.length);
    expect(
      restoreNamesProblem([
        'settings.json',
        'runbooks/ransomware.md',
        'incidents/abc/log.jsonl',
        'incidents/abc/head.jsonl',
        'snapshots/0a1b.md',
      ]),
    ).toBeNull();
  });
});

describe('restore never restores a lock file', () => {
  it('leaves out a lock from another computer, in any case, and restores the rest', async () => {
    const lock = text('{"pid":1,"host":"other-pc"}');
    const { zip } = await backupWith(() => ({
      'HOLDFAST.LOCK': lock,
      'cache/runbooks.json': lock,
    }));
    const target = join(root, 'restored');
    const outcome = await restoreBackup(zip, target);
    expect(outcome).toMatchObject({
      ok: true,
      leftOut: ['HOLDFAST.LOCK', 'cache/runbooks.json'],
      incidentLogs: 1,
    });
    const names = await readdir(target);
    expect(names.map((name) => name.toLowerCase())).not.toContain('holdfast.lock');
    expect(names).not.toContain('cache');
    const core = await startTestCore(target);
    try {
      const status = await core.handlers['incidents.list']({});
      expect(status.ok).toBe(true);
    } finally {
      await core.close();
    }
  });
});

it('restores a backup that holds nothing but a lock into an empty, private folder', async () => {
  const lock = text('{"pid":1,"host":"other-pc"}');
  const manifest = {
    format: 'holdfast-backup',
    formatVersion: 1,
    created: new Date().toISOString(),
    files: [{ path: 'holdfast.lock', sha256: sha256(lock), bytes: lock.byteLength }],
  };
  const zip = zipSync({
    [BACKUP_MANIFEST]: text(JSON.stringify(manifest)),
    'holdfast.lock': lock,
  });
  const target = join(root, 'restored');
  expect(await restoreBackup(zip, target)).toMatchObject({
    ok: true,
    files: 0,
    leftOut: ['holdfast.lock'],
  });
  expect(await readdir(target)).toEqual([]);
});

describe('restore memory', () => {
  const run = promisify(execFile);
  const MB = 1024 * 1024;

  /** Restores in a child process and reads back its peak resident memory. */
  async function peakRss(file: Uint8Array, label: string): Promise<number> {
    const path = join(root, `${label}.holdfast-backup`);
    await writeFile(path, file);
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '__fixtures__', 'restoreOnce.ts'),
        path,
        join(root, `restored-${label}`),
      ],
      { env: { ...process.env, HOLDFAST_BACKUP_PASSPHRASE: 'restore memory test' } },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      ok: boolean;
      peakRssBytes: number;
    };
    expect(result.ok).toBe(true);
    await rm(join(root, `restored-${label}`), { recursive: true, force: true });
    return result.peakRssBytes;
  }

  /** A valid backup: a manifest and the given files. */
  function backupOf(files: Record<string, Uint8Array>): Uint8Array {
    const manifest = {
      format: 'holdfast-backup',
      formatVersion: 1,
      created: new Date().toISOString(),
      files: Object.entries(files).map(([path, bytes]) => ({
        path,
        sha256: sha256(bytes),
        bytes: bytes.byteLength,
      })),
    };
    const zippable: Zippable = { [BACKUP_MANIFEST]: text(JSON.stringify(manifest)), ...files };
    return zipSync(zippable, { level: 9 });
  }

  it('stays bounded for a 1 MB backup that unpacks to 256 MB and for a 50 MB backup', async () => {
    // The small one is mostly zeros: 1 MB on disk, a quarter of a gigabyte once unpacked.
    const small = await sealBackup(
      backupOf({
        'runbooks/a.md': new Uint8Array(128 * MB),
        'runbooks/b.md': new Uint8Array(128 * MB),
        'runbooks/c.md': randomBytes(MB - 256 * 1024),
      }),
      'restore memory test',
    );
    const large = await sealBackup(
      backupOf(
        Object.fromEntries(
          Array.from({ length: 50 }, (_, index) => [`history/${index}.md`, randomBytes(MB)]),
        ),
      ),
      'restore memory test',
    );
    const smallPeak = await peakRss(small, 'small');
    const largePeak = await peakRss(large, 'large');
    const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
    console.log(
      `restore peak memory: ${mb(small.length)} backup (256 MB unpacked) → ${mb(smallPeak)} peak RSS; ${mb(large.length)} backup → ${mb(largePeak)} peak RSS (each includes about 128 MB for the passphrase key)`,
    );
    // Node itself, the passphrase key (128 MB) and the backup held a few times over; never the unpacked size.
    expect(smallPeak).toBeLessThan(450 * MB + 4 * small.length);
    expect(largePeak).toBeLessThan(450 * MB + 4 * large.length);
  }, 180_000);
});
