import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { zipSync } from 'fflate';
import { z } from 'zod';
import { sha256 } from '../lib/hash';
import { fingerprintWords } from './fingerprintWords';
import { readZip, type ZipFile } from './safeZip';

/** The file a signed pack carries beside its manifest. It is the one entry the signature does not cover. */
export const SIGNATURE_FILE = 'holdfast-signature.json';
const SIGNATURE_FORMAT = 'holdfast-pack-signature';
const MANIFEST_FILE = 'holdfast-pack.json';

const signerName = z.string().trim().min(1).max(80);

const signatureSchema = z.strictObject({
  format: z.literal(SIGNATURE_FORMAT),
  formatVersion: z.literal(1),
  signer: signerName,
  /** SHA-256 of the signer's raw public key, hex: says which key to check with. */
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  /** The pack's own date (its manifest's `created`): a later pack from the same signer is newer. */
  packCreated: z.iso.datetime(),
  signedAt: z.iso.datetime(),
  signature: z.base64(),
});
type SignatureFile = z.infer<typeof signatureSchema>;

/** A public key Holdfast trusts packs from, as kept in Settings. */
export interface TrustedKey {
  name: string;
  publicKeyPem: string;
}

export type SignatureCheck =
  | { status: 'unsigned' }
  | {
      status: 'good';
      signer: string;
      /** The name the key was added under here (may differ from the name the signer wrote). */
      keyName: string;
      keyId: string;
      fingerprint: string;
      packCreated: string;
    }
  | { status: 'unknown-key'; signer: string; keyId: string; fingerprint: null; packCreated: string }
  | { status: 'bad'; reason: string };

/** The 32 raw bytes of an Ed25519 public key (the last 32 bytes of its SPKI form). */
function rawPublicKey(key: KeyObject): Uint8Array {
  const der = key.export({ type: 'spki', format: 'der' });
  return new Uint8Array(der.subarray(der.length - 32));
}

/** True when the text holds a private key (node would read a public key out of it). */
export const isPrivateKeyText = (text: string): boolean =>
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text);

/** Reads a public key from PEM text; null when it is not an Ed25519 public key. */
export function readPublicKey(pem: string): KeyObject | null {
  if (isPrivateKeyText(pem)) return null;
  try {
    const key = createPublicKey({ key: pem.trim(), format: 'pem' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export const keyIdOf = (key: KeyObject): string => sha256(rawPublicKey(key));
export const fingerprintOf = (key: KeyObject): string => fingerprintWords(rawPublicKey(key));

/** A new signing key pair as PEM text (PKCS#8 private, SPKI public). */
export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * The exact bytes that are signed: the signature file's own fields and every other entry's name,
 * size and SHA-256, sorted by name. Any changed byte, added or removed entry, or changed signer
 * name or date gives different bytes, so the signature no longer matches.
 */
function signedBytes(
  fields: Pick<SignatureFile, 'signer' | 'keyId' | 'packCreated' | 'signedAt'>,
  entries: ZipFile[],
): Uint8Array {
  const listed = entries
    .filter((entry) => entry.name !== SIGNATURE_FILE)
    .map((entry) => [entry.name, entry.bytes.byteLength, sha256(entry.bytes)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new TextEncoder().encode(
    JSON.stringify([
      `${SIGNATURE_FORMAT}/1`,
      fields.signer,
      fields.keyId,
      fields.packCreated,
      fields.signedAt,
      listed,
    ]),
  );
}

function packCreatedOf(files: ZipFile[]): string | null {
  const manifest = files.find((file) => file.name === MANIFEST_FILE);
  if (!manifest) return null;
  try {
    const created = (JSON.parse(new TextDecoder().decode(manifest.bytes)) as { created?: unknown })
      .created;
    return typeof created === 'string' ? created : null;
  } catch {
    return null;
  }
}

export type SignOutcome =
  { ok: true; zip: Uint8Array; signer: string } | { ok: false; problem: string };

/** Signs a pack (replacing any signature it had) with an Ed25519 private key in PEM form. */
export function signPack(
  zip: Uint8Array,
  privateKeyPem: string,
  signer: string,
  now: Date,
): SignOutcome {
  const name = signerName.safeParse(signer);
  if (!name.success) return { ok: false, problem: 'The signer name must be 1 to 80 characters.' };
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch {
    return { ok: false, problem: 'That is not a private key file.' };
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    return { ok: false, problem: 'That key is not an Ed25519 key made by packs:keygen.' };
  const read = readZip(zip);
  if (!read.ok) return read;
  const files = read.files.filter((file) => file.name !== SIGNATURE_FILE);
  const packCreated = packCreatedOf(files);
  if (packCreated === null || !z.iso.datetime().safeParse(packCreated).success)
    return { ok: false, problem: 'This is not a Holdfast pack: it has no readable manifest.' };
  const fields = {
    signer: name.data,
    keyId: keyIdOf(createPublicKey(privateKey)),
    packCreated,
    signedAt: now.toISOString(),
  };
  const signature = sign(null, signedBytes(fields, files), privateKey).toString('base64');
  const file: SignatureFile = {
    format: SIGNATURE_FORMAT,
    formatVersion: 1,
    ...fields,
    signature,
  };
  const signed = zipSync(
    {
      ...Object.fromEntries(files.map((entry) => [entry.name, entry.bytes])),
      [SIGNATURE_FILE]: new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`),
    },
    { mtime: new Date(packCreated) },
  );
  return { ok: true, zip: signed, signer: name.data };
}

/**
 * Checks a pack's signature against the keys trusted here. A pack without a signature file is
 * "unsigned"; one signed by a key not trusted here is "unknown-key" (its bytes cannot be vouched
 * for); one whose signature does not match what it holds is "bad", with the reason.
 */
export function checkPackSignature(
  files: ZipFile[],
  trusted: readonly TrustedKey[],
): SignatureCheck {
  const file = files.find((entry) => entry.name === SIGNATURE_FILE);
  if (!file) return { status: 'unsigned' };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes));
  } catch {
    return { status: 'bad', reason: 'its signature file cannot be read' };
  }
  const parsed = signatureSchema.safeParse(raw);
  if (!parsed.success)
    return { status: 'bad', reason: 'its signature file is not in a form Holdfast understands' };
  const signature = parsed.data;
  if (packCreatedOf(files) !== signature.packCreated)
    return { status: 'bad', reason: 'the pack was changed after it was signed (its date differs)' };
  const key = trusted
    .map((entry) => ({ entry, key: readPublicKey(entry.publicKeyPem) }))
    .find(({ key: candidate }) => candidate !== null && keyIdOf(candidate) === signature.keyId);
  if (!key?.key)
    return {
      status: 'unknown-key',
      signer: signature.signer,
      keyId: signature.keyId,
      fingerprint: null,
      packCreated: signature.packCreated,
    };
  const good = verify(
    null,
    signedBytes(signature, files),
    key.key,
    Buffer.from(signature.signature, 'base64'),
  );
  if (!good)
    return {
      status: 'bad',
      reason: 'it was changed after it was signed, so it cannot be trusted',
    };
  return {
    status: 'good',
    signer: signature.signer,
    keyName: key.entry.name,
    keyId: signature.keyId,
    fingerprint: fingerprintOf(key.key),
    packCreated: signature.packCreated,
  };
}
