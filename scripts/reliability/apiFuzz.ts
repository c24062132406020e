/**
 * API fuzzing over both transports. Every contract call gets seeded payloads: random JSON-ish
 * values (NaN, Infinity, huge strings and arrays, deep nesting, `__proto__` keys as JSON.parse
 * makes them) and mutations of a valid input that no schema may accept (a field of the wrong
 * type, an unknown or `__proto__` key, NaN, 10,000-deep nesting). The handlers are spies:
 *   - IPC (`registerIpc` with a fake ipcMain): a mutation never reaches its handler; a random
 *     value reaches it only if the contract accepts it, and then only as plain, bounded data;
 *     nothing rejects across the transport; a sender that is not the app's top frame is refused.
 *   - HTTP (`createHttpTransport` on a real loopback server): wrong or missing tokens, wrong Host,
 *     bad JSON, wrong content type or method, oversized bodies and mutations each get their status
 *     code and never reach a handler.
 * Used by apiFuzz.test.ts and `npm run soak -- --suite=api`.
 */
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALL_NAMES, ipcChannel, type CallName } from '../../main/contract/calls';
import { contract, type Handlers } from '../../main/contract/contract';
import { ok } from '../../main/contract/result';
import { VALID_INPUTS } from '../../main/contract/__fixtures__/validInputs';
import { createHttpTransport, MAX_BODY_BYTES } from '../../main/harness/httpTransport';
import { registerIpc } from '../../main/ipc/registerIpc';
import { createRng, type Rng } from '../bench/prng';

const HUGE = 'x'.repeat(2 * MAX_BODY_BYTES);
const DEEP_TEXT = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const DEEP = JSON.parse(DEEP_TEXT) as unknown;
const KEYS = ['id', 'query', 'limit', 'url', 'text', 'format', 'role', 'name', 'action', 'type', 'system', 'label', '__proto__', 'constructor', 'prototype', 'toString', '', 'a'.repeat(300)];

/** A random value of the kinds JSON bodies and structured clones carry, and a few they don't. */
function randomValue(rng: Rng, depth: number): unknown {
  switch (rng.int(0, depth > 0 ? 12 : 8)) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick([0, -0, 1, -1, 1.5, 51, 2 ** 53, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    case 3: return rng.pick(['', 'ransomware', '../../etc/passwd', 'C:\\Windows\\x', '\\\\srv\\s', 'javascript:alert(1)', 'a\u0000b', '\u202eexe.pdf', 'https://www.ncsc.gov.uk', '20260301-0215-a1b2c3']);
    case 4: return 'x'.repeat(rng.pick([100, 201, 10_000, 100_000]));
    case 5: return rng.chance(0.05) ? HUGE : 'é'.repeat(rng.int(0, 500));
    case 6: return undefined;
    case 7: return rng.pick([DEEP, [], {}]);
    case 8: return JSON.parse('{"__proto__": {"isAdmin": true, "polluted": true}}') as unknown;
    case 9: return Array.from({ length: rng.pick([1, 3, 100, 10_000]) }, () => randomValue(rng, 0));
    default: {
      const text = `{${Array.from({ length: rng.int(0, 4) }, () => `${JSON.stringify(rng.pick(KEYS))}:0`).join(',')}}`;
      const object = JSON.parse(text) as Record<string, unknown>;
      for (const key of Object.keys(object)) object[key] = randomValue(rng, depth - 1);
      return object;
    }
  }
}

/** Paths to every leaf and branch of a JSON value. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
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
  const set = (target: Record<string, unknown>, path: Array<string | number>, value: unknown): void => {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], target) as Record<string | number, unknown>;
    parent[path.at(-1) as string | number] = value;
  };
  switch (rng.int(0, 5)) {
    case 0: {
      const paths = pathsOf(valid).filter((path) => path.length > 0);
      const path = paths.length > 0 ? rng.pick(paths) : null;
      if (!path) return { label: 'a top-level array', payload: [valid] };
      const original = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], valid);
      set(valid, path, wrongKind(rng, original));
      return { label: `a wrong kind at ${path.join('.')}`, payload: valid };
    }
    case 1: return { label: 'an unknown key', payload: { ...valid, [rng.pick(['extra', 'isAdmin', 'recordedAt', 'hash'])]: randomValue(rng, 1) ?? 0 } };
    case 2: return { label: 'a __proto__ key from JSON', payload: JSON.parse(`{"__proto__":{"polluted":true}${Object.keys(valid).length > 0 ? `,${JSON.stringify(valid).slice(1, -1)}` : ''}}`) as unknown };
    case 3: return { label: 'a constructor.prototype key', payload: { ...valid, constructor: { prototype: { polluted: true } } } };
    case 4: return { label: 'not an object', payload: rng.pick([null, 42, Number.NaN, 'x', HUGE, true, [valid], DEEP]) };
    default: return { label: 'a NaN field', payload: { ...valid, [Object.keys(valid)[0] ?? 'limit']: Number.NaN } };
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
  return Object.entries(value).every(([key, item]) => !['__proto__', 'constructor', 'prototype'].includes(key) && isSaneInput(item, depth + 1));
}

type Listener = (event: unknown, input: unknown) => Promise<unknown>;

/** Spy handlers that record what reached them. */
function spyHandlers(): { handlers: Handlers; runs: Array<{ name: CallName; input: unknown }> } {
  const runs: Array<{ name: CallName; input: unknown }> = [];
  const handlers = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => {
    runs.push({ name, input });
    return Promise.resolve(ok(`${name} ran`));
  }]));
  return { handlers: handlers as unknown as Handlers, runs };
}

function isResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return result.ok === true || (result.ok === false && typeof result.error?.code === 'string' && typeof result.error.message === 'string');
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
  /** Random values the contract accepted and the handler got (allowed, and checked for sanity). */
  accepted: number;
  examples: string[];
}

const newSummary = (): ApiFuzzSummary => ({ calls: CALL_NAMES.length, payloads: 0, failures: 0, badInputRuns: 0, accepted: 0, examples: [] });

function recordFailure(summary: ApiFuzzSummary, text: string): void {
  summary.failures += 1;
  if (summary.examples.length < 5) summary.examples.push(text.slice(0, 600));
}

/**
 * IPC: `perCall` payloads for each call from the trusted frame (half mutations, half random
 * values), then each valid input from every untrusted sender.
 */
export async function runIpcFuzz(options: { perCall: number; seed: number }): Promise<ApiFuzzSummary> {
  const summary = newSummary();
  const listeners = new Map<string, Listener>();
  const { handlers, runs } = spyHandlers();
  registerIpc({ handle: (channel: string, listener: Listener) => listeners.set(channel, listener) } as unknown as Parameters<typeof registerIpc>[0], { handlers, appOrigin: 'app://bundle' });
  const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
  for (const [callIndex, name] of CALL_NAMES.entries()) {
    const listener = listeners.get(ipcChannel(name)) as Listener;
    const rng = createRng(options.seed + callIndex);
    for (let trial = 0; trial < options.perCall; trial += 1) {
      const isMutation = trial % 2 === 0;
      const { label, payload } = isMutation ? invalidPayload(rng, name) : { label: 'a random value', payload: randomValue(rng, 3) };
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
      const isAccepted = contract[name].input.safeParse(payload === undefined ? {} : payload).success;
      if (!isResult(result)) recordFailure(summary, `${where}: not a Result: ${JSON.stringify(result)}`);
      else if (isMutation && (runs.length > 0 || isAccepted)) {
        summary.badInputRuns += runs.length;
        recordFailure(summary, `${where}: the contract accepted a mutation meant to be invalid (${runs.length} handler runs)`);
      } else if (!isAccepted && runs.length > 0) {
        summary.badInputRuns += runs.length;
        recordFailure(summary, `${where}: the handler ran for input the contract refuses`);
      } else if (runs.length > 0 && !runs.every((run) => run.name === name && isSaneInput(run.input))) {
        recordFailure(summary, `${where}: the handler got input that is not plain bounded data`);
      } else if (isAccepted) summary.accepted += 1;
      else if ((result as { error?: { code?: string } }).error?.code !== 'INVALID_INPUT') recordFailure(summary, `${where}: refused without INVALID_INPUT: ${JSON.stringify(result)}`);
    }
    for (const [senderIndex, sender] of UNTRUSTED_SENDERS.entries()) {
      runs.length = 0;
      summary.payloads += 1;
      const result = await listener(sender, structuredClone(VALID_INPUTS[name])).catch((error: unknown) => error);
      if ((result as { error?: { code?: string } }).error?.code !== 'FORBIDDEN' || runs.length > 0) {
        summary.badInputRuns += runs.length;
        recordFailure(summary, `${name}: untrusted sender ${senderIndex} was not refused: ${JSON.stringify(result)}`);
      }
    }
  }
  return summary;
}

/** A request body for `payload`: JSON writes NaN as null and has no undefined; too deep to write is sent as the deep array. */
function toJson(payload: unknown): string {
  try {
    return JSON.stringify(payload) ?? 'null';
  } catch {
    return DEEP_TEXT;
  }
}

interface HttpReply {
  status: number;
  code: string | null;
}

/**
 * HTTP: `perCall` requests for each call on a real loopback server, cycling through the ways a
 * request can be wrong; every one must get its status code and none may reach a handler.
 */
export async function runHttpFuzz(options: { perCall: number; seed: number }): Promise<ApiFuzzSummary> {
  const summary = newSummary();
  const { handlers, runs } = spyHandlers();
  const token = 'fuzz-token-0123456789abcdef';
  let port = 0;
  const handle = createHttpTransport({ handlers, token, rendererDir: '/nonexistent', port: () => port });
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const send = (path: string, headers: Record<string, string>, body: string | Buffer, method = 'POST'): Promise<HttpReply> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, agent, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          let code: string | null;
          try {
            code = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code?: string } }).error?.code ?? null;
          } catch {
            code = null;
          }
          resolve({ status: res.statusCode ?? 0, code });
        });
      });
      // The server may answer 413 and close before the whole body is sent.
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve({ status: 413, code: 'INVALID_INPUT' }) : reject(error)));
      req.end(body);
    });
  const json = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const cases: Array<(rng: Rng, name: CallName) => { label: string; run: () => Promise<HttpReply>; status: number }> = [
    (rng, name) => {
      // JSON has no NaN, Infinity or undefined: `{"providerType": NaN}` is sent as a valid null.
      // Such a mutation is no longer bad input once sent, so draw another.
      let { label, payload } = invalidPayload(rng, name);
      for (let attempt = 0; attempt < 20 && contract[name].input.safeParse(JSON.parse(toJson(payload))).success; attempt += 1) {
        ({ label, payload } = invalidPayload(rng, name));
      }
      const body = toJson(payload);
      return { label, run: () => send(`/api/${name}`, json, body), status: Buffer.byteLength(body) > MAX_BODY_BYTES ? 413 : 400 };
    },
    (_, name) => ({ label: 'a wrong token', run: () => send(`/api/${name}`, { ...json, authorization: 'Bearer wrong-token' }, JSON.stringify(VALID_INPUTS[name])), status: 401 }),
    (_, name) => ({ label: 'no token', run: () => send(`/api/${name}`, { 'content-type': 'application/json' }, JSON.stringify(VALID_INPUTS[name])), status: 401 }),
    (rng, name) => ({ label: 'a wrong Host', run: () => send(`/api/${name}`, { ...json, host: rng.pick(['evil.example', `evil.example:${port}`, '127.0.0.2', `127.0.0.1.evil.example:${port}`]) }, JSON.stringify(VALID_INPUTS[name])), status: 403 }),
    (rng, name) => ({ label: 'bad JSON', run: () => send(`/api/${name}`, json, rng.pick(['{', '{"id":', "{'id':'x'}", 'NaN', '{"a":Infinity}', '\u0000', '[1,]'])), status: 400 }),
    (_, name) => ({ label: 'an oversized body', run: () => send(`/api/${name}`, json, JSON.stringify({ text: HUGE })), status: 413 }),
    (_, name) => ({ label: 'a wrong content type', run: () => send(`/api/${name}`, { ...json, 'content-type': 'text/plain' }, JSON.stringify(VALID_INPUTS[name])), status: 415 }),
    (_, name) => ({ label: 'GET', run: () => send(`/api/${name}`, json, '', 'GET'), status: 405 }),
    (rng, name) => ({ label: 'an unknown call', run: () => send(`/api/${name}${rng.pick(['x', '/..', '.constructor', '%00'])}`, json, '{}'), status: 404 }),
  ];
  try {
    for (const [callIndex, name] of CALL_NAMES.entries()) {
      const rng = createRng(options.seed + callIndex);
      for (let trial = 0; trial < options.perCall; trial += 1) {
        // Every other request is a mutated payload; the rest cycle through the other cases.
        const make = trial % 2 === 0 ? cases[0] : cases[1 + ((trial >> 1) % (cases.length - 1))];
        const { label, run, status } = (make as (typeof cases)[number])(rng, name);
        runs.length = 0;
        summary.payloads += 1;
        const reply = await run().catch((error: unknown) => ({ status: -1, code: String(error) }));
        if (runs.length > 0) summary.badInputRuns += runs.length;
        if (reply.status !== status || runs.length > 0) recordFailure(summary, `${name} trial ${trial} (seed ${options.seed + callIndex}), ${label}: status ${reply.status} ${reply.code ?? ''}, expected ${status}; ${runs.length} handler runs`);
      }
    }
  } finally {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
  return summary;
}

/** `api fuzz (ipc): N payloads over C calls, F failures` plus the details. */
export function describeApiFuzz(transport: 'ipc' | 'http', summary: ApiFuzzSummary): string[] {
  return [
    `api fuzz (${transport}): ${summary.payloads} payloads over ${summary.calls} calls, ${summary.failures} failures`,
    `# ${summary.badInputRuns} handler runs on bad input${transport === 'ipc' ? `; ${summary.accepted} random values were valid input and reached their handler as plain data; ${UNTRUSTED_SENDERS.length} untrusted senders per call refused` : ''}`,
    ...summary.examples.map((example) => `# failure: ${example}`),
  ];
}
