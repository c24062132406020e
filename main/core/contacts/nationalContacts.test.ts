import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNationalContacts } from './nationalContacts';

const FILE = 'runbooks/national-contacts.json';
const BUNDLED = resolve(import.meta.dirname, '../../../runbooks/national-contacts.json');

const contact = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Contact ${id}`,
  use: 'When to call them.',
  channels: [{ kind: 'phone', value: '0300 000 0000' }],
  hours: 'Office hours',
  source: 'https://www.example.gov.uk/contact',
  sourceDate: '2026-01-01',
  ...extra,
});
const pack = (...contacts: unknown[]) => JSON.stringify({ formatVersion: 1, contacts }, null, 2);

describe('parseNationalContacts', () => {
  it('reads the bundled pack with no problems, every contact sourced from an https page', async () => {
    const { contacts, problems } = parseNationalContacts(await readFile(BUNDLED, 'utf8'), FILE);
    expect(problems).toEqual([]);
    expect(contacts.map((c) => c.id)).toEqual(
      expect.arrayContaining(['csoc', 'ico', 'emergency-999']),
    );
    for (const c of contacts) expect(c.source).toMatch(/^https:\/\//);
  });

  it('reports broken JSON on the line where it breaks, and gives no contacts', () => {
    const text = [
      '{',
      '  "formatVersion": 1,',
      '  "contacts": [',
      '    { "id": "csoc", }',
      '  ]',
      '}',
    ].join('\n');
    const { contacts, problems } = parseNationalContacts(text, FILE);
    expect(contacts).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 4,
        severity: 'error',
        message: expect.stringContaining('not valid JSON') as unknown,
      }),
    ]);
  });

  it('points a bad field at the line of that field in that contact', () => {
    const text = pack(
      contact('first'),
      contact('second', { source: 'http://insecure.example.gov.uk/' }),
    );
    const { contacts, problems } = parseNationalContacts(text, FILE);
    expect(contacts).toEqual([]);
    const sourceLines = text
      .split('\n')
      .flatMap((line, index) => (line.includes('"source"') ? [index + 1] : []));
    expect(problems).toEqual([
      expect.objectContaining({
        line: sourceLines[1],
        message: expect.stringContaining('contacts.1.source') as unknown,
      }),
    ]);
  });

  it('refuses the whole pack when two contacts share an id, rather than guess which number is right', () => {
    const { contacts, problems } = parseNationalContacts(
      pack(contact('csoc'), contact('csoc')),
      FILE,
    );
    expect(contacts).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', message: 'duplicate contact id "csoc"' }),
    ]);
  });

  it('refuses unknown fields, so a misspelt field is caught', () => {
    const { problems } = parseNationalContacts(pack(contact('csoc', { hour: '24/7' })), FILE);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error' })]);
  });
});
