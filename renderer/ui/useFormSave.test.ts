import { describe, expect, it } from 'vitest';
import { localContactSchema, systemRecordSchema } from '../../main/contract/schemas';
import { issuesToErrors } from './useFormSave';

const contact = {
  role: 'it-supplier',
  name: '',
  organisation: '',
  channels: [{ kind: 'phone', value: 'call Sam', outOfBand: false }],
  hours: '',
  notes: '',
  lastVerified: '2026-02-30x',
};

describe('issuesToErrors: the schema the core checks, as one mistake per field', () => {
  it('keys each mistake by its field path, in a sentence that starts with a capital', () => {
    const parsed = localContactSchema.safeParse(contact);
    expect(parsed.success).toBe(false);
    expect(issuesToErrors(parsed.error?.issues ?? [])).toEqual({
      name: 'Enter a name',
      'channels.0.value':
        'A phone number may use only digits, spaces, +, brackets and hyphens, with 3 to 20 digits',
      lastVerified: 'Enter the date you last checked these details',
    });
  });

  it('keeps only the first mistake for a field, so the summary says one thing per field', () => {
    expect(
      issuesToErrors([
        { path: ['name'], message: 'enter a name' },
        { path: ['name'], message: 'must be 120 characters or fewer' },
      ]),
    ).toEqual({ name: 'Enter a name' });
  });

  it('folds nested paths into their field when asked for a depth (one field per top-level key)', () => {
    expect(
      issuesToErrors(
        [
          { path: ['channels', 0, 'value'], message: 'enter a number or address' },
          {
            path: ['channels', 1, 'value'],
            message: 'an email address looks like name@example.co.uk',
          },
        ],
        1,
      ),
    ).toEqual({ channels: 'Enter a number or address' });
  });

  it('names the impact field when a system in use has no impact, as the core would refuse it', () => {
    const parsed = systemRecordSchema.safeParse({
      system: 'emar',
      inUse: true,
      supplierRole: null,
      impact: null,
      fallback: '',
      paperLocation: '',
      notes: '',
      lastReviewed: '2026-03-01',
    });
    expect(issuesToErrors(parsed.error?.issues ?? [], 1)).toEqual({
      impact: 'Choose how bad it is if this system is down, from 1 to 10',
    });
  });

  it('keys a mistake about the whole value by the empty path', () => {
    expect(issuesToErrors([{ path: [], message: 'two contacts for one role' }])).toEqual({
      '': 'Two contacts for one role',
    });
  });
});
