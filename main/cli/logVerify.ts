import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { logCheckCode } from '../shared/logCheckCode';
import { scanLog } from '../core/evidence/evidenceChain';
import { checkLogFiles, headPathOf, type LogCheck } from '../core/evidence/logHead';
import { timesGoingBack } from '../core/evidence/recordedTimes';

/** The line `npm run log:verify` prints for a result, and the exit code that goes with it. */
export function describeVerification(result: LogCheck): { text: string; code: 0 | 1 } {
  if (result.ok) {
    const against =
      result.head === 'missing'
        ? '; NO check record (head.jsonl) beside it, so entries cut from the end cannot be detected'
        : result.head === 'unacknowledged'
          ? `; entry ${result.count} was saved as Holdfast stopped, before it was shown as saved (kept; noted when the app next opens it)`
          : '; matches its check record';
    return {
      text: `OK: ${result.count} entries, head ${result.headHash}, log check code ${logCheckCode(result.headHash)}${against}`,
      code: 0,
    };
  }
  if (result.line === undefined)
    return { text: `BROKEN: does not match its check record: ${result.reason}`, code: 1 };
  const seq = result.seq === undefined ? '' : ` (seq ${result.seq})`;
  return { text: `BROKEN at line ${result.line}${seq}: ${result.reason}`, code: 1 };
}

/** Warning lines for entries recorded earlier than the entry before them (shown, never refused). */
export function describeTimes(logBytes: Uint8Array): string[] {
  return timesGoingBack(scanLog(logBytes).records).map(
    (step) =>
      `WARNING: entry ${step.seq} was recorded at ${step.recordedAt}, earlier than the entry before it (${step.previousAt}): the computer's clock went back`,
  );
}

/**
 * `npm run log:verify -- <incident log>`: checks the hash chain of an evidence log file and the
 * log against its head record (head.jsonl in the same folder), which shows entries cut from the
 * end or a chain worked out again. Prints `OK: N entries, head <hash>, log check code XXXX-XXXX`
 * (exit 0) or the first problem (exit 1); usage or read errors exit 2. Compare the check code
 * with the one on a printout or handover: a log that no longer has an entry with that code was
 * changed after it was printed.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args[0];
  if (args.length !== 1 || !file) {
    console.error('usage: npm run log:verify -- <incident log file>');
    process.exit(2);
  }
  const bytes = await readFile(file);
  const head = await readFile(headPathOf(file)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  });
  const { text, code } = describeVerification(checkLogFiles(bytes, head));
  console.log(text);
  for (const warning of describeTimes(bytes)) console.log(warning);
  process.exit(code);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(`cannot read the log: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
