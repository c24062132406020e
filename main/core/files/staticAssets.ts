import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a URL path onto a file inside `root`, or null. The request is untrusted: `..`, encoded
 * `%2e%2e`, backslashes, NUL and absolute paths must never reach outside the renderer folder.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /(^|\/)\.\.(\/|$)/.test(decoded)) return null;
  const relativePath = decoded.replace(/^\/+/, '') || 'index.html';
  const base = resolve(root);
  const target = resolve(base, relativePath);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

export type StaticAsset = { status: 200; body: Buffer; contentType: string } | { status: 404 };

/** Reads a renderer file for either shell; anything unknown or outside the folder is a 404. */
export async function loadStaticAsset(root: string, urlPath: string): Promise<StaticAsset> {
  const path = resolveInside(root, urlPath);
  const contentType = path ? CONTENT_TYPES[extname(path).toLowerCase()] : undefined;
  if (!path || !contentType) return { status: 404 };
  try {
    if (!(await stat(path)).isFile()) return { status: 404 };
    return { status: 200, body: await readFile(path), contentType };
  } catch {
    return { status: 404 };
  }
}
