import { isAscii } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ParseOutcome } from './parseRunbook';
import { PRIVATE_DIRS, PRIVATE_FILE_MODE } from '../storage/privateModes';

/**
 * Bump when parseRunbook's output changes shape or meaning: a cache written by another format
 * (or another app version) is ignored, never trusted.
 */
export const PARSE_CACHE_FORMAT = 6;

/**
 * Remembers parse outcomes by file content, so unchanged runbooks are not parsed again, and the
 * search index built from the last library loaded, so an unchanged library is not indexed again.
 */
export interface ParseCache {
  /** `contentHash` is the hex SHA-256 of the file's bytes (the library hashes each file once). */
  lookup(contentHash: string, file: string): ParseOutcome | undefined;
  store(contentHash: string, file: string, outcome: ParseOutcome): void;
  /** The saved search index, when it was saved under `key` (see search/savedIndex.ts). */
  lookupIndex(key: string): unknown;
  /** Saves a search index under `key`; `serialise` runs at save time, only if it is written. */
  storeIndex(key: string, serialise: () => unknown): void;
}

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, ParseOutcome>;
  index?: { key: string; data: unknown };
}

interface CacheContent {
  entries: Map<string, ParseOutcome>;
  index: { key: string; data: unknown } | null;
}

const keyOf = (contentHash: string, file: string): string => `${contentHash}:${file}`;

/**
 * A parse cache kept in one file. It holds derived data only: a missing, damaged or foreign cache
 * is ignored and rebuilt, and a checksum line guards against reading a torn or bit-flipped file.
 * Keys are content hashes, not modification times (USB sticks keep 2-second times).
 */
export async function openParseCache(
  path: string,
  version: string,
): Promise<ParseCache & { save(): Promise<void> }> {
  const previous = await readCacheFile(path, version);
  const entries = new Map<string, ParseOutcome>();
  let index: { key: string; data: unknown } | { key: string; serialise: () => unknown } | null =
    null;
  let changed = false;
  return {
    lookup(contentHash, file) {
      const key = keyOf(contentHash, file);
      const hit = previous.entries.get(key);
      if (hit) entries.set(key, hit);
      return hit;
    },
    store(contentHash, file, outcome) {
      entries.set(keyOf(contentHash, file), outcome);
      changed = true;
    },
    lookupIndex(key) {
      if (previous.index?.key !== key) return undefined;
      index = previous.index;
      return previous.index.data;
    },
    storeIndex(key, serialise) {
      index = { key, serialise };
      changed = true;
    },
    /** Writes the entries and index used since opening (old ones drop out), only when something changed. */
    async save() {
      if (!changed && entries.size === previous.entries.size && index === previous.index) return;
      const body = asciiJson({
        format: PARSE_CACHE_FORMAT,
        version,
        entries: Object.fromEntries(entries),
        ...(index
          ? { index: { key: index.key, data: 'data' in index ? index.data : index.serialise() } }
          : {}),
      } satisfies CacheFile);
      const checksum = createHash('sha256').update(body).digest('hex');
      await mkdir(dirname(path), PRIVATE_DIRS);
      // Atomic (temp + rename) but not fsynced: losing the cache only costs one slower start.
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, `${checksum}\n${body}`, { mode: PRIVATE_FILE_MODE });
        await rename(temp, path);
      } catch (error: unknown) {
        await rm(temp, { force: true });
        throw error;
      }
      changed = false;
    },
  };
}

/**
 * JSON with every character beyond ASCII written as a \u escape. An ASCII file is read back as
 * one-byte text without UTF-8 decoding, which for a library with typographic quotes and dashes
 * was a third of reading the cache (load_index_1000_cached_ms in `npm run bench`).
 */
function asciiJson(value: CacheFile): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

async function readCacheFile(path: string, version: string): Promise<CacheContent> {
  const empty: CacheContent = { entries: new Map(), index: null };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return empty;
  }
  // The checksum is checked on the bytes as read, so the body is decoded once, not decoded and
  // encoded again for hashing (megabytes for a large library).
  const body = bytes.subarray(65);
  if (
    bytes.indexOf(0x0a) !== 64 ||
    createHash('sha256').update(body).digest('hex') !== bytes.toString('latin1', 0, 64)
  )
    return empty;
  try {
    const text = isAscii(body) ? body.toString('latin1') : body.toString('utf8');
    const parsed = JSON.parse(text) as Partial<CacheFile>;
    if (
      parsed.format !== PARSE_CACHE_FORMAT ||
      parsed.version !== version ||
      typeof parsed.entries !== 'object' ||
      parsed.entries === null
    ) {
      return empty;
    }
    const index =
      typeof parsed.index === 'object' &&
      parsed.index !== null &&
      typeof parsed.index.key === 'string'
        ? { key: parsed.index.key, data: parsed.index.data }
        : null;
    return { entries: new Map(Object.entries(parsed.entries)), index };
  } catch {
    return empty;
  }
}
