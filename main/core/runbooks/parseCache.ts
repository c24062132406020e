import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ParseOutcome } from './parseRunbook';

/**
 * Bump when parseRunbook's output changes shape or meaning: a cache written by another format
 * (or another app version) is ignored, never trusted.
 */
export const PARSE_CACHE_FORMAT = 2;

/** Remembers parse outcomes by file content, so unchanged runbooks are not parsed again. */
export interface ParseCache {
  lookup(bytes: Uint8Array, file: string): ParseOutcome | undefined;
  store(bytes: Uint8Array, file: string, outcome: ParseOutcome): void;
}

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, ParseOutcome>;
}

const keyOf = (bytes: Uint8Array, file: string): string =>
  `${createHash('sha256').update(bytes).digest('base64url')}:${file}`;

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
  let changed = false;
  return {
    lookup(bytes, file) {
      const key = keyOf(bytes, file);
      const hit = previous.get(key);
      if (hit) entries.set(key, hit);
      return hit;
    },
    store(bytes, file, outcome) {
      entries.set(keyOf(bytes, file), outcome);
      changed = true;
    },
    /** Writes the entries used since opening (old ones drop out), only when something changed. */
    async save() {
      if (!changed && entries.size === previous.size) return;
      const body = JSON.stringify({
        format: PARSE_CACHE_FORMAT,
        version,
        entries: Object.fromEntries(entries),
      } satisfies CacheFile);
      const checksum = createHash('sha256').update(body).digest('hex');
      await mkdir(dirname(path), { recursive: true });
      // Atomic (temp + rename) but not fsynced: losing the cache only costs one slower start.
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, `${checksum}\n${body}`);
        await rename(temp, path);
      } catch (error: unknown) {
        await rm(temp, { force: true });
        throw error;
      }
      changed = false;
    },
  };
}

async function readCacheFile(path: string, version: string): Promise<Map<string, ParseOutcome>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return new Map();
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline !== 64 || createHash('sha256').update(body).digest('hex') !== text.slice(0, 64))
    return new Map();
  try {
    const parsed = JSON.parse(body) as Partial<CacheFile>;
    if (
      parsed.format !== PARSE_CACHE_FORMAT ||
      parsed.version !== version ||
      typeof parsed.entries !== 'object' ||
      parsed.entries === null
    ) {
      return new Map();
    }
    return new Map(Object.entries(parsed.entries));
  } catch {
    return new Map();
  }
}
