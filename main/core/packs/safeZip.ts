import { Inflate } from 'fflate';

/** Limits every pack is held to before anything in it is decompressed. */
export interface ZipLimits {
  files: number;
  fileBytes: number;
  totalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  files: 200,
  /** Per file, decompressed: a runbook is at most 512 KB. */
  fileBytes: 512 * 1024,
  /** All files together, decompressed. */
  totalBytes: 8 * 1024 * 1024,
};

/** One file read from a zip, after every check passed. */
export interface ZipFile {
  name: string;
  bytes: Uint8Array;
}

export type ZipRead = { ok: true; files: ZipFile[] } | { ok: false; problem: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;

/**
 * A name a pack may hold: forward slashes, no absolute path (a zip may carry "/etc/x" or "C:\x"),
 * no "." or ".." segments (zip slip), no backslashes or control characters.
 */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0 || name.length > 200) return 'has an empty or overlong name';
  if (/[\\\x00-\x1f]/.test(name)) return 'has a backslash or control character in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').some((segment) => segment === '..' || segment === '.' || segment === ''))
    return 'has a path that leaves its folder ("..")';
  return null;
}

/**
 * Compressed bytes are fed to the inflater in slices this small, because it hands back everything
 * one push produces as one chunk: a slice this size can never grow past about 16 MB, whatever
 * the file claims.
 */
const INFLATE_SLICE = 16 * 1024;

/**
 * Decompresses one entry chunk by chunk, stopping as soon as it grows past its declared size or
 * the limit (zip bombs lie). Returns false when it did, or when it came out shorter than declared.
 */
function inflateChunks(
  data: Uint8Array,
  declared: number,
  limit: number,
  onChunk: (chunk: Uint8Array) => void,
): boolean {
  let total = 0;
  let tooBig = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > declared || total > limit) {
      tooBig = true;
      throw new RangeError('too big');
    }
    if (chunk.length > 0) onChunk(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += INFLATE_SLICE)
      inflater.push(data.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= data.length);
  } catch (error: unknown) {
    if (tooBig) return false;
    throw error;
  }
  return total === declared;
}

/** Decompresses one entry into memory, bounded as `inflateChunks` is. */
function inflateBounded(data: Uint8Array, declared: number, limit: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  if (!inflateChunks(data, declared, limit, (chunk) => chunks.push(chunk))) return null;
  const out = new Uint8Array(declared);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** One entry of a zip whose central directory passed every check; nothing decompressed yet. */
export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; problem: string };

/**
 * Checks a zip's central directory in full (count, names, links, declared sizes, methods) before
 * any entry is decompressed. Any problem refuses the whole file with a sentence saying which
 * entry and why.
 */
export function listZipEntries(zip: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipListing {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const refuse = (problem: string): ZipListing => ({ ok: false, problem });
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end === -1) return refuse('This is not a Holdfast pack: it is not a zip file.');
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count > limits.files)
    return refuse(`The pack has ${count} files; a pack may hold at most ${limits.files}.`);

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL)
      return refuse('The pack is damaged: its list of files cannot be read.');
    const host = view.getUint8(at + 5);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const mode = view.getUint32(at + 38, true) >>> 16;
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder('utf-8', { fatal: false }).decode(
      zip.subarray(at + 46, at + 46 + nameLength),
    );
    at += 46 + nameLength + extraLength + commentLength;

    const shown = JSON.stringify(name.slice(0, 80));
    const unsafe = unsafeNameReason(name);
    if (unsafe) return refuse(`The pack was refused: the file ${shown} ${unsafe}.`);
    if (host === UNIX_HOST && (mode & S_IFMT) !== 0 && (mode & S_IFMT) !== S_IFREG) {
      return refuse(
        `The pack was refused: ${shown} is ${(mode & S_IFMT) === S_IFLNK ? 'a symbolic link' : 'not a plain file'}.`,
      );
    }
    if (name.endsWith('/')) return refuse(`The pack was refused: ${shown} is a folder entry.`);
    if (flags & 0x1) return refuse(`The pack was refused: ${shown} is encrypted.`);
    if (method !== 0 && method !== 8)
      return refuse(`The pack was refused: ${shown} uses a compression Holdfast does not read.`);
    if (size > limits.fileBytes)
      return refuse(
        `The pack was refused: ${shown} is ${Math.ceil(size / 1024)} KB; a file may be at most ${limits.fileBytes / 1024} KB.`,
      );
    declaredTotal += size;
    if (declaredTotal > limits.totalBytes)
      return refuse(
        `The pack was refused: its files add up to more than ${limits.totalBytes / (1024 * 1024)} MB.`,
      );
    if (seen.has(name)) return refuse(`The pack was refused: ${shown} appears twice.`);
    seen.add(name);
    entries.push({ name, method, compressed, size, localOffset });
  }
  return { ok: true, entries };
}

/** The compressed bytes of one listed entry, or a sentence saying why they cannot be found. */
function entryData(zip: Uint8Array, entry: ZipEntry): Uint8Array | string {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const shown = JSON.stringify(entry.name.slice(0, 80));
  const local = entry.localOffset;
  if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL)
    return `The pack is damaged: ${shown} cannot be found in it.`;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressed > zip.length) return `The pack is damaged: ${shown} is cut short.`;
  return zip.subarray(start, start + entry.compressed);
}

/**
 * Decompresses one listed entry chunk by chunk, so a large file never has to be held whole.
 * Returns null when every byte arrived as declared, or a sentence saying what was wrong.
 */
export function streamZipEntry(
  zip: Uint8Array,
  entry: ZipEntry,
  limits: ZipLimits,
  onChunk: (chunk: Uint8Array) => void,
): string | null {
  const shown = JSON.stringify(entry.name.slice(0, 80));
  const data = entryData(zip, entry);
  if (typeof data === 'string') return data;
  let whole: boolean;
  try {
    if (entry.method === 0) {
      whole = data.length === entry.size;
      if (whole && data.length > 0) onChunk(data);
    } else whole = inflateChunks(data, entry.size, limits.fileBytes, onChunk);
  } catch {
    return `The pack is damaged: ${shown} cannot be decompressed.`;
  }
  return whole
    ? null
    : `The pack was refused: ${shown} is larger than it says it is (a "zip bomb").`;
}

/**
 * Reads a zip file defensively: the central directory is checked in full before any entry is
 * decompressed, and decompression is bounded. Any problem refuses the whole file with a sentence
 * saying which entry and why.
 */
export function readZip(zip: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipRead {
  const listing = listZipEntries(zip, limits);
  if (!listing.ok) return listing;
  const files: ZipFile[] = [];
  for (const entry of listing.entries) {
    const shown = JSON.stringify(entry.name.slice(0, 80));
    const data = entryData(zip, entry);
    if (typeof data === 'string') return { ok: false, problem: data };
    let bytes: Uint8Array | null;
    try {
      bytes =
        entry.method === 0
          ? data.length === entry.size
            ? data.slice()
            : null
          : inflateBounded(data, entry.size, limits.fileBytes);
    } catch {
      return { ok: false, problem: `The pack is damaged: ${shown} cannot be decompressed.` };
    }
    if (!bytes)
      return {
        ok: false,
        problem: `The pack was refused: ${shown} is larger than it says it is (a "zip bomb").`,
      };
    files.push({ name: entry.name, bytes });
  }
  return { ok: true, files };
}
