/**
 * `npm run audit`: `npm audit --omit=dev` on the production dependencies in package-lock.json.
 * Prints `npm audit (production): N high, M critical` and exits 0 when both are 0, 1 when not.
 * Exits 3 with `npm audit (production): NOT RUN — <why>` when the registry refuses the audit
 * request or cannot be reached: nothing was checked, which is not a pass. Exits 2 when npm fails
 * for another reason (no lockfile, unreadable output).
 */
import { resolve } from 'node:path';
import { auditExitCode, describeAudit, runNpmAudit } from './audit/npmAudit';

const result = await runNpmAudit({ cwd: resolve(import.meta.dirname, '..') });
for (const line of describeAudit(result)) console.log(line);
process.exitCode = auditExitCode(result);
