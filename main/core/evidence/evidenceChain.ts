import { isAscii, isUtf8 } from 'node:buffer';
import { sha256 } from '../lib/hash';
import { z } from 'zod';
import { canonicalJson } from './canonicalJson';

/**
 * prevHash of record 1. A genesis header holding the incident id was considered and not chosen:
 * the verifier would then need the id from somewhere other than the file, and binding the log to
 * its incident is already done by the first entry's body, which the chain covers like any other.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** Largest body, measured as its canonical JSON in UTF-8 bytes; a log line stays well under 128 KiB. */
export const MAX_BODY_BYTES = 64 * 1024;

/** What an entry records. 'recovery' is written only by the log itself, after repairing a torn tail. */
export const ENTRY_KINDS = [
  'opened',
  'note',
  'step',
  'decision',
  'clock',
  'role',
  'handover',
  'runbook',
  'assessment',
  'correction',
  'closed',
  // Tabletop exercises keep their record in the same kind of log.
  'exercise',
  'inject',
  'attendance',
  'debrief',
  'action',
  'recovery',
] as const;
/** One of ENTRY_KINDS. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex hash');
const isoSchema = z.iso.datetime();
function canonicalBytes(value: unknown): number {
  try {
    return Buffer.byteLength(canonicalJson(value));
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
const jsonBodySchema = z.record(z.string(), z.json());
const bodySchema = jsonBodySchema.refine(
  (body) => canonicalBytes(body) <= MAX_BODY_BYTES,
  `body larger than ${MAX_BODY_BYTES} bytes`,
);

/**
 * The computer an entry was typed on, as the operating system names it: its computer name and the
 * user signed in. Either part is left out when the system would not say. Optional, so logs written
 * before entries carried it still verify; when present the hash covers it like any other field.
 */
const deviceFieldsSchema = z.strictObject({
  host: z.string().min(1).max(255).optional(),
  user: z.string().min(1).max(255).optional(),
});
const namesSomething = (device: z.infer<typeof deviceFieldsSchema>): boolean =>
  device.host !== undefined || device.user !== undefined;
export const deviceSchema = deviceFieldsSchema.refine(namesSomething, {
  message: 'a device names its computer, its user or both',
});
/** The computer (and its signed-in user) an entry was recorded on. */
export type DeviceIdentity = z.infer<typeof deviceSchema>;

const recordFields = {
  seq: z.int().min(1),
  recordedAt: isoSchema,
  eventAt: isoSchema,
  author: z.string().trim().min(1).max(200),
  device: deviceSchema.optional(),
  kind: z.enum(ENTRY_KINDS),
  amends: z.int().min(1).optional(),
  prevHash: hashSchema,
  hash: hashSchema,
};

type RecordLinks = { seq: number; kind: EntryKind; amends?: number | undefined };

const NO_PROBLEMS: readonly string[] = [];

/** What is wrong between a record's fields (empty when nothing is). */
function recordProblems(record: RecordLinks): readonly string[] {
  const earlier = record.amends === undefined || record.amends < record.seq;
  const said = record.kind !== 'correction' || record.amends !== undefined;
  if (earlier && said) return NO_PROBLEMS;
  return [
    ...(earlier ? [] : ['amends must refer to an earlier entry']),
    ...(said ? [] : ['a correction must say which entry it amends']),
  ];
}

function checkRecord(record: RecordLinks, ctx: z.RefinementCtx): void {
  for (const message of recordProblems(record)) ctx.addIssue({ code: 'custom', message });
}

/** One line of the log as stored. `hash` covers every other field, in canonical JSON. */
export const evidenceRecordSchema = z
  .strictObject({ ...recordFields, body: bodySchema })
  .superRefine(checkRecord);

const parsedJsonObjectSchema = z.custom<z.infer<typeof jsonBodySchema>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected an object',
);

/**
 * The same for a canonical line shorter than MAX_BODY_BYTES, as scanLog reads it: the body is
 * shorter still, and it came from JSON.parse, so it is JSON already. Measuring and walking every
 * body again was most of the time a long log took to open.
 *
 * Compiled: zod writes one checking function for this shape and keeps its runtime parser, with the
 * same messages, for any record that function does not accept. The first open of a 10,000-entry
 * log spent about 100 ms of CPU parsing records with the runtime parser before the JIT had warmed
 * up; compiled, under 20 ms (and a third of the time once warm).
 */
const shortLineRecordSchema = z.compile(
  z.strictObject({ ...recordFields, body: parsedJsonObjectSchema }).superRefine(checkRecord),
);

/**
 * shortLineRecordSchema for scanWrittenLog, made cheaper by leaving to that scan what it checks
 * anyway, before it keeps a record:
 * - the patterns of the two hashes: `hash` must equal the SHA-256 hex of the line's content, so it
 *   is 64 lowercase hex digits, and `prevHash` must equal GENESIS_HASH or the `hash` of the record
 *   before, proven the same way;
 * - the rules between fields (a device names something, recordProblems), which the scan asks of
 *   the same functions the full schema's refinements call.
 * A record failing any of them is not kept, and the line-by-line scan then names the problem with
 * the full schema. The patterns and refinements were most of the time the schema took in a long
 * log's first opening.
 */
const writtenLineRecordSchema = z.compile(
  z.strictObject({
    ...recordFields,
    device: deviceFieldsSchema.optional(),
    prevHash: z.string(),
    hash: z.string(),
    body: parsedJsonObjectSchema,
  }),
);

/** The rules writtenLineRecordSchema leaves out, for a record it accepted. */
const keepsTheRules = (record: z.infer<typeof writtenLineRecordSchema>): boolean =>
  (record.device === undefined || namesSomething(record.device)) &&
  recordProblems(record) === NO_PROBLEMS;

/** A verified log record. */
export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;

/** The fields the hash covers: every field of the record except `hash` itself. */
function coveredFields(record: Omit<EvidenceRecord, 'hash'>): Omit<EvidenceRecord, 'hash'> {
  const { seq, recordedAt, eventAt, author, device, kind, body, amends, prevHash } = record;
  return {
    seq,
    recordedAt,
    eventAt,
    author,
    // Only fields a record has are written: an entry from before devices were recorded keeps
    // exactly the form, and so the hash, it was written with.
    ...(device === undefined ? {} : { device }),
    kind,
    body,
    ...(amends === undefined ? {} : { amends }),
    prevHash,
  };
}

const sha256Hex = (content: string | Uint8Array): string => sha256(content);

/** SHA-256 hex of the canonical JSON of every field of the record except `hash`. */
export function hashRecord(record: Omit<EvidenceRecord, 'hash'>): string {
  return sha256Hex(canonicalJson(coveredFields(record)));
}

/**
 * canonicalJson of a record without its hash (what the hash covers) and with it (what the file
 * holds), serialising each field once: opening a log needs both for every line, and serialising
 * is a large part of the time a long log takes to open.
 */
export function canonicalForms(record: EvidenceRecord): { covered: string; whole: string } {
  const fields: Record<string, unknown> = { ...coveredFields(record), hash: record.hash };
  // The same members, in the same key order, as canonicalJson writes for an object.
  const keys = Object.keys(fields).sort();
  const members = keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(fields[key])}`);
  return {
    covered: `{${members.filter((_, index) => keys[index] !== 'hash').join(',')}}`,
    whole: `{${members.join(',')}}`,
  };
}

/**
 * A new record, hashed, and its line in the file, for a body already in canonical JSON
 * (`bodyJson`): the same result as hashRecord and recordLine, but the body, the bulk of a line,
 * is not serialised again for each. Appending serialised it three times beyond the size check,
 * and the garbage was most of what an append allocated (log_append_p99_ratio in `npm run bench`).
 */
export function sealRecord(
  unhashed: Omit<EvidenceRecord, 'hash'>,
  bodyJson: string,
): { record: EvidenceRecord; line: string } {
  const fields: Record<string, unknown> = coveredFields(unhashed);
  const keys = Object.keys(fields).sort();
  const members = keys.map(
    (key) => `${JSON.stringify(key)}:${key === 'body' ? bodyJson : canonicalJson(fields[key])}`,
  );
  const hash = sha256Hex(`{${members.join(',')}}`);
  // The whole line holds the same members with `hash` in its sorted place.
  const after = keys.findIndex((key) => key > 'hash');
  members.splice(after === -1 ? members.length : after, 0, `"hash":${JSON.stringify(hash)}`);
  return { record: { ...unhashed, hash }, line: `{${members.join(',')}}\n` };
}

/**
 * Whether `text` is byte for byte the canonical form of `raw`, the value parsed from it: written
 * exactly as JSON.stringify writes it, with every key in canonicalJson's order.
 */
const isCanonicalText = (raw: unknown, text: string): boolean =>
  JSON.stringify(raw) === text && hasSortedKeys(raw);

/**
 * True when every object in a parsed JSON value has its keys in canonicalJson's order. Plain loops
 * rather than every() with a callback: this runs for every object of every line when a log opens,
 * mostly before the JIT has optimised it.
 */
function hasSortedKeys(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value as unknown[])
      if (typeof item === 'object' && item !== null && !hasSortedKeys(item)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  // for…in lists the keys in the order Object.keys does (a parsed value inherits none), without
  // making an array of them for every object.
  let previous: string | undefined;
  for (const key in record) {
    if (previous !== undefined && previous >= key) return false;
    previous = key;
    const inner = record[key];
    if (typeof inner === 'object' && inner !== null && !hasSortedKeys(inner)) return false;
  }
  return true;
}

/**
 * The covered form of a line already known to be canonical: the line without its top-level
 * `"hash"` member. That member is the last `,"hash":"…"` in the line, as every field after it
 * (kind, prevHash, recordedAt, seq) is a plain string or number, whose quotes JSON escapes.
 */
function coveredFromCanonical(text: string, hash: string): string | null {
  const member = `,"hash":"${hash}"`;
  const at = text.lastIndexOf(member);
  return at === -1 ? null : text.slice(0, at) + text.slice(at + member.length);
}

/** How the top-level hash member of a canonical line starts. */
const HASH_MEMBER = ',"hash":"';

/**
 * The SHA-256 hex of the covered form of the canonical line at `data[start, end)` (as in
 * coveredFromCanonical: the line without its last `,"hash":"…"` member, which must hold `hash`),
 * or null when the line has no such member. `text` is all of `data` decoded as Latin-1, so a
 * position in it is a position in `data`. The covered bytes are copied from `data` into `scratch`
 * rather than made into a string: on a long log's first opening those strings were most of what
 * checking the hashes allocated, and collecting them much of its time. The copies go through
 * plain Uint8Array views, whose methods are built into the engine: Buffer's own copy() and
 * subarray() are JavaScript, which the engine compiled again for this loop at a cost comparable to
 * the loop itself.
 */
function coveredHashOfBytes(
  data: Uint8Array,
  text: string,
  start: number,
  end: number,
  hash: string,
  scratch: Uint8Array,
): string | null {
  const at = text.lastIndexOf(HASH_MEMBER, end - HASH_MEMBER.length);
  const value = at + HASH_MEMBER.length;
  const after = value + hash.length + 1;
  if (at < start || after > end || !text.startsWith(hash, value)) return null;
  if (text.charCodeAt(after - 1) !== 0x22) return null;
  // The whole line, then what follows the member moved over it.
  scratch.set(new Uint8Array(data.buffer, data.byteOffset + start, end - start), 0);
  scratch.copyWithin(at - start, after - start, end - start);
  return sha256Hex(scratch.subarray(0, at - start + end - after));
}

/** The exact bytes a record occupies in the file: its canonical JSON and a newline. */
export function recordLine(record: EvidenceRecord): string {
  return `${canonicalJson(record)}\n`;
}

/** Where and why a log stops verifying. `line` is 1-based; `seq` is set when the line gave one. */
export interface ChainBreak {
  line: number;
  seq?: number;
  reason: string;
  /** Byte offset where the broken line starts: everything before it verifies. */
  offset: number;
  /** True when the broken line is the last one in the file. */
  isLastLine: boolean;
  /** True when the line itself is unreadable (torn, not JSON, bad hash), false when it is a self-consistent record in the wrong place. */
  isUnreadable: boolean;
  /**
   * True when the broken line has no newline after it: the only shape a crash mid-append leaves
   * (the newline is the last byte written). A complete line that fails is edited or damaged.
   */
  isIncomplete: boolean;
}

/** Every good record from the start of a log, and the first break, if any. */
export interface LogScan {
  records: EvidenceRecord[];
  /** Bytes from the start of the file that verify. */
  goodBytes: number;
  broken: ChainBreak | null;
}

function seqOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const seq = (raw as { seq?: unknown }).seq;
  return Number.isInteger(seq) ? (seq as number) : undefined;
}

/**
 * Reads a log's bytes, checking every line's JSON, schema and hash, and the chain; stops at the
 * first break. A log exactly as Holdfast writes it is checked as one text (scanWrittenLog); any
 * other is checked line by line, which finds and names its first break.
 */
export function scanLog(bytes: Uint8Array): LogScan {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return scanWrittenLog(data) ?? scanLineByLine(data);
}

/** A character of Latin-1 decoded text that is not ASCII: its line holds a UTF-8 sequence. */
const NOT_ASCII = /[\u0080-\u00ff]/g;

/** Where the first character of `text` from `from` on that is not ASCII is, or text.length. */
function notAsciiFrom(text: string, from: number): number {
  NOT_ASCII.lastIndex = from;
  return NOT_ASCII.exec(text)?.index ?? text.length;
}

/**
 * The records of a log every line of which is exactly as Holdfast writes it, or null at the first
 * line that is not (or does not verify), for scanLineByLine to find and name the break. Each line
 * passes the checks scanLineByLine makes of a canonical line shorter than MAX_BODY_BYTES (JSON,
 * canonical form, the record schema, the hash, seq and prevHash), so whenever this returns records
 * they are the ones scanLineByLine returns.
 *
 * The file is decoded once as Latin-1, a plain copy in which every character is one byte, so
 * positions in the text are positions in the file. Only a line holding other bytes than ASCII is
 * checked for UTF-8 and decoded again, from its bytes, as UTF-8 (a newline byte is never part of
 * another character, so lines are found the same either way).
 */
export function scanWrittenLog(data: Buffer): LogScan | null {
  if (data.length === 0 || data[data.length - 1] !== 0x0a) return null;
  const text = data.toString('latin1');
  // Found ahead, one search at a time, rather than looked for in every line: most lines are ASCII.
  let notAscii = isAscii(data) ? text.length : notAsciiFrom(text, 0);
  const records: EvidenceRecord[] = [];
  const scratch = new Uint8Array(MAX_BODY_BYTES);
  let prevHash = GENESIS_HASH;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    // Longer lines take the full record schema, as in scanLineByLine.
    if (end - start > MAX_BODY_BYTES) return null;
    let line = text.slice(start, end);
    if (notAscii < end) {
      // Only a line with other bytes than ASCII can be other than UTF-8.
      const bytes = data.subarray(start, end);
      if (!isUtf8(bytes)) return null;
      line = bytes.toString('utf8');
      notAscii = notAsciiFrom(text, end);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return null;
    }
    if (!isCanonicalText(raw, line)) return null;
    // Validated in place rather than parsed into a copy: the schema changes nothing in a value it
    // accepts but the author's surrounding spaces, and a line with those is left to the line-by-
    // line scan. Ten thousand copies were a large share of what the engine collected and compiled.
    if (!writtenLineRecordSchema.validate(raw)) return null;
    const record: EvidenceRecord = raw;
    if (record.author.trim() !== record.author || !keepsTheRules(record)) return null;
    const hash = coveredHashOfBytes(data, text, start, end, record.hash, scratch);
    if (hash === null || hash !== record.hash) return null;
    if (record.seq !== records.length + 1 || record.prevHash !== prevHash) return null;
    records.push(record);
    prevHash = record.hash;
    start = end + 1;
  }
  return { records, goodBytes: data.length, broken: null };
}

/** Reads a log's bytes line by line, checking JSON, schema, hash and chain; stops at the first break. */
function scanLineByLine(data: Buffer): LogScan {
  const records: EvidenceRecord[] = [];
  let offset = 0;
  let prevHash = GENESIS_HASH;
  while (offset < data.length) {
    const newline = data.indexOf(0x0a, offset);
    const end = newline === -1 ? data.length : newline;
    const isLastLine = newline === -1 || newline === data.length - 1;
    const line = records.length + 1;
    const breakHere = (reason: string, isUnreadable: boolean, seq?: number): LogScan => ({
      records,
      goodBytes: offset,
      broken: {
        line,
        reason,
        offset,
        isLastLine,
        isUnreadable,
        isIncomplete: newline === -1,
        ...(seq === undefined ? {} : { seq }),
      },
    });
    const text = data.toString('utf8', offset, end);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return breakHere(
        text.includes('\0') ? 'zero bytes instead of a record' : 'not valid JSON',
        true,
      );
    }
    const seq = seqOf(raw);
    // A complete record is always followed by its newline; without one the write was cut short.
    if (newline === -1) return breakHere('incomplete last line (no newline)', true, seq);
    const lineBytes = data.subarray(offset, end);
    // A line that is valid UTF-8, written exactly as JSON.stringify writes what it holds, with
    // every key in order, is byte for byte its canonical form: no need to build that again.
    const isCanonical = isUtf8(lineBytes) && isCanonicalText(raw, text);
    const schema =
      isCanonical && lineBytes.length <= MAX_BODY_BYTES
        ? shortLineRecordSchema
        : evidenceRecordSchema;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return breakHere(`not a log record (${where}${issue?.message ?? 'invalid'})`, true, seq);
    }
    const record = parsed.data;
    // The schema trims the author; a line with spaces round it is then not what Holdfast writes.
    const isAsParsed = isCanonical && record.author === (raw as { author?: unknown }).author;
    const forms = isAsParsed ? null : canonicalForms(record);
    const covered = forms ? forms.covered : coveredFromCanonical(text, record.hash);
    if (covered === null || sha256Hex(covered) !== record.hash)
      return breakHere('hash does not match the content (edited or damaged)', true, seq);
    // The hash covers the content; this covers the bytes, so no edit of the file goes unnoticed.
    if (forms && !Buffer.from(`${forms.whole}\n`).equals(data.subarray(offset, newline + 1)))
      return breakHere('not written the way Holdfast writes records (altered)', false, seq);
    if (record.seq !== records.length + 1)
      return breakHere(
        `expected seq ${records.length + 1} (entry missing, added or moved)`,
        false,
        seq,
      );
    if (record.prevHash !== prevHash)
      return breakHere(
        'prevHash does not match the previous entry (entry missing, added or moved)',
        false,
        seq,
      );
    records.push(record);
    prevHash = record.hash;
    offset = newline + 1;
  }
  return { records, goodBytes: offset, broken: null };
}

/** Result of checking a whole log. */
export type VerifyResult =
  | { ok: true; count: number; headHash: string }
  | { ok: false; line: number; seq?: number; reason: string };

/**
 * Checks a whole log: every line is a complete record whose hash matches its content and whose
 * prevHash is the hash of the line before. Returns the first break, or the count and head hash.
 * A bare hash chain cannot show that entries were cut from the END (a shorter log is still a
 * valid chain), nor stop someone with write access from recomputing every hash: both are only
 * detectable against a head hash noted earlier, which is why `headHash` is returned for printing
 * on reports and handovers.
 */
export function verifyEvidenceLog(content: string | Uint8Array): VerifyResult {
  const scan = scanLog(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  if (scan.broken) {
    const { line, seq, reason } = scan.broken;
    return seq === undefined ? { ok: false, line, reason } : { ok: false, line, seq, reason };
  }
  return {
    ok: true,
    count: scan.records.length,
    headHash: scan.records.at(-1)?.hash ?? GENESIS_HASH,
  };
}
