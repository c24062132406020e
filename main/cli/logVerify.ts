import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { verifyEvidenceLog } from '../core/evidence/evidenceLog';

/** The line `npm run log:verify` prints for a result, and the exit code that goes with it. */
export function describeVerification(result: ReturnType<typeof verifyEvidenceLog>): {
  text: string;
  code: 0 | 1;
} {
  if (result.ok) return { text: `OK: ${result.count} entries, head ${result.headHash}`, code: 0 };
  const seq = result.seq === undefined ? '' : ` (seq ${result.seq})`;
  return { text: `BROKEN at line ${result.line}${seq}: ${result.reason}`, code: 1 };
}

/**
 * `npm run log:verify -- <incident log>`: checks the hash chain of an evidence log file. Prints
 * `OK: N entries, head <hash>` (exit 0) or the first break (exit 1); usage or read errors exit 2.
 * Note the head hash: a log cut short at a line boundary still verifies, and only a head hash
 * noted earlier shows it.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args[0];
  if (args.length !== 1 || !file) {
    console.error('usage: npm run log:verify -- <incident log file>');
    process.exit(2);
  }
  const { text, code } = describeVerification(verifyEvidenceLog(await readFile(file)));
  console.log(text);
  process.exit(code);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(`cannot read the log: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
