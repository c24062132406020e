import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidenceRecordSchema } from './evidenceChain';
import { openEvidenceLog, SYSTEM_AUTHOR, verifyEvidenceLog, type NewEntry } from './evidenceLog';

const CARE_PC = { host: 'CARE-PC-1', user: 'reception' };
const OFFICE_PC = { host: 'OFFICE-PC' };
let dir: string;
let logPath: string;
let clock: number;
const now = (): Date => new Date((clock += 60_000));
const note = (text: string): NewEntry => ({ author: 'Jo', kind: 'note', body: { text } });
const lines = async (): Promise<Array<Record<string, unknown>>> =>
  (await readFile(logPath, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-device-'));
  logPath = join(dir, 'log.jsonl');
  clock = Date.parse('2026-03-01T09:00:00.000Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the device on each record', () => {
  it('is the one the log was opened with, on every record, whatever the entry says', async () => {
    const log = await openEvidenceLog(logPath, { now, device: CARE_PC });
    const record = await log.append(note('Rang 111'));
    expect(record.device).toEqual(CARE_PC);
    // An entry cannot carry a device of its own: the schema refuses the field.
    await expect(
      log.append({ ...note('x'), device: OFFICE_PC } as unknown as NewEntry),
    ).rejects.toMatchObject({ code: 'INVALID_ENTRY' });
    await log.close();
    expect(await lines()).toEqual([expect.objectContaining({ device: CARE_PC })]);
  });

  it('lets records from several computers, and from before devices were recorded, share one chain', async () => {
    const before = await openEvidenceLog(logPath, { now });
    await before.append(note('written before devices were recorded'));
    await before.close();
    const office = await openEvidenceLog(logPath, { now, device: OFFICE_PC });
    await office.append(note('typed in the office'));
    await office.close();
    const care = await openEvidenceLog(logPath, { now, device: CARE_PC });
    expect(care.state).toMatchObject({ readOnly: false, recovered: null });
    await care.append(note('typed on the care PC'));
    await care.close();
    expect((await lines()).map((line) => line.device)).toEqual([undefined, OFFICE_PC, CARE_PC]);
    expect(verifyEvidenceLog(await readFile(logPath))).toMatchObject({ ok: true, count: 3 });
  });

  it('is on the recovery record the log writes after a crash, naming the computer that repaired it', async () => {
    const log = await openEvidenceLog(logPath, { now, device: CARE_PC });
    await log.append(note('saved'));
    await log.close();
    await appendFile(logPath, '{"author":"Jo","bo');
    const reopened = await openEvidenceLog(logPath, { now, device: OFFICE_PC });
    expect(reopened.entries().at(-1)).toMatchObject({
      author: SYSTEM_AUTHOR,
      kind: 'recovery',
      device: OFFICE_PC,
    });
    await reopened.close();
  });

  it('must name a computer or a user: an empty device is not a record Holdfast writes', () => {
    const base = {
      seq: 1,
      recordedAt: '2026-03-01T09:00:00.000Z',
      eventAt: '2026-03-01T09:00:00.000Z',
      author: 'Jo',
      kind: 'note',
      body: { text: 'x' },
      prevHash: '0'.repeat(64),
      hash: 'a'.repeat(64),
    };
    expect(evidenceRecordSchema.safeParse({ ...base, device: CARE_PC }).success).toBe(true);
    expect(evidenceRecordSchema.safeParse(base).success).toBe(true);
    expect(evidenceRecordSchema.safeParse({ ...base, device: {} }).success).toBe(false);
    expect(evidenceRecordSchema.safeParse({ ...base, device: { host: '' } }).success).toBe(false);
    expect(
      evidenceRecordSchema.safeParse({ ...base, device: { host: 'PC', ip: '10.0.0.1' } }).success,
    ).toBe(false);
  });
});
