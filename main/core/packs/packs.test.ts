import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, type ZipOptions } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../createCore';
import { BUNDLED_DIR, startTestCore } from '../__fixtures__/testCore';
import { runbookSource, SIMPLE_BODY } from '../runbooks/__fixtures__/runbookSource';
import { sha256 } from '../lib/hash';
import { buildPack, MANIFEST } from './runbookPack';

let dirs: string[];
let cores: Core[];

beforeEach(() => {
  dirs = [];
  cores = [];
});
afterEach(async () => {
  for (const core of cores) await core.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function freshCore(): Promise<{ core: Core; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'holdfast-packs-'));
  dirs.push(dataDir);
  const core = await startTestCore(dataDir);
  cores.push(core);
  return { core, dataDir };
}

const value = <T>(
  result: { ok: true; value: T } | { ok: false; error: { message: string } },
): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const base64 = (zip: Uint8Array): string => Buffer.from(zip).toString('base64');
const OWN = runbookSource({ id: 'our-own', body: SIMPLE_BODY });

/** A zip with a manifest that lists `files` correctly, so only the thing under test is wrong. */
function packWith(
  files: Record<string, Uint8Array | [Uint8Array, ZipOptions]>,
  manifest: Record<string, unknown> = {},
): Uint8Array {
  const listed = Object.entries(files).map(([path, entry]) => {
    const bytes = entry instanceof Uint8Array ? entry : entry[0];
    return { path, sha256: sha256(bytes), bytes: bytes.byteLength };
  });
  const body = {
    format: 'holdfast-runbook-pack',
    formatVersion: 1,
    created: '2026-03-01T02:15:30.000Z',
    files: listed,
    ...manifest,
  };
  return zipSync({ [MANIFEST]: encode(JSON.stringify(body)), ...files });
}

/** Asserts the pack is refused by preview and import alike, and that nothing at all was written. */
async function expectRefused(zip: Uint8Array, message: RegExp): Promise<void> {
  const { core, dataDir } = await freshCore();
  const before = (await readdir(dataDir)).sort();
  for (const name of ['packs.previewImport', 'packs.import'] as const) {
    const result = await core.handlers[name]({ base64: base64(zip) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    expect(!result.ok && result.error.message).toMatch(message);
  }
  expect(await readdir(join(dataDir, 'runbooks'))).toEqual([]);
  expect((await readdir(dataDir)).sort()).toEqual(before);
}

describe('runbook packs', () => {
  it('export from one data folder and import into a fresh one, with a preview first', async () => {
    const { core: source } = await freshCore();
    value(await source.handlers['runbooks.save']({ id: null, text: OWN, author: 'Sam' }));
    const bundled = await readFile(join(BUNDLED_DIR, 'lost-device.md'), 'utf8');
    value(
      await source.handlers['runbooks.save']({
        id: 'lost-device',
        text: bundled.replace(/^title: .*$/m, 'title: Laptop or phone gone missing'),
      }),
    );
    const pack = value(await source.handlers['packs.export']({ includeContacts: false }));
    expect(pack).toMatchObject({ filename: 'holdfast-runbooks-2026-03-01.zip', count: 2 });

    const { core: target, dataDir } = await freshCore();
    const preview = value(await target.handlers['packs.previewImport']({ base64: pack.base64 }));
    expect(preview.contacts).toBeNull();
    expect(preview.runbooks.map(({ id, change }) => [id, change]).sort()).toEqual([
      ['lost-device', 'overrides-bundled'],
      ['our-own', 'new'],
    ]);
    expect(await readdir(join(dataDir, 'runbooks'))).toEqual([]);

    const imported = value(
      await target.handlers['packs.import']({
        base64: pack.base64,
        author: 'Alex',
        acceptUnsigned: true,
      }),
    );
    expect(imported).toMatchObject({ imported: 2, unchanged: 0 });
    expect(value(await target.handlers['runbooks.get']({ id: 'lost-device' })).title).toBe(
      'Laptop or phone gone missing',
    );
    expect(value(await target.handlers['runbooks.get']({ id: 'our-own' })).source).toBe('user');
    const history = value(await target.handlers['runbooks.history']({ id: 'lost-device' }));
    expect(history.map(({ kind, author, message }) => [kind, author, message])).toEqual([
      ['original', 'Holdfast', 'The version that comes with Holdfast'],
      ['save', 'Alex', 'Imported from a pack made 2026-03-01'],
    ]);
    expect(
      value(await target.handlers['packs.import']({ base64: pack.base64, acceptUnsigned: true })),
    ).toMatchObject({
      imported: 0,
      unchanged: 2,
    });
  });

  it('carries local contacts when asked, and imports them with the runbooks', async () => {
    const { core: source } = await freshCore();
    value(await source.handlers['runbooks.save']({ id: null, text: OWN }));
    value(
      await source.handlers['contacts.save']({
        role: 'it-supplier',
        name: 'Sam Patel',
        organisation: 'Acme IT',
        channels: [{ kind: 'phone', value: '01632 960123', outOfBand: true }],
        hours: 'Mon–Fri 8–6',
        notes: '',
        lastVerified: '2026-01-10',
      }),
    );
    const pack = value(await source.handlers['packs.export']({ includeContacts: true }));

    const { core: target } = await freshCore();
    expect(
      value(await target.handlers['packs.previewImport']({ base64: pack.base64 })).contacts,
    ).toEqual({
      new: 1,
      updated: 0,
      unchanged: 0,
      changes: [
        {
          role: 'it-supplier',
          label: 'IT supplier',
          before: null,
          after: { name: 'Sam Patel', organisation: 'Acme IT', channels: ['phone 01632 960123'] },
        },
      ],
    });
    // Importing the runbooks alone leaves the contacts as they were.
    expect(
      value(await target.handlers['packs.import']({ base64: pack.base64, acceptUnsigned: true }))
        .contacts,
    ).toBeNull();
    const untouched = value(await target.handlers['contacts.list']({}));
    expect(untouched.roles.find((role) => role.role === 'it-supplier')?.contact).toBeNull();
    expect(
      value(
        await target.handlers['packs.import']({
          base64: pack.base64,
          includeContacts: true,
          acceptUnsigned: true,
        }),
      ).contacts,
    ).toEqual({ new: 1, updated: 0, unchanged: 0 });
    const directory = value(await target.handlers['contacts.list']({}));
    expect(directory.roles.find((role) => role.role === 'it-supplier')?.contact?.name).toBe(
      'Sam Patel',
    );
    expect(value(await target.handlers['runbooks.get']({ id: 'our-own' })).source).toBe('user');
  });

  it('shows a bundled runbook it overrides as a line diff and a replaced number as before → after, writes contacts only when chosen, and says which pack changed a runbook', async () => {
    const bundled = await readFile(join(BUNDLED_DIR, 'lost-device.md'), 'utf8');
    const swapped = bundled.replace(/^title: .*$/m, 'title: A nice new guide');
    const csv =
      'role,name,organisation,phone,out_of_band,last_verified\n' +
      'it-supplier,Acme IT,Acme,0300 999 1111,phone,2026-01-01\n';
    const zip = packWith({
      'runbooks/nice-new-guide.md': encode(swapped),
      'contacts.csv': encode(csv),
    });
    const { core } = await freshCore();
    value(
      await core.handlers['contacts.save']({
        role: 'it-supplier',
        name: 'Real IT Ltd',
        organisation: 'Real IT',
        channels: [{ kind: 'phone', value: '0161 000 0000', outOfBand: true }],
        hours: '24/7',
        notes: '',
        lastVerified: '2026-01-10',
      }),
    );
    const preview = value(await core.handlers['packs.previewImport']({ base64: base64(zip) }));
    const [runbook] = preview.runbooks;
    expect(runbook).toMatchObject({
      id: 'lost-device',
      title: 'A nice new guide',
      change: 'overrides-bundled',
      replacesTitle: 'Laptop, phone or tablet lost or stolen',
    });
    const changedLines = (runbook?.diff ?? []).filter((line) => line.change !== 'same');
    expect(changedLines).toEqual([
      { change: 'removed', text: 'title: Laptop, phone or tablet lost or stolen', oldLine: 3 },
      { change: 'added', text: 'title: A nice new guide', newLine: 3 },
    ]);
    expect(preview.contacts?.changes).toEqual([
      {
        role: 'it-supplier',
        label: 'IT supplier',
        before: { name: 'Real IT Ltd', organisation: 'Real IT', channels: ['phone 0161 000 0000'] },
        after: { name: 'Acme IT', organisation: 'Acme', channels: ['phone 0300 999 1111'] },
      },
    ]);

    value(
      await core.handlers['packs.import']({
        base64: base64(zip),
        author: 'Alex',
        packName: 'from-head-office.zip',
        acceptUnsigned: true,
      }),
    );
    const directory = value(await core.handlers['contacts.list']({}));
    expect(directory.roles.find((role) => role.role === 'it-supplier')?.contact?.name).toBe(
      'Real IT Ltd',
    );
    const history = value(await core.handlers['runbooks.history']({ id: 'lost-device' }));
    expect(history.at(-1)).toMatchObject({
      message: 'Imported from the pack “from-head-office.zip” made 2026-03-01',
      fromPack: { name: 'from-head-office.zip', created: '2026-03-01T02:15:30.000Z' },
    });
    // A later edit by hand is no longer the pack's text, and says nothing about a pack.
    value(await core.handlers['runbooks.save']({ id: 'lost-device', text: `${swapped}\nMore.\n` }));
    const after = value(await core.handlers['runbooks.history']({ id: 'lost-device' }));
    expect(after.at(-1)?.fromPack).toBeUndefined();
  });

  it('refuses a pack whose contacts have problems, and writes neither runbooks nor contacts', async () => {
    const csv = 'role,name,phone\nno-such-role,Sam,01632 960123\n';
    await expectRefused(
      packWith({ 'runbooks/a.md': encode(OWN), 'contacts.csv': encode(csv) }),
      /its contacts have problems/,
    );
  });

  it.each([
    [
      'a path that climbs out with ..',
      '../evil.md',
      /"\.\.\/evil\.md" has a path that leaves its folder/,
    ],
    ['a path climbing out from inside the folder', 'runbooks/../../evil.md', /leaves its folder/],
    ['an absolute path', '/etc/evil.md', /"\/etc\/evil\.md" has an absolute path/],
    ['a Windows drive path', 'C:/evil.md', /has an absolute path/],
    ['a backslash path', 'runbooks\\..\\evil.md', /backslash/],
  ])('refuses %s and writes nothing', async (_, name, message) => {
    await expectRefused(packWith({ [name]: encode(OWN) }), message);
  });

  it('refuses a symbolic link', async () => {
    const link = encode('/etc/passwd');
    await expectRefused(
      packWith({ 'runbooks/our-own.md': [link, { os: 3, attrs: (0o120777 << 16) >>> 0 }] }),
      /is a symbolic link/,
    );
  });

  it('refuses a file larger than a runbook may be', async () => {
    await expectRefused(
      packWith({ 'runbooks/huge.md': new Uint8Array(20 * 1024 * 1024) }),
      /a file may be at most 512 KB/,
    );
  });

  it('refuses a zip bomb whose entries claim to be small', async () => {
    const zip = packWith({ 'runbooks/bomb.md': new Uint8Array(4 * 1024 * 1024) });
    // Rewrite the declared size (local header and central directory) to 100 bytes.
    const view = new DataView(zip.buffer);
    for (let at = 0; at < zip.length - 4; at += 1) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50 && view.getUint32(at + 22, true) === 4 * 1024 * 1024)
        view.setUint32(at + 22, 100, true);
      if (signature === 0x02014b50 && view.getUint32(at + 24, true) === 4 * 1024 * 1024)
        view.setUint32(at + 24, 100, true);
    }
    await expectRefused(zip, /larger than it says it is \(a "zip bomb"\)/);
  });

  it('refuses too many files', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 201 }, (_, index) => [`runbooks/r${index}.md`, encode(OWN)]),
    );
    await expectRefused(packWith(files), /202 files; a pack may hold at most 200/);
  });

  it('refuses two runbooks with the same id', async () => {
    await expectRefused(
      packWith({ 'runbooks/a.md': encode(OWN), 'runbooks/b.md': encode(OWN) }),
      /runbooks\/b\.md and runbooks\/a\.md both use the runbook id "our-own"/,
    );
  });

  it('refuses an unknown format, a newer format, a bad checksum, a stray file and a broken runbook', async () => {
    await expectRefused(
      packWith({ 'runbooks/a.md': encode(OWN) }, { format: 'something-else' }),
      /not a Holdfast runbook pack/,
    );
    await expectRefused(
      packWith({ 'runbooks/a.md': encode(OWN) }, { formatVersion: 2 }),
      /newer version of Holdfast/,
    );
    await expectRefused(
      packWith(
        { 'runbooks/a.md': encode(OWN) },
        { files: [{ path: 'runbooks/a.md', sha256: '0'.repeat(64), bytes: 3 }] },
      ),
      /does not match its checksum/,
    );
    await expectRefused(
      packWith({ 'runbooks/a.md': encode(OWN), 'notes.txt': encode('hello') }),
      /a file Holdfast does not expect \("notes\.txt"\)/,
    );
    await expectRefused(
      packWith({ 'runbooks/a.md': encode(OWN.replace(/^title: .*$/m, 'title: x')) }),
      /runbooks\/a\.md:3: Title must be at least 3 characters/,
    );
    await expectRefused(encode('just some text, not a zip'), /not a zip file/);
    await expectRefused(zipSync({ 'runbooks/a.md': encode(OWN) }), /has no holdfast-pack\.json/);
  });

  it('builds packs whose manifest lists every file with its checksum', () => {
    const zip = buildPack(
      [{ name: 'our-own.md', bytes: encode(OWN) }],
      new Date('2026-03-01T02:15:30.000Z'),
    );
    expect(zip.byteLength).toBeGreaterThan(100);
  });
});
