import { describe, expect, it } from 'vitest';
import { inSentence } from './inSentence';

describe('inSentence', () => {
  it('lower-cases the first word of a label but keeps abbreviations', () => {
    expect(`Name the ${inSentence('Incident lead')}`).toBe('Name the incident lead');
    expect(`Name the ${inSentence('IT and supplier liaison')}`).toBe(
      'Name the IT and supplier liaison',
    );
    expect(inSentence('NHSmail helpdesk')).toBe('NHSmail helpdesk');
    expect(inSentence('Care continuity lead')).toBe('care continuity lead');
  });
});
