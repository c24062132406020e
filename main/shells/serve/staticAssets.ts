import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/** Headers every renderer response carries, in both shells. */
export const RENDERER_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The Content-Type for a renderer file; unknown extensions are served as opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const INDEX_FILE = 'index.html';
// Backslashes are separators on Windows; ":" names drives and NTFS alternate data streams.
const FORBIDDEN_IN_SEGMENT = /[/\\:\u0000-\u001f\u007f]/;

/**
 * Maps a URL path (`/assets/x.js`) onto a file inside `root`, or null. The request is untrusted:
 * `..` in any spelling, decoded separators, backslashes, drive letters and NUL never get out.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  const rawSegments =
    urlPath === '' || urlPath === '/' ? [INDEX_FILE] : urlPath.replace(/^\//, '').split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // Empty segments ("//etc/passwd") and decoded separators ("..%2f") are never in the bundle.
    if (segment === '' || segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment))
      return null;
    segments.push(segment);
  }
  const base = path.resolve(root);
  const candidate = path.resolve(base, ...segments);
  const relative = path.relative(base, candidate);
  if (
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  )
    return null;
  return candidate;
}

export type StaticAsset =
  { status: 200; body: Uint8Array; contentType: string; path: string } | { status: 404 | 500 };

const MISSING_FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

type ReadFile = (filePath: string) => Promise<Uint8Array>;
type Log = (message: string, error: unknown) => void;

/** Reads an already resolved renderer file: a missing one is a 404, any other read error a 500. */
export async function readStaticFile(
  filePath: string,
  readFile: ReadFile = fsReadFile,
  log?: Log,
): Promise<StaticAsset> {
  try {
    return {
      status: 200,
      body: await readFile(filePath),
      contentType: contentTypeFor(filePath),
      path: filePath,
    };
  } catch (error: unknown) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && MISSING_FILE_CODES.has(code)) return { status: 404 };
    log?.(`could not read ${filePath}`, error);
    return { status: 500 };
  }
}

/** Reads a renderer file for either shell; anything outside the folder or missing is a 404. */
export async function loadStaticAsset(
  root: string,
  urlPath: string,
  readFile?: ReadFile,
  log?: Log,
): Promise<StaticAsset> {
  const filePath = resolveInside(root, urlPath);
  return filePath ? readStaticFile(filePath, readFile, log) : { status: 404 };
}
