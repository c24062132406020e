import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import {
  canonicalForms,
  GENESIS_HASH,
  hashRecord,
  recordLine,
  scanLog,
  scanWrittenLog,
  sealRecord,
  type EvidenceRecord,
} from './evidenceChain';

function record(extra: Partial<EvidenceRecord> = {}): EvidenceRecord {
  const unhashed = {
    seq: 2,
    recordedAt: '2026-03-01T09:01:00.000Z',
    eventAt: '2026-03-01T08:40:00.000Z',
    author: 'Sam Patel (incident lead)',
    kind: 'note' as const,
    // Keys that sort differently by code unit than by locale, nested values and non-ASCII text.
    body: { text: 'Café closed — “paper only”', Z: [1, { b: null, a: true }], a: 'x', é: 2.5 },
    prevHash: GENESIS_HASH,
    ...extra,
  };
  return { ...unhashed, hash: hashRecord(unhashed) };
}

describe('canonicalForms', () => {
  it.each([
    ['without amends', record()],
    ['with amends', record({ kind: 'correction', amends: 1 })],
  ])('gives exactly canonicalJson of the record with and without its hash (%s)', (_name, full) => {
    const { hash, ...covered } = full;
    expect(canonicalForms(full)).toEqual({
      covered: canonicalJson(covered),
      whole: canonicalJson(full),
    });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('sealRecord', () => {
  it.each([
    ['without amends', record()],
    ['with amends', record({ kind: 'correction', amends: 1 })],
    ['with numeric and empty keys', record({ body: { '10': 1, '9': [], '': { b: 'é', a: 1 } } })],
  ])('hashes and writes a record exactly as hashRecord and recordLine do (%s)', (_name, full) => {
    const { hash, ...unhashed } = full;
    const sealed = sealRecord(unhashed, canonicalJson(unhashed.body));
    expect(sealed.record).toEqual(full);
    expect(sealed.record.hash).toBe(hash);
    expect(sealed.line).toBe(recordLine(full));
  });
});

describe('scanLog', () => {
  const first = (extra: Partial<EvidenceRecord> = {}): EvidenceRecord =>
    record({ seq: 1, ...extra });
  const scan = (line: string | Buffer) =>
    scanLog(typeof line === 'string' ? Buffer.from(line) : line);

  it('accepts records written the way Holdfast writes them, whatever their keys and text', () => {
    const bodies: EvidenceRecord['body'][] = [
      { text: 'plain' },
      { '10': 1, '9': 2, b: { '2': 'x', '10': 'y' } },
      { text: 'Café “paper” \u2028 😀' },
      { a: [], b: {} },
    ];
    for (const body of bodies) {
      const line = recordLine(first({ body }));
      expect(scan(line)).toMatchObject({
        records: [{ body }],
        broken: null,
        goodBytes: Buffer.byteLength(line),
      });
    }
  });

  it('reads in one pass a body holding a member named like the hash, or other characters', () => {
    const bodies: EvidenceRecord['body'][] = [
      { a: 1, hash: GENESIS_HASH, text: ',"hash":"' },
      { text: 'Café “paper” \u2028 😀' },
    ];
    for (const body of bodies) {
      const line = Buffer.from(recordLine(first({ body })));
      expect(scanWrittenLog(line)).toEqual({
        records: [first({ body })],
        goodBytes: line.length,
        broken: null,
      });
    }
  });

  it('refuses a record whose hash matches but whose bytes are not the canonical form', () => {
    const good = first();
    const canonical = recordLine(good);
    const { hash, ...rest } = good;
    const altered = [
      // Same content and hash, keys in another order.
      `${JSON.stringify({ hash, ...rest })}\n`,
      // Same content, a space after a colon.
      canonical.replace('"seq":1', '"seq": 1'),
      // A number written another way.
      canonical.replace('"seq":1', '"seq":1.0'),
    ];
    for (const line of altered) {
      expect(scan(line).broken?.line).toBe(1);
      expect(scan(line).broken?.reason).toMatch(/altered|hash/);
    }
  });

  it('refuses an author with spaces round it even when the hash was made over them', () => {
    const spaced = first({ author: ' Sam Patel ' });
    expect(scan(recordLine(spaced)).broken).toMatchObject({ line: 1 });
  });

  it('refuses bytes that are not UTF-8 inside an otherwise canonical line', () => {
    const line = Buffer.from(recordLine(first({ body: { text: 'a?b' } })));
    line[line.indexOf('a?b') + 1] = 0xff;
    expect(scan(line).broken).toMatchObject({ line: 1 });
  });

  /** A chain of `count` records (the first with the given body), each linked to the one before. */
  const chain = (bodies: EvidenceRecord['body'][]): EvidenceRecord[] => {
    const records: EvidenceRecord[] = [];
    for (const body of bodies) {
      const unhashed = {
        seq: records.length + 1,
        recordedAt: '2026-03-01T09:01:00.000Z',
        eventAt: '2026-03-01T09:01:00.000Z',
        author: 'Sam Patel',
        kind: 'note' as const,
        body,
        prevHash: records.at(-1)?.hash ?? GENESIS_HASH,
      };
      records.push({ ...unhashed, hash: hashRecord(unhashed) });
    }
    return records;
  };
  const bodies = [{ text: 'plain' }, { text: 'Café — “paper only” 😀' }, { text: 'plain again' }];

  it('reads every record of a log mixing plain and other characters, with its text intact', () => {
    const records = chain(bodies);
    const bytes = Buffer.from(records.map(recordLine).join(''));
    expect(scan(bytes)).toEqual({ records, goodBytes: bytes.length, broken: null });
  });

  it('names the first altered line after other characters, at its byte offset, keeping those before', () => {
    const records = chain([...bodies, { text: 'last' }]);
    const lines = records.map(recordLine);
    lines[2] = lines[2]!.replace('"seq":3', '"seq": 3');
    const bytes = Buffer.from(lines.join(''));
    const before = Buffer.byteLength(lines[0]! + lines[1]!);
    expect(scan(bytes)).toMatchObject({
      records: records.slice(0, 2),
      goodBytes: before,
      broken: { line: 3, seq: 3, offset: before, isUnreadable: false },
    });
  });

  it('names a later line whose bytes are not UTF-8, after lines with other characters', () => {
    const records = chain([...bodies, { text: 'a?b' }]);
    const bytes = Buffer.from(records.map(recordLine).join(''));
    bytes[bytes.lastIndexOf('a?b') + 1] = 0xff;
    expect(scanWrittenLog(bytes)).toBeNull();
    expect(scan(bytes)).toMatchObject({ records: records.slice(0, 3), broken: { line: 4 } });
  });

  it('names a hash written in capitals as not a log record, whichever line holds it', () => {
    const records = chain(bodies);
    const upper = (record: EvidenceRecord, field: 'hash' | 'prevHash'): string =>
      recordLine(record).replace(record[field], record[field].toUpperCase());
    for (const [line, field] of [
      [1, 'hash'],
      [2, 'prevHash'],
      [3, 'hash'],
    ] as const) {
      const lines = records.map(recordLine);
      lines[line - 1] = upper(records[line - 1]!, field);
      expect(scan(lines.join('')).broken).toMatchObject({
        line,
        reason: `not a log record (${field}: a SHA-256 hex hash)`,
      });
    }
  });

  it('reads a log as Holdfast writes it in one pass, and leaves any other to the line-by-line scan', () => {
    const records = chain(bodies);
    const good = Buffer.from(records.map(recordLine).join(''));
    expect(scanWrittenLog(good)).toEqual({ records, goodBytes: good.length, broken: null });
    const spaced = Buffer.from(good.toString('utf8').replace('"seq":2', '"seq": 2'));
    expect(scanWrittenLog(spaced)).toBeNull();
    expect(scanWrittenLog(good.subarray(0, -1))).toBeNull();
    expect(scanWrittenLog(Buffer.alloc(0))).toBeNull();
  });

  it('names a record that breaks the rules between its fields, even with its hash made over it', () => {
    const cases: [Partial<EvidenceRecord>, string][] = [
      [{ amends: 1 }, 'amends must refer to an earlier entry'],
      [{ kind: 'correction' }, 'a correction must say which entry it amends'],
      [{ device: {} }, 'device: a device names its computer, its user or both'],
    ];
    for (const [extra, reason] of cases) {
      const line = recordLine(first(extra));
      expect(scanWrittenLog(Buffer.from(line))).toBeNull();
      expect(scan(line).broken).toMatchObject({ line: 1, reason: `not a log record (${reason})` });
    }
  });
});
