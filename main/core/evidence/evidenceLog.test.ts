import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedDisk } from '../storage/__fixtures__/simulatedDisk';
import { canonicalJson } from './canonicalJson';
import { GENESIS_HASH, hashRecord, MAX_BODY_BYTES } from './evidenceChain';
import { HEAD_FILE, headLineFor, headPathOf } from './logHead';
import {
  EvidenceLogError,
  openEvidenceLog,
  SYSTEM_AUTHOR,
  verifyEvidenceLog,
  type EvidenceLog,
  type EvidenceRecord,
  type LogFileHandle,
  type LogFs,
  type NewEntry,
} from './evidenceLog';

let dir: string;
let logPath: string;
let clock: number;
/** A fake clock: each reading is one minute after the last. */
const now = (): Date => new Date((clock += 60_000));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-evidence-'));
  logPath = join(dir, 'incidents', 'incident-1.jsonl');
  clock = Date.parse('2026-03-01T09:00:00.000Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const note = (text: string, extra: Partial<NewEntry> = {}): NewEntry => ({
  author: 'Sam Patel (incident lead)',
  kind: 'note',
  body: { text },
  ...extra,
});

async function logWith(count: number): Promise<EvidenceLog> {
  const log = await openEvidenceLog(logPath, { now });
  for (let i = 1; i <= count; i += 1) await log.append(note(`entry ${i}`));
  return log;
}

/** A log of three entries on disk (the third corrects the first), and its lines. */
async function threeEntryFile(): Promise<string[]> {
  const log = await logWith(2);
  await log.append({
    author: 'Sam Patel (incident lead)',
    kind: 'correction',
    amends: 1,
    body: { text: 'it was 08:40, not 08:50' },
  });
  await log.close();
  return linesOf(await readFile(logPath, 'utf8'));
}

function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
const fileOf = (lines: string[]): string => lines.map((line) => `${line}\n`).join('');

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(EvidenceLogError);
  expect((error as EvidenceLogError).code).toBe(code);
}

interface Faults {
  write?: NodeJS.ErrnoException;
  /** Let half of the line reach the file before the write fails, as a full disk can. */
  partialWrite?: boolean;
  /** Fails the next datasync only. */
  datasync?: NodeJS.ErrnoException;
  truncate?: NodeJS.ErrnoException;
}

/**
 * The real files, with every call recorded in order (the head record's marked "head") and faults
 * injected on demand into the log's calls.
 */
function instrumentedFs(calls: string[], logFaults: Faults = {}): LogFs {
  return {
    openAppend: async (path) => {
      const real = await open(path, 'a');
      const isHead = path.endsWith(HEAD_FILE);
      const faults = isHead ? {} : logFaults;
      const log = (call: string) => calls.push(isHead ? `head ${call}` : call);
      const handle: LogFileHandle = {
        write: async (data) => {
          log('write');
          if (faults.write) {
            if (faults.partialWrite)
              await real.write(data.subarray(0, Math.floor(data.length / 2)));
            throw faults.write;
          }
          return real.write(data);
        },
        datasync: async () => {
          log('datasync');
          const error = faults.datasync;
          // A one-off failure: the rollback's own datasync succeeds.
          delete faults.datasync;
          if (error) throw error;
          await real.datasync();
        },
        sync: async () => {
          log('sync');
          await real.sync();
        },
        truncate: async (length) => {
          log('truncate');
          if (faults.truncate) throw faults.truncate;
          await real.truncate(length);
        },
        close: () => real.close(),
      };
      return handle;
    },
  };
}

describe('appending and reading', () => {
  it('reads back exactly what was appended, after a reopen, one canonical line per entry', async () => {
    const log = await logWith(0);
    const written = [
      await log.append(note('Screens show a ransom note in the office')),
      await log.append({
        author: 'Sam Patel (incident lead)',
        kind: 'decision',
        body: { decision: 'Disconnect the office PCs', rationale: 'stop spread' },
      }),
      await log.append({
        author: 'Ann Lee',
        kind: 'step',
        body: { stepId: 'isolate', outcome: 'done' },
      }),
    ];
    expect(written.map((record) => record.seq)).toEqual([1, 2, 3]);
    expect(log.entries()).toEqual(written);
    await log.close();

    const text = await readFile(logPath, 'utf8');
    expect(linesOf(text)).toEqual(written.map((record) => canonicalJson(record)));
    const reopened = await openEvidenceLog(logPath, { now });
    expect(reopened.state).toEqual({ readOnly: false, recovered: null, headNote: null });
    expect(reopened.entries()).toEqual(written);
    await reopened.close();
  });

  it('acknowledges an entry only after its line, then its head line, are written and fdatasync has returned', async () => {
    const calls: string[] = [];
    const log = await openEvidenceLog(logPath, { now, fs: instrumentedFs(calls) });
    calls.length = 0;
    await log.append(note('first')).then(() => calls.push('resolved'));
    await log.append(note('second')).then(() => calls.push('resolved'));
    const oneAppend = ['write', 'datasync', 'head write', 'head datasync', 'resolved'];
    expect(calls).toEqual([...oneAppend, ...oneAppend]);
    expect(linesOf(await readFile(headPathOf(logPath), 'utf8'))).toEqual([
      `{"entries":0,"head":"${GENESIS_HASH}"}`,
      `{"entries":1,"head":"${log.entries()[0]?.hash}"}`,
      `{"entries":2,"head":"${log.entries()[1]?.hash}"}`,
    ]);
    await log.close();
  });

  it('creates the folder and an empty, synced log file on first open', async () => {
    const calls: string[] = [];
    const log = await openEvidenceLog(logPath, { now, fs: instrumentedFs(calls) });
    expect(calls).toEqual(['sync']);
    expect(await readFile(logPath, 'utf8')).toBe('');
    expect(await log.verify()).toEqual({
      ok: true,
      count: 0,
      headHash: GENESIS_HASH,
      head: 'match',
    });
    await log.close();
  });

  it('keeps seq in call order when many appends are made at once', async () => {
    const log = await logWith(0);
    const records = await Promise.all(
      Array.from({ length: 25 }, (_, i) => log.append(note(`n${i}`))),
    );
    expect(records.map((record) => record.seq)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(records.map((record) => record.body.text)).toEqual(
      Array.from({ length: 25 }, (_, i) => `n${i}`),
    );
    expect(await log.verify()).toMatchObject({ ok: true, count: 25 });
    await log.close();
  });

  it('allows a backfilled event time earlier than the recorded time, which always comes from the clock', async () => {
    const log = await logWith(0);
    const record = await log.append(
      note('Phoned the IT supplier (from paper notes)', { eventAt: '2026-02-28T22:15:00.000Z' }),
    );
    expect(record.eventAt).toBe('2026-02-28T22:15:00.000Z');
    expect(record.recordedAt).toBe('2026-03-01T09:01:00.000Z');
    const now2 = await log.append(note('no event time given'));
    expect(now2.eventAt).toBe(now2.recordedAt);
    await log.close();
  });

  it('refuses an entry that tries to set recordedAt, seq or a hash, and writes nothing', async () => {
    const log = await logWith(1);
    for (const forged of [
      { recordedAt: '2026-01-01T00:00:00.000Z' },
      { seq: 7 },
      { hash: 'a'.repeat(64) },
      { prevHash: GENESIS_HASH },
    ]) {
      await expectCode(log.append({ ...note('forged'), ...forged }), 'INVALID_ENTRY');
    }
    expect(log.entries()).toHaveLength(1);
    expect(linesOf(await readFile(logPath, 'utf8'))).toHaveLength(1);
    await log.close();
  });

  it('refuses invalid entries: no author, unknown kind, a recovery record, a correction of nothing', async () => {
    const log = await logWith(1);
    await expectCode(log.append(note('x', { author: '  ' })), 'INVALID_ENTRY');
    await expectCode(
      log.append({ ...note('x'), kind: 'gossip' } as unknown as NewEntry),
      'INVALID_ENTRY',
    );
    await expectCode(
      log.append({ ...note('x'), kind: 'recovery' } as unknown as NewEntry),
      'INVALID_ENTRY',
    );
    await expectCode(log.append({ ...note('x'), kind: 'correction' }), 'INVALID_ENTRY');
    await expectCode(log.append({ ...note('x'), kind: 'correction', amends: 2 }), 'INVALID_ENTRY');
    await expectCode(log.append(note('x', { eventAt: 'yesterday' })), 'INVALID_ENTRY');
    await expectCode(log.append({ ...note('x'), body: { n: Number.NaN } }), 'INVALID_ENTRY');
    const pollutes = JSON.parse('{"__proto__":{"isAdmin":true},"text":"x"}') as Record<
      string,
      string
    >;
    await expectCode(log.append({ ...note('x'), body: pollutes }), 'INVALID_ENTRY');
    expect(await log.verify()).toMatchObject({ ok: true, count: 1 });
    await log.close();
  });

  it('refuses an oversize body with ENTRY_TOO_LARGE and writes nothing', async () => {
    const log = await logWith(1);
    await expectCode(log.append(note('x'.repeat(MAX_BODY_BYTES))), 'ENTRY_TOO_LARGE');
    expect(linesOf(await readFile(logPath, 'utf8'))).toHaveLength(1);
    await log.close();
  });

  it('refuses appends after close', async () => {
    const log = await logWith(1);
    await log.close();
    await expectCode(log.append(note('late')), 'LOG_CLOSED');
  });

  it('never treats an unreadable path as an empty log', async () => {
    await mkdir(logPath, { recursive: true });
    await expect(openEvidenceLog(logPath, { now })).rejects.toThrow();
    expect(await readdir(logPath)).toEqual([]);
  });
});

describe('verifyEvidenceLog', () => {
  it('verifies a chain and returns its count and head hash', async () => {
    const lines = await threeEntryFile();
    const head = (JSON.parse(lines[2] ?? '') as EvidenceRecord).hash;
    expect(verifyEvidenceLog(fileOf(lines))).toEqual({ ok: true, count: 3, headHash: head });
    expect(verifyEvidenceLog('')).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  const edits: [string, unknown][] = [
    ['seq', 9],
    ['recordedAt', '2026-03-01T08:00:00.000Z'],
    ['eventAt', '2026-02-01T08:00:00.000Z'],
    ['author', 'Someone else'],
    ['kind', 'decision'],
    ['body', { text: 'something else' }],
    ['amends', 1],
    ['prevHash', 'f'.repeat(64)],
    ['hash', 'e'.repeat(64)],
  ];
  it.each(edits)('detects an edit of %s in any record, at that record', async (field, value) => {
    const lines = await threeEntryFile();
    for (let index = 0; index < lines.length; index += 1) {
      const record = JSON.parse(lines[index] ?? '') as Record<string, unknown>;
      if (field === 'amends' && record.amends === 1) record.amends = 2;
      else record[field] = value;
      const edited = lines.with(index, canonicalJson(record));
      expect(verifyEvidenceLog(fileOf(edited))).toMatchObject({ ok: false, line: index + 1 });
    }
  });

  it('detects an edited record whose hash was recomputed, at the next record; a new head hash shows it at the end', async () => {
    const lines = await threeEntryFile();
    const rewrite = (index: number): string[] => {
      const record = JSON.parse(lines[index] ?? '') as EvidenceRecord;
      const edited = { ...record, body: { text: 'rewritten' } };
      return lines.with(index, canonicalJson({ ...edited, hash: hashRecord(edited) }));
    };
    const firstRewritten = verifyEvidenceLog(fileOf(rewrite(0)));
    expect(firstRewritten).toMatchObject({ ok: false, line: 2, seq: 2 });
    expect(firstRewritten.ok ? '' : firstRewritten.reason).toContain('prevHash');
    const original = verifyEvidenceLog(fileOf(lines));
    const lastRewritten = verifyEvidenceLog(fileOf(rewrite(2)));
    expect(lastRewritten.ok && original.ok && lastRewritten.headHash !== original.headHash).toBe(
      true,
    );
  });

  it('detects a deleted middle record', async () => {
    const lines = await threeEntryFile();
    expect(verifyEvidenceLog(fileOf([lines[0] ?? '', lines[2] ?? '']))).toMatchObject({
      ok: false,
      line: 2,
      seq: 3,
    });
  });

  it('detects reordered records', async () => {
    const lines = await threeEntryFile();
    expect(
      verifyEvidenceLog(fileOf([lines[1] ?? '', lines[0] ?? '', lines[2] ?? ''])),
    ).toMatchObject({ ok: false, line: 1, seq: 2 });
    expect(
      verifyEvidenceLog(fileOf([lines[0] ?? '', lines[2] ?? '', lines[1] ?? ''])),
    ).toMatchObject({ ok: false, line: 2, seq: 3 });
  });

  it('detects an inserted blank line, an added field, changed spacing and a missing final newline', async () => {
    const lines = await threeEntryFile();
    expect(verifyEvidenceLog(fileOf([lines[0] ?? '', ' ', lines[1] ?? '']))).toMatchObject({
      ok: false,
      line: 2,
    });
    const added = { ...(JSON.parse(lines[1] ?? '') as object), extra: 1 };
    expect(verifyEvidenceLog(fileOf(lines.with(1, canonicalJson(added))))).toMatchObject({
      ok: false,
      line: 2,
      seq: 2,
    });
    expect(verifyEvidenceLog(fileOf(lines.with(1, `${lines[1]}\r`)))).toMatchObject({
      ok: false,
      line: 2,
      seq: 2,
    });
    expect(verifyEvidenceLog(fileOf(lines.with(2, ` ${lines[2]}`)))).toMatchObject({
      ok: false,
      line: 3,
      seq: 3,
    });
    const unterminated = verifyEvidenceLog(fileOf(lines).slice(0, -1));
    expect(unterminated).toMatchObject({ ok: false, line: 3, seq: 3 });
    expect(unterminated.ok ? '' : unterminated.reason).toContain('incomplete');
  });
});

describe('recovery on open', () => {
  /** Damaged versions of a three-entry file whose last line was being written when power failed. */
  function tornTails(lines: string[]): [string, Buffer][] {
    const good = Buffer.from(fileOf(lines.slice(0, 2)));
    const last = Buffer.from(`${lines[2]}\n`);
    return [
      ['cut after one byte', Buffer.concat([good, last.subarray(0, 1)])],
      ['cut mid-line', Buffer.concat([good, last.subarray(0, Math.floor(last.length / 2))])],
      ['cut just before the newline', Buffer.concat([good, last.subarray(0, -1)])],
      ['zero-filled at full length', Buffer.concat([good, Buffer.alloc(last.length)])],
    ];
  }

  /** The head record of a log whose first `count` lines were acknowledged. */
  const headOf = (lines: string[], count: number): string =>
    headLineFor(lines.slice(0, count).map((line) => JSON.parse(line) as EvidenceRecord));

  it('copies a torn tail to quarantine byte for byte, cuts it off and records the recovery visibly', async () => {
    const lines = await threeEntryFile();
    for (const [name, damaged] of tornTails(lines)) {
      await rm(join(dir, 'incidents'), { recursive: true, force: true });
      await mkdir(join(dir, 'incidents'));
      await writeFile(logPath, damaged);
      // The torn entry was never acknowledged: the head record counts the two before it.
      await writeFile(headPathOf(logPath), headOf(lines, 2));

      const log = await openEvidenceLog(logPath, {
        now,
        quarantineDir: join(dir, 'quarantine', name),
      });
      expect(log.state.readOnly, name).toBe(false);
      const recovered = log.state.readOnly ? null : log.state.recovered;
      expect(recovered, name).toMatchObject({
        line: 3,
        bytesRemoved: damaged.length - Buffer.byteLength(fileOf(lines.slice(0, 2))),
      });
      const kept = recovered?.quarantinedCopy ?? '';
      expect(kept.startsWith(join(dir, 'quarantine', name)), name).toBe(true);
      expect((await readFile(kept)).equals(damaged), name).toBe(true);

      const repaired = linesOf(await readFile(logPath, 'utf8'));
      expect(repaired.slice(0, 2), name).toEqual(lines.slice(0, 2));
      const recovery = log.entries()[2];
      expect(recovery, name).toMatchObject({
        seq: 3,
        kind: 'recovery',
        author: SYSTEM_AUTHOR,
        body: { line: 3, quarantinedCopy: kept },
      });
      expect(repaired[2], name).toBe(canonicalJson(recovery));

      const next = await log.append(note('after recovery'));
      expect(next.seq, name).toBe(4);
      expect(await log.verify(), name).toMatchObject({ ok: true, count: 4 });
      await log.close();
    }
  });

  it('recovers a log whose only line is torn, and a file of nothing but zero bytes', async () => {
    for (const [name, damaged] of [
      ['torn', Buffer.from('{"author":"Sam","bo')],
      ['zeros', Buffer.alloc(4096)],
    ] as const) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, 'only.jsonl'), damaged);
      const log = await openEvidenceLog(join(dir, name, 'only.jsonl'), {
        now,
        quarantineDir: join(dir, 'quarantine'),
      });
      expect(log.entries().map((record) => [record.seq, record.kind])).toEqual([[1, 'recovery']]);
      expect(await log.verify()).toMatchObject({ ok: true, count: 1 });
      await log.close();
    }
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(2);
  });

  it('makes the quarantine copy durable before replacing the log, with its new quarantine folder', async () => {
    // The app's layout: the log in its incident's folder, the quarantine in the data folder.
    const lines = await threeEntryFile();
    const torn = Buffer.from(fileOf(lines).slice(0, -20));
    const log = '/data/incidents/1/log.jsonl';
    const disk = new SimulatedDisk({ [log]: torn, [headPathOf(log)]: headOf(lines, 2) });
    const opened = await openEvidenceLog(log, { now, fs: disk, quarantineDir: '/data/quarantine' });
    const copy = opened.state.readOnly ? '' : (opened.state.recovered?.quarantinedCopy ?? '');
    await opened.close();

    const replaced = disk.ops.findIndex((op) => op.op === 'rename' && op.to === log);
    expect(replaced).toBeGreaterThan(0);
    // The copy, its name in quarantine/ and quarantine/'s own name in /data: all synced first.
    expect(disk.ops.slice(0, replaced)).toEqual(
      expect.arrayContaining([
        { op: 'fsync', path: copy },
        { op: 'fsyncdir', path: '/data/quarantine' },
        { op: 'fsyncdir', path: '/data' },
      ]),
    );
    // A power cut now, on a disk that keeps a new name only once its folder is synced: the log
    // is repaired and the torn bytes are whole in quarantine (before, quarantine/ could vanish).
    const after = disk.afterPowerCut('dropped', 'at-folder-fsync');
    expect(verifyEvidenceLog(after.get(log) ?? '')).toMatchObject({ ok: true, count: 3 });
    expect(Buffer.from(after.get(copy) ?? []).equals(torn)).toBe(true);
  });

  it('opens a log with a bad record in the middle read-only, refuses appends and leaves the file untouched', async () => {
    const lines = await threeEntryFile();
    const record = JSON.parse(lines[1] ?? '') as Record<string, unknown>;
    const damaged = fileOf(lines.with(1, canonicalJson({ ...record, author: 'Someone else' })));
    await writeFile(logPath, damaged);

    const log = await openEvidenceLog(logPath, { now });
    expect(log.state).toEqual({
      readOnly: true,
      problem: expect.objectContaining({ line: 2, seq: 2 }) as unknown,
      // The entries after the break are still shown, marked as not checked.
      unverified: [expect.objectContaining({ seq: 2 }), expect.objectContaining({ seq: 3 })],
    });
    expect(log.entries().map((entry) => entry.seq)).toEqual([1]);
    await expectCode(log.append(note('more')), 'LOG_READ_ONLY');
    expect(await log.verify()).toMatchObject({ ok: false, line: 2 });
    await log.close();
    expect(await readFile(logPath, 'utf8')).toBe(damaged);
    expect(await readdir(dir)).toEqual(['incidents']);
  });

  it('does not "repair" a well-formed last record that does not link (a deleted entry before it)', async () => {
    const lines = await threeEntryFile();
    const damaged = fileOf([lines[0] ?? '', lines[2] ?? '']);
    await writeFile(logPath, damaged);
    const log = await openEvidenceLog(logPath, { now });
    expect(log.state.readOnly).toBe(true);
    await expectCode(log.append(note('more')), 'LOG_READ_ONLY');
    expect(await readFile(logPath, 'utf8')).toBe(damaged);
  });
});

describe('I/O errors', () => {
  it.each([
    [
      'a full disk during the write',
      { write: errnoError('ENOSPC'), partialWrite: true },
      'STORAGE_FULL',
    ],
    ['an I/O error during the write', { write: errnoError('EIO') }, 'STORAGE_IO'],
    ['an I/O error during fdatasync', { datasync: errnoError('EIO') }, 'STORAGE_IO'],
  ] as const)(
    'after %s the append rejects, nothing is reported saved and the log still verifies',
    async (_name, fault, code) => {
      const faults: Faults = {};
      const log = await openEvidenceLog(logPath, { now, fs: instrumentedFs([], faults) });
      await log.append(note('saved before the fault'));
      Object.assign(faults, fault);

      await expectCode(log.append(note('lost to the fault')), code);
      expect(log.entries().map((record) => record.body.text)).toEqual(['saved before the fault']);
      expect(verifyEvidenceLog(await readFile(logPath))).toMatchObject({ ok: true, count: 1 });

      for (const key of Object.keys(faults)) delete faults[key as keyof Faults];
      expect(await log.append(note('saved after the fault'))).toMatchObject({ seq: 2 });
      expect(await log.verify()).toMatchObject({ ok: true, count: 2 });
      await log.close();
    },
  );

  it('stops appending when a failed line cannot be cut off again, and recovers on reopen', async () => {
    const faults: Faults = {};
    const log = await openEvidenceLog(logPath, { now, fs: instrumentedFs([], faults) });
    await log.append(note('saved'));
    Object.assign(faults, {
      write: errnoError('ENOSPC'),
      partialWrite: true,
      truncate: errnoError('EIO'),
    });
    await expectCode(log.append(note('half written')), 'STORAGE_FULL');
    await expectCode(log.append(note('next')), 'LOG_UNAVAILABLE');
    await log.close();

    const reopened = await openEvidenceLog(logPath, { now });
    expect(reopened.entries().map((record) => [record.seq, record.kind])).toEqual([
      [1, 'note'],
      [2, 'recovery'],
    ]);
    expect(await reopened.verify()).toMatchObject({ ok: true, count: 2 });
    await reopened.close();
  });
});
