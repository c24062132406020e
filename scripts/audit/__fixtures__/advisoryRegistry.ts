import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AdvisoryRegistry {
  /** Give it to npm as `npm_config_registry`. */
  url: string;
  /** How many bulk advisory requests npm made. */
  requests: () => number;
  close: () => Promise<void>;
}

/**
 * A stand-in registry on 127.0.0.1 so the real npm can be run offline: the bulk advisory request
 * (`POST /-/npm/v1/security/advisories/bulk`) gets `status` and `body`; a package document request
 * (`GET /<name>`, which npm makes for each package an advisory names and for their dependents) gets
 * the versions the lockfile locks, with their dependencies.
 */
export async function startAdvisoryRegistry(
  lockfile: string,
  answer: { status: number; body?: unknown },
): Promise<AdvisoryRegistry> {
  const lock = JSON.parse(await readFile(lockfile, 'utf8')) as {
    packages: Record<
      string,
      { name?: string; version?: string; dependencies?: Record<string, string> }
    >;
  };
  // name → version → that version's manifest (npm follows `dependencies` to find what depends on a
  // vulnerable package).
  const documents = new Map<string, Map<string, object>>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || !entry.version) continue;
    const name =
      entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const versions = documents.get(name) ?? new Map<string, object>();
    versions.set(entry.version, {
      name,
      version: entry.version,
      dependencies: entry.dependencies ?? {},
    });
    documents.set(name, versions);
  }
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      if (req.method === 'POST' && path === '/-/npm/v1/security/advisories/bulk') {
        requests += 1;
        const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
        return;
      }
      const name = path.slice(1);
      const known = req.method === 'GET' ? documents.get(name) : undefined;
      if (!known) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":"Not found"}');
        return;
      }
      const document = {
        name,
        'dist-tags': { latest: [...known.keys()].at(-1) },
        versions: Object.fromEntries(known),
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(document));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
