import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../createCore';
import { startTestCore } from '../__fixtures__/testCore';
import { runbookSource, SIMPLE_BODY } from '../runbooks/__fixtures__/runbookSource';
import { generateSigningKeys, signPack } from './packSignature';
import { buildPack } from './runbookPack';

const GROUP = generateSigningKeys();
const STRANGER = generateSigningKeys();

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A fresh home that trusts the Oak Care Group key. */
async function home(): Promise<{ core: Core; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'holdfast-signed-'));
  dirs.push(dataDir);
  const core = await startTestCore(dataDir);
  cores.push(core);
  const saved = await core.handlers['settings.update']({
    careGroupKeys: [{ name: 'Oak Care Group', publicKeyPem: GROUP.publicKeyPem }],
  });
  expect(saved.ok).toBe(true);
  return { core, dataDir };
}

/** A pack of one runbook made on `created`, signed by `privateKeyPem` (or not at all). */
function pack(created: string, privateKeyPem: string | null, title = 'Our own plan'): string {
  const runbook = runbookSource({ id: 'our-own', title, body: SIMPLE_BODY });
  const zip = buildPack([{ name: 'our-own.md', bytes: strToU8(runbook) }], new Date(created));
  if (privateKeyPem === null) return Buffer.from(zip).toString('base64');
  const signed = signPack(zip, privateKeyPem, 'Oak Care Group', new Date(created));
  if (!signed.ok) throw new Error(signed.problem);
  return Buffer.from(signed.zip).toString('base64');
}

const message = (result: { ok: boolean; error?: { message: string } }): string =>
  result.ok ? 'ok' : (result.error?.message ?? '');

describe('importing signed packs', { timeout: 30_000 }, () => {
  it('shows "Signed by" for a trusted key and imports without asking to accept it as unsigned', async () => {
    const { core } = await home();
    const base64 = pack('2026-11-01T09:00:00.000Z', GROUP.privateKeyPem);
    const preview = await core.handlers['packs.previewImport']({ base64 });
    expect(preview.ok && preview.value.signature).toMatchObject({
      status: 'good',
      keyName: 'Oak Care Group',
      fingerprint: expect.stringMatching(/^([a-z]+ ){3}[a-z]+ \/ ([a-z]+ ){3}[a-z]+$/) as string,
    });
    const imported = await core.handlers['packs.import']({ base64, author: 'Sam' });
    expect(imported.ok && imported.value.imported).toBe(1);
    const settings = await core.handlers['settings.get']({});
    expect(settings.ok && settings.value.careGroupKeys?.[0]?.lastPackCreated).toBe(
      '2026-11-01T09:00:00.000Z',
    );
  });

  it('refuses a signed pack with one byte changed, whatever is ticked', async () => {
    const { core, dataDir } = await home();
    const files = unzipSync(
      Buffer.from(pack('2026-11-01T09:00:00.000Z', GROUP.privateKeyPem), 'base64'),
    );
    files['runbooks/our-own.md'] = strToU8(
      strFromU8(files['runbooks/our-own.md']!).replace('Phone', 'Phonf'),
    );
    const base64 = Buffer.from(zipSync(files)).toString('base64');
    for (const call of ['packs.previewImport', 'packs.import'] as const)
      expect(message(await core.handlers[call]({ base64, acceptUnsigned: true }))).toBe(
        'The pack was refused: it was changed after it was signed, so it cannot be trusted.',
      );
    expect(await readdir(join(dataDir, 'runbooks'))).toEqual([]);
  });

  it('imports a pack from an unknown key, or an unsigned one, only when accepted as unsigned', async () => {
    const { core, dataDir } = await home();
    for (const base64 of [
      pack('2026-11-01T09:00:00.000Z', STRANGER.privateKeyPem),
      pack('2026-11-01T09:00:00.000Z', null),
    ]) {
      const preview = await core.handlers['packs.previewImport']({ base64 });
      expect(preview.ok && preview.value.signature).toMatchObject({
        status: expect.stringMatching(/^(unknown-key|unsigned)$/) as string,
        mustAccept: true,
      });
      expect(message(await core.handlers['packs.import']({ base64 }))).toContain(
        'Tick “I accept this pack as unsigned”',
      );
      expect(await readdir(join(dataDir, 'runbooks'))).toEqual([]);
    }
    const accepted = await core.handlers['packs.import']({
      base64: pack('2026-11-01T09:00:00.000Z', STRANGER.privateKeyPem),
      acceptUnsigned: true,
    });
    expect(accepted.ok).toBe(true);
  });

  it('in a home with no care group keys, imports an unsigned pack or one from any key without a tick, saying it is not signed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'holdfast-unsigned-'));
    dirs.push(dataDir);
    const core = await startTestCore(dataDir);
    cores.push(core);
    for (const [base64, status] of [
      [pack('2026-11-01T09:00:00.000Z', null), 'unsigned'],
      [pack('2026-11-02T09:00:00.000Z', STRANGER.privateKeyPem, 'Second plan'), 'unknown-key'],
    ] as const) {
      const preview = await core.handlers['packs.previewImport']({ base64 });
      expect(preview.ok && preview.value.signature).toMatchObject({ status, mustAccept: false });
      const imported = await core.handlers['packs.import']({ base64, author: 'Sam' });
      expect(message(imported)).toBe('ok');
    }
    const runbook = await core.handlers['runbooks.get']({ id: 'our-own' });
    expect(runbook.ok && runbook.value.title).toBe('Second plan');
    // A signature that does not match its own pack is still refused, keys or none.
    const files = unzipSync(
      Buffer.from(pack('2026-11-03T09:00:00.000Z', GROUP.privateKeyPem), 'base64'),
    );
    files['holdfast-pack.json'] = strToU8(
      strFromU8(files['holdfast-pack.json']!).replace('2026-11-03', '2026-11-04'),
    );
    expect(
      message(
        await core.handlers['packs.import']({
          base64: Buffer.from(zipSync(files)).toString('base64'),
        }),
      ),
    ).toMatch(/^The pack was refused: /);
  });

  it('refuses a signed pack older than the one already imported from the same group', async () => {
    const { core } = await home();
    const newer = pack('2026-11-20T09:00:00.000Z', GROUP.privateKeyPem, 'November plan');
    expect((await core.handlers['packs.import']({ base64: newer })).ok).toBe(true);
    const older = pack('2026-10-01T09:00:00.000Z', GROUP.privateKeyPem, 'October plan');
    for (const call of ['packs.previewImport', 'packs.import'] as const)
      expect(message(await core.handlers[call]({ base64: older, acceptUnsigned: true }))).toBe(
        'The pack was refused: it is an older pack from Oak Care Group (made 2026-10-01) than the one already imported (made 2026-11-20). Ask Oak Care Group for their latest pack.',
      );
    const runbook = await core.handlers['runbooks.get']({ id: 'our-own' });
    expect(runbook.ok && runbook.value.title).toBe('November plan');
  });

  it('refuses to add something that is not a public key, or the same key twice', async () => {
    const { core } = await home();
    const privateKey = await core.handlers['settings.update']({
      careGroupKeys: [{ name: 'Oak', publicKeyPem: GROUP.privateKeyPem }],
    });
    expect(message(privateKey)).toContain('is a private key, which must stay with the care group');
    const notKey = await core.handlers['settings.update']({
      careGroupKeys: [{ name: 'Oak', publicKeyPem: 'hello' }],
    });
    expect(message(notKey)).toContain('is not a care group public key');
    const twice = await core.handlers['settings.update']({
      careGroupKeys: [
        { name: 'Oak', publicKeyPem: GROUP.publicKeyPem },
        { name: 'Oak again', publicKeyPem: GROUP.publicKeyPem },
      ],
    });
    expect(message(twice)).toBe('The key for “Oak again” is already added, as “Oak”.');
  });
});
