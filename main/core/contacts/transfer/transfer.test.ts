import { describe, expect, it } from 'vitest';
import type { ContactsDirectory, LocalContact } from '../../../contract/types';
import { LOCAL_CONTACT_ROLES } from '../../../contract/vocabulary';
import {
  compareWithDirectory,
  exportCsv,
  exportVcard,
  importRolesOf,
  parseCsv,
  parseVcard,
} from '.';

const itSupplier: LocalContact = {
  role: 'it-supplier',
  name: 'Sam Patel',
  organisation: 'Acme IT, Leeds',
  channels: [
    { kind: 'phone', value: '+44 1632 960123', outOfBand: false },
    { kind: 'mobile', value: '07700 900123', outOfBand: true },
    { kind: 'email', value: 'help@acme-it.example', outOfBand: false },
  ],
  hours: '24/7',
  notes: 'Contract "AC-1234"\nAsk for the on-call engineer; say Holdfast',
  lastVerified: '2026-01-10',
};
const insurer: LocalContact = {
  role: 'insurer',
  name: 'Claims line',
  organisation: 'Café Insurance',
  channels: [{ kind: 'other', value: 'Radio channel 3, ask for "duty"', outOfBand: true }],
  hours: '',
  notes: '',
  lastVerified: '2025-12-01',
};
const gpRole = { role: 'out-of-hours-gp', label: 'Out-of-hours GP' };

/** A directory as contacts.list returns it, holding `contacts`, plus a role of the provider's own. */
function directoryWith(contacts: LocalContact[]): ContactsDirectory {
  const roles = [
    ...Object.entries(LOCAL_CONTACT_ROLES).map(([role, label]) => ({
      role,
      label,
      isCustom: false,
    })),
    { ...gpRole, isCustom: true },
  ];
  return {
    roles: roles.map((entry) => {
      const contact = contacts.find((candidate) => candidate.role === entry.role) ?? null;
      return { ...entry, contact, status: contact ? 'current' : 'missing' };
    }),
    national: [
      {
        id: 'csoc',
        name: 'CSOC',
        use: '',
        channels: [],
        hours: '',
        source: 'https://x.example',
        checked: '2026-01-01',
        pageDate: null,
        stale: false,
      },
    ],
  };
}
const roles = importRolesOf(directoryWith([]));
const HEADER =
  'role,name,organisation,phone,mobile,email,other,out_of_band,hours,notes,last_verified';

describe('CSV export and import', () => {
  it('round-trips contacts with commas, quotes, newlines and accents', () => {
    const csv = exportCsv(directoryWith([itSupplier, insurer]));
    expect(csv.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
    expect(csv).toContain('"Acme IT, Leeds"');
    expect(csv).toContain('"Contract ""AC-1234""\nAsk');
    const parsed = parseCsv(csv, roles);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([itSupplier, insurer]);
  });

  it('reads LF or CRLF, with or without a BOM, columns in any order and labels instead of ids', () => {
    const text =
      'Name,Role,Mobile,Last Verified,out_of_band\n"Jo, manager",Registered manager,07700 900456,31/01/2026,mobile\n';
    const expected: LocalContact = {
      role: 'registered-manager',
      name: 'Jo, manager',
      organisation: '',
      channels: [{ kind: 'mobile', value: '07700 900456', outOfBand: true }],
      hours: '',
      notes: '',
      lastVerified: '2026-01-31',
    };
    for (const variant of [text, text.replace(/\n/g, '\r\n'), '\uFEFF' + text]) {
      expect(parseCsv(variant, roles)).toEqual({ rows: [expected], problems: [] });
    }
    expect(
      parseCsv('role,name,phone,last_verified\nOut-of-hours GP,Dr Who,111,2026-01-01', roles)
        .rows[0]?.role,
    ).toBe('out-of-hours-gp');
  });

  it('prefixes cells a spreadsheet would run as a formula, and removes the prefix again on import', () => {
    const attacker: LocalContact = {
      ...insurer,
      name: '=HYPERLINK("http://evil.example","x")',
      notes: '@SUM(A1)',
      hours: '-1+1',
    };
    const csv = exportCsv(directoryWith([attacker, itSupplier]));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(",'-1+1,'@SUM(A1),");
    expect(csv).toContain("'+44 1632 960123");
    const cells = csv.split('\r\n').slice(1).join('\n');
    expect(cells).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(parseCsv(csv, roles).rows).toEqual([itSupplier, attacker]);
  });

  it('lists every bad row with its spreadsheet row number, and returns no rows for them', () => {
    const text = [
      HEADER,
      'it-supplier,Sam Patel,,01632 960123,,,,,,,2026-01-10',
      'insurer,,,01632 960124,,,,,,,2026-01-10',
      'bank-fraud-line,Bank,,call us now,,,,,,,2026-01-10',
      'plumber,Bob,,01632 960125,,,,,,,2026-01-10',
      '"commissioner","Council","","01632 960126","","","","","","Line one',
      'line two",2026-01-10',
      'it-supplier,Alex,,01632 960127,,,,,,,2026-01-10',
      'csoc,CSOC,,0300 303 5222,,,,,,,2026-01-10',
      'ig-lead,Pat,,,,,,,,,2026-01-10',
      'owner-director,Ann,,01632 960128,,,,fax,,,2026-01-10',
      'rota-supplier,Rota Ltd,,01632 960129,,,,,,,yesterday',
      'emar-supplier,eMAR, Ltd,01632 960130,,,,,,,,2026-01-10',
    ].join('\n');
    const { rows, problems } = parseCsv(text, roles);
    // Row numbers are the spreadsheet's: the commissioner's notes span two lines but are row 6.
    expect(rows.map((row) => row.role)).toEqual(['it-supplier', 'commissioner']);
    expect(problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [3, 'name', 'name: enter a name'],
      [4, 'phone', expect.stringContaining('phone: a phone number may use only digits') as unknown],
      [5, 'role', expect.stringContaining('there is no role “plumber”') as unknown],
      [7, 'role', 'role: it-supplier is already given on row 2; each role may appear once'],
      [8, 'role', expect.stringContaining('“csoc” is a national contact') as unknown],
      [9, 'phone', 'phone: add at least one phone number or address'],
      [10, 'out_of_band', expect.stringContaining('“fax” is not a channel') as unknown],
      [11, 'last_verified', 'last_verified: enter the date you last checked these details'],
      [
        12,
        undefined,
        expect.stringContaining('This row has 12 cells but the header has 11') as unknown,
      ],
    ]);
  });

  it('refuses a number with a zero-width no-break space at either end, as it does one inside', () => {
    for (const phone of ['\uFEFF01632 960123', '01632 960123\uFEFF', '01632\u202E 960123']) {
      const text = `${HEADER}\nit-supplier,Sam Patel,,${phone},,,,,,,2026-01-10`;
      const { rows, problems } = parseCsv(text, roles);
      expect(rows, JSON.stringify(phone)).toEqual([]);
      expect(problems.map((p) => [p.row, p.field, p.message])).toEqual([
        [2, 'phone', expect.stringContaining('hidden character') as unknown],
      ]);
      const card = [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Sam',
        `TEL:${phone}`,
        'X-HOLDFAST-ROLE:it-supplier',
        'X-HOLDFAST-LAST-VERIFIED:2026-01-01',
        'END:VCARD',
      ].join('\r\n');
      expect(parseVcard(card, roles).problems.map((p) => [p.row, p.field])).toEqual([[1, 'phone']]);
    }
    // Spaces around a value are still tidied away.
    const spaced = parseCsv(`${HEADER}\nit-supplier,Sam,, 01632 960123 ,,,,,,,2026-01-10`, roles);
    expect(spaced.rows[0]?.channels[0]?.value).toBe('01632 960123');
  });

  it('refuses a file with a bad header, an unclosed quote, too many rows or too many characters', () => {
    expect(parseCsv('role,name,fax,last_verified\n', roles).problems).toEqual([
      { row: 1, field: 'fax', message: expect.stringContaining('Unknown column “fax”') as unknown },
    ]);
    expect(parseCsv('name,phone\n', roles).problems.map((p) => p.message)).toEqual([
      'The column “role” is missing.',
      'The column “last_verified” is missing.',
    ]);
    expect(parseCsv('', roles).problems[0]?.message).toContain('The file is empty');
    expect(
      parseCsv(`${HEADER}\nit-supplier,"Sam,,,,,,,,,2026-01-01\n`, roles).problems[0]?.message,
    ).toContain('row 2 is never closed');
    const many = [
      HEADER,
      ...Array.from({ length: 501 }, () => 'insurer,A,,01632 960123,,,,,,,2026-01-01'),
    ].join('\n');
    expect(parseCsv(many, roles)).toEqual({
      rows: [],
      problems: [
        { message: expect.stringContaining('The file has 501 contacts; at most 500') as unknown },
      ],
    });
    const huge = `${HEADER}\n${'x'.repeat(600 * 1024)}`;
    expect(parseCsv(huge, roles)).toEqual({
      rows: [],
      problems: [{ message: expect.stringContaining('larger than 512 KB') as unknown }],
    });
  });

  it('applies the contact limits of contacts.save to each row', () => {
    const { problems } = parseCsv(
      `${HEADER}\ninsurer,${'a'.repeat(121)},,01632 960123,,,,,,,2026-01-01`,
      roles,
    );
    expect(problems).toEqual([
      { row: 2, field: 'name', message: 'name: must be 120 characters or fewer' },
    ]);
  });
});

describe('vCard export and import', () => {
  it('round-trips contacts through vCard 3.0, folding long lines at 75 octets', () => {
    const long: LocalContact = {
      ...insurer,
      notes: `Policy wording: ${'é'.repeat(100)}, see clause 4; call first`,
    };
    const vcf = exportVcard(directoryWith([itSupplier, long]));
    const lines = vcf.split('\r\n');
    expect(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(lines).toContain('TEL;TYPE=cell;X-HOLDFAST-OOB=yes:07700 900123');
    expect(lines).toContain('X-HOLDFAST-ROLE:it-supplier');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(parseVcard(vcf, roles)).toEqual({ rows: [itSupplier, long], problems: [] });
  });

  it('reads cards from other apps: 4.0 tel: URIs, grouped properties, CATEGORIES as the role, N without FN', () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:Patel;Sam;;;',
      'item1.TEL;VALUE=uri;TYPE="voice,cell":tel:+44-7700-900123',
      'EMAIL:mailto:sam@acme.example',
      'ORG:Acme IT;Support',
      'CATEGORIES:Friends,IT supplier',
      'NOTE:Line one\\nLine two\\, with comma',
      'X-HOLDFAST-LAST-VERIFIED:2026-02-01',
      'END:VCARD',
    ].join('\n');
    expect(parseVcard(vcf, roles)).toEqual({
      rows: [
        {
          role: 'it-supplier',
          name: 'Sam Patel',
          organisation: 'Acme IT',
          channels: [
            { kind: 'mobile', value: '+44-7700-900123', outOfBand: false },
            { kind: 'email', value: 'sam@acme.example', outOfBand: false },
          ],
          hours: '',
          notes: 'Line one\nLine two, with comma',
          lastVerified: '2026-02-01',
        },
      ],
      problems: [],
    });
  });

  it('lists problems by card number: no role, bad phone, duplicate role, no date, unclosed card', () => {
    const card = (lines: string[]) =>
      ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');
    const vcf = [
      card([
        'FN:Sam',
        'TEL:01632 960123',
        'X-HOLDFAST-ROLE:it-supplier',
        'X-HOLDFAST-LAST-VERIFIED:2026-01-01',
      ]),
      card(['FN:No role', 'TEL:01632 960123', 'X-HOLDFAST-LAST-VERIFIED:2026-01-01']),
      card([
        'FN:Bad phone',
        'TEL:ring me',
        'X-HOLDFAST-ROLE:insurer',
        'X-HOLDFAST-LAST-VERIFIED:2026-01-01',
      ]),
      card([
        'FN:Again',
        'TEL:01632 960123',
        'X-HOLDFAST-ROLE:IT supplier',
        'X-HOLDFAST-LAST-VERIFIED:2026-01-01',
      ]),
      card(['FN:Undated', 'TEL:01632 960123', 'X-HOLDFAST-ROLE:ig-lead']),
    ].join('\r\n');
    const { rows, problems } = parseVcard(vcf, roles);
    expect(rows.map((row) => row.name)).toEqual(['Sam']);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'role'],
      [3, 'phone'],
      [4, 'role'],
      [5, 'last_verified'],
    ]);
    expect(problems[0]?.message).toContain('no X-HOLDFAST-ROLE');
    expect(problems[2]?.message).toBe(
      'role: it-supplier is already given on card 1; each role may appear once',
    );
    expect(parseVcard('BEGIN:VCARD\nFN:Cut\n', roles).problems).toEqual([
      { row: 1, message: expect.stringContaining('no END:VCARD') as unknown },
    ]);
    expect(parseVcard('hello', roles).problems[0]?.message).toContain('No contacts found');
  });
});

describe('compareWithDirectory', () => {
  it('counts new, updated and unchanged contacts against what is saved', () => {
    const directory = directoryWith([itSupplier, insurer]);
    const rows = [itSupplier, { ...insurer, hours: '9-5' }, { ...insurer, role: 'ig-lead' }];
    expect(compareWithDirectory(rows, directory)).toEqual({ new: 1, updated: 1, unchanged: 1 });
  });
});
