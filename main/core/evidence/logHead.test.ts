import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileOfRecords, rechain, recordsOf } from './__fixtures__/tamper';
import { canonicalJson } from './canonicalJson';
import { openEvidenceLog, type EvidenceRecord } from './evidenceLog';
import {
  checkLogFiles,
  headLine,
  headLineFor,
  headPathOf,
  judgeHead,
  readAndJudgeHead,
  readHeadJournal,
} from './logHead';
import { timesGoingBack } from './recordedTimes';
import { logCheckCode } from '../../shared/logCheckCode';

/*
 * Each kind of damage or tampering, on a real log with its head record: what opening it does
 * (read-only with the reason, or a crash repaired), what `log:verify` and restore say
 * (checkLogFiles), and that nothing is cut or rewritten unless it was crash damage.
 */

let dir: string;
let logPath: string;
let clock: number;
const now = (): Date => new Date((clock += 60_000));
const ENTRIES = 6;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-head-'));
  logPath = join(dir, 'log.jsonl');
  clock = Date.parse('2026-03-01T09:00:00.000Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A log of ENTRIES notes and its head record, as Holdfast leaves them; returns the records. */
async function writtenLog(): Promise<EvidenceRecord[]> {
  const log = await openEvidenceLog(logPath, { now });
  for (let n = 1; n <= ENTRIES; n += 1)
    await log.append({ author: 'Ann', kind: 'note', body: { text: `note ${n}` } });
  await log.close();
  return log.entries() as EvidenceRecord[];
}

/** Opens the log as the app does and says whether it was read-only, and why. */
async function reopen(): Promise<{
  readOnly: boolean;
  reason: string;
  line: number | undefined;
  entries: EvidenceRecord[];
}> {
  const log = await openEvidenceLog(logPath, { now, quarantineDir: join(dir, 'quarantine') });
  await log.close();
  return log.state.readOnly
    ? {
        readOnly: true,
        reason: log.state.problem.reason,
        line: log.state.problem.line,
        entries: [...log.entries()],
      }
    : { readOnly: false, reason: '', line: undefined, entries: [...log.entries()] };
}

const checkOnDisk = async () =>
  checkLogFiles(await readFile(logPath), await readFile(headPathOf(logPath)).catch(() => null));

describe('damage and tampering a log must show (read-only, nothing cut)', () => {
  it('a changed character, a byte-order mark or CRLF line endings in line 1', async () => {
    const records = await writtenLog();
    const text = fileOfRecords(records);
    const variants: [string, string][] = [
      ['a changed character', text.replace('note 1', 'note 7')],
      ['a byte-order mark', `\uFEFF${text}`],
      ['CRLF line endings', text.replaceAll('\n', '\r\n')],
    ];
    for (const [how, damaged] of variants) {
      await writeFile(logPath, damaged);
      const opened = await reopen();
      expect(opened, how).toMatchObject({ readOnly: true, line: 1 });
      expect(await readFile(logPath, 'utf8'), how).toBe(damaged);
      expect(await checkOnDisk(), how).toMatchObject({ ok: false, line: 1 });
    }
  });

  it('a complete last line with a wrong hash, or zeros ending in a newline: never "repaired"', async () => {
    const records = await writtenLog();
    const good = fileOfRecords(records.slice(0, -1));
    const last = canonicalJson(records.at(-1));
    const wrongHash = last.replace(
      /"hash":"(.)/,
      (_match, c: string) => `"hash":"${c === 'a' ? 'b' : 'a'}`,
    );
    for (const [how, bytes] of [
      ['an edited last entry', `${good}${last.replace(`note ${ENTRIES}`, 'note X')}\n`],
      ['a wrong hash', `${good}${wrongHash}\n`],
      ['zeros then a newline', `${good}${'\0'.repeat(last.length)}\n`],
    ] as const) {
      await writeFile(logPath, bytes);
      const opened = await reopen();
      expect(opened.readOnly, how).toBe(true);
      expect(opened.line, how).toBe(ENTRIES);
      expect(await readFile(logPath, 'utf8'), how).toBe(bytes);
    }
    expect(await readdir(dir)).not.toContain('quarantine');
  });

  it('a last line cut short that the head record says was shown as saved', async () => {
    const records = await writtenLog();
    const text = fileOfRecords(records);
    await writeFile(logPath, text.slice(0, -10));
    const opened = await reopen();
    expect(opened.readOnly).toBe(true);
    expect(opened.reason).toContain(`entry ${ENTRIES} was shown as saved`);
    expect(await readFile(logPath, 'utf8')).toBe(text.slice(0, -10));
  });

  it('entries cut from the end: every tail of 1 to N entries', async () => {
    const records = await writtenLog();
    for (let cut = 1; cut <= ENTRIES; cut += 1) {
      await writeFile(logPath, fileOfRecords(records.slice(0, ENTRIES - cut)));
      const opened = await reopen();
      expect(opened.readOnly, `${cut} cut`).toBe(true);
      expect(opened.reason, `${cut} cut`).toContain('entries were removed from the end');
      expect(await checkOnDisk(), `${cut} cut`).toMatchObject({ ok: false });
    }
  });

  it('a chain worked out again after an edit, a deletion or a reordering, at every entry', async () => {
    const records = await writtenLog();
    const changes: [string, (list: EvidenceRecord[], at: number) => EvidenceRecord[]][] = [
      ['edited', (list, at) => list.map((r, i) => (i === at ? { ...r, author: 'Bo' } : r))],
      ['deleted', (list, at) => list.filter((_, i) => i !== at)],
      ['moved to the end', (list, at) => [...list.filter((_, i) => i !== at), list[at]!]],
    ];
    let cases = 0;
    for (const [how, change] of changes)
      for (let at = 0; at < ENTRIES; at += 1) {
        const forged = rechain(change(records, at));
        if (fileOfRecords(forged) === fileOfRecords(records)) continue;
        await writeFile(logPath, fileOfRecords(forged));
        const opened = await reopen();
        expect(opened.readOnly, `${how} at ${at + 1}`).toBe(true);
        expect((await checkOnDisk()).ok, `${how} at ${at + 1}`).toBe(false);
        cases += 1;
      }
    expect(cases).toBeGreaterThanOrEqual(3 * ENTRIES - 1);
  });

  it('a rewritten chain whose head record was also changed at its last line', async () => {
    const records = await writtenLog();
    const forged = rechain(records.map((r) => (r.seq === 2 ? { ...r, author: 'Bo' } : r)));
    await writeFile(logPath, fileOfRecords(forged));
    const head = await readFile(headPathOf(logPath), 'utf8');
    const lines = head.split('\n').filter(Boolean);
    await writeFile(
      headPathOf(logPath),
      [...lines.slice(0, -1), headLineFor(forged).trim(), ''].join('\n'),
    );
    expect((await reopen()).reason).toContain('the log was rewritten');
  });

  it('two or more entries added after the head record', async () => {
    const records = await writtenLog();
    const extra = rechain([...records, records[0]!, records[1]!]);
    await writeFile(logPath, fileOfRecords(extra));
    expect((await reopen()).reason).toContain('they were not added by Holdfast');
  });

  it('a damaged head record line', async () => {
    await writtenLog();
    const head = await readFile(headPathOf(logPath), 'utf8');
    await writeFile(headPathOf(logPath), head.replace('"entries":2', '"entries":02'));
    expect((await reopen()).reason).toContain('the check record cannot be trusted');
  });
});

describe('crash damage and the crash rule', () => {
  it('keeps one whole entry after the head record (a crash before it was shown as saved) and notes it', async () => {
    const records = await writtenLog();
    // The head record as it was before the last append's head line.
    const head = await readFile(headPathOf(logPath), 'utf8');
    await writeFile(headPathOf(logPath), head.split('\n').slice(0, -2).join('\n') + '\n');
    const log = await openEvidenceLog(logPath, { now });
    expect(log.state.readOnly).toBe(false);
    expect(!log.state.readOnly && log.state.headNote).toContain(
      `Entry ${ENTRIES} was saved in full just as Holdfast stopped`,
    );
    const entries = log.entries();
    expect(entries.slice(0, ENTRIES)).toEqual(records);
    expect(entries[ENTRIES]).toMatchObject({
      kind: 'recovery',
      body: { about: 'unacknowledged-entry', entry: ENTRIES },
    });
    expect(await log.verify()).toMatchObject({ ok: true, head: 'match' });
    await log.close();
    expect((await reopen()).readOnly).toBe(false);
  });

  it('repairs a torn last line the head record does not count, and a head line torn by a crash', async () => {
    const records = await writtenLog();
    const torn = `${fileOfRecords(records)}{"author":"Ann","bo`;
    const head = await readFile(headPathOf(logPath), 'utf8');
    await writeFile(logPath, torn);
    await writeFile(headPathOf(logPath), `${head}{"entries":7,"he`);
    const log = await openEvidenceLog(logPath, { now, quarantineDir: join(dir, 'quarantine') });
    expect(log.state.readOnly).toBe(false);
    expect(log.entries().map((r) => r.kind)).toEqual([...records.map(() => 'note'), 'recovery']);
    await log.append({ author: 'Ann', kind: 'note', body: { text: 'after' } });
    expect(await log.verify()).toMatchObject({ ok: true, count: ENTRIES + 2, head: 'match' });
    await log.close();
  });

  it('starts a head record for a log that has none, and says so in the log', async () => {
    const records = await writtenLog();
    await rm(headPathOf(logPath));
    expect(await checkOnDisk()).toMatchObject({ ok: true, head: 'missing' });
    const log = await openEvidenceLog(logPath, { now });
    expect(log.entries()[ENTRIES]).toMatchObject({
      kind: 'recovery',
      body: { about: 'no-check-record', entries: ENTRIES },
    });
    await log.close();
    expect(
      readHeadJournal(await readFile(headPathOf(logPath))).heads.map((h) => h.entries),
    ).toEqual([ENTRIES, ENTRIES + 1]);
    expect(records).toHaveLength(ENTRIES);
  });
});

describe('recorded times and the check code', () => {
  it('flags an entry recorded earlier than the one before it, and refuses nothing', async () => {
    const records = await writtenLog();
    const backwards = rechain(
      records.map((r) => (r.seq === 4 ? { ...r, recordedAt: '2026-03-01T08:00:00.000Z' } : r)),
    );
    expect(timesGoingBack(backwards)).toEqual([
      { seq: 4, recordedAt: '2026-03-01T08:00:00.000Z', previousAt: records[2]!.recordedAt },
    ]);
    expect(timesGoingBack(records)).toEqual([]);
  });

  it('shows the first 8 hex digits of the head hash as two groups', () => {
    expect(logCheckCode('7f3a19c2' + '0'.repeat(56))).toBe('7F3A-19C2');
    expect(headLine(0, '0'.repeat(64))).toBe(`{"entries":0,"head":"${'0'.repeat(64)}"}\n`);
    expect(recordsOf('')).toEqual([]);
  });
});

describe('reading the head record with its records', () => {
  it('gives the journal and verdict that reading line by line and judging give', async () => {
    const records = await writtenLog();
    const written = await readFile(headPathOf(logPath), 'latin1');
    const lines = written.split('\n').slice(0, -1);
    const heads: [string, string][] = [
      ['as written', written],
      ['started later (a log that had none)', `${lines.slice(3).join('\n')}\n`],
      ['one entry behind (a crash before the head write)', `${lines.slice(0, -1).join('\n')}\n`],
      ['a torn last line', `${written}{"entries":7`],
      ['a line left out', `${[...lines.slice(0, 2), ...lines.slice(3)].join('\n')}\n`],
      ['a head changed', written.replace(records[2]!.hash, records[3]!.hash)],
      ['more entries than the log', `${written}${headLine(ENTRIES + 1, records[0]!.hash)}`],
      ['a space in a line', written.replace('"entries":2', '"entries": 2')],
      ['empty', ''],
    ];
    for (const [name, text] of heads) {
      const bytes = Buffer.from(text, 'latin1');
      const journal = readHeadJournal(bytes);
      expect(readAndJudgeHead(records, bytes), name).toEqual({
        journal,
        verdict: judgeHead(records, journal),
      });
    }
    expect(readAndJudgeHead(records, null)).toEqual({
      journal: null,
      verdict: judgeHead(records, null),
    });
  });
});
