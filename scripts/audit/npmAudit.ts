import { spawn } from 'node:child_process';

/**
 * `npm audit --omit=dev` as a build gate (reliability reference T14): a high or critical advisory
 * in a production dependency fails. When the advisory service itself cannot be used (the registry
 * refuses the request, as this project's build machines' registry does with 405, or cannot be
 * reached), the audit did not run: that is its own outcome with its own exit code, never a pass.
 */

export const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A production package with a high or critical advisory, as npm reports it. */
export interface Finding {
  name: string;
  severity: Severity;
  /** The vulnerable versions. */
  range: string;
  /** Each advisory's title and address, or `through <package>` when a dependency carries it. */
  via: string[];
}

export type AuditResult =
  /** npm produced a report: the counts are packages per severity. */
  | { kind: 'checked'; counts: Record<Severity, number>; findings: Finding[] }
  /** The advisory service refused the request or could not be reached: nothing was checked. */
  | { kind: 'not-run'; reason: string }
  /** npm failed for another reason (no lockfile, output it cannot read…). */
  | { kind: 'error'; reason: string };

/** Exit codes of `npm run audit`. CI tolerates `notRun` only, and says so. */
export const AUDIT_EXIT = { passed: 0, failed: 1, error: 2, notRun: 3 } as const;

/** `--offline=false`: with `offline` set (npmrc or environment) npm prints an empty report and exits 0. */
export const NPM_AUDIT_ARGS = ['audit', '--omit=dev', '--json', '--offline=false'] as const;

const FIGURE = 'npm audit (production)';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}

/** Reads what `npm audit --json` printed on stdout: a report (npm 7+, version 2) or npm's error. */
export function readAuditOutput(stdout: string): AuditResult {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    const printed = firstLine(stdout);
    return {
      kind: 'error',
      reason: printed ? `npm audit printed no JSON: ${printed}` : 'npm audit printed nothing',
    };
  }
  if (!isRecord(json))
    return { kind: 'error', reason: 'npm audit printed JSON that is not an object' };
  if ('auditReportVersion' in json) return readReport(json);
  return readFailure(json);
}

function readReport(report: Record<string, unknown>): AuditResult {
  if (report.auditReportVersion !== 2) {
    return {
      kind: 'error',
      reason: `unknown npm audit report version ${JSON.stringify(report.auditReportVersion)}`,
    };
  }
  const metadata = report.metadata;
  const counted = isRecord(metadata) ? metadata.vulnerabilities : undefined;
  if (!isRecord(counted))
    return { kind: 'error', reason: 'npm audit report has no metadata.vulnerabilities' };
  const counts = {} as Record<Severity, number>;
  for (const severity of SEVERITIES) {
    const count = counted[severity];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      return { kind: 'error', reason: `npm audit report has no count for ${severity}` };
    }
    counts[severity] = count;
  }
  const findings: Finding[] = [];
  const vulnerabilities = isRecord(report.vulnerabilities) ? report.vulnerabilities : {};
  for (const [name, entry] of Object.entries(vulnerabilities)) {
    if (!isRecord(entry) || (entry.severity !== 'high' && entry.severity !== 'critical')) continue;
    const via = Array.isArray(entry.via) ? entry.via : [];
    findings.push({
      name,
      severity: entry.severity,
      range: typeof entry.range === 'string' ? entry.range : '?',
      via: via.map((source) => {
        if (typeof source === 'string') return `through ${source}`;
        if (isRecord(source))
          return `${String(source.title ?? source.name)} (${String(source.url)})`;
        return String(source);
      }),
    });
  }
  findings.sort((a, b) =>
    a.severity === b.severity ? a.name.localeCompare(b.name) : a.severity === 'critical' ? -1 : 1,
  );
  return { kind: 'checked', counts, findings };
}

function readFailure(failure: Record<string, unknown>): AuditResult {
  // An HTTP answer from the audit endpoint (npm-registry-fetch's HttpErrorGeneral).
  if (typeof failure.statusCode === 'number') {
    const status = failure.statusCode;
    return {
      kind: 'not-run',
      reason:
        status >= 500
          ? `the registry's audit service failed (${status})`
          : `the registry refused the audit request (${status})`,
    };
  }
  const message = typeof failure.message === 'string' ? failure.message : '';
  // No answer at all (minipass-fetch's FetchError): DNS, refused or reset connection, TLS…
  const transport = /^request to \S+ failed, reason: (.*)$/s.exec(message);
  if (transport) {
    const reason = transport[1] ?? '';
    const code = /\b(E[A-Z0-9_]{2,})\b/.exec(reason)?.[1];
    return {
      kind: 'not-run',
      reason: `the audit service could not be reached (${code ?? firstLine(reason)})`,
    };
  }
  if (/^network timeout at: /.test(message)) {
    return { kind: 'not-run', reason: 'the audit service could not be reached (timeout)' };
  }
  if (/^invalid json response body at /.test(message)) {
    return {
      kind: 'not-run',
      reason: 'the audit service answered with something other than an audit (invalid JSON)',
    };
  }
  // npm's own errors: { error: { code, summary, detail } }, e.g. ENOLOCK without a lockfile.
  const npmError = failure.error;
  if (isRecord(npmError) && typeof npmError.code === 'string') {
    const summary = typeof npmError.summary === 'string' ? firstLine(npmError.summary) : '';
    return { kind: 'error', reason: `${summary || 'npm audit failed'} (${npmError.code})` };
  }
  return {
    kind: 'error',
    reason: `npm audit failed: ${message ? firstLine(message) : firstLine(JSON.stringify(failure))}`,
  };
}

export function auditExitCode(result: AuditResult): number {
  if (result.kind === 'not-run') return AUDIT_EXIT.notRun;
  if (result.kind === 'error') return AUDIT_EXIT.error;
  return result.counts.high + result.counts.critical > 0 ? AUDIT_EXIT.failed : AUDIT_EXIT.passed;
}

/** The figure line first, then what to act on. */
export function describeAudit(result: AuditResult): string[] {
  if (result.kind === 'not-run') return [`${FIGURE}: NOT RUN — ${result.reason}`];
  if (result.kind === 'error') return [`${FIGURE}: ERROR — ${result.reason}`];
  const { counts, findings } = result;
  const lines = [`${FIGURE}: ${counts.high} high, ${counts.critical} critical`];
  for (const finding of findings) {
    lines.push(`  ${finding.severity} ${finding.name} ${finding.range}: ${finding.via.join('; ')}`);
  }
  const lower = (['moderate', 'low', 'info'] as const).filter((severity) => counts[severity] > 0);
  if (lower.length > 0) {
    lines.push(
      `  not counted: ${lower.map((severity) => `${counts[severity]} ${severity}`).join(', ')} (see npm audit --omit=dev)`,
    );
  }
  return lines;
}

export interface RunAuditOptions {
  /** The folder with package-lock.json. */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** npm itself: the one that runs this script when there is one, else `npm` from PATH. */
function npmCommand(env: NodeJS.ProcessEnv): { command: string; args: string[]; shell: boolean } {
  const npmCli = env.npm_execpath;
  if (npmCli && /npm-cli\.[cm]?js$/.test(npmCli))
    return { command: process.execPath, args: [npmCli], shell: false };
  // npm is a .cmd script on Windows, which only a shell can start; the arguments are fixed.
  return { command: 'npm', args: [], shell: process.platform === 'win32' };
}

/** Runs `npm audit --omit=dev --json` and reads its answer. Never throws. */
export function runNpmAudit({
  cwd,
  env = process.env,
  timeoutMs = 180_000,
}: RunAuditOptions): Promise<AuditResult> {
  const { command, args, shell } = npmCommand(env);
  return new Promise((resolve) => {
    const child = spawn(command, [...args, ...NPM_AUDIT_ARGS], {
      cwd,
      env,
      shell,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ kind: 'error', reason: `could not start npm: ${error.message}` });
    });
    child.on('close', () => {
      clearTimeout(timer);
      if (timedOut) {
        resolve({
          kind: 'not-run',
          reason: `the audit service could not be reached (no answer in ${Math.round(timeoutMs / 1000)} s)`,
        });
        return;
      }
      const result = readAuditOutput(Buffer.concat(stdout).toString('utf8'));
      if (result.kind === 'error' && stdout.length === 0) {
        const npmError = Buffer.concat(stderr)
          .toString('utf8')
          .split('\n')
          .find((line) => line.startsWith('npm error'));
        if (npmError) result.reason = `${result.reason} (${npmError})`;
      }
      resolve(result);
    });
  });
}
