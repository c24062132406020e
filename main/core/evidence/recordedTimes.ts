import type { EvidenceRecord } from './evidenceChain';

/**
 * True when ISO time `a` is before `b`. Holdfast writes every recorded time in one form
 * (toISOString: 24 characters, UTC), where text order is time order, so a long log is checked
 * without parsing each time; any other form is parsed.
 */
export function isEarlier(a: string, b: string): boolean {
  return a.length === 24 && b.length === 24 && a.endsWith('Z') && b.endsWith('Z')
    ? a < b
    : Date.parse(a) < Date.parse(b);
}

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
    if (isEarlier(record.recordedAt, previous.recordedAt))
      found.push({
        seq: record.seq,
        recordedAt: record.recordedAt,
        previousAt: previous.recordedAt,
      });
  }
  return found;
}
