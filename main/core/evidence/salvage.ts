import { evidenceRecordSchema, type EvidenceRecord } from './evidenceChain';

/**
 * What can still be read from a log that does not verify, from the entry after `verified` on: each
 * line that parses as a record, in order, its hash NOT checked. A byte-order mark or CRLF line
 * endings (an editor's save) and a damaged line do not stop the lines after them being read.
 * These entries are shown marked as not checked, so a damaged incident still shows its name and
 * its last known clocks instead of vanishing; they are never appended to or trusted as evidence.
 */
export function salvageRecords(bytes: Uint8Array, verified: number): EvidenceRecord[] {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const found: EvidenceRecord[] = [];
  let lastSeq = verified;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = evidenceRecordSchema.safeParse(value);
    // Only entries in order after the verified ones: a repeated or moved entry would show twice.
    if (!parsed.success || parsed.data.seq <= lastSeq) continue;
    found.push(parsed.data);
    lastSeq = parsed.data.seq;
  }
  return found;
}
