import { readStaticFile, RENDERER_HEADERS, resolveInside } from '../serve/staticAssets';
import { APP_HOST, APP_SCHEME, hasDotSegment } from './appOrigin';

export { contentTypeFor } from '../serve/staticAssets';

/**
 * The absolute path of the bundle file an `app://bundle/...` URL names, or null when the URL
 * could reach outside `rootDir` (../, encoded dots, backslashes, drive letters, NUL) or names
 * another host. Electron's own protocol.handle example misses these checks.
 */
export function resolveBundlePath(rootDir: string, requestUrl: string): string | null {
  if (/[\u0000-\u001f\\]/.test(requestUrl) || hasDotSegment(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;
  return resolveInside(rootDir, url.pathname);
}

/** What the `app://` handler needs: where the renderer bundle is and how to read a file. */
export interface ProtocolHandlerDeps {
  rootDir: string;
  readFile: (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;
  log?: (message: string, error: unknown) => void;
}

/** The request fields the handler reads. */
export type BundleRequest = Pick<Request, 'url' | 'method'>;

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...RENDERER_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
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
    const asset = await readStaticFile(filePath, deps.readFile, deps.log);
    if (asset.status !== 200) {
      return plainResponse(
        asset.status,
        asset.status === 404 ? 'Not found' : 'Could not read file',
      );
    }
    return new Response(
      request.method === 'HEAD' ? null : (asset.body as Uint8Array<ArrayBuffer>),
      {
        status: 200,
        headers: { ...RENDERER_HEADERS, 'Content-Type': asset.contentType },
      },
    );
  };
}
