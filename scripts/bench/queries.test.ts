import { describe, expect, it } from 'vitest';
import { buildQueries } from './queries';

describe('buildQueries', () => {
  it('gives at least 200 distinct, non-empty queries', () => {
    const queries = buildQueries();
    expect(queries.length).toBeGreaterThanOrEqual(200);
    expect(new Set(queries).size).toBe(queries.length);
    expect(queries.every((query) => query.trim() === query && query.length > 0)).toBe(true);
  });

  it('is the same every run, and includes typing from the first letter', () => {
    expect(buildQueries()).toEqual(buildQueries());
    expect(buildQueries()).toEqual(
      expect.arrayContaining(['r', 'ra', 'ran', 'rans', 'lost p', 'call bells']),
    );
  });
});
