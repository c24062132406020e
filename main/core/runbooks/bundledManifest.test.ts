import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_DIR, startTestCore } from '../__fixtures__/testCore';
import {
  buildBundledManifest,
  bundledContentGuard,
  compareWithManifest,
  readBundledManifest,
} from './bundledManifest';

let root: string;
let bundled: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-manifest-'));
  bundled = join(root, 'runbooks');
  await cp(BUNDLED_DIR, bundled, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the bundled content manifest', () => {
  it('lists every runbook, every scenario and the national contacts pack', async () => {
    const { files } = await buildBundledManifest(bundled);
    expect(Object.keys(files)).toContain('ransomware.md');
    expect(Object.keys(files)).toContain('national-contacts.json');
    expect(Object.keys(files).some((path) => path.startsWith('scenarios/'))).toBe(true);
    expect(
      await compareWithManifest(bundled, { format: 'holdfast-bundled-content', files }),
    ).toEqual({ changed: [], added: [], missing: [] });
  });

  it('finds a changed, an added and a missing file', async () => {
    const manifest = await buildBundledManifest(bundled);
    await writeFile(join(bundled, 'ransomware.md'), 'changed');
    await writeFile(join(bundled, 'scenarios', 'extra.md'), 'new');
    await rm(join(bundled, 'power-cut.md'));
    expect(await compareWithManifest(bundled, manifest)).toEqual({
      changed: ['ransomware.md'],
      added: ['scenarios/extra.md'],
      missing: ['power-cut.md'],
    });
  });

  it('accepts everything without a manifest, and refuses what a manifest does not list', () => {
    const bytes = new TextEncoder().encode('text');
    expect(bundledContentGuard(null).accept('any.md', bytes)).toBe(true);
    const guard = bundledContentGuard({ format: 'holdfast-bundled-content', files: {} });
    expect(guard.accept('any.md', bytes)).toBe(false);
    expect(guard.changed()).toEqual(['any.md']);
  });

  it('a packaged app with no readable manifest checks against an empty one; a checkout does not check', async () => {
    const missing = join(root, 'nowhere.json');
    expect(await readBundledManifest(missing, true)).toEqual({
      format: 'holdfast-bundled-content',
      files: {},
    });
    expect(await readBundledManifest(missing, false)).toBeNull();
  });
});

describe('a changed built-in file at start', { timeout: 60_000 }, () => {
  it('is reported and not used: runbook, scenario and national contacts alike', async () => {
    const manifest = await buildBundledManifest(bundled);
    const ransomware = join(bundled, 'ransomware.md');
    await writeFile(ransomware, (await readFile(ransomware, 'utf8')).replace('Do not pay', 'Pay'));
    const contacts = join(bundled, 'national-contacts.json');
    await writeFile(
      contacts,
      (await readFile(contacts, 'utf8')).replace('0300 303 5222', '0900 000 0000'),
    );
    const core = await startTestCore(join(root, 'data'), {
      bundledRunbooksDir: bundled,
      bundledManifest: manifest,
    });
    try {
      expect(core.notices.map((notice) => notice.message)).toEqual(
        expect.arrayContaining([
          'A built-in file has changed: national-contacts.json. Reinstall Holdfast.',
          'A built-in file has changed: ransomware.md. Reinstall Holdfast.',
        ]),
      );
      // Never silently used: the changed runbook is not in the library at all.
      const got = await core.handlers['runbooks.get']({ id: 'ransomware' });
      expect(got.ok).toBe(false);
      const list = await core.handlers['runbooks.list']({});
      if (!list.ok) throw new Error(list.error.message);
      expect(JSON.stringify(list.value)).not.toContain('0900 000 0000');
      expect(JSON.stringify(list.value)).toContain('is not the file that came with Holdfast');
      // The files that did not change are still there.
      expect((await core.handlers['runbooks.get']({ id: 'power-cut' })).ok).toBe(true);
    } finally {
      await core.close();
    }
  });
});
