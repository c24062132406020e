import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { z } from 'zod';

/**
 * An encrypted backup file: a short magic, a small JSON header saying how the key was made and
 * which cipher was used, then the AES-256-GCM ciphertext of the backup zip and its 16-byte tag.
 * The magic and header are authenticated too (as additional data), so changing any byte of the
 * file, header included, is refused.
 */
const MAGIC = new TextEncoder().encode('HOLDFAST-BACKUP\n');
const HEADER_LENGTH_BYTES = 4;
const TAG_BYTES = 16;
const HEADER_VERSION = 1;
/** A header is a few hundred bytes; anything larger is not one of ours. */
const MAX_HEADER_BYTES = 4096;

export interface ScryptCost {
  /** CPU and memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** About 128 MB and well under a second on a small office PC: slow for a guesser, fine once. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/** A hostile header must not be able to ask for gigabytes of memory. */
const MAX_SCRYPT_N = 2 ** 20;

const base64 = z.base64();
const headerSchema = z.strictObject({
  version: z.literal(HEADER_VERSION),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .int()
      .min(2 ** 10)
      .max(MAX_SCRYPT_N)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.int().min(1).max(32),
    p: z.int().min(1).max(16),
    salt: base64,
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: base64,
  /** Tells a wrong passphrase apart from a damaged file; it reveals no more than the tag already does. */
  passphraseCheck: base64,
});

type Header = z.infer<typeof headerSchema>;

/** True when the file starts as an encrypted Holdfast backup. */
export function isEncryptedBackup(file: Uint8Array): boolean {
  return file.length >= MAGIC.length && MAGIC.every((byte, index) => file[index] === byte);
}

/** True when the file starts as a plain zip (a backup from before encryption). */
export function isPlainZip(file: Uint8Array): boolean {
  return file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b && (file[2] ?? 0xff) <= 0x07;
}

/** Keyboards and operating systems can produce the same letters as different code points. */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

function deriveKeys(
  passphrase: string,
  salt: Buffer,
  cost: ScryptCost,
): Promise<{ key: Buffer; check: Buffer }> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphraseBytes(passphrase),
      salt,
      64,
      { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 },
      (error, derived) => {
        if (error) reject(error);
        else
          resolve({
            key: derived.subarray(0, 32),
            check: createHmac('sha256', derived.subarray(32))
              .update('holdfast backup passphrase check')
              .digest()
              .subarray(0, 16),
          });
      },
    );
  });
}

/** Encrypts a backup zip with a passphrase; a fresh random salt and IV each time. */
export async function sealBackup(
  zip: Uint8Array,
  passphrase: string,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<Uint8Array> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, salt, cost);
  const header: Header = {
    version: HEADER_VERSION,
    kdf: { name: 'scrypt', ...cost, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    passphraseCheck: check.toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(HEADER_LENGTH_BYTES);
  length.writeUInt32BE(headerBytes.length);
  const prefix = Buffer.concat([MAGIC, length, headerBytes]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(prefix);
  const body = Buffer.concat([cipher.update(zip), cipher.final()]);
  return new Uint8Array(Buffer.concat([prefix, body, cipher.getAuthTag()]));
}

export type OpenedBackup =
  { ok: true; zip: Uint8Array; encrypted: boolean } | { ok: false; problem: string };

const DAMAGED = 'the backup file has been changed or damaged since it was made.';

/**
 * Decrypts a backup made by `sealBackup`. A backup from before encryption (a plain zip) is passed
 * through with `encrypted: false`, so the caller can say so; it is never mistaken for a checked one.
 */
export async function openBackup(
  file: Uint8Array,
  passphrase: string | null,
): Promise<OpenedBackup> {
  if (isPlainZip(file)) return { ok: true, zip: file, encrypted: false };
  if (!isEncryptedBackup(file))
    return { ok: false, problem: 'this is not a Holdfast backup file.' };
  if (passphrase === null || passphrase.length === 0)
    return {
      ok: false,
      problem: 'this backup is encrypted. Give the passphrase it was made with.',
    };
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const headerStart = MAGIC.length + HEADER_LENGTH_BYTES;
  if (buffer.length < headerStart + TAG_BYTES) return { ok: false, problem: DAMAGED };
  const headerLength = buffer.readUInt32BE(MAGIC.length);
  const bodyStart = headerStart + headerLength;
  if (headerLength > MAX_HEADER_BYTES || bodyStart + TAG_BYTES > buffer.length)
    return { ok: false, problem: DAMAGED };
  let header: Header;
  try {
    const parsed = headerSchema.safeParse(
      JSON.parse(buffer.subarray(headerStart, bodyStart).toString('utf8')),
    );
    if (!parsed.success)
      return {
        ok: false,
        problem: `${DAMAGED} (Or it was made by a newer version of Holdfast.)`,
      };
    header = parsed.data;
  } catch {
    return { ok: false, problem: DAMAGED };
  }
  const { N, r, p } = header.kdf;
  const { key, check } = await deriveKeys(passphrase, Buffer.from(header.kdf.salt, 'base64'), {
    N,
    r,
    p,
  });
  const expectedCheck = Buffer.from(header.passphraseCheck, 'base64');
  if (expectedCheck.length !== check.length || !timingSafeEqual(expectedCheck, check))
    return {
      ok: false,
      problem:
        'the passphrase is not the one this backup was made with. Check capital letters and spaces, and try again.',
    };
  const iv = Buffer.from(header.iv, 'base64');
  if (iv.length !== 12) return { ok: false, problem: DAMAGED };
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(buffer.subarray(0, bodyStart));
  decipher.setAuthTag(buffer.subarray(buffer.length - TAG_BYTES));
  try {
    // GCM hands back every byte from update() and nothing from final(), which only checks the
    // tag; not concatenating the two saves a second copy of the whole backup in memory.
    const zip = decipher.update(buffer.subarray(bodyStart, buffer.length - TAG_BYTES));
    decipher.final();
    return {
      ok: true,
      zip: new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength),
      encrypted: true,
    };
  } catch {
    return { ok: false, problem: DAMAGED };
  }
}
