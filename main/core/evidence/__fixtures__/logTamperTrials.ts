import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../canonicalJson';
import { openEvidenceLog, type EvidenceRecord } from '../evidenceLog';
import { checkLogFiles, headPathOf } from '../logHead';
import { fileOfRecords, rechain } from './tamper';

/**
 * Damage and tampering on a real log of `entries` entries with its head record, at every
 * position: each must open read-only with nothing cut or rewritten, and `log:verify` and restore
 * (checkLogFiles) must refuse it.
 *   damaged lines   one hash digit changed, and one character of the entry's words changed, in
 *                   each line in turn: read-only at that very line
 *   cut tails       the last 1 to N entries removed: read-only, "removed from the end"
 *   rewritten       one entry edited, deleted or moved to the end, at each entry in turn, and every
 *                   seq and hash worked out again so the chain alone verifies: read-only
 * Shared by the test (`npm test` and the reliability tier) and `npm run soak`.
 */
export interface LogTamperFigures {
  entries: number;
  damagedLines: number;
  cutTails: number;
  rewrittenChains: number;
  /** Cases opened read-only and refused by the check, of all the cases above. */
  detected: number;
  failures: number;
  /** The first 20 failures, described. */
  problems: string[];
}

const flipHashDigit = (line: string): string =>
  line.replace(/"hash":"(.)/, (_match, c: string) => `"hash":"${c === 'a' ? 'b' : 'a'}`);

const changeWords = (line: string): string =>
  line.replace(/"text":"note (\d+)"/, (_match, n: string) => `"text":"note ${n}x"`);

export async function logTamperTrials(options: {
  entries: number;
  dir: string;
}): Promise<LogTamperFigures> {
  const { entries, dir } = options;
  await mkdir(dir, { recursive: true });
  const logPath = join(dir, 'log.jsonl');
  const headPath = headPathOf(logPath);
  let clock = Date.parse('2026-03-01T09:00:00.000Z');
  const now = (): Date => new Date((clock += 60_000));

  const log = await openEvidenceLog(logPath, { now });
  for (let n = 1; n <= entries; n += 1)
    await log.append({ author: 'Ann', kind: 'note', body: { text: `note ${n}` } });
  await log.close();
  const records = [...log.entries()] as EvidenceRecord[];
  const head = await readFile(headPath);
  const lines = records.map((record) => canonicalJson(record));

  const figures: LogTamperFigures = {
    entries,
    damagedLines: 0,
    cutTails: 0,
    rewrittenChains: 0,
    detected: 0,
    failures: 0,
    problems: [],
  };
  const fail = (problem: string): void => {
    figures.failures += 1;
    if (figures.problems.length < 20) figures.problems.push(problem);
  };

  /** Writes the tampered log beside the true head record, reopens it as the app does, and checks. */
  async function expectRefused(label: string, text: string, line?: number): Promise<void> {
    await writeFile(logPath, text);
    await writeFile(headPath, head);
    const reopened = await openEvidenceLog(logPath, { now, quarantineDir: join(dir, 'q') });
    await reopened.close();
    const state = reopened.state;
    const checked = checkLogFiles(await readFile(logPath), await readFile(headPath));
    const unchanged = (await readFile(logPath, 'utf8')) === text;
    let isDetected = true;
    if (!state.readOnly) {
      fail(`${label}: opened for writing`);
      isDetected = false;
    } else if (line !== undefined && state.problem.line !== line) {
      fail(`${label}: read-only at line ${state.problem.line}, expected ${line}`);
      isDetected = false;
    }
    if (checked.ok) {
      fail(`${label}: the check passed`);
      isDetected = false;
    }
    if (!unchanged) {
      fail(`${label}: the file was changed on open`);
      isDetected = false;
    }
    if (isDetected) figures.detected += 1;
  }

  for (let at = 0; at < entries; at += 1)
    for (const [how, change] of [
      ['a hash digit', flipHashDigit],
      ['a character of its words', changeWords],
    ] as const) {
      const damaged = lines.map((line, index) => (index === at ? change(line) : line));
      await expectRefused(
        `${how} in line ${at + 1}`,
        damaged.map((l) => `${l}\n`).join(''),
        at + 1,
      );
      figures.damagedLines += 1;
    }

  for (let cut = 1; cut <= entries; cut += 1) {
    await expectRefused(`${cut} entries cut`, fileOfRecords(records.slice(0, entries - cut)));
    figures.cutTails += 1;
  }

  const rewrites: [string, (at: number) => EvidenceRecord[]][] = [
    ['edited', (at) => records.map((r, i) => (i === at ? { ...r, author: 'Bo' } : r))],
    ['deleted', (at) => records.filter((_, i) => i !== at)],
    ['moved to the end', (at) => [...records.filter((_, i) => i !== at), records[at]!]],
  ];
  const original = fileOfRecords(records);
  for (const [how, change] of rewrites)
    for (let at = 0; at < entries; at += 1) {
      const forged = fileOfRecords(rechain(change(at)));
      // Moving the last entry to the end changes nothing: not a rewrite.
      if (forged === original) continue;
      await expectRefused(`entry ${at + 1} ${how}, chain worked out again`, forged);
      figures.rewrittenChains += 1;
    }

  await rm(dir, { recursive: true, force: true });
  return figures;
}

/** The figure line, the same in the test and the soak. */
export const describeLogTamper = (figures: LogTamperFigures): string =>
  `log tampering: a log of ${figures.entries} entries, ${figures.damagedLines} damaged lines (every line), ${figures.cutTails} cut tails (1 to ${figures.entries}), ${figures.rewrittenChains} rewritten chains, ${figures.detected} detected read-only, ${figures.failures} failures`;
