import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import { canonicalForms, GENESIS_HASH, hashRecord, type EvidenceRecord } from './evidenceChain';

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
