import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../__fixtures__/testCore';
import { runbookSource, SIMPLE_BODY } from '../runbooks/__fixtures__/runbookSource';
import { sha256 } from '../lib/hash';
import { openBackup } from './backupCipher';
import { fileOfRecords, rechain, recordsOf } from '../evidence/__fixtures__/tamper';
import { BACKUP_MANIFEST, createBackup, createEncryptedBackup, restoreBackup } from './dataBackup';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-backup-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A data folder with a saved runbook, a contact setting and a running incident. */
async function usedDataFolder(): Promise<{ dataDir: string; incidentId: string }> {
  const dataDir = join(root, 'data');
  const core = await startTestCore(dataDir);
  const saved = await core.handlers['runbooks.save']({
    id: null,
    text: runbookSource({ id: 'our-own', body: SIMPLE_BODY }),
    author: 'Sam',
  });
  expect(saved.ok).toBe(true);
  const started = await core.handlers['incidents.start']({
    name: 'Laptop left on a bus',
    runbook: 'lost-device',
    lead: 'Sam',
    author: 'Sam',
  });
  if (!started.ok) throw new Error(started.error.message);
  await core.close();
  return { dataDir, incidentId: started.value.id };
}

describe('full backup', () => {
  it('restores into a fresh folder that opens with the same runbooks, history and incidents', async () => {
    const { dataDir, incidentId } = await usedDataFolder();
    const { zip: backup } = await createBackup(dataDir, new Date('2026-03-01T03:00:00.000Z'));
    const names = Object.keys(unzipSync(backup));
    expect(names).toContain(BACKUP_MANIFEST);
    expect(names).not.toContain('holdfast.lock');

    const target = join(root, 'restored');
    const outcome = await restoreBackup(backup, target);
    // A plain zip is a backup from before encryption: it restores, and says it was not encrypted.
    expect(outcome).toMatchObject({ ok: true, encrypted: false, incidentLogs: 1 });

    const core = await startTestCore(target);
    try {
      const runbook = await core.handlers['runbooks.get']({ id: 'our-own' });
      expect(runbook.ok && runbook.value.source).toBe('user');
      const history = await core.handlers['runbooks.history']({ id: 'our-own' });
      expect(history.ok && history.value).toHaveLength(1);
      const verified = await core.handlers['incidents.verify']({ id: incidentId });
      expect(verified.ok && verified.value).toMatchObject({ ok: true });
    } finally {
      await core.close();
    }
  });

  it('refuses a backup whose incident log was altered, even with a matching checksum, and writes nothing', async () => {
    const { dataDir, incidentId } = await usedDataFolder();
    const files = unzipSync(
      (await createBackup(dataDir, new Date('2026-03-01T03:00:00.000Z'))).zip,
    );
    const logPath = `incidents/${incidentId}/log.jsonl`;
    const log = new TextDecoder().decode(files[logPath]);
    const altered = new TextEncoder().encode(
      log.replace('Laptop left on a bus', 'Nothing happened here'),
    );
    const manifest = JSON.parse(new TextDecoder().decode(files[BACKUP_MANIFEST])) as {
      files: Array<{ path: string; sha256: string; bytes: number }>;
    };
    for (const file of manifest.files)
      if (file.path === logPath)
        Object.assign(file, { sha256: sha256(altered), bytes: altered.byteLength });
    const tampered = zipSync({
      ...files,
      [logPath]: altered,
      [BACKUP_MANIFEST]: new TextEncoder().encode(JSON.stringify(manifest)),
    });

    const target = join(root, 'restored');
    const outcome = await restoreBackup(tampered, target);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problem).toMatch(
      new RegExp(
        `Nothing was restored: the evidence log in incidents/${incidentId} is not verified: it breaks at line 1`,
      ),
    );
    expect(await readdir(root)).toEqual(['data']);
  });

  it.each([
    ['an entry edited and the whole chain worked out again', 'the log was rewritten'],
    ['the last entry cut off', 'entries were removed from the end'],
    ['two forged entries added at the end', 'they were not added by Holdfast'],
    ['the log removed, its head record kept', 'entries were removed from the end'],
  ])(
    'refuses a forged backup (%s) whose checksums all match, as not verified',
    async (how, reason) => {
      const { dataDir, incidentId } = await usedDataFolder();
      const files = unzipSync(
        (await createBackup(dataDir, new Date('2026-03-01T03:00:00.000Z'))).zip,
      );
      const logPath = `incidents/${incidentId}/log.jsonl`;
      const records = recordsOf(new TextDecoder().decode(files[logPath]));
      const forged = how.startsWith('an entry edited')
        ? rechain(records.map((r) => (r.seq === 1 ? { ...r, author: 'Someone else' } : r)))
        : how.startsWith('the last entry')
          ? records.slice(0, -1)
          : how.startsWith('two forged')
            ? rechain([...records, records.at(-1)!, records.at(-1)!])
            : null;
      const changed = { ...files };
      if (forged) changed[logPath] = new TextEncoder().encode(fileOfRecords(forged));
      else delete changed[logPath];
      const manifest = JSON.parse(new TextDecoder().decode(files[BACKUP_MANIFEST])) as {
        files: Array<{ path: string; sha256: string; bytes: number }>;
      };
      manifest.files = manifest.files.filter((file) => changed[file.path]);
      for (const file of manifest.files)
        Object.assign(file, {
          sha256: sha256(changed[file.path]!),
          bytes: changed[file.path]!.byteLength,
        });
      changed[BACKUP_MANIFEST] = new TextEncoder().encode(JSON.stringify(manifest));

      const outcome = await restoreBackup(zipSync(changed), join(root, 'restored'));
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.problem).toContain(
        `the evidence log in incidents/${incidentId} is not verified`,
      );
      expect(!outcome.ok && outcome.problem).toContain(reason);
      expect(await readdir(root)).toEqual(['data']);
    },
  );

  it('restores an encrypted backup only with its passphrase, and refuses one changed byte', async () => {
    const { dataDir, incidentId } = await usedDataFolder();
    const cost = { N: 2 ** 12, r: 8, p: 1 };
    const { file } = await createEncryptedBackup(dataDir, new Date(), 'a long enough phrase', cost);
    expect(Buffer.from(file).includes(Buffer.from('Laptop left on a bus'))).toBe(false);

    const wrong = await restoreBackup(file, join(root, 'wrong'), 'a long enough phrase!');
    expect(!wrong.ok && wrong.problem).toBe(
      'Nothing was restored: the passphrase is not the one this backup was made with. Check capital letters and spaces, and try again.',
    );
    const changed = file.slice();
    changed[Math.floor(changed.length / 2)] = changed[Math.floor(changed.length / 2)]! ^ 0x04;
    const damaged = await restoreBackup(changed, join(root, 'damaged'), 'a long enough phrase');
    expect(!damaged.ok && damaged.problem).toBe(
      'Nothing was restored: the backup file has been changed or damaged since it was made.',
    );
    expect(await readdir(root)).toEqual(['data']);

    const target = join(root, 'restored');
    const outcome = await restoreBackup(file, target, 'a long enough phrase');
    expect(outcome).toMatchObject({ ok: true, encrypted: true, incidentLogs: 1 });
    expect(await readdir(join(target, 'incidents'))).toEqual([incidentId]);
  });

  it('restores only into an empty folder', async () => {
    const { dataDir } = await usedDataFolder();
    await writeFile(join(root, 'note.txt'), 'x');
    const { zip: backup } = await createBackup(dataDir, new Date());
    const outcome = await restoreBackup(backup, root);
    expect(!outcome.ok && outcome.problem).toMatch(/is not empty/);
    expect(await readFile(join(root, 'note.txt'), 'utf8')).toBe('x');
  });
});

describe('backup.export', () => {
  it('offers the whole data folder as one encrypted file while Holdfast runs', async () => {
    const dataDir = join(root, 'data');
    const core = await startTestCore(dataDir);
    try {
      expect((await core.handlers['settings.update']({ organisationName: 'Rose Lodge' })).ok).toBe(
        true,
      );
      const result = await core.handlers['backup.export']({ passphrase: 'correct horse battery' });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.filename).toBe('holdfast-backup-2026-03-01-02-15.holdfast-backup');
      const opened = await openBackup(
        new Uint8Array(Buffer.from(result.value.base64, 'base64')),
        'correct horse battery',
      );
      if (!opened.ok) throw new Error(opened.problem);
      expect(opened.encrypted).toBe(true);
      const names = Object.keys(unzipSync(opened.zip));
      expect(names).toContain(BACKUP_MANIFEST);
      expect(names).toContain('settings.json');
      expect(result.value.count).toBe(names.length - 1);
    } finally {
      await core.close();
    }
  });
});
