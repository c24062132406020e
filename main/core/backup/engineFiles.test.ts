import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../contract/contract';
import { VALID_INPUTS } from '../../contract/__fixtures__/validInputs';
import { startTestCore } from '../__fixtures__/testCore';
import { dataPaths } from '../createCore';
import { sha256 } from '../lib/hash';
import { addEngineFiles, ENGINE_FILES } from './__fixtures__/engineFiles';
import { BACKUP_MANIFEST, createBackup, restoreBackup } from './dataBackup';
import { BACKED_UP_ENTRIES, DATA_FOLDER_ENTRIES } from './dataFolderEntries';
import { restoreNamesProblem } from './restoreNames';

let root: string;
let dataDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-engine-'));
  dataDir = join(root, 'Holdfast');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A desktop data folder: one incident of Holdfast's, and the browser engine's files beside it. */
async function desktopDataFolder(engineContent: string): Promise<void> {
  const core = await startTestCore(dataDir);
  try {
    const started = await core.handlers['incidents.start']({
      name: 'Laptop left on a bus',
      runbook: 'lost-device',
      lead: 'Sam',
      author: 'Sam',
    });
    if (!started.ok) throw new Error(started.error.message);
    // Saved twice, so each document also has its last good copy (`.bak`) beside it.
    for (let round = 0; round < 2; round += 1) {
      const saved = await core.handlers['contacts.save'](
        VALID_INPUTS['contacts.save'] as CallInput<'contacts.save'>,
      );
      if (!saved.ok) throw new Error(saved.error.message);
      await core.handlers['backup.export']({ passphrase: 'correct horse battery staple' });
    }
  } finally {
    await core.close();
  }
  await addEngineFiles(dataDir, engineContent);
}

/** Every file under a folder, by its path inside it with forward slashes. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .replace(/\\/g, '/'),
    );
}

const topOf = (path: string): string => path.split('/')[0]!;

describe('a backup holds only Holdfast’s own data', { timeout: 60_000 }, () => {
  it('leaves out the browser engine’s caches and storage, the lock and the diagnostics log', async () => {
    await desktopDataFolder('engine');
    const names = Object.keys(unzipSync((await createBackup(dataDir, new Date())).zip));
    const kept = names.filter((name) => name !== BACKUP_MANIFEST);
    expect(kept.some((name) => name.startsWith('incidents/'))).toBe(true);
    for (const name of kept) expect(BACKED_UP_ENTRIES).toContain(topOf(name));
    for (const name of ENGINE_FILES) expect(names).not.toContain(name);
    expect(names.filter((name) => /^(holdfast\.lock|logs\/|cache\/|staging\/)/.test(name))).toEqual(
      [],
    );
  });

  it('restores an earlier backup that held engine files without bringing them back, and says what it left out', async () => {
    await desktopDataFolder('from the other computer');
    // A backup as an earlier version made it: everything in the folder, each file in the manifest.
    const all = await filesUnder(dataDir);
    const files = Object.fromEntries(
      await Promise.all(
        all.map(
          async (name) =>
            [name, new Uint8Array(await readFile(join(dataDir, ...name.split('/'))))] as const,
        ),
      ),
    );
    const manifest = {
      format: 'holdfast-backup',
      formatVersion: 1,
      created: '2026-11-01T10:00:00.000Z',
      files: Object.entries(files).map(([path, bytes]) => ({
        path,
        sha256: sha256(bytes),
        bytes: bytes.byteLength,
      })),
    };
    const zip = zipSync({
      ...files,
      [BACKUP_MANIFEST]: new TextEncoder().encode(JSON.stringify(manifest)),
    });

    const target = join(root, 'New laptop');
    const outcome = await restoreBackup(zip, target);
    if (!outcome.ok) throw new Error(outcome.problem);
    for (const name of ENGINE_FILES) expect(outcome.leftOut).toContain(name);
    const restored = await filesUnder(target);
    for (const name of restored) expect(BACKED_UP_ENTRIES).toContain(topOf(name));
    expect(restored.some((name) => name.startsWith('incidents/'))).toBe(true);
    expect(outcome.incidentLogs).toBe(1);
  });

  it('an in-app restore leaves this computer’s engine files where they are, untouched', async () => {
    await desktopDataFolder('this computer');
    const { zip } = await createBackup(dataDir, new Date());
    const core = await startTestCore(dataDir);
    try {
      const restored = await core.handlers['backup.restore']({
        base64: Buffer.from(zip).toString('base64'),
        passphrase: null,
      });
      if (!restored.ok) throw new Error(restored.error.message);
      for (const name of ENGINE_FILES)
        expect(await readFile(join(dataDir, ...name.split('/')), 'utf8')).toBe('this computer');
      // Only Holdfast's own data was set aside.
      for (const name of await readdir(restored.value.setAside))
        expect(BACKED_UP_ENTRIES).toContain(name);
    } finally {
      await core.close();
    }
  });

  it('lists everything Holdfast writes at the top of a used data folder', async () => {
    await desktopDataFolder('engine');
    const engine = new Set(ENGINE_FILES.map(topOf));
    const computer = new Set(['holdfast.lock', 'logs']);
    const unlisted = (await readdir(dataDir)).filter(
      (name) => !engine.has(name) && !computer.has(name) && !DATA_FOLDER_ENTRIES.includes(name),
    );
    // `.bak` copies are Holdfast's too: BACKED_UP_ENTRIES names them.
    expect(unlisted.filter((name) => !BACKED_UP_ENTRIES.includes(name))).toEqual([]);
    expect(unlisted).toContain('contacts.json.bak');
  });

  it('keeps every part of the data folder Holdfast writes, but not what is rebuilt on start', () => {
    const topLevel = Object.entries(dataPaths(dataDir)).map(
      ([key, path]) => [key, path.slice(dataDir.length + 1).split(/[\\/]/)[0]!] as const,
    );
    for (const [key, name] of topLevel)
      if (key === 'parseCache' || key === 'staging') expect(BACKED_UP_ENTRIES).not.toContain(name);
      else expect(BACKED_UP_ENTRIES).toContain(name);
  });
});

describe('names that fold together', () => {
  it('matter only when one of them is written', () => {
    const written = (name: string): boolean => name.startsWith('incidents/');
    // The engine's "Cache" beside Holdfast's "cache": neither is restored, so neither overwrites.
    expect(restoreNamesProblem(['Cache/index', 'cache/runbooks.json'], written)).toBeNull();
    expect(
      restoreNamesProblem(['Incidents/a/log.jsonl', 'incidents/a/log.jsonl'], written),
    ).toMatch(/differ only in capital letters/);
    expect(
      restoreNamesProblem(['incidents/a/log.jsonl', 'Incidents/a/log.jsonl'], written),
    ).toMatch(/differ only in capital letters/);
  });
});
