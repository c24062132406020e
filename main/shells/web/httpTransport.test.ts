import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../contract/result';
import type {
  ContactsDirectory,
  Runbook,
  RunbookLibrary,
  RunbookView,
  SearchHit,
  Settings,
} from '../../contract/types';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { createBackup } from '../../core/backup/dataBackup';
import { bodyLimitFor, MAX_BODY_BYTES } from './httpTransport';
import { startHarness, type RunningHarness } from './startHarness';

const BUNDLED_DIR = resolve(import.meta.dirname, '../../../runbooks');
const INDEX_HTML = '<!doctype html><title>Holdfast test shell</title>';
const SECRET = '{"name":"outside-the-renderer-folder"}';

let root: string;
let dataDir: string;
let harness: RunningHarness;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-harness-'));
  dataDir = join(root, 'data');
  const rendererDir = join(root, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  // A file next to the renderer folder: path traversal would reach it.
  await writeFile(join(root, 'package.json'), SECRET);
  harness = await startHarness({
    port: 0,
    dataDir,
    rendererDir,
    bundledRunbooksDir: BUNDLED_DIR,
    version: '9.9.9-test',
  });
});
afterAll(async () => {
  await harness.close();
  await rm(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface SendOptions {
  method?: string;
  /** Sent exactly as given (no URL normalisation), so `..` reaches the server. */
  path: string;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
  host?: string;
}

/** One raw HTTP request on a fresh connection. Every reply is checked for a CORS header. */
function send({ method = 'GET', path, headers = {}, body, host }: SendOptions): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const definedHeaders = Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const req = request(
      {
        host: '127.0.0.1',
        port: harness.port,
        method,
        path,
        agent: false,
        headers: { ...(host ? { host } : {}), ...definedHeaders },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          // A page on another origin must never be able to read any answer.
          if (res.headers['access-control-allow-origin'] !== undefined) {
            reject(
              new Error(
                `${method} ${path} sent Access-Control-Allow-Origin: ${res.headers['access-control-allow-origin']}`,
              ),
            );
          }
          resolvePromise({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    // The server may answer (413) and close before a large body is fully written.
    req.on('error', (error) => reject(error));
    req.end(body);
  });
}

/** POST /api/<name> with the token and a JSON body, unless overridden. */
function call(
  name: string,
  input: unknown = {},
  overrides: Partial<SendOptions> = {},
): Promise<Reply> {
  return send({
    method: 'POST',
    path: `/api/${name}`,
    body: JSON.stringify(input),
    ...overrides,
    headers: {
      authorization: `Bearer ${harness.token}`,
      'content-type': 'application/json',
      ...overrides.headers,
    },
  });
}

async function value<T>(name: string, input: unknown = {}): Promise<T> {
  const reply = await call(name, input);
  expect(reply.status).toBe(200);
  const result = JSON.parse(reply.text) as Result<T>;
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}`);
  return result.value;
}

const errorCode = (reply: Reply): string | undefined =>
  (JSON.parse(reply.text) as Result<unknown> & { error?: { code: string } }).error?.code;

describe('the access token', () => {
  it('refuses a request without the token, even for an unknown call', async () => {
    const known = await call('runbooks.list', {}, { headers: { authorization: undefined } });
    const unknown = await call('no.such.call', {}, { headers: { authorization: undefined } });
    expect(known.status).toBe(401);
    expect(unknown.status).toBe(401);
    // Without the token nothing is revealed, not even whether a call exists.
    expect(unknown.text).toBe(known.text);
  });

  it('refuses a GET to an API path without the token before saying the method is wrong', async () => {
    expect((await send({ path: '/api/x' })).status).toBe(401);
  });

  it.each([
    ['a wrong token', 'Bearer not-the-token'],
    ['the token with one character more', () => `Bearer ${harness.token}x`],
    ['the token with one character less', () => `Bearer ${harness.token.slice(0, -1)}`],
    ['the token in another scheme', () => `Basic ${harness.token}`],
    ['the token without a scheme', () => harness.token],
    ['an empty Bearer', 'Bearer '],
  ])('refuses %s', async (_name, header) => {
    const authorization = typeof header === 'function' ? header() : header;
    const reply = await call('runbooks.list', {}, { headers: { authorization } });
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('UNAUTHORIZED');
  });

  it('does not accept the token from the query string for API calls', async () => {
    const reply = await call(
      'runbooks.list',
      {},
      { path: `/api/runbooks.list?token=${harness.token}`, headers: { authorization: undefined } },
    );
    expect(reply.status).toBe(401);
  });

  it('uses a long random token that changes on every start', async () => {
    const other = await startHarness({
      port: 0,
      dataDir: join(root, 'other-data'),
      rendererDir: join(root, 'renderer'),
      bundledRunbooksDir: BUNDLED_DIR,
      version: 'x',
    });
    try {
      expect(harness.token.length).toBeGreaterThanOrEqual(32);
      expect(other.token).not.toBe(harness.token);
      expect(harness.origin).toBe(`http://127.0.0.1:${harness.port}`);
      // The address carries a one-time code, never the token.
      expect(harness.address('#/x')).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:${harness.port}/\\?code=[A-Za-z0-9_-]{32}#/x$`),
      );
      expect(harness.address()).not.toContain(harness.token);
    } finally {
      await other.close();
    }
  });
});

describe('the one-time code in an address', () => {
  const origin = (): string => harness.origin;
  const codeOf = (address: string): string => new URL(address).searchParams.get('code') ?? '';
  /** Opens the page at an address with `code`, as a browser does from a typed address. */
  const redeem = (code: string, headers: Record<string, string | undefined> = {}) =>
    send({
      path: `/?code=${encodeURIComponent(code)}`,
      headers: { 'sec-fetch-site': 'none', 'sec-fetch-dest': 'document', ...headers },
    });
  /** The cookie the harness set, as a browser would send it back. */
  const cookieFrom = (reply: Reply): string =>
    (reply.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  const byCookie = (
    name: string,
    input: unknown,
    cookie: string,
    extra: Record<string, string | undefined> = {},
  ) =>
    call(name, input, {
      headers: { authorization: undefined, cookie, origin: origin(), ...extra },
    });

  it("is traded once, on the page's own response, for an HttpOnly, SameSite=Strict session cookie that opens the API", async () => {
    const code = codeOf(harness.address());
    const first = await redeem(code);
    expect(first.status).toBe(200);
    expect(first.text).toBe(INDEX_HTML);
    const setCookie = first.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(
      new RegExp(
        `^holdfast-session-${harness.port}=[A-Za-z0-9_-]{32}; Path=/; HttpOnly; SameSite=Strict$`,
      ),
    );
    // The session credential is new: neither the code nor the tools' token.
    expect(setCookie).not.toContain(code);
    expect(setCookie).not.toContain(harness.token);
    expect((await byCookie('runbooks.list', {}, cookieFrom(first))).status).toBe(200);

    // The page still opens with a spent code, without a session: its calls then say so.
    const again = await redeem(code);
    expect(again.status).toBe(200);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('spends no code that is unknown or malformed, or that another site, a frame or a fetch sends', async () => {
    const noCookie = async (reply: Promise<Reply>): Promise<void> => {
      const { status, headers } = await reply;
      expect(status).toBe(200);
      expect(headers['set-cookie']).toBeUndefined();
    };
    await noCookie(redeem('not-a-code'));
    await noCookie(redeem('x'.repeat(500)));
    const code = codeOf(harness.address());
    await noCookie(redeem(code, { 'sec-fetch-site': 'cross-site' }));
    await noCookie(redeem(code, { 'sec-fetch-site': 'same-site' }));
    await noCookie(redeem(code, { 'sec-fetch-dest': 'iframe' }));
    await noCookie(redeem(code, { 'sec-fetch-dest': 'empty' }));
    // Not spent by any of those: the address still opens its window.
    expect((await redeem(code)).headers['set-cookie']?.[0]).toMatch(/^holdfast-session-/);
    // Only the page spends a code: not a script, a stylesheet or a POST.
    const other = codeOf(harness.address());
    await expect(
      send({ path: `/index.html?code=${other}`, method: 'POST' }).then((r) => r.status),
    ).resolves.toBe(405);
    expect(
      (await send({ path: `/missing.js?code=${other}` })).headers['set-cookie'],
    ).toBeUndefined();
    expect((await redeem(other)).headers['set-cookie']?.[0]).toMatch(/^holdfast-session-/);
  });

  it("takes the session cookie only from the harness's own pages", async () => {
    const cookie = cookieFrom(await redeem(codeOf(harness.address())));
    expect((await byCookie('runbooks.list', {}, cookie, { origin: undefined })).status).toBe(401);
    expect(
      (await byCookie('runbooks.list', {}, cookie, { origin: 'http://evil.example' })).status,
    ).toBe(401);
    // A wrong bearer token is refused, whatever cookie comes with it.
    expect(
      (await byCookie('runbooks.list', {}, cookie, { authorization: 'Bearer wrong' })).status,
    ).toBe(401);
  });

  it("gives the projector a credential that shows that one exercise's projector and nothing else", async () => {
    const scenario = (await value<{ scenarios: Array<{ id: string }> }>('exercises.scenarios'))
      .scenarios[0]?.id;
    const exercise = await value<{ id: string }>('exercises.create', {
      scenario,
      facilitator: 'Ann Lee',
      author: 'Ann Lee',
    });
    const other = await value<{ id: string }>('exercises.create', {
      scenario,
      facilitator: 'Ann Lee',
      author: 'Ann Lee',
    });
    const opened = await value<{ opened: boolean; address: string }>('exercises.openProjector', {
      id: exercise.id,
    });
    expect(opened.address).toMatch(
      new RegExp(`^\\?code=[A-Za-z0-9_-]{32}#/exercises/${exercise.id}/projector$`),
    );
    const reply = await redeem(codeOf(`${origin()}/${opened.address}`));
    expect(reply.headers['set-cookie']?.[0]).toMatch(
      new RegExp(`^holdfast-projector-${harness.port}=`),
    );
    const cookie = cookieFrom(reply);

    const shown = await byCookie('exercises.projector', { id: exercise.id }, cookie);
    expect(shown.status).toBe(200);
    expect(JSON.parse(shown.text)).toMatchObject({
      ok: true,
      value: { id: exercise.id, current: null },
    });
    for (const [name, input] of [
      ['exercises.projector', { id: other.id }],
      ['exercises.get', { id: exercise.id }],
      ['exercises.record', { id: exercise.id, author: 'Mallory', action: { type: 'finish' } }],
      ['contacts.list', {}],
      ['settings.get', {}],
    ] as const) {
      const refused = await byCookie(name, input, cookie);
      expect(refused.status, name).toBe(403);
      expect(errorCode(refused), name).toBe('FORBIDDEN');
    }
  });
});

describe('the Host check (DNS rebinding)', () => {
  const foreignHosts = () => [
    'evil.example',
    `evil.example:${harness.port}`,
    '127.0.0.1.evil.example',
    `127.0.0.1.evil.example:${harness.port}`,
    '127.0.0.1',
    `127.0.0.1:${harness.port === 65535 ? 1 : harness.port + 1}`,
    'localhost',
    `[::1]:${harness.port}`,
  ];

  it('refuses API calls addressed to any other host, even with the token', async () => {
    for (const host of foreignHosts()) {
      const reply = await call('runbooks.list', {}, { host });
      expect(reply.status, host).toBe(403);
      expect(errorCode(reply), host).toBe('FORBIDDEN');
    }
  });

  it('refuses static files addressed to any other host', async () => {
    for (const host of foreignHosts()) {
      const reply = await send({ path: '/', host });
      expect(reply.status, host).toBe(403);
      expect(reply.text).not.toContain('Holdfast test shell');
    }
  });

  it('answers when addressed as 127.0.0.1 or localhost with the right port', async () => {
    expect((await send({ path: '/', host: `127.0.0.1:${harness.port}` })).status).toBe(200);
    expect((await send({ path: '/', host: `LOCALHOST:${harness.port}` })).status).toBe(200);
  });
});

describe('the Origin check (calls from other pages)', () => {
  const foreignOrigins = () => [
    'https://evil.example',
    'null',
    `http://127.0.0.1:${harness.port === 65535 ? 1 : harness.port + 1}`,
    `https://127.0.0.1:${harness.port}`,
    `http://127.0.0.1.evil.example:${harness.port}`,
    `http://[::1]:${harness.port}`,
    `app://bundle`,
    `file://`,
  ];

  it('refuses an API call sent by a page on any other origin, even with the token, and runs nothing', async () => {
    const before = await value<Settings>('settings.get');
    for (const origin of foreignOrigins()) {
      const reply = await call(
        'settings.update',
        { organisationName: 'Written from elsewhere' },
        { headers: { origin } },
      );
      expect(reply.status, origin).toBe(403);
      expect(errorCode(reply), origin).toBe('FORBIDDEN');
    }
    expect(await value<Settings>('settings.get')).toEqual(before);
  });

  it('still asks for the token first, so a foreign page learns nothing more without it', async () => {
    const reply = await call(
      'runbooks.list',
      {},
      { headers: { origin: 'https://evil.example', authorization: undefined } },
    );
    expect(reply.status).toBe(401);
  });

  it("answers the harness's own pages, and callers that send no Origin", async () => {
    for (const origin of [`http://127.0.0.1:${harness.port}`, `http://LOCALHOST:${harness.port}`]) {
      expect((await call('runbooks.list', {}, { headers: { origin } })).status, origin).toBe(200);
    }
    expect((await call('runbooks.list')).status).toBe(200);
  });
});

describe('where the harness listens', () => {
  /** Resolves with the connect error code, or "connected". */
  const tryConnect = (host: string): Promise<string> =>
    new Promise((resolvePromise) => {
      const socket = connect({ host, port: harness.port });
      socket.once('connect', () => {
        socket.destroy();
        resolvePromise('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolvePromise(error.code ?? 'error'));
    });

  it('is bound to 127.0.0.1 only', async () => {
    expect(harness.origin.startsWith('http://127.0.0.1:')).toBe(true);
    expect(await tryConnect('127.0.0.1')).toBe('connected');
  });

  it('cannot be reached through the machine’s other network addresses', async (context) => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info !== undefined && !info.internal && info.family === 'IPv4')
      .map((info) => info?.address ?? '');
    if (others.length === 0) {
      context.skip(
        'no non-loopback IPv4 interface on this machine, so there is no other address to try',
      );
      return;
    }
    for (const address of others) expect(await tryConnect(address), address).toBe('ECONNREFUSED');
  });

  it.runIf(process.platform === 'linux')(
    'cannot be reached on another loopback address such as 127.0.0.2',
    async () => {
      expect(await tryConnect('127.0.0.2')).toBe('ECONNREFUSED');
    },
  );
});

describe('requests the API refuses', () => {
  it('answers 405 to a GET on an API path, with the token', async () => {
    const reply = await send({
      path: '/api/runbooks.list',
      headers: { authorization: `Bearer ${harness.token}` },
    });
    expect(reply.status).toBe(405);
  });

  it.each(['{"id": ', 'not json', '{"id": "ransomware"}}', "{'id': 'ransomware'}"])(
    'answers 400 to malformed JSON %j',
    async (body) => {
      const reply = await call('runbooks.get', undefined, { body });
      expect(reply.status).toBe(400);
      expect(errorCode(reply)).toBe('INVALID_INPUT');
    },
  );

  it('answers 400 to a body that is not UTF-8 instead of saving U+FFFD in place of the bad bytes', async () => {
    const before = await value<Settings>('settings.get');
    for (const bytes of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const body = Buffer.concat([
        Buffer.from('{"organisationName":"'),
        Buffer.from(bytes),
        Buffer.from('Rose Lodge"}'),
      ]);
      const reply = await call('settings.update', undefined, { body });
      expect(reply.status, JSON.stringify(bytes)).toBe(400);
      expect(errorCode(reply)).toBe('INVALID_INPUT');
    }
    expect(await value<Settings>('settings.get')).toEqual(before);
    // Text beyond ASCII, sent as UTF-8, still goes through.
    expect((await call('runbooks.search', { query: 'café – “ransom” 🔒' })).status).toBe(200);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form post', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['a lookalike type', 'application/jsonp'],
    ['no content type', undefined],
  ])(
    'answers 415 to %s (what a hostile page can send without a preflight)',
    async (_name, contentType) => {
      const reply = await call('runbooks.list', {}, { headers: { 'content-type': contentType } });
      expect(reply.status).toBe(415);
    },
  );

  it('accepts JSON with a charset', async () => {
    expect(
      (
        await call(
          'runbooks.list',
          {},
          { headers: { 'content-type': 'application/json; charset=utf-8' } },
        )
      ).status,
    ).toBe(200);
  });

  it('answers 413 to a body over 1 MB, and keeps working afterwards', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect((await call('runbooks.search', undefined, { body: big })).status).toBe(413);
    expect(
      (
        await call('runbooks.search', undefined, {
          body: big,
          headers: { 'transfer-encoding': 'chunked' },
        })
      ).status,
    ).toBe(413);
    expect((await call('runbooks.list')).status).toBe(200);
  });

  it('takes a backup of tens of MB for checking, and still refuses one over the largest a backup may be', async () => {
    // A data folder's worth: a real backup, with 24 MB that does not compress (photos, scans).
    const source = join(root, 'big-data');
    await mkdir(join(source, 'quarantine'), { recursive: true });
    await writeFile(join(source, 'settings.json'), '{}');
    await writeFile(join(source, 'quarantine', 'scan.bin'), randomBytes(24 * 1024 * 1024));
    const { zip } = await createBackup(source, new Date('2026-12-01T10:00:00Z'));
    const base64 = Buffer.from(zip).toString('base64');
    expect(base64.length).toBeGreaterThan(30_000_000);
    const checked = await call('backup.check', { base64, passphrase: null });
    expect(checked.status).toBe(200);
    expect(JSON.parse(checked.text)).toMatchObject({
      ok: true,
      value: { created: '2026-12-01T10:00:00.000Z', files: 2 },
    });
    // Over the largest backup the contract takes: refused by its declared size, nothing read.
    const tooBig = await call('backup.check', undefined, {
      headers: { 'content-length': String(bodyLimitFor('backup.check') + 1) },
      body: '{}',
    });
    expect(tooBig.status).toBe(413);
    // Other calls keep the small limit.
    expect(bodyLimitFor('runbooks.search')).toBe(MAX_BODY_BYTES);
  });

  it('answers 400 with INVALID_INPUT to input the contract refuses', async () => {
    const reply = await call('runbooks.get', { id: '../../package' });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('INVALID_INPUT');
  });

  it('answers 404 UNKNOWN_CALL to an unknown call made with the token', async () => {
    const reply = await call('runbooks.delete', { id: 'ransomware' });
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('UNKNOWN_CALL');
  });

  it('never sends CORS permission, not even to a preflight from a web page', async () => {
    const preflight = await send({
      method: 'OPTIONS',
      path: '/api/runbooks.list',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    const withOrigin = await call(
      'runbooks.list',
      {},
      { headers: { origin: 'https://evil.example' } },
    );
    expect(withOrigin.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('static files', () => {
  it('serves the renderer with the Content-Security-Policy and related headers', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(INDEX_HTML);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends the CSP on a 404 too', async () => {
    const reply = await send({ path: '/missing.js' });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/.%2e/package.json',
    '/..%5cpackage.json',
    '/%00/../package.json',
  ])('never serves a file outside the renderer folder for %s', async (path) => {
    const reply = await send({ path });
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain('outside-the-renderer-folder');
  });
});

describe('a full session over HTTP', () => {
  it('lists, opens and searches the bundled runbooks', async () => {
    const library = await value<RunbookLibrary>('runbooks.list');
    expect(library.problems).toEqual([]);
    expect(library.runbooks.map((r) => r.id)).toEqual(
      expect.arrayContaining(['ransomware', 'lost-device', 'care-record-system-down']),
    );

    const ransomware = await value<Runbook>('runbooks.get', { id: 'ransomware' });
    expect(ransomware).toMatchObject({
      id: 'ransomware',
      source: 'bundled',
      file: 'runbooks/ransomware.md',
    });
    expect(ransomware.phases.length).toBeGreaterThan(0);

    const hits = await value<SearchHit[]>('runbooks.search', { query: 'ransom' });
    expect(hits[0]?.id).toBe('ransomware');
  });

  it('answers 404 NOT_FOUND for a runbook that does not exist', async () => {
    const reply = await call('runbooks.get', { id: 'no-such-runbook' });
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('NOT_FOUND');
  });

  it('saves settings to <dataDir>/settings.json and reads them back', async () => {
    const saved = await value<Settings>('settings.update', {
      organisationName: 'Rose Lodge Care Home',
      providerType: 'care-home',
      isolationInstruction: 'Unplug the network cable; leave it switched on.',
    });
    expect(saved).toEqual({
      organisationName: 'Rose Lodge Care Home',
      providerType: 'care-home',
      pharmacyCqcRegistered: false,
      isolationInstruction: 'Unplug the network cable; leave it switched on.',
      contractClocks: [],
      careGroupKeys: [],
    });
    expect(await value<Settings>('settings.get')).toEqual(saved);
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      organisationName: saved.organisationName,
      providerType: saved.providerType,
      isolationInstruction: saved.isolationInstruction,
    });
  });

  it('refuses to open a javascript: link and never hands it to the host', async () => {
    const outcome = await value<{ opened: boolean; reason?: string }>('links.openExternal', {
      url: 'javascript:alert(1)',
    });
    expect(outcome.opened).toBe(false);
    expect(outcome.reason).toEqual(expect.any(String));
    expect(harness.requestedLinks).not.toContain('javascript:alert(1)');
  });

  it('records an allowed https link and says the harness does not open links', async () => {
    const outcome = await value<{ opened: boolean; reason?: string }>('links.openExternal', {
      url: 'https://www.ncsc.gov.uk',
    });
    expect(outcome).toEqual({
      opened: false,
      reason: expect.stringContaining('does not open') as unknown,
    });
    expect(harness.requestedLinks).toContain('https://www.ncsc.gov.uk');
  });

  it('answers documents.savePdf with a plain "use your browser\'s Print" outcome', async () => {
    expect(await value('documents.savePdf', { suggestedName: 'grab-bag pack' })).toEqual({
      saved: false,
      reason: expect.stringContaining('Use your browser’s Print (Ctrl+P)') as unknown,
    });
  });

  it('reports its version and shell', async () => {
    expect(await value('app.status')).toMatchObject({
      version: '9.9.9-test',
      shell: 'web-harness',
      notices: [],
    });
  });
});

describe('the contacts directory over HTTP', () => {
  const contact = {
    role: 'insurer',
    name: 'Hiscox claims',
    organisation: 'Hiscox',
    channels: [{ kind: 'phone', value: '0800 123 4567', outOfBand: true }],
    hours: '24/7',
    notes: '<script>alert(1)</script>',
    lastVerified: '2026-11-01',
  };

  it('adds, lists, shows in a runbook and deletes a contact, writing it to the data folder', async () => {
    const saved = await value<ContactsDirectory>('contacts.save', contact);
    expect(saved.roles.find((entry) => entry.role === 'insurer')?.contact).toEqual(contact);
    const onDisk = JSON.parse(await readFile(join(dataDir, 'contacts.json'), 'utf8')) as {
      contacts: unknown[];
    };
    expect(onDisk.contacts).toEqual([contact]);

    const runbook = await value<RunbookView>('runbooks.get', { id: 'ransomware' });
    expect(runbook.html.steps['call-insurer']?.text).toContain(
      '<bdi>Hiscox claims</bdi> (<bdi>Hiscox</bdi>) — <span class="contact-number"><bdi dir="ltr">0800 123 4567</bdi></span> (<bdi>24/7</bdi>)',
    );

    const listed = await value<ContactsDirectory>('contacts.list');
    expect(listed.roles.find((entry) => entry.role === 'insurer')?.status).toBe('current');
    const deleted = await value<ContactsDirectory>('contacts.delete', { role: 'insurer' });
    expect(deleted.roles.find((entry) => entry.role === 'insurer')?.contact).toBeNull();
  });

  it('refuses a bad phone number with a plain message and writes nothing', async () => {
    const reply = await call('contacts.save', {
      ...contact,
      channels: [{ kind: 'phone', value: 'call me', outOfBand: false }],
    });
    expect(errorCode(reply)).toBe('INVALID_INPUT');
    expect(reply.text).toContain('a phone number may use only digits');
    const listed = await value<ContactsDirectory>('contacts.list');
    expect(listed.roles.every((entry) => entry.contact === null)).toBe(true);
  });

  it('adds a role of the provider’s own', async () => {
    const added = await value<{ role: string; directory: ContactsDirectory }>('contacts.addRole', {
      label: 'Pharmacy out of hours',
    });
    expect(added.role).toBe('pharmacy-out-of-hours');
    expect(added.directory.roles.at(-1)).toMatchObject({ isCustom: true, status: 'missing' });
    await value('contacts.delete', { role: added.role });
  });

  it('exports, previews and imports contacts, and refuses a bad file without writing', async () => {
    const header =
      'role,name,organisation,phone,mobile,email,other,out_of_band,hours,notes,last_verified';
    const good = `${header}\r\nbank-fraud-line,Fraud team,Big Bank,0800 111 2222,,,,phone,24/7,,2026-02-01\r\n`;
    const preview = await value<{ new: number; problems: unknown[] }>('contacts.previewImport', {
      format: 'csv',
      text: good,
    });
    expect(preview).toEqual({ new: 1, updated: 0, unchanged: 0, problems: [] });
    const bad = `${good}police-non-emergency,Police,,999 or 101 please,,,,,,,2026-02-01\r\n`;
    const refused = await call('contacts.import', { format: 'csv', text: bad });
    expect(errorCode(refused)).toBe('INVALID_INPUT');
    expect(refused.text).toContain('Row 3: phone:');
    expect(
      (await value<ContactsDirectory>('contacts.list')).roles.every(
        (entry) => entry.contact === null,
      ),
    ).toBe(true);

    await value('contacts.import', { format: 'csv', text: good });
    const exported = await value<{ text: string; mimeType: string }>('contacts.export', {
      format: 'vcard',
    });
    expect(exported.text).toContain('TEL;TYPE=voice;X-HOLDFAST-OOB=yes:0800 111 2222');
    await value('contacts.delete', { role: 'bank-fraud-line' });
  });
});
