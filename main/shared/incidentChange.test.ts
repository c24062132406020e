import { describe, expect, it } from 'vitest';
import { timelineOrder } from './incidentChange';

describe('timeline order', () => {
  it('is event time (as parsed), then seq, whichever ISO form a time is written in', () => {
    const entries = Array.from({ length: 400 }, (_, seq) => {
      // Scattered times, many equal, some on whole seconds.
      const at = new Date(Date.parse('2026-03-01T00:00:00.000Z') + ((seq * 7919) % 41) * 500);
      const iso = at.toISOString();
      // The log holds times as written; a typed one may have no milliseconds or more digits.
      const eventAt = [iso, iso.replace('.000Z', 'Z'), iso.replace('Z', '000Z')][seq % 3] ?? iso;
      return { seq, eventAt };
    });
    const sorted = [...entries].sort(timelineOrder);
    const expected = [...entries].sort(
      (a, b) => Date.parse(a.eventAt) - Date.parse(b.eventAt) || a.seq - b.seq,
    );
    expect(sorted).toEqual(expected);
  });
});
