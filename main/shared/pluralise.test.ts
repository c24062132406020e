import { describe, expect, it } from 'vitest';
import { plural, pluralise } from './pluralise';

describe('pluralise', () => {
  it('uses the singular for one and the plural for none or many', () => {
    expect(pluralise(1, 'entry', 'entries')).toBe('1 entry');
    expect(pluralise(0, 'entry', 'entries')).toBe('0 entries');
    expect(pluralise(2, 'entry', 'entries')).toBe('2 entries');
    expect(`1 ${plural(1, 'was', 'were')} already the same`).toBe('1 was already the same');
    expect(`4 ${plural(4, 'was', 'were')} already the same`).toBe('4 were already the same');
  });
});
