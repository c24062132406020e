import type { EvidenceRecord } from './evidenceChain';

/** An entry recorded at an earlier time than the entry before it. */
export interface TimeGoingBack {
  seq: number;
  recordedAt: string;
  previousAt: string;
}

/**
 * Entries whose recorded time is earlier than the entry before them. The recorded time is the
 * computer's clock, which can be wrong or be changed; entries are never refused for it (an
 * incident must still be written down), but a clock that jumped back is shown so the times can be
 * weighed. Event times are not checked: backfilled paper notes are meant to be earlier.
 */
export function timesGoingBack(records: readonly EvidenceRecord[]): TimeGoingBack[] {
  const found: TimeGoingBack[] = [];
  for (let index = 1; index < records.length; index += 1) {
    const previous = records[index - 1]!;
    const record = records[index]!;
    if (Date.parse(record.recordedAt) < Date.parse(previous.recordedAt))
      found.push({
        seq: record.seq,
        recordedAt: record.recordedAt,
        previousAt: previous.recordedAt,
      });
  }
  return found;
}
