import { canonicalJson } from '../canonicalJson';
import { GENESIS_HASH, hashRecord, type EvidenceRecord } from '../evidenceChain';

/** The records of a log file's text, one a line. */
export const recordsOf = (text: string): EvidenceRecord[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as EvidenceRecord);

/** Log text of these records, one canonical line each, as Holdfast writes them. */
export const fileOfRecords = (records: readonly EvidenceRecord[]): string =>
  records.map((record) => `${canonicalJson(record)}\n`).join('');

/**
 * What someone with write access and the hash recipe can do: change records (edit, drop, add),
 * then work out every seq, prevHash and hash again, so the chain alone verifies.
 */
export function rechain(records: readonly Omit<EvidenceRecord, 'hash'>[]): EvidenceRecord[] {
  let prevHash = GENESIS_HASH;
  return records.map((record, index) => {
    const rest = Object.fromEntries(
      Object.entries({ ...record, seq: index + 1, prevHash }).filter(([key]) => key !== 'hash'),
    ) as Omit<EvidenceRecord, 'hash'>;
    const hash = hashRecord(rest);
    prevHash = hash;
    return { ...rest, hash };
  });
}
