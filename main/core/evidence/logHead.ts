import { dirname, join } from 'node:path';
import { canonicalJson } from './canonicalJson';
import { GENESIS_HASH, scanLog, type EvidenceRecord } from './evidenceChain';

/**
 * The head record: a small journal kept beside each log (`head.jsonl`), one line
 * `{"entries":N,"head":"<hash of entry N>"}` appended and fdatasync'ed after every entry the log
 * writes, before the entry is shown as saved. A hash chain alone cannot show that entries were cut
 * from the end, or that every hash was worked out again after an edit; the head record can, as
 * long as it was not changed to match (the log check code on paper is the anchor for that).
 *
 * It is a journal rather than one file replaced each time because an atomic replace (temp file,
 * fsync, rename, folder fsync) cost about five times a bare append here, while one more append and
 * fdatasync costs about one; a line torn by a crash is simply not counted, so the line before it
 * stands, just as a replaced file would keep its old content.
 *
 * The rule for a crash between the log append and the head write: the log then holds exactly one
 * entry more than the last head line. That entry was written whole and links to the chain, but
 * was never shown as saved. It is kept, and a recovery entry after it says so. Any other
 * difference (fewer entries than the head, more than one extra, or an entry whose hash is not the
 * one noted) is tampering or damage: the log opens read-only with the reason.
 */
export const HEAD_FILE = 'head.jsonl';

/** Where the head record of the log at `logPath` lives: in the same folder. */
export const headPathOf = (logPath: string): string => join(dirname(logPath), HEAD_FILE);

/** One line of the head record: how many entries the log had, and the hash of the last. */
export interface LogHead {
  entries: number;
  head: string;
}

/**
 * A head line as headLine writes it (canonical JSON: keys in order, no spaces), with its newline,
 * matched where the line before it ended (sticky).
 */
const HEAD_LINE = /\{"entries":(0|[1-9][0-9]{0,15}),"head":"([0-9a-f]{64})"\}\n/y;

/** The line that records `entries` entries ending in `head`, newline included. */
export const headLine = (entries: number, head: string): string =>
  `${canonicalJson({ entries, head })}\n`;

/**
 * headLine for a count and a hash already known to be a whole number and 64 hex digits (a
 * verified record's): the same text, written out directly. canonicalJson would sort the keys
 * ("entries" comes first) and write both values as they are, as neither needs escaping.
 */
const knownHeadLine = (entries: number, head: string): string =>
  `{"entries":${entries},"head":"${head}"}\n`;

/** The head line for a log holding exactly these records. */
export const headLineFor = (records: readonly EvidenceRecord[]): string =>
  headLine(records.length, records.at(-1)?.hash ?? GENESIS_HASH);

/** A head record as read: every whole line, the bytes they take, and the first damaged line. */
export interface HeadJournal {
  heads: LogHead[];
  /** Bytes of the whole, readable lines; a torn last line (no newline) is left out. */
  goodBytes: number;
  problem: string | null;
}

/** Reads a head record's bytes. A last line without its newline is a torn write and is not counted. */
export function readHeadJournal(bytes: Uint8Array): HeadJournal {
  // One string for the whole record, matched line after line in place: a long log has a head
  // line per entry, and splitting it first made a string of each only to match it.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // What follows the last newline is empty, or a line torn by a crash (not counted).
  const whole = text.lastIndexOf('\n') + 1;
  const heads: LogHead[] = [];
  let offset = 0;
  while (offset < whole) {
    // Exactly the form headLine writes, matched rather than parsed.
    HEAD_LINE.lastIndex = offset;
    const match = HEAD_LINE.exec(text);
    const entries = match ? Number(match[1]) : Number.NaN;
    const previous = heads[heads.length - 1];
    if (!match || !Number.isSafeInteger(entries))
      return { heads, goodBytes: offset, problem: `line ${heads.length + 1} of it is damaged` };
    if (previous && entries <= previous.entries)
      return {
        heads,
        goodBytes: offset,
        problem: `line ${heads.length + 1} of it goes back from ${previous.entries} to ${entries} entries`,
      };
    heads.push({ entries, head: match[2]! });
    offset = HEAD_LINE.lastIndex;
  }
  return { heads, goodBytes: offset, problem: null };
}

/** How a log's records compare with its head record. */
export type HeadVerdict =
  /** The last head line is the last entry, and every earlier head line matches its entry. */
  | { kind: 'match' }
  /** No head record and no entries: a log not written to yet. */
  | { kind: 'new' }
  /** Entries but no head record: a log from before head records, or one whose record was removed. */
  | { kind: 'missing' }
  /** Exactly one entry after the last head line: written as Holdfast stopped, never shown as saved. */
  | { kind: 'unacknowledged'; seq: number }
  /** Anything else: entries cut, added or rewritten. */
  | { kind: 'mismatch'; reason: string };

/**
 * Compares the verified records of a log with its head record (null when there is no file).
 * Every head line is checked, not just the last, so a chain rewritten from an earlier entry on is
 * caught even when the last line was changed to match.
 */
export function judgeHead(
  records: readonly EvidenceRecord[],
  journal: HeadJournal | null,
): HeadVerdict {
  if (journal?.problem)
    return { kind: 'mismatch', reason: `the check record cannot be trusted: ${journal.problem}` };
  const last = journal?.heads.at(-1);
  if (!journal || !last) return records.length === 0 ? { kind: 'new' } : { kind: 'missing' };
  if (last.entries > records.length)
    return {
      kind: 'mismatch',
      reason: `the check record says the log had ${last.entries} entries, but it has ${records.length}: entries were removed from the end`,
    };
  // Indexed: an iterator would make a result object per head line until the JIT removed them.
  for (let index = 0; index < journal.heads.length; index += 1) {
    const noted = journal.heads[index]!;
    const hash = noted.entries === 0 ? GENESIS_HASH : records[noted.entries - 1]?.hash;
    if (hash !== noted.head)
      return {
        kind: 'mismatch',
        reason: `entry ${noted.entries} is not the entry the check record noted when it was saved: the log was rewritten`,
      };
  }
  const extra = records.length - last.entries;
  if (extra === 0) return { kind: 'match' };
  if (extra === 1) return { kind: 'unacknowledged', seq: records.length };
  return {
    kind: 'mismatch',
    reason: `the log has ${extra} entries after the last one the check record noted: they were not added by Holdfast`,
  };
}

/**
 * The head record read from its bytes (null when there is no file) and judged against the
 * records: the same journal and verdict as readHeadJournal then judgeHead. A head record exactly
 * as Holdfast writes it for these records (whole lines, one for each entry count from its first
 * line's to the last entry, each naming that entry's hash) is read by writing each line from the
 * records and comparing it in place; anything else is matched and judged line by line. A long log
 * has a head line per entry, and matching and comparing each one was a large part of its opening.
 */
export function readAndJudgeHead(
  records: readonly EvidenceRecord[],
  bytes: Uint8Array | null,
): { journal: HeadJournal | null; verdict: HeadVerdict } {
  if (!bytes) return { journal: null, verdict: judgeHead(records, null) };
  const written = writtenJournal(records, bytes);
  if (written) return { journal: written, verdict: { kind: 'match' } };
  const journal = readHeadJournal(bytes);
  return { journal, verdict: judgeHead(records, journal) };
}

/** The head record's journal when its bytes are exactly what Holdfast writes for `records`, or null. */
function writtenJournal(records: readonly EvidenceRecord[], bytes: Uint8Array): HeadJournal | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.endsWith('\n')) return null;
  HEAD_LINE.lastIndex = 0;
  const first = HEAD_LINE.exec(text);
  const from = first ? Number(first[1]) : Number.NaN;
  if (!(from <= records.length)) return null;
  const heads: LogHead[] = [];
  let at = 0;
  for (let entries = from; entries <= records.length; entries += 1) {
    const head = entries === 0 ? GENESIS_HASH : records[entries - 1]!.hash;
    const line = knownHeadLine(entries, head);
    if (!text.startsWith(line, at)) return null;
    at += line.length;
    heads.push({ entries, head });
  }
  return at === text.length ? { heads, goodBytes: at, problem: null } : null;
}

/** A log checked with its head record: verified, with how it stands against the record, or the first problem. */
export type LogCheck =
  | {
      ok: true;
      count: number;
      headHash: string;
      /** 'unacknowledged': one entry after the record (crash before it was shown as saved); 'missing': no record. */
      head: 'match' | 'new' | 'missing' | 'unacknowledged';
    }
  | { ok: false; line?: number; seq?: number; reason: string };

/** Checks a log's bytes, and its head record's bytes (null when there is none), as `log:verify` and restore do. */
export function checkLogFiles(logBytes: Uint8Array, headBytes: Uint8Array | null): LogCheck {
  const scan = scanLog(logBytes);
  if (scan.broken) {
    const { line, seq, reason } = scan.broken;
    return seq === undefined ? { ok: false, line, reason } : { ok: false, line, seq, reason };
  }
  const { verdict } = readAndJudgeHead(scan.records, headBytes);
  if (verdict.kind === 'mismatch') return { ok: false, reason: verdict.reason };
  return {
    ok: true,
    count: scan.records.length,
    headHash: scan.records.at(-1)?.hash ?? GENESIS_HASH,
    head: verdict.kind,
  };
}
