import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './shared/csp';
import { APP_HOST, APP_SCHEME } from './appOrigin';

const INDEX_FILE = 'index.html';

// Dot segments in any spelling ("..", "%2e%2e", ".%2E") before the query or fragment.
const RAW_DOT_SEGMENT = /^[^?#]*\/(?:\.|%2e){1,2}(?:[/?#]|$)/i;
// Backslashes are separators on Windows; ":" names drives and NTFS alternate data streams.
const FORBIDDEN_IN_SEGMENT = /[/\\:\u0000-\u001f\u007f]/;

/**
 * The absolute path of the bundle file an `app://bundle/...` URL names, or null when the URL
 * could reach outside `rootDir` (../, encoded dots, backslashes, drive letters, NUL) or names
 * another host. Electron's own protocol.handle example misses these checks.
 */
export function resolveBundlePath(rootDir: string, requestUrl: string): string | null {
  if (/[\u0000-\u001f\\]/.test(requestUrl) || RAW_DOT_SEGMENT.test(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  const rawSegments =
    url.pathname === '' || url.pathname === '/' ? [INDEX_FILE] : url.pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // Empty segments ("//etc/passwd") and decoded separators ("..%2f") are never in the bundle.
    if (
      segment === '' ||
      segment === '.' ||
      segment === '..' ||
      FORBIDDEN_IN_SEGMENT.test(segment)
    ) {
      return null;
    }
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...segments);
  const relative = path.relative(root, candidate);
  if (
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  ) {
    return null;
  }
  return candidate;
}

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

/** The Content-Type for a bundle file; unknown extensions are served as opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** What the `app://` handler needs: where the renderer bundle is and how to read a file. */
export interface ProtocolHandlerDeps {
  rootDir: string;
  readFile: (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;
  log?: (message: string, error: unknown) => void;
}

/** The request fields the handler reads. */
export type BundleRequest = Pick<Request, 'url' | 'method'>;

const MISSING_FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The `app://` handler: serves files from the renderer bundle only, every response carrying the
 * CSP and nosniff headers; anything else is a 404 (or 405 for non-GET), never an exception.
 */
export function createProtocolHandler(
  deps: ProtocolHandlerDeps,
): (request: BundleRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plainResponse(405, 'Method not allowed');
    const filePath = resolveBundlePath(deps.rootDir, request.url);
    if (!filePath) return plainResponse(404, 'Not found');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await deps.readFile(filePath);
    } catch (error: unknown) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && MISSING_FILE_CODES.has(code))
        return plainResponse(404, 'Not found');
      deps.log?.(`app:// could not read ${filePath}`, error);
      return plainResponse(500, 'Could not read file');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...securityHeaders(), 'Content-Type': contentTypeFor(filePath) },
    });
  };
}
