import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handlers } from '../../contract/contract';
import { dispatch } from '../../contract/dispatch';
import { UPLOAD_BODY_LIMITS } from '../../contract/uploadLimits';
import { HARNESS_CODE_PARAM } from '../../contract/harnessSession';
import type { ErrorCode, Result } from '../../contract/result';
import { loadStaticAsset, RENDERER_HEADERS } from '../serve/staticAssets';
import { scopeAllows, type AccessScope, type HarnessAccess } from './harnessAccess';

/** API bodies larger than this are refused before parsing, except a call that carries a file. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The most a call's body may hold: a call carrying a whole file is allowed its largest file. */
export const bodyLimitFor = (call: string): number =>
  (UPLOAD_BODY_LIMITS as Partial<Record<string, number>>)[call] ?? MAX_BODY_BYTES;

/**
 * JSON travels as UTF-8 (RFC 8259): a body with bytes that are not UTF-8 is refused, where
 * Buffer#toString would quietly turn them into U+FFFD and hand the handler text nobody sent. A
 * byte-order mark is kept, so JSON.parse refuses it as before.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_CALL: 404,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_AVAILABLE: 409,
  STORAGE_FAILED: 507,
  INTERNAL: 500,
};

export interface HttpTransportOptions {
  handlers: Handlers;
  /** Who may call: tools by bearer token, pages by the session cookie a one-time code bought. */
  access: HarnessAccess;
  rendererDir: string;
  /** The port actually bound, for the Host check. */
  port: () => number;
  log?: (message: string, error?: unknown) => void;
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

const failure = (res: ServerResponse, status: number, code: ErrorCode, message: string): void =>
  sendJson(res, status, { ok: false, error: { code, message } });

const CREDENTIAL = /^[A-Za-z0-9_-]{1,200}$/;

/** The addresses that serve the app's page, where an address's one-time code is spent. */
const DOCUMENT_PATHS: ReadonlySet<string> = new Set(['/', '/index.html']);

/** The bearer token a tool presents, if well formed. */
const bearerOf = (header: string | undefined): string | undefined =>
  /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '')?.[1];

/** One cookie's value from a Cookie header, if present and well formed. */
function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === name && value !== undefined && CREDENTIAL.test(value)) return value;
  }
  return undefined;
}

/**
 * The cookie names carry the port: cookies are shared by every port of 127.0.0.1, and two harnesses
 * side by side must not overwrite each other's. The projector's cookie has its own name, so a
 * projector window opened from the facilitator's browser keeps the facilitator's session intact.
 */
export const sessionCookieName = (port: number, kind: AccessScope['kind']): string =>
  `holdfast-${kind === 'full' ? 'session' : 'projector'}-${port}`;

/** Whether a presented text equals the expected one, in time that does not depend on where they differ. */
export function sameText(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads a body as it arrives, a chunk at a time, and stops at `limit` bytes: a declared length over
 * it is refused before a byte is read, and a chunked body as soon as it passes it, so memory never
 * holds more than the limit.
 */
async function readBody(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The loopback HTTP transport: `POST /api/<call>` with a JSON body and the per-start token, and
 * the built renderer as static files. It holds no logic: every call goes through `dispatch`.
 */
export function createHttpTransport(options: HttpTransportOptions) {
  const allowedHosts = (): string[] => [
    `127.0.0.1:${options.port()}`,
    `localhost:${options.port()}`,
  ];
  // A browser names the page behind every POST; only the harness's own pages may call. Tools that
  // send no Origin (scripts, test runners) are judged by the token alone.
  const allowedOrigin = (origin: string | undefined): boolean =>
    origin === undefined ||
    // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- the harness's own loopback origins
    allowedHosts().some((host) => origin.toLowerCase() === `http://${host}`);

  /**
   * The caller's rights: a tool's bearer token, else the page's session cookie, else its projector
   * cookie. A cookie is only taken from a page of this harness (a browser always names it in
   * Origin), so another site can never spend it.
   */
  function scopeOfRequest(req: IncomingMessage): AccessScope | undefined {
    const bearer = bearerOf(req.headers.authorization);
    if (bearer !== undefined || req.headers.authorization !== undefined)
      return options.access.scopeOf(bearer);
    if (req.headers.origin === undefined || !allowedOrigin(req.headers.origin)) return undefined;
    const port = options.port();
    return (
      options.access.scopeOf(cookieOf(req.headers.cookie, sessionCookieName(port, 'full'))) ??
      options.access.scopeOf(cookieOf(req.headers.cookie, sessionCookieName(port, 'projector')))
    );
  }

  /**
   * Trades the one-time code in the address the page was opened at for a session cookie the
   * page's script cannot read, on the page's own response: the first data calls can then leave as
   * soon as the script runs, instead of after a sign-in request of their own (reader_ratio in
   * `npm run bench`). Only a page opened directly (typed, or opened by the harness's own tools)
   * or reloaded by this harness's pages may spend a code: a link or frame from another site is
   * served the page without a session. A spent, old or unknown code leaves the page without one
   * too, and its calls then say so.
   */
  function redeemAddressCode(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const code = url.searchParams.get(HARNESS_CODE_PARAM);
    if (code === null || !CREDENTIAL.test(code)) return;
    const site = req.headers['sec-fetch-site'];
    const dest = req.headers['sec-fetch-dest'];
    if (site !== undefined && site !== 'none' && site !== 'same-origin') return;
    if (dest !== undefined && dest !== 'document') return;
    const redeemed = options.access.redeem(code);
    if (!redeemed) return;
    const name = sessionCookieName(options.port(), redeemed.scope.kind);
    // No Expires or Max-Age: the cookie lives only as long as the browser session, in memory.
    res.setHeader('Set-Cookie', `${name}=${redeemed.token}; Path=/; HttpOnly; SameSite=Strict`);
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    // The credential comes first: without it nothing else is revealed, not even whether a call exists.
    const scope = scopeOfRequest(req);
    if (!scope) {
      return failure(res, 401, 'UNAUTHORIZED', 'Missing or wrong access token.');
    }
    if (!allowedOrigin(req.headers.origin)) {
      return failure(
        res,
        403,
        'FORBIDDEN',
        'API calls are only answered for pages served by this harness.',
      );
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return failure(res, 405, 'INVALID_INPUT', 'Use POST for API calls.');
    }
    if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return failure(
        res,
        415,
        'INVALID_INPUT',
        'Send the request body as JSON (Content-Type: application/json).',
      );
    }
    const call = pathname.slice('/api/'.length);
    // Only a full session may send a file-sized body; the projector's calls are small.
    const limit = scope.kind === 'full' ? bodyLimitFor(call) : MAX_BODY_BYTES;
    const body = await readBody(req, limit);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      return failure(res, 413, 'INVALID_INPUT', `Request body is larger than ${limit} bytes.`);
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(UTF8.decode(body));
    } catch {
      return failure(res, 400, 'INVALID_INPUT', 'The request body is not valid JSON in UTF-8.');
    }
    if (!scopeAllows(scope, call, input)) {
      return failure(
        res,
        403,
        'FORBIDDEN',
        'This window can only show the projector of the exercise it was opened for.',
      );
    }
    const result = await dispatch(options.handlers, call, input, options.log);
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = url;
    if (req.method === 'GET' && DOCUMENT_PATHS.has(pathname)) redeemAddressCode(req, res, url);
    const asset = await loadStaticAsset(options.rendererDir, pathname, undefined, options.log);
    if (asset.status !== 200) {
      res
        .writeHead(asset.status, {
          ...RENDERER_HEADERS,
          'Content-Type': 'text/plain; charset=utf-8',
        })
        .end(asset.status === 404 ? 'Not found' : 'Could not read file');
      return;
    }
    res.writeHead(200, {
      ...RENDERER_HEADERS,
      'Content-Type': asset.contentType,
      'Content-Length': asset.body.byteLength,
    });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      // DNS rebinding: a hostile page re-pointing its own name at 127.0.0.1 still sends its own Host.
      if (!allowedHosts().includes((req.headers.host ?? '').toLowerCase())) {
        return failure(
          res,
          403,
          'FORBIDDEN',
          'This server only answers requests addressed to 127.0.0.1.',
        );
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/api' || url.pathname.startsWith('/api/'))
        return await handleApi(req, res, url.pathname);
      return await handleStatic(req, res, url);
    } catch (error: unknown) {
      options.log?.('harness request failed', error);
      if (!res.headersSent) failure(res, 500, 'INTERNAL', 'Something went wrong inside Holdfast.');
      else res.destroy();
    }
  };
}
