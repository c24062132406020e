/**
 * API fuzzing over both transports, with one payload generator and one oracle. Every contract call
 * gets seeded payloads: mutations of its valid input that no schema may accept (a field of the
 * wrong type, an unknown or `__proto__` key, NaN, 10,000-deep nesting, a 2 MB string) and random
 * JSON-ish values (NaN, Infinity, huge strings and arrays, deep nesting, `__proto__` keys as
 * JSON.parse makes them). Every handler is wrapped to count its runs (`countRuns`): a run on input
 * the contract refuses is a failure.
 *   - IPC (`registerIpc` with a fake ipcMain and spy handlers): a mutation never reaches its
 *     handler; a random value reaches it only if the contract accepts it, and then only as plain,
 *     bounded data; nothing rejects across the transport; a sender that is not the app's top frame
 *     is refused.
 *   - HTTP (`startHarness`: the real core on a temp data folder, over loopback HTTP with the token
 *     on several keep-alive connections): payloads the contract refuses once written as JSON,
 *     bodies that are not JSON or not UTF-8, oversized bodies (declared and chunked), missing or
 *     wrong tokens, a wrong Host or Origin, content type or method and unknown call names each get their
 *     status and error code (so never a 2xx or a 500), no handler runs, and every file in the data
 *     folder is byte-for-byte the same after each call's batch. Each call's valid input is sent
 *     once before and once after, so the handlers demonstrably run when they should.
 * Used by apiFuzz.test.ts and `npm run soak -- --suite=api`.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CALL_NAMES, ipcChannel, type CallName } from '../../main/contract/calls';
import { contract, type Handlers } from '../../main/contract/contract';
import { ok } from '../../main/contract/result';
import { VALID_INPUTS } from '../../main/contract/__fixtures__/validInputs';
import { BUNDLED_DIR } from '../../main/core/__fixtures__/testCore';
import { bodyLimitFor, MAX_BODY_BYTES } from '../../main/shells/web/httpTransport';
import { startHarness } from '../../main/shells/web/startHarness';
import { registerIpc } from '../../main/shells/electron/ipc/registerIpc';
import { createRng, type Rng } from '../bench/prng';

const HUGE = 'x'.repeat(2 * MAX_BODY_BYTES);
const DEEP_TEXT = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const DEEP = JSON.parse(DEEP_TEXT) as unknown;
const KEYS = [
  'id',
  'query',
  'limit',
  'url',
  'text',
  'format',
  'role',
  'name',
  'action',
  'type',
  'system',
  'label',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  'a'.repeat(300),
];

/** A random value of the kinds JSON bodies and structured clones carry, and a few they don't. */
function randomValue(rng: Rng, depth: number): unknown {
  switch (rng.int(0, depth > 0 ? 12 : 8)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([
        0,
        -0,
        1,
        -1,
        1.5,
        51,
        2 ** 53,
        Number.MAX_VALUE,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
      ]);
    case 3:
      return rng.pick([
        '',
        'ransomware',
        '../../etc/passwd',
        'C:\\Windows\\x',
        '\\\\srv\\s',
        'javascript:alert(1)',
        'a\u0000b',
        '\u202eexe.pdf',
        'https://www.ncsc.gov.uk',
        '20260301-0215-a1b2c3',
      ]);
    case 4:
      return 'x'.repeat(rng.pick([100, 201, 10_000, 100_000]));
    case 5:
      return rng.chance(0.05) ? HUGE : 'é'.repeat(rng.int(0, 500));
    case 6:
      return undefined;
    case 7:
      return rng.pick([DEEP, [], {}]);
    case 8:
      return JSON.parse('{"__proto__": {"isAdmin": true, "polluted": true}}') as unknown;
    case 9:
      return Array.from({ length: rng.pick([1, 3, 100, 10_000]) }, () => randomValue(rng, 0));
    default: {
      const text = `{${Array.from({ length: rng.int(0, 4) }, () => `${JSON.stringify(rng.pick(KEYS))}:0`).join(',')}}`;
      const object = JSON.parse(text) as Record<string, unknown>;
      for (const key of Object.keys(object)) object[key] = randomValue(rng, depth - 1);
      return object;
    }
  }
}

/** Paths to every leaf and branch of a JSON value. */
function pathsOf(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

/** A value of another kind than `original` that no field accepts in its place. */
function wrongKind(rng: Rng, original: unknown): unknown {
  const options: unknown[] = [Number.NaN, DEEP, JSON.parse('{"__proto__": {"polluted": true}}')];
  if (typeof original !== 'number') options.push(Number.POSITIVE_INFINITY, 42);
  if (typeof original !== 'boolean') options.push(true);
  if (typeof original !== 'string') options.push('5', HUGE);
  if (typeof original !== 'object' || original === null) options.push({}, [original]);
  return rng.pick(options);
}

/** A mutation of the call's valid input that the contract must refuse. */
export function invalidPayload(rng: Rng, name: CallName): { label: string; payload: unknown } {
  const valid = structuredClone(VALID_INPUTS[name]) as Record<string, unknown>;
  const set = (
    target: Record<string, unknown>,
    path: Array<string | number>,
    value: unknown,
  ): void => {
    const parent = path
      .slice(0, -1)
      .reduce<unknown>(
        (node, key) => (node as Record<string | number, unknown>)[key],
        target,
      ) as Record<string | number, unknown>;
    parent[path.at(-1) as string | number] = value;
  };
  switch (rng.int(0, 5)) {
    case 0: {
      const paths = pathsOf(valid).filter((path) => path.length > 0);
      const path = paths.length > 0 ? rng.pick(paths) : null;
      if (!path) return { label: 'a top-level array', payload: [valid] };
      const original = path.reduce<unknown>(
        (node, key) => (node as Record<string | number, unknown>)[key],
        valid,
      );
      set(valid, path, wrongKind(rng, original));
      return { label: `a wrong kind at ${path.join('.')}`, payload: valid };
    }
    case 1:
      return {
        label: 'an unknown key',
        payload: {
          ...valid,
          [rng.pick(['extra', 'isAdmin', 'recordedAt', 'hash'])]: randomValue(rng, 1) ?? 0,
        },
      };
    case 2:
      return {
        label: 'a __proto__ key from JSON',
        payload: JSON.parse(
          `{"__proto__":{"polluted":true}${Object.keys(valid).length > 0 ? `,${JSON.stringify(valid).slice(1, -1)}` : ''}}`,
        ) as unknown,
      };
    case 3:
      return {
        label: 'a constructor.prototype key',
        payload: { ...valid, constructor: { prototype: { polluted: true } } },
      };
    case 4:
      return {
        label: 'not an object',
        payload: rng.pick([null, 42, Number.NaN, 'x', HUGE, true, [valid], DEEP]),
      };
    default:
      return {
        label: 'a NaN field',
        payload: { ...valid, [Object.keys(valid)[0] ?? 'limit']: Number.NaN },
      };
  }
}

/** True when a value that reached a handler is plain, bounded data. */
function isSaneInput(value: unknown, depth = 0): boolean {
  if (depth > 8) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_BODY_BYTES;
  if (value === null || typeof value === 'boolean' || value === undefined) return true;
  if (typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  return Object.entries(value).every(
    ([key, item]) =>
      !['__proto__', 'constructor', 'prototype'].includes(key) && isSaneInput(item, depth + 1),
  );
}

type Listener = (event: unknown, input: unknown) => Promise<unknown>;
type Run = { name: CallName; input: unknown };

/**
 * Wraps every handler in place so each run is recorded. The HTTP transport dispatches through the
 * same `Handlers` object the core returned, so this counts the real core's handler runs too.
 */
function countRuns(handlers: Handlers): Run[] {
  const runs: Run[] = [];
  const table = handlers as unknown as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    const handler = table[name];
    table[name] = (input) => {
      runs.push({ name, input });
      return handler(input);
    };
  }
  return runs;
}

/** Spy handlers that answer ok and do nothing else. */
const spyHandlers = (): Handlers =>
  Object.fromEntries(
    CALL_NAMES.map((name) => [name, () => Promise.resolve(ok(`${name} ran`))]),
  ) as unknown as Handlers;

/** Whether `dispatch` lets this input through to the handler (a missing body is `{}`). */
const accepts = (name: CallName, input: unknown): boolean =>
  contract[name].input.safeParse(input === undefined ? {} : input).success;

/** The payload both transports send: a mutation of the valid input, or a random value. */
const fuzzPayload = (
  rng: Rng,
  name: CallName,
  mutation: boolean,
): { label: string; payload: unknown } =>
  mutation ? invalidPayload(rng, name) : { label: 'a random value', payload: randomValue(rng, 3) };

function isResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return (
    result.ok === true ||
    (result.ok === false &&
      typeof result.error?.code === 'string' &&
      typeof result.error.message === 'string')
  );
}

/** Senders that are not the app's top-level frame. */
const UNTRUSTED_SENDERS: unknown[] = [
  { senderFrame: { url: 'app://bundle/index.html', parent: { url: 'app://bundle/index.html' } } },
  { senderFrame: { url: 'file:///C:/Users/me/evil.html', parent: null } },
  { senderFrame: { url: 'http://127.0.0.1:8080/', parent: null } },
  { senderFrame: { url: 'app://bundle.evil/index.html', parent: null } },
  { senderFrame: { url: 'app://evil@bundle/', parent: null } },
  { senderFrame: { url: 'about:blank', parent: null } },
  { senderFrame: { url: '', parent: null } },
  { senderFrame: { url: 'devtools://devtools/bundled/inspector.html', parent: null } },
  { senderFrame: null },
  {},
];

/** What a fuzzing run over one transport found. */
export interface ApiFuzzSummary {
  calls: number;
  payloads: number;
  failures: number;
  /** Handler runs for input the contract refuses (must be 0); counted inside `failures` too. */
  badInputRuns: number;
  /** Random values the contract accepted and the handler got (IPC only: allowed, and checked for sanity). */
  accepted: number;
  /** Call batches after which the data folder was not byte-for-byte the same (HTTP only; must be 0). */
  folderChanges: number;
  seconds: number;
  examples: string[];
}

const newSummary = (): ApiFuzzSummary => ({
  calls: CALL_NAMES.length,
  payloads: 0,
  failures: 0,
  badInputRuns: 0,
  accepted: 0,
  folderChanges: 0,
  seconds: 0,
  examples: [],
});

function recordFailure(summary: ApiFuzzSummary, text: string): void {
  summary.failures += 1;
  if (summary.examples.length < 5) summary.examples.push(text.slice(0, 600));
}

/** Counts handler runs on bad input: each is a failure. Empties `runs`. */
function checkNoRuns(summary: ApiFuzzSummary, runs: Run[], where: string): void {
  if (runs.length > 0) {
    summary.badInputRuns += runs.length;
    const first = toWire(runs[0]?.input, MAX_BODY_BYTES);
    recordFailure(
      summary,
      `${where}: ${runs.length} handler runs on input the contract refuses, first ${runs[0]?.name} with ${first === TOO_LARGE ? 'a large input' : first.body.slice(0, 200)}`,
    );
  }
  runs.length = 0;
}

/**
 * IPC: `perCall` payloads for each call from the trusted frame (half mutations, half random
 * values), then each valid input from every untrusted sender.
 */
export async function runIpcFuzz(options: {
  perCall: number;
  seed: number;
}): Promise<ApiFuzzSummary> {
  const started = performance.now();
  const summary = newSummary();
  const listeners = new Map<string, Listener>();
  const handlers = spyHandlers();
  const runs = countRuns(handlers);
  registerIpc(
    {
      handle: (channel: string, listener: Listener) => listeners.set(channel, listener),
    } as unknown as Parameters<typeof registerIpc>[0],
    { handlers, appOrigin: 'app://bundle' },
  );
  const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
  for (const [callIndex, name] of CALL_NAMES.entries()) {
    const listener = listeners.get(ipcChannel(name)) as Listener;
    const rng = createRng(options.seed + callIndex);
    for (let trial = 0; trial < options.perCall; trial += 1) {
      const isMutation = trial % 2 === 0;
      const { label, payload } = fuzzPayload(rng, name, isMutation);
      const where = `${name} trial ${trial} (seed ${options.seed + callIndex}), ${label}`;
      runs.length = 0;
      summary.payloads += 1;
      let result: unknown;
      try {
        result = await listener(trusted, payload);
      } catch (error: unknown) {
        recordFailure(summary, `${where}: rejected across IPC: ${String(error)}`);
        continue;
      }
      const isAccepted = accepts(name, payload);
      if (!isResult(result))
        recordFailure(summary, `${where}: not a Result: ${JSON.stringify(result)}`);
      else if (isMutation && isAccepted)
        recordFailure(summary, `${where}: the contract accepted a mutation meant to be invalid`);
      else if (!isAccepted) {
        checkNoRuns(summary, runs, where);
        if ((result as { error?: { code?: string } }).error?.code !== 'INVALID_INPUT')
          recordFailure(
            summary,
            `${where}: refused without INVALID_INPUT: ${JSON.stringify(result)}`,
          );
      } else if (runs.length !== 1 || runs[0]?.name !== name || !isSaneInput(runs[0].input)) {
        recordFailure(
          summary,
          `${where}: valid input did not reach its handler once, as plain bounded data (${runs.length} runs)`,
        );
      } else summary.accepted += 1;
    }
    for (const [senderIndex, sender] of UNTRUSTED_SENDERS.entries()) {
      runs.length = 0;
      summary.payloads += 1;
      const result = await listener(sender, structuredClone(VALID_INPUTS[name])).catch(
        (error: unknown) => error,
      );
      if ((result as { error?: { code?: string } }).error?.code !== 'FORBIDDEN')
        recordFailure(
          summary,
          `${name}: untrusted sender ${senderIndex} was not refused: ${JSON.stringify(result)}`,
        );
      checkNoRuns(summary, runs, `${name}: untrusted sender ${senderIndex}`);
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Keep-alive connections the HTTP fuzz keeps busy at once. */
const CONNECTIONS = 8;
const TOO_LARGE = Symbol('larger than the call may take');
/** A body the server must refuse for its size alone (at the default limit). */
const OVERSIZED_BODY = Buffer.from(JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES) }));

/** JSON.stringify runs out of stack on DEEP, so it writes this in its place and DEEP_TEXT goes in after. */
const DEEP_MARK = '\u0000deep\u0000';

/**
 * At least how many bytes `value` takes as JSON (a string its length plus quotes, anything else
 * one byte), counted no further than past `limit`: a 10,000-item array is never written out only
 * to be found too large.
 */
function minJsonBytes(value: unknown, limit: number): number {
  if (value === DEEP) return DEEP_TEXT.length;
  if (typeof value === 'string') return value.length + 2;
  if (value === null || typeof value !== 'object') return 1;
  let total = 2;
  for (const item of Object.values(value)) {
    total += minJsonBytes(item, limit);
    if (total > limit) break;
  }
  return total;
}

/**
 * `payload` as a client writes it in a request body, and the input the harness parses out of it
 * (JSON has no NaN or undefined); TOO_LARGE past the call's body limit.
 */
function toWire(
  payload: unknown,
  limit: number,
): { body: string; input: unknown } | typeof TOO_LARGE {
  if (minJsonBytes(payload, limit) > limit) return TOO_LARGE;
  const marked =
    (JSON.stringify(payload, (_key, value: unknown) => (value === DEEP ? DEEP_MARK : value)) as
      string | undefined) ?? '';
  const body = marked.replaceAll(JSON.stringify(DEEP_MARK), DEEP_TEXT);
  if (Buffer.byteLength(body) > limit) return TOO_LARGE;
  // The same as parsing `body` (an empty body is no input), without parsing 10,000 levels each time.
  return {
    body,
    input:
      marked === ''
        ? undefined
        : (JSON.parse(marked, (_key, value: unknown) =>
            value === DEEP_MARK ? DEEP : value,
          ) as unknown),
  };
}

interface HttpCase {
  label: string;
  /** The status the harness must answer with; the error code follows from it. */
  status: number;
  method?: string;
  path?: string;
  /** Replace the defaults (Host, token, JSON content type); undefined leaves the header out. */
  headers?: Record<string, string | undefined>;
  /** The call's valid input as JSON unless given. */
  body?: string | Buffer;
  /**
   * Send OVERSIZED_BODY instead: `declared` sends only the headers, so the harness must answer
   * from Content-Length alone; `chunked` sends it all without a length.
   */
  oversized?: 'declared' | 'chunked';
}

const CODE_FOR_STATUS: Record<number, string> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'UNKNOWN_CALL',
  405: 'INVALID_INPUT',
  413: 'INVALID_INPUT',
  415: 'INVALID_INPUT',
};

/**
 * A body over the call's limit. A call that carries a file may take tens of MB, so only its
 * declared length is sent; the chunked reader is the same code, tried on the other calls.
 */
const oversized = (rng: Rng, label: string, name: CallName): HttpCase => {
  const how =
    bodyLimitFor(name) > MAX_BODY_BYTES ? 'declared' : rng.pick(['declared', 'chunked'] as const);
  return { label: `${label} (${how})`, status: 413, oversized: how };
};

/**
 * A payload the contract refuses once written as JSON (which has no NaN or undefined, so some
 * mutations and random values turn valid on the way; those are drawn again).
 */
export function payloadCase(rng: Rng, name: CallName, mutation: boolean): HttpCase {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { label, payload } = fuzzPayload(rng, name, mutation);
    const wire = toWire(payload, bodyLimitFor(name));
    if (wire === TOO_LARGE)
      return oversized(rng, `${label}, over ${bodyLimitFor(name)} bytes as JSON`, name);
    if (!accepts(name, wire.input)) return { label, status: 400, body: wire.body };
  }
  return { label: 'a top-level array', status: 400, body: JSON.stringify([VALID_INPUTS[name]]) };
}

/** A body that is not JSON: broken syntax, cut short, or not UTF-8 (inside the first string value when there is one). */
function notJson(rng: Rng, name: CallName): HttpCase {
  const valid = JSON.stringify(VALID_INPUTS[name]);
  switch (rng.int(0, 2)) {
    case 0:
      return {
        label: 'broken JSON',
        status: 400,
        body: rng.pick([
          '{',
          '{"id":',
          "{'id':'x'}",
          'NaN',
          '{"a":Infinity}',
          '\u0000',
          '[1,]',
          'undefined',
          ' ',
          '{"a":1}}',
          '\uFEFF{}',
        ]),
      };
    case 1:
      return {
        label: 'a cut-off body',
        status: 400,
        body: valid.slice(0, rng.int(1, valid.length - 1)),
      };
    default: {
      const quote = valid.indexOf(':"');
      const at = quote === -1 ? 1 : quote + 2;
      const bytes = rng.pick([
        [0xff],
        [0xc3],
        [0xed, 0xa0, 0x80],
        [0xc0, 0xaf],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
      ]);
      return {
        label: `not UTF-8 (${bytes.map((byte) => byte.toString(16)).join(' ')} at ${at})`,
        status: 400,
        body: Buffer.concat([
          Buffer.from(valid.slice(0, at)),
          Buffer.from(bytes),
          Buffer.from(valid.slice(at)),
        ]),
      };
    }
  }
}

/** The ways a request can be wrong besides its payload, in the order the harness checks them. */
const FRAMING_CASES: Array<(rng: Rng, name: CallName, port: number, token: string) => HttpCase> = [
  (rng, _name, port) => ({
    label: 'a wrong Host',
    status: 403,
    headers: {
      host: rng.pick([
        'evil.example',
        `evil.example:${port}`,
        '127.0.0.1',
        `127.0.0.1:${port + 1}`,
        'localhost',
        `127.0.0.1.evil.example:${port}`,
        `[::1]:${port}`,
      ]),
    },
  }),
  (rng, name, _port, token) => {
    const authorization = rng.pick([
      undefined,
      'Bearer wrong-token',
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Basic ${token}`,
      token,
      'Bearer ',
      `bearer ${token}`,
    ]);
    // Without the header the token rides in the query string, which API calls must ignore.
    return {
      label: `the token as ${authorization === undefined ? 'a query parameter' : JSON.stringify(authorization.replace(token, '<token>'))}`,
      status: 401,
      headers: { authorization },
      path: authorization === undefined ? `/api/${name}?token=${token}` : `/api/${name}`,
    };
  },
  (rng, _name, port) => {
    // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- a lookalike origin the harness must refuse
    const lookalike = `http://127.0.0.1.evil.example:${port}`;
    return {
      label: 'a page on another origin',
      status: 403,
      headers: {
        origin: rng.pick([
          'https://evil.example',
          'null',
          `http://127.0.0.1:${port + 1}`,
          `https://127.0.0.1:${port}`,
          lookalike,
          'app://bundle',
          'file://',
        ]),
      },
    };
  },
  (rng) => ({
    label: 'a wrong method',
    status: 405,
    method: rng.pick(['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']),
    body: '',
  }),
  (rng) => {
    const type = rng.pick([
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'application/json-patch+json',
      '',
    ]);
    return {
      label: `content type ${JSON.stringify(type)}`,
      status: 415,
      headers: { 'content-type': type },
    };
  },
  (rng, name) => oversized(rng, 'an oversized body', name),
  notJson,
  (rng, name) => ({
    label: 'an unknown call',
    status: 404,
    path: rng.pick([
      `/api/${name}x`,
      `/api/${name}/..`,
      `/api/${name}/.`,
      `/api/${name}.constructor`,
      `/api/${name}%00`,
      `/api/${name.replace('.', '%2E')}`,
      `/api/${name.toUpperCase()}`,
      `/api//${name}`,
      '/api',
      '/api/',
      '/api/__proto__',
      '/api/constructor',
      '/api/hasOwnProperty',
    ]),
  }),
];

type HttpReply = { status: number; code: string | null } | 'reset';

/** Every file and folder under `dir`, with a hash of each file's bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const state = new Map<string, string>();
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    state.set(
      relative(dir, path),
      entry.isFile()
        ? createHash('sha256')
            .update(await readFile(path))
            .digest('hex')
        : entry.isDirectory()
          ? 'folder'
          : 'other',
    );
  }
  return state;
}

const changedPaths = (before: Map<string, string>, after: Map<string, string>): string[] =>
  [...new Set([...before.keys(), ...after.keys()])].filter(
    (path) => before.get(path) !== after.get(path),
  );

/**
 * HTTP: the web harness (the real core on a temp data folder) on loopback. For each call, `perCall`
 * requests on CONNECTIONS keep-alive connections: even trials carry a payload the contract refuses
 * (mutations and random values in turn), odd trials cycle through FRAMING_CASES.
 */
export async function runHttpFuzz(options: {
  perCall: number;
  seed: number;
}): Promise<ApiFuzzSummary> {
  const summary = newSummary();
  const root = await mkdtemp(join(tmpdir(), 'holdfast-api-fuzz-'));
  const dataDir = join(root, 'data');
  const harness = await startHarness({
    port: 0,
    dataDir,
    rendererDir: join(root, 'renderer'),
    bundledRunbooksDir: BUNDLED_DIR,
    version: 'fuzz',
  });
  const { port, token } = harness;
  const runs = countRuns(harness.core.handlers);
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

  const send = (name: CallName, test: HttpCase): Promise<HttpReply> =>
    new Promise((resolve, reject) => {
      const headers = Object.entries({
        host: `127.0.0.1:${port}`,
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...test.headers,
      }).filter((entry): entry is [string, string] => entry[1] !== undefined);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: test.path ?? `/api/${name}`,
          method: test.method ?? 'POST',
          agent,
          headers: Object.fromEntries(headers),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            let code: string | null = null;
            try {
              code =
                (
                  JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                    error?: { code?: string };
                  }
                ).error?.code ?? null;
            } catch {
              // HEAD has no body; a missing code fails below.
            }
            resolve({ status: res.statusCode ?? 0, code });
            // A declared body was never sent: this connection cannot carry another request.
            if (!req.writableEnded) req.destroy();
          });
        },
      );
      // The harness answers 413 and closes once a chunked body passes the limit, so the client may
      // see the connection reset while still writing the rest.
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve('reset') : reject(error),
      );
      if (test.oversized === 'declared') {
        req.setHeader('content-length', bodyLimitFor(name) + 1);
        req.flushHeaders();
        return;
      }
      if (test.oversized === 'chunked') req.setHeader('transfer-encoding', 'chunked');
      req.end(test.oversized ? OVERSIZED_BODY : (test.body ?? JSON.stringify(VALID_INPUTS[name])));
    });

  /** Each call's valid input once: its handler must run exactly once, and the harness must not fail. */
  const validPass = async (when: string): Promise<void> => {
    for (const name of CALL_NAMES) {
      runs.length = 0;
      const reply = await send(name, { label: 'the valid input', status: 200 }).catch(
        (error: unknown) => ({ status: -1, code: String(error) }),
      );
      if (reply === 'reset' || reply.status >= 500 || runs.length !== 1 || runs[0]?.name !== name) {
        recordFailure(
          summary,
          `${name}, the valid input ${when} the fuzzing: ${JSON.stringify(reply)}, ${runs.length} handler runs`,
        );
      }
    }
    runs.length = 0;
  };

  const started = performance.now();
  try {
    await validPass('before');
    let before = await snapshot(dataDir);
    for (const [callIndex, name] of CALL_NAMES.entries()) {
      const seed = options.seed + callIndex;
      const rng = createRng(seed);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < options.perCall) {
          const trial = next++;
          const test =
            trial % 2 === 0
              ? payloadCase(rng, name, trial % 4 === 0)
              : (
                  FRAMING_CASES[
                    (trial >> 1) % FRAMING_CASES.length
                  ] as (typeof FRAMING_CASES)[number]
                )(rng, name, port, token);
          summary.payloads += 1;
          const reply = await send(name, test).catch((error: unknown) => ({
            status: -1,
            code: String(error),
          }));
          const expectedCode = test.method === 'HEAD' ? null : CODE_FOR_STATUS[test.status];
          const isRight =
            reply === 'reset'
              ? test.oversized === 'chunked'
              : reply.status === test.status && reply.code === expectedCode;
          if (!isRight)
            recordFailure(
              summary,
              `${name} trial ${trial} (seed ${seed}), ${test.label}: ${JSON.stringify(reply)}, expected ${test.status} ${expectedCode}`,
            );
        }
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, worker));
      checkNoRuns(summary, runs, `${name} (seed ${seed})`);
      const after = await snapshot(dataDir);
      const changed = changedPaths(before, after);
      if (changed.length > 0) {
        summary.folderChanges += 1;
        recordFailure(
          summary,
          `${name} (seed ${seed}): the data folder changed: ${changed.slice(0, 5).join(', ')}`,
        );
      }
      before = after;
    }
    summary.seconds = (performance.now() - started) / 1000;
    await validPass('after');
  } finally {
    agent.destroy();
    await harness.close();
    await rm(root, { recursive: true, force: true });
  }
  return summary;
}

/** `api fuzz (ipc): N payloads over C calls, F failures` plus the details. */
export function describeApiFuzz(transport: 'ipc' | 'http', summary: ApiFuzzSummary): string[] {
  const rate = `${Math.round(summary.payloads / summary.seconds)} a second`;
  return [
    `api fuzz (${transport}): ${summary.payloads} payloads over ${summary.calls} calls, ${summary.failures} failures`,
    `# ${summary.badInputRuns} handler runs on bad input; ${
      transport === 'ipc'
        ? `${summary.accepted} random values were valid input and reached their handler as plain data; ${UNTRUSTED_SENDERS.length} untrusted senders per call refused; ${rate}`
        : `the real core's data folder changed after ${summary.folderChanges} of ${summary.calls} call batches; ${rate} over ${CONNECTIONS} keep-alive connections`
    }`,
    ...summary.examples.map((example) => `# failure: ${example}`),
  ];
}
