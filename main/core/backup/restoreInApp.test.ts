import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../contract/contract';
import { VALID_INPUTS } from '../../contract/__fixtures__/validInputs';
import { dataPaths } from '../createCore';
import { startTestCore } from '../__fixtures__/testCore';
import { createBackup } from './dataBackup';
import { DATA_FOLDER_ENTRIES } from './dataFolderEntries';

let root: string;
let dataDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-restore-app-'));
  dataDir = join(root, 'Holdfast');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

type TestCore = Awaited<ReturnType<typeof startTestCore>>;

async function startIncident(core: TestCore, name: string): Promise<string> {
  const started = await core.handlers['incidents.start']({
    name,
    runbook: 'lost-device',
    lead: 'Sam',
    author: 'Sam',
  });
  if (!started.ok) throw new Error(started.error.message);
  return started.value.id;
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

async function incidentNames(core: TestCore): Promise<string[]> {
  const listed = await core.handlers['incidents.list']({});
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.map((incident) => incident.name).sort();
}

describe('restore from a backup in the app', { timeout: 60_000 }, () => {
  it('checks first, sets the current data aside in a dated folder, restores, and answers from the restored data', async () => {
    const core = await startTestCore(dataDir);
    try {
      await startIncident(core, 'Laptop left on a bus');
      const saved = await core.handlers['contacts.save'](
        VALID_INPUTS['contacts.save'] as CallInput<'contacts.save'>,
      );
      expect(saved.ok).toBe(true);
      const { zip } = await createBackup(dataDir, new Date('2026-12-01T10:00:00Z'));
      await startIncident(core, 'Phone stolen at the bus stop');

      const check = await core.handlers['backup.check']({ base64: base64(zip), passphrase: null });
      expect(check).toMatchObject({
        ok: true,
        value: {
          created: '2026-12-01T10:00:00.000Z',
          incidents: 1,
          contacts: 1,
          encrypted: false,
        },
      });
      // Checking wrote nothing: both incidents are still there.
      expect(await incidentNames(core)).toHaveLength(2);

      const restored = await core.handlers['backup.restore']({
        base64: base64(zip),
        passphrase: null,
      });
      if (!restored.ok) throw new Error(restored.error.message);
      expect(restored.value.setAside).toMatch(/Holdfast before restore \d{4}-\d{2}-\d{2} /);
      // The same handler table now answers from the restored data: only the first incident.
      expect(await incidentNames(core)).toEqual(['Laptop left on a bus']);
      // Nothing mixed: the later incident is only in the folder set aside.
      expect(await readdir(join(restored.value.setAside, 'incidents'))).toHaveLength(2);
      expect(await readdir(join(dataDir, 'incidents'))).toHaveLength(1);
      // And the app goes on writing to the restored folder.
      await startIncident(core, 'After the restore');
      expect(await incidentNames(core)).toEqual(['After the restore', 'Laptop left on a bus']);
      expect((await readdir(root)).filter((name) => name.includes('.restor'))).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('refuses a damaged backup before touching anything, in words about the backup', async () => {
    const core = await startTestCore(dataDir);
    try {
      await startIncident(core, 'Laptop left on a bus');
      const { zip } = await createBackup(dataDir, new Date());
      const damaged = zip.slice(0, zip.length - 40);
      for (const call of ['backup.check', 'backup.restore'] as const) {
        const result = await core.handlers[call]({ base64: base64(damaged), passphrase: null });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message).toMatch(/^Nothing was restored: /);
        if (!result.ok) expect(result.error.message).not.toContain('pack');
      }
      expect(await readdir(root)).toEqual(['Holdfast']);
      expect(await incidentNames(core)).toEqual(['Laptop left on a bus']);
    } finally {
      await core.close();
    }
  });

  it('says "The backup could not be read" for a file that is not a zip at all', async () => {
    const core = await startTestCore(dataDir);
    try {
      const result = await core.handlers['backup.check']({
        base64: base64(new TextEncoder().encode('PK\u0003\u0004 not really a zip')),
        passphrase: null,
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/the backup could not be read: /);
    } finally {
      await core.close();
    }
  });

  it('removes what a stopped restore left beside the data folder at the next start, and says so', async () => {
    await mkdir(join(root, 'Holdfast.restoring-0123abcd', 'incidents'), { recursive: true });
    await writeFile(join(root, 'Holdfast.restoring-0123abcd', 'settings.json'), '{}');
    await mkdir(join(root, 'Holdfast.restored-89abcdef'), { recursive: true });
    // Not this data folder's: left alone.
    await mkdir(join(root, 'Other.restoring-0123abcd'), { recursive: true });
    await mkdir(join(root, 'Holdfast before restore 2026-12-01 10-00-00'), { recursive: true });
    const core = await startTestCore(dataDir);
    try {
      expect((await readdir(root)).sort()).toEqual([
        'Holdfast',
        'Holdfast before restore 2026-12-01 10-00-00',
        'Other.restoring-0123abcd',
      ]);
      expect(core.notices.map((notice) => notice.message)).toContainEqual(
        expect.stringContaining('A restore from a backup was stopped before it finished.'),
      );
    } finally {
      await core.close();
    }
  });

  it('moves every part of the data folder Holdfast writes (and nothing of the browser engine)', () => {
    const topLevel = Object.values(dataPaths(dataDir)).map(
      (path) => path.slice(dataDir.length + 1).split(/[\\/]/)[0],
    );
    for (const name of topLevel) expect(DATA_FOLDER_ENTRIES).toContain(name);
  });
});
