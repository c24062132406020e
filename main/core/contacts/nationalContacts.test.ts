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
  source: 'https://www.gov.uk/contact',
  checked: '2026-12-04',
  pageDate: null,
  ...extra,
});
const pack = (...contacts: unknown[]) => JSON.stringify({ formatVersion: 2, contacts }, null, 2);

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
    const text = pack(contact('first'), contact('second', { source: 'http://insecure.gov.uk/' }));
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

  it('keeps both dates: when the facts were checked and the date the page shows', () => {
    const { contacts, problems } = parseNationalContacts(
      pack(contact('cqc', { checked: '2026-12-04', pageDate: '2023-11-07' })),
      FILE,
    );
    expect(problems).toEqual([]);
    expect(contacts[0]).toMatchObject({ checked: '2026-12-04', pageDate: '2023-11-07' });
  });

  it('refuses a contact with no checked date: every national fact says when it was checked', () => {
    const { contacts, problems } = parseNationalContacts(
      pack(contact('cqc', { checked: undefined })),
      FILE,
    );
    expect(contacts).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('contacts.0.checked') as unknown,
      }),
    ]);
  });

  it('still reads an older format-1 pack, carrying its one date into both dates rather than dropping it', () => {
    const old = JSON.stringify({
      formatVersion: 1,
      contacts: [
        { ...contact('csoc'), checked: undefined, pageDate: undefined, sourceDate: '2024-04-17' },
        { ...contact('ico'), checked: undefined, pageDate: undefined, sourceDate: null },
      ],
    });
    const { contacts, problems } = parseNationalContacts(old, FILE);
    expect(problems).toEqual([]);
    expect(contacts).toEqual([
      expect.objectContaining({ id: 'csoc', checked: '2024-04-17', pageDate: '2024-04-17' }),
      expect.objectContaining({ id: 'ico', checked: null, pageDate: null }),
    ]);
    expect(contacts[0]).not.toHaveProperty('sourceDate');
  });

  it.each([
    ['a scan of a page', 'https://urlscan.io/result/eb275c90/content'],
    ['a test copy of an NHS site', 'https://production-like.nhsd.io/cyber-and-data-security/'],
    ['a mirror of an NHS site', 'https://nhsd-proxy.dokku3.ebmdatalab.net/report-an-incident'],
    ['a press-release aggregator', 'https://www.wired-gov.net/wg/news.nsf/articles/x'],
    ['a regional blog', 'https://emcrc.co.uk/post/phishing-emails-how-to-report-them'],
    ['a look-alike ending in an official name', 'https://fake-gov.uk/contact'],
    ['an official name used as a subdomain', 'https://gov.uk.example.com/contact'],
  ])('refuses a source on %s, with the line of that source', (_kind, source) => {
    const text = pack(contact('first'), contact('second', { source }));
    const { contacts, problems } = parseNationalContacts(text, FILE);
    expect(contacts).toEqual([]);
    const sourceLines = text
      .split('\n')
      .flatMap((line, index) => (line.includes('"source"') ? [index + 1] : []));
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: sourceLines[1],
        message: expect.stringContaining('not an official page') as unknown,
      }),
    ]);
  });

  it.each([
    'https://www.ncsc.gov.uk/incident-management',
    'https://report.ncsc.gov.uk/',
    'https://signpost-cyber-incident.service.gov.uk/',
    'https://www.reportfraud.police.uk/how-to-report-suspicious-activity/',
    'https://www.askthe.police.uk/content/Q101.htm',
    'https://support.nhs.net/knowledge-base/starter-guide-for-social-care-providers',
    'https://www.cqc.org.uk/contact-us',
    'https://111.nhs.uk/',
  ])('accepts an official source: %s', (source) => {
    expect(parseNationalContacts(pack(contact('one', { source })), FILE).problems).toEqual([]);
  });
});
