import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runbookSource, SIMPLE_BODY } from '../runbooks/__fixtures__/runbookSource';
import { FINGERPRINT_WORDS } from './fingerprintWords';
import {
  checkPackSignature,
  fingerprintOf,
  generateSigningKeys,
  readPublicKey,
  SIGNATURE_FILE,
  signPack,
} from './packSignature';
import { buildPack, readPack } from './runbookPack';
import { readZip } from './safeZip';

const GROUP = generateSigningKeys();
const OTHER = generateSigningKeys();
const TRUSTED = [{ name: 'Oak Care Group', publicKeyPem: GROUP.publicKeyPem }];
const CREATED = new Date('2026-11-30T09:00:00.000Z');

const pack = (): Uint8Array =>
  buildPack(
    [{ name: 'our-own.md', bytes: strToU8(runbookSource({ id: 'our-own', body: SIMPLE_BODY })) }],
    CREATED,
    'role,name\n',
  );

function signed(keyPem = GROUP.privateKeyPem, signer = 'Oak Care Group'): Uint8Array {
  const outcome = signPack(pack(), keyPem, signer, new Date('2026-12-01T10:00:00.000Z'));
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.zip;
}

/** The pack with its entries changed by `edit`, zipped again (as someone altering it would). */
function altered(zip: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  edit(files);
  return zipSync(files);
}

const check = (zip: Uint8Array, trusted = TRUSTED) => {
  const read = readZip(zip);
  if (!read.ok) throw new Error(read.problem);
  return checkPackSignature(read.files, trusted);
};

describe('signed packs', () => {
  it('verifies a good signature and names the signer with the key fingerprint in words', () => {
    const result = check(signed());
    const key = readPublicKey(GROUP.publicKeyPem);
    expect(key).not.toBeNull();
    expect(result).toMatchObject({
      status: 'good',
      signer: 'Oak Care Group',
      keyName: 'Oak Care Group',
      packCreated: CREATED.toISOString(),
      fingerprint: fingerprintOf(key!),
    });
    // The pack still reads as a pack, its signature reported alongside.
    const read = readPack(signed(), TRUSTED);
    expect(read.ok && read.signature.status).toBe('good');
    expect(read.ok && read.runbooks.map((runbook) => runbook.parsed.meta.id)).toEqual(['our-own']);
  });

  it('refuses a pack with one byte changed after signing', () => {
    const zip = altered(signed(), (files) => {
      const text = strFromU8(files['runbooks/our-own.md']!);
      files['runbooks/our-own.md'] = strToU8(text.replace('Phone', 'Phonf'));
    });
    expect(check(zip)).toEqual({
      status: 'bad',
      reason: 'it was changed after it was signed, so it cannot be trusted',
    });
    expect(readPack(zip, TRUSTED)).toEqual({
      ok: false,
      problem: 'The pack was refused: it was changed after it was signed, so it cannot be trusted.',
    });
  });

  it('refuses a pack with an entry added or removed after signing', () => {
    const added = altered(signed(), (files) => {
      files['runbooks/extra.md'] = strToU8(runbookSource({ id: 'extra', body: SIMPLE_BODY }));
    });
    expect(check(added).status).toBe('bad');
    const removed = altered(signed(), (files) => {
      delete files['contacts.csv'];
    });
    expect(check(removed).status).toBe('bad');
  });

  it('refuses a pack whose signer name was changed after signing', () => {
    const zip = altered(signed(), (files) => {
      const signature = JSON.parse(strFromU8(files[SIGNATURE_FILE]!)) as { signer: string };
      files[SIGNATURE_FILE] = strToU8(JSON.stringify({ ...signature, signer: 'Head Office' }));
    });
    expect(check(zip).status).toBe('bad');
  });

  it('reports a pack signed with a key not trusted here as from an unknown key', () => {
    const result = check(signed(OTHER.privateKeyPem, 'Someone Else'));
    expect(result).toMatchObject({ status: 'unknown-key', signer: 'Someone Else' });
    // No trusted keys at all: the same.
    expect(check(signed(), []).status).toBe('unknown-key');
  });

  it('reports an unsigned pack as unsigned', () => {
    expect(check(pack())).toEqual({ status: 'unsigned' });
  });

  it('signing again replaces the signature rather than adding a second one', () => {
    const twice = signPack(signed(), OTHER.privateKeyPem, 'New Group', new Date());
    expect(twice.ok).toBe(true);
    if (!twice.ok) return;
    const names = Object.keys(unzipSync(twice.zip)).filter((name) => name === SIGNATURE_FILE);
    expect(names).toHaveLength(1);
    expect(check(twice.zip, [{ name: 'New', publicKeyPem: OTHER.publicKeyPem }]).status).toBe(
      'good',
    );
  });

  it('refuses to sign with something that is not an Ed25519 private key', () => {
    expect(signPack(pack(), GROUP.publicKeyPem, 'Oak', new Date())).toEqual({
      ok: false,
      problem: 'That is not a private key file.',
    });
  });

  it('writes the fingerprint as 8 words from the fixed list, in two groups of four', () => {
    const words = fingerprintOf(readPublicKey(GROUP.publicKeyPem)!).split(/ \/ | /);
    expect(words).toHaveLength(8);
    for (const word of words) expect(FINGERPRINT_WORDS).toContain(word);
    expect(new Set(FINGERPRINT_WORDS).size).toBe(256);
  });
});
