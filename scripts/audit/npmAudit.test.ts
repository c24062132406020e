/**
 * Fixtures in __fixtures__/ are what npm 11.19 printed on stdout for `npm audit --omit=dev --json`:
 *   npm-audit-405.json          this project's build machine, where the registry answers the bulk
 *                               advisory request with 405 Method Not Allowed
 *   npm-audit-enotfound.json    with a registry whose name does not resolve (registry.invalid)
 *   npm-audit-econnrefused.json with a registry on a closed port
 *   npm-audit-enolock.json      in a folder with no package-lock.json
 *   npm-audit-findings.json     with advisoryRegistry.ts answering made-up "Test advisory" entries
 *                               (critical js-yaml, high linkify-it, moderate zod, critical vite:
 *                               vite is a dev dependency, so --omit=dev leaves it out)
 *   npm-audit-clean.json        with advisoryRegistry.ts answering no advisories
 * The last part runs the real npm against advisoryRegistry.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAdvisoryRegistry } from './__fixtures__/advisoryRegistry';
import type { AuditResult } from './npmAudit';
import { AUDIT_EXIT, auditExitCode, describeAudit, readAuditOutput, runNpmAudit } from './npmAudit';

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => readFile(join(import.meta.dirname, '__fixtures__', name), 'utf8');
const zero = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
const report = (vulnerabilities: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {},
    metadata: { vulnerabilities: { ...zero, ...vulnerabilities } },
    ...extra,
  });

describe('reading npm audit --json', () => {
  it('fails on high and critical advisories and names each package', async () => {
    const result = readAuditOutput(await fixture('npm-audit-findings.json'));

    expect(result).toMatchObject({
      kind: 'checked',
      counts: { info: 0, low: 0, moderate: 1, high: 2, critical: 1 },
    });
    expect(auditExitCode(result)).toBe(AUDIT_EXIT.failed);
    expect(describeAudit(result)).toEqual([
      'npm audit (production): 2 high, 1 critical',
      '  critical js-yaml *: Test advisory: critical in js-yaml (https://github.com/advisories/GHSA-test-0000-0001)',
      '  high linkify-it *: Test advisory: high in linkify-it (https://github.com/advisories/GHSA-test-0000-0002)',
      '  high markdown-it *: through linkify-it',
      '  not counted: 1 moderate (see npm audit --omit=dev)',
    ]);
  });

  it('passes a report with no advisories', async () => {
    const result = readAuditOutput(await fixture('npm-audit-clean.json'));

    expect(result).toEqual({ kind: 'checked', counts: zero, findings: [] });
    expect(auditExitCode(result)).toBe(AUDIT_EXIT.passed);
    expect(describeAudit(result)).toEqual(['npm audit (production): 0 high, 0 critical']);
  });

  it('passes moderate, low and info advisories but shows them', () => {
    const result = readAuditOutput(report({ moderate: 2, low: 1, info: 4 }));

    expect(auditExitCode(result)).toBe(AUDIT_EXIT.passed);
    expect(describeAudit(result)).toEqual([
      'npm audit (production): 0 high, 0 critical',
      '  not counted: 2 moderate, 1 low, 4 info (see npm audit --omit=dev)',
    ]);
  });

  it('fails on the counts even when the package list is missing', () => {
    expect(auditExitCode(readAuditOutput(report({ critical: 1 }, { vulnerabilities: null })))).toBe(
      AUDIT_EXIT.failed,
    );
  });

  it('reports NOT RUN, not a pass, when the registry refuses the audit request (this machine: 405)', async () => {
    const result = readAuditOutput(await fixture('npm-audit-405.json'));

    expect(result).toEqual({
      kind: 'not-run',
      reason: 'the registry refused the audit request (405)',
    });
    expect(auditExitCode(result)).toBe(AUDIT_EXIT.notRun);
    expect(describeAudit(result)).toEqual([
      'npm audit (production): NOT RUN — the registry refused the audit request (405)',
    ]);
  });

  it.each([
    ['npm-audit-enotfound.json', 'the audit service could not be reached (ENOTFOUND)'],
    ['npm-audit-econnrefused.json', 'the audit service could not be reached (ECONNREFUSED)'],
  ])('reports NOT RUN when the audit service cannot be reached (%s)', async (name, reason) => {
    const result = readAuditOutput(await fixture(name));

    expect(result).toEqual({ kind: 'not-run', reason });
    expect(auditExitCode(result)).toBe(AUDIT_EXIT.notRun);
  });

  it.each<[string, string, AuditResult]>([
    [
      'a server error',
      '{"statusCode":503,"message":"503 Service Unavailable - POST …"}',
      { kind: 'not-run', reason: "the registry's audit service failed (503)" },
    ],
    [
      'a 404 from a mirror without the audit endpoint',
      '{"statusCode":404}',
      { kind: 'not-run', reason: 'the registry refused the audit request (404)' },
    ],
    [
      'a timeout',
      '{"message":"network timeout at: https://registry.example/-/npm/v1/security/advisories/bulk"}',
      { kind: 'not-run', reason: 'the audit service could not be reached (timeout)' },
    ],
    [
      'a TLS failure',
      '{"message":"request to https://r.example/-/npm/v1/security/advisories/bulk failed, reason: self-signed certificate in certificate chain"}',
      {
        kind: 'not-run',
        reason:
          'the audit service could not be reached (self-signed certificate in certificate chain)',
      },
    ],
    [
      'a page instead of JSON',
      '{"message":"invalid json response body at https://r.example/-/npm/v1/security/advisories/bulk reason: Unexpected token <"}',
      {
        kind: 'not-run',
        reason: 'the audit service answered with something other than an audit (invalid JSON)',
      },
    ],
  ])('reports NOT RUN for %s', (_name, stdout, expected) => {
    expect(readAuditOutput(stdout)).toEqual(expected);
  });

  it('is an error, not NOT RUN, when npm itself cannot audit (no lockfile)', async () => {
    const result = readAuditOutput(await fixture('npm-audit-enolock.json'));

    expect(result).toEqual({
      kind: 'error',
      reason: 'This command requires an existing lockfile. (ENOLOCK)',
    });
    expect(auditExitCode(result)).toBe(AUDIT_EXIT.error);
    expect(describeAudit(result)).toEqual([
      'npm audit (production): ERROR — This command requires an existing lockfile. (ENOLOCK)',
    ]);
  });

  it.each([
    ['nothing', ''],
    ['text', 'npm error something broke'],
    ['a JSON array', '[]'],
    ['an npm 6 report', JSON.stringify({ advisories: {}, metadata: { vulnerabilities: zero } })],
    [
      'another report version',
      JSON.stringify({ auditReportVersion: 3, metadata: { vulnerabilities: zero } }),
    ],
    [
      'a report without counts',
      JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} }),
    ],
    ['a report with a count that is not a number', report({ high: '0' })],
    ['an error JSON it does not know', '{"message":"something else"}'],
  ])('is an error when npm prints %s', (_name, stdout) => {
    const result = readAuditOutput(stdout);

    expect(result.kind).toBe('error');
    expect(auditExitCode(result)).toBe(AUDIT_EXIT.error);
  });

  it('gives each outcome its own exit code', () => {
    expect(new Set(Object.values(AUDIT_EXIT)).size).toBe(4);
    expect(AUDIT_EXIT.passed).toBe(0);
  });
});

describe.concurrent('the real npm against a stand-in registry', () => {
  /** npm audit with `registry` as its registry and a cache of its own (npm caches advisories). */
  async function auditAt(registry: string, env: NodeJS.ProcessEnv = {}): Promise<AuditResult> {
    const cache = await mkdtemp(join(tmpdir(), 'holdfast-audit-cache-'));
    try {
      return await runNpmAudit({
        cwd: ROOT,
        env: { ...process.env, npm_config_registry: registry, npm_config_cache: cache, ...env },
      });
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  }

  async function auditWith(
    answer: { status: number; body?: unknown },
    env: NodeJS.ProcessEnv = {},
  ) {
    const registry = await startAdvisoryRegistry(join(ROOT, 'package-lock.json'), answer);
    try {
      return { result: await auditAt(registry.url, env), requests: registry.requests() };
    } finally {
      await registry.close();
    }
  }
  const advisory = {
    id: 1,
    url: 'https://github.com/advisories/GHSA-test-0000-0001',
    title: 'Test advisory',
    severity: 'critical',
    vulnerable_versions: '*',
  };

  it('reads a refused request (405) as NOT RUN', async () => {
    const { result, requests } = await auditWith({ status: 405 });

    expect(requests).toBe(1);
    expect(result).toEqual({
      kind: 'not-run',
      reason: 'the registry refused the audit request (405)',
    });
  }, 60_000);

  it('fails on a critical advisory in a production dependency, and ignores one in a dev dependency', async () => {
    const { result } = await auditWith({
      status: 200,
      body: { 'js-yaml': [advisory], vite: [advisory] },
    });

    expect(result).toMatchObject({
      kind: 'checked',
      counts: { high: 0, critical: 1 },
      findings: [{ name: 'js-yaml', severity: 'critical' }],
    });
    expect(auditExitCode(result)).toBe(AUDIT_EXIT.failed);
  }, 60_000);

  it('passes when there are no advisories', async () => {
    const { result } = await auditWith({ status: 200, body: {} });

    expect(result).toEqual({ kind: 'checked', counts: zero, findings: [] });
  }, 60_000);

  it('asks the service even when npm is set to work offline', async () => {
    const { result, requests } = await auditWith(
      { status: 200, body: { 'js-yaml': [advisory] } },
      { npm_config_offline: 'true' },
    );

    expect(requests).toBe(1);
    expect(auditExitCode(result)).toBe(AUDIT_EXIT.failed);
  }, 60_000);

  it('reads a registry that is not there as NOT RUN', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));

    const result = await auditAt(`http://127.0.0.1:${port}/`);

    expect(result).toEqual({
      kind: 'not-run',
      reason: 'the audit service could not be reached (ECONNREFUSED)',
    });
  }, 60_000);
});
