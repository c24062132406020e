import type { z } from 'zod';
import { localContactSchema } from '../../contract/schemas';
import { IMPORT_LIMITS } from '../../contract/vocabulary';
import type {
  ContactsDirectory,
  ImportCounts,
  ImportFormat,
  ImportProblem,
  LocalContact,
} from '../../contract/types';

/**
 * Contacts import and export, CSV and vCard. Pure functions: the core reads the directory, these
 * turn it into text or text into contacts, and the directory writes them all at once.
 *
 * CSV columns (header row required, any order, names case-insensitive; role, name and
 * last_verified are required, the rest optional):
 *   role          a role id (it-supplier) or its label (IT supplier), local or your own role
 *   name, organisation, hours, notes
 *   phone, mobile, email   one or more values separated by ";"
 *   other         one free-text way to reach them (radio channel, address…)
 *   out_of_band   which of phone, mobile, email, other still work when our systems are down,
 *                 separated by ";" (empty: none)
 *   last_verified the date the details were last checked: 2026-01-31 or 31/01/2026
 * RFC 4180 quoting, UTF-8 with or without BOM, CRLF or LF. Channel notes are not carried.
 *
 * vCard 3.0 or 4.0 (2.1 read too): FN (or N), ORG, TEL (TYPE=cell → mobile), EMAIL, NOTE, and
 * X-HOLDFAST-ROLE (or a CATEGORIES value naming a role), X-HOLDFAST-HOURS,
 * X-HOLDFAST-LAST-VERIFIED, X-HOLDFAST-OTHER; X-HOLDFAST-OOB=yes on a channel marks it out-of-band.
 */

// Larger files are refused before parsing: 512 KB stays under the harness's 1 MiB request limit once
// JSON-escaped, and is far more than 500 contacts need.
const MAX_IMPORT_CHARS = IMPORT_LIMITS.chars;
const MAX_IMPORT_ROWS = IMPORT_LIMITS.rows;
const MAX_PROBLEMS = 100;

export const CSV_COLUMNS = [
  'role',
  'name',
  'organisation',
  'phone',
  'mobile',
  'email',
  'other',
  'out_of_band',
  'hours',
  'notes',
  'last_verified',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = ['role', 'name', 'last_verified'];

type Kind = LocalContact['channels'][number]['kind'];
const KINDS: Kind[] = ['phone', 'mobile', 'email', 'other'];

/** What import needs to know about roles: the ones a contact may use, and national ids to refuse. */
export interface ImportRoles {
  local: Array<{ id: string; label: string }>;
  nationalIds: ReadonlySet<string>;
}

export interface ParsedImport {
  rows: LocalContact[];
  problems: ImportProblem[];
}

/** The roles an import may use, from the directory as listed. */
export const importRolesOf = (directory: ContactsDirectory): ImportRoles => ({
  local: directory.roles.map(({ role, label }) => ({ id: role, label })),
  nationalIds: new Set(directory.national.map((contact) => contact.id)),
});

const setContacts = (directory: ContactsDirectory): LocalContact[] =>
  directory.roles.flatMap((entry) => (entry.contact ? [entry.contact] : []));

// ---------- export ----------

/** Spreadsheets run a cell starting with = + - @ (or tab/CR) as a formula: a quote makes it text (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const protectCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);
const quoteCell = (value: string): string => {
  const safe = protectCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The directory's contacts as CSV (UTF-8 BOM so spreadsheets read accents, CRLF), formula-looking cells made inert. */
export function exportCsv(directory: ContactsDirectory): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const contact of setContacts(directory)) {
    const of = (kind: Kind): string =>
      contact.channels
        .filter((channel) => channel.kind === kind)
        .map((channel) => channel.value)
        .join('; ');
    const outOfBand = KINDS.filter((kind) =>
      contact.channels.some((c) => c.kind === kind && c.outOfBand),
    );
    const cells: Record<CsvColumn, string> = {
      role: contact.role,
      name: contact.name,
      organisation: contact.organisation,
      phone: of('phone'),
      mobile: of('mobile'),
      email: of('email'),
      other: of('other'),
      out_of_band: outOfBand.join('; '),
      hours: contact.hours,
      notes: contact.notes,
      last_verified: contact.lastVerified,
    };
    lines.push(CSV_COLUMNS.map((column) => quoteCell(cells[column])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const escapeVcard = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');

/** Folds a content line at 75 octets (RFC 6350 §3.2) without splitting a UTF-8 character. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The directory's contacts as vCard 3.0, one card per role, with the role and dates in X-HOLDFAST-* properties. */
export function exportVcard(directory: ContactsDirectory): string {
  const cards = directory.roles.flatMap((entry) => {
    const contact = entry.contact;
    if (!contact) return [];
    const lines = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${escapeVcard(contact.name)}`,
      `N:${escapeVcard(contact.name)};;;;`,
      ...(contact.organisation ? [`ORG:${escapeVcard(contact.organisation)}`] : []),
      ...contact.channels.map((channel) => {
        const oob = channel.outOfBand ? ';X-HOLDFAST-OOB=yes' : '';
        const value = escapeVcard(channel.value);
        switch (channel.kind) {
          case 'phone':
            return `TEL;TYPE=voice${oob}:${value}`;
          case 'mobile':
            return `TEL;TYPE=cell${oob}:${value}`;
          case 'email':
            return `EMAIL;TYPE=internet${oob}:${value}`;
          case 'other':
            return `X-HOLDFAST-OTHER${oob}:${value}`;
        }
      }),
      ...(contact.notes ? [`NOTE:${escapeVcard(contact.notes)}`] : []),
      `X-HOLDFAST-ROLE:${contact.role}`,
      `CATEGORIES:${escapeVcard(entry.label)}`,
      ...(contact.hours ? [`X-HOLDFAST-HOURS:${escapeVcard(contact.hours)}`] : []),
      `X-HOLDFAST-LAST-VERIFIED:${contact.lastVerified}`,
      'END:VCARD',
    ];
    return [lines.map(foldLine).join('\r\n')];
  });
  return cards.length === 0 ? '' : `${cards.join('\r\n')}\r\n`;
}

// ---------- shared import checks ----------

const tooLarge = (text: string): ImportProblem | null =>
  text.length > MAX_IMPORT_CHARS
    ? {
        message: `The file is larger than ${MAX_IMPORT_CHARS / 1024} KB. Split it into smaller files and import each one.`,
      }
    : null;

const tooManyRows = (count: number): ImportProblem => ({
  message: `The file has ${count} contacts; at most ${MAX_IMPORT_ROWS} can be imported at once. Split it into smaller files.`,
});

/** Finds the role a cell names, by id or label; national ids and unknown roles are explained. */
function resolveRole(value: string, roles: ImportRoles): { role: string } | { message: string } {
  const wanted = value.trim();
  if (wanted === '')
    return { message: 'role: enter the role this contact is for, for example it-supplier' };
  const lower = wanted.toLowerCase();
  const found = roles.local.find((role) => role.id === lower || role.label.toLowerCase() === lower);
  if (found) return { role: found.id };
  if (roles.nationalIds.has(lower))
    return {
      message: `role: “${wanted}” is a national contact; Holdfast keeps national numbers itself and they cannot be imported`,
    };
  return {
    message: `role: there is no role “${wanted.slice(0, 80)}”. Use a role id such as it-supplier (an export lists them), or add it as a role of your own first`,
  };
}

const contactWithoutRoleSchema = localContactSchema.omit({ role: true });

/** Where a schema issue points, as the column (CSV) or property the user sees. */
function fieldOf(issue: z.core.$ZodIssue, channelKinds: Kind[]): string {
  const [first, index] = issue.path;
  if (first === 'channels')
    return typeof index === 'number' ? (channelKinds[index] ?? 'channels') : 'phone';
  if (first === 'lastVerified') return 'last_verified';
  return typeof first === 'string' ? first : 'row';
}

/**
 * Validates candidate contacts with the same schema contacts.save uses, and refuses a role used
 * twice in the file (the second would silently replace the first).
 */
function validateRows(
  candidates: Array<{
    row: number;
    role: string | { message: string };
    contact: Omit<LocalContact, 'role'>;
  }>,
  noun: 'Row' | 'Card',
): ParsedImport {
  const rows: LocalContact[] = [];
  const problems: ImportProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, role, contact } of candidates) {
    let isBad = false;
    if (typeof role !== 'string') {
      problems.push({ row, field: 'role', message: role.message });
      isBad = true;
    } else {
      const earlier = firstRowOf.get(role);
      if (earlier !== undefined) {
        problems.push({
          row,
          field: 'role',
          message: `role: ${role} is already given on ${noun.toLowerCase()} ${earlier}; each role may appear once`,
        });
        isBad = true;
      } else firstRowOf.set(role, row);
    }
    // The role was checked above; the rest goes through the very schema contacts.save uses.
    const parsed = contactWithoutRoleSchema.safeParse(contact);
    if (!parsed.success) {
      const kinds = contact.channels.map((channel) => channel.kind);
      for (const issue of parsed.error.issues.slice(0, 5)) {
        const field = fieldOf(issue, kinds);
        problems.push({ row, field, message: `${field}: ${issue.message}` });
      }
      isBad = true;
    }
    if (!isBad && parsed.success && typeof role === 'string') rows.push({ role, ...parsed.data });
  }
  return { rows, problems };
}

const capProblems = (parsed: ParsedImport): ParsedImport => {
  if (parsed.problems.length <= MAX_PROBLEMS) return parsed;
  const more = parsed.problems.length - MAX_PROBLEMS;
  return {
    rows: parsed.rows,
    problems: [
      ...parsed.problems.slice(0, MAX_PROBLEMS),
      { message: `…and ${more} more problems.` },
    ],
  };
};

/** Accepts ISO dates, and the dd/mm/yyyy a UK spreadsheet turns them into when saved. */
function normaliseDate(value: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!uk) return value.trim();
  const [, day = '', month = '', year = ''] = uk;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

// ---------- CSV ----------

/** RFC 4180 records with the 1-based row each starts on as a spreadsheet numbers it; throws on an unclosed quote. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let inQuotes = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else inQuotes = false;
      } else cell += char;
      continue;
    }
    if (char === '"' && atCellStart) {
      inQuotes = true;
      atCellStart = false;
    } else if (char === ',') {
      record.push(cell);
      cell = '';
      atCellStart = true;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += char;
      atCellStart = false;
    }
  }
  if (inQuotes) throw new Error(`row ${records.length + 1}`);
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

/** Undoes the export's CSV-injection quote so a round trip keeps "+44…" as typed. */
const unprotectCell = (value: string): string =>
  /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;

/** Parses a CSV file of contacts; every row is checked, and each problem names its spreadsheet row. */
export function parseCsv(text: string, roles: ImportRoles): ParsedImport {
  const large = tooLarge(text);
  if (large) return { rows: [], problems: [large] };
  let records: string[][];
  try {
    records = csvRecords(text.replace(/^\uFEFF/, ''));
  } catch (error: unknown) {
    const where = error instanceof Error ? error.message : 'a row';
    return {
      rows: [],
      problems: [
        {
          message: `A quoted cell starting on ${where} is never closed: check for a missing " mark.`,
        },
      ],
    };
  }
  const [header, ...body] = records;
  if (!header || header.every((cell) => cell.trim() === ''))
    return {
      rows: [],
      problems: [
        {
          row: 1,
          message: `The file is empty. The first row must name the columns: ${CSV_COLUMNS.join(', ')}.`,
        },
      ],
    };

  const problems: ImportProblem[] = [];
  const columns = header.map((cell) =>
    cell
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  columns.forEach((column, index) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(column))
      problems.push({
        row: 1,
        field: column,
        message: `Unknown column “${header[index]?.slice(0, 40) ?? ''}”. The columns are: ${CSV_COLUMNS.join(', ')}.`,
      });
    else if (columns.indexOf(column) !== index)
      problems.push({ row: 1, field: column, message: `The column “${column}” appears twice.` });
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required))
      problems.push({ row: 1, field: required, message: `The column “${required}” is missing.` });
  }
  if (problems.length > 0) return { rows: [], problems };

  const dataRows = body
    .map((cells, index) => ({ row: index + 2, cells }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (dataRows.length > MAX_IMPORT_ROWS)
    return { rows: [], problems: [tooManyRows(dataRows.length)] };

  const candidates = [];
  for (const { row, cells } of dataRows) {
    if (cells.length > columns.length) {
      problems.push({
        row,
        message: `This row has ${cells.length} cells but the header has ${columns.length}: put any value containing a comma in "double quotes".`,
      });
      continue;
    }
    const get = (column: CsvColumn): string => {
      const index = columns.indexOf(column);
      return index === -1 ? '' : unprotectCell(cells[index] ?? '');
    };
    const outOfBandWords = get('out_of_band')
      .split(/[;,\s]+/)
      .map((word) => word.toLowerCase())
      .filter(Boolean);
    const badWord = outOfBandWords.find(
      (word) => !(KINDS as string[]).includes(word) && word !== 'none',
    );
    if (badWord) {
      problems.push({
        row,
        field: 'out_of_band',
        message: `out_of_band: “${badWord.slice(0, 40)}” is not a channel; list any of phone, mobile, email, other, separated by ;`,
      });
      continue;
    }
    const channels = KINDS.flatMap((kind) => {
      const cell = get(kind);
      const values = kind === 'other' ? [cell] : cell.split(';');
      return values
        .map((value) => value.trim())
        .filter(Boolean)
        .map((value) => ({ kind, value, outOfBand: outOfBandWords.includes(kind) }));
    });
    candidates.push({
      row,
      role: ((r) => ('role' in r ? r.role : r))(resolveRole(get('role'), roles)),
      contact: {
        name: get('name'),
        organisation: get('organisation'),
        channels,
        hours: get('hours'),
        notes: get('notes'),
        lastVerified: normaliseDate(get('last_verified')),
      },
    });
  }
  const validated = validateRows(candidates, 'Row');
  return capProblems({
    rows: validated.rows,
    problems: [...problems, ...validated.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  });
}

// ---------- vCard ----------

interface VcardProperty {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

const unescapeVcard = (value: string): string =>
  value.replace(/\\([\\nN,;:])/g, (_match, char: string) =>
    char === 'n' || char === 'N' ? '\n' : char,
  );

/** Splits on unescaped `;` (vCard structured values such as N and ORG). */
const components = (value: string): string[] => value.split(/(?<!\\);/).map(unescapeVcard);

function parseProperty(line: string): VcardProperty | null {
  const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (colon === -1) return null;
  const [nameWithGroup = '', ...rawParams] = line.slice(0, colon).split(';');
  const name = nameWithGroup.replace(/^[^.]*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    // vCard 2.1 writes bare types: TEL;CELL:…
    const key = eq === -1 ? 'TYPE' : raw.slice(0, eq).toUpperCase();
    const values = (eq === -1 ? raw : raw.slice(eq + 1))
      .replace(/"/g, '')
      .split(',')
      .map((v) => v.toLowerCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value: line.slice(colon + 1) };
}

/** Parses vCard 2.1/3.0/4.0 text; a card's role comes from X-HOLDFAST-ROLE or a CATEGORIES value naming a role. */
export function parseVcard(text: string, roles: ImportRoles): ParsedImport {
  const large = tooLarge(text);
  if (large) return { rows: [], problems: [large] };
  // Unfold: a line break followed by a space or tab continues the previous line.
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
  const cards: VcardProperty[][] = [];
  const problems: ImportProblem[] = [];
  let current: VcardProperty[] | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (current)
        problems.push({
          row: cards.length + 1,
          message: 'This card has no END:VCARD line before the next card begins.',
        });
      current = [];
      cards.push(current);
    } else if (upper === 'END:VCARD') current = null;
    else if (current) {
      const property = parseProperty(line);
      if (property) current.push(property);
    }
  }
  if (current)
    problems.push({
      row: cards.length,
      message: 'This card has no END:VCARD line: the file may be cut short.',
    });
  if (cards.length === 0)
    return {
      rows: [],
      problems: [
        { message: 'No contacts found: a vCard file has cards that start with BEGIN:VCARD.' },
      ],
    };
  if (cards.length > MAX_IMPORT_ROWS) return { rows: [], problems: [tooManyRows(cards.length)] };
  if (problems.length > 0) return { rows: [], problems };

  const candidates = cards.map((properties, index) => {
    const values = (name: string) => properties.filter((p) => p.name === name);
    const first = (name: string): string => {
      const found = values(name)[0];
      return found ? unescapeVcard(found.value) : '';
    };
    const explicitRole = first('X-HOLDFAST-ROLE');
    const categories = values('CATEGORIES').flatMap((p) =>
      p.value.split(/(?<!\\),/).map(unescapeVcard),
    );
    const role = explicitRole
      ? resolveRole(explicitRole, roles)
      : (categories.map((category) => resolveRole(category, roles)).find((r) => 'role' in r) ?? {
          message: 'role: the card has no X-HOLDFAST-ROLE, and none of its CATEGORIES names a role',
        });
    const n = components(first('N'));
    const name = first('FN') || [n[1], n[0]].filter(Boolean).join(' ');
    const isOob = (p: VcardProperty) => p.params.get('X-HOLDFAST-OOB')?.includes('yes') ?? false;
    const channels = properties.flatMap((p): LocalContact['channels'] => {
      const value = unescapeVcard(p.value).trim();
      if (p.name === 'TEL') {
        const types = p.params.get('TYPE') ?? [];
        return [
          {
            kind: types.includes('cell') ? 'mobile' : 'phone',
            value: value.replace(/^tel:/i, ''),
            outOfBand: isOob(p),
          },
        ];
      }
      if (p.name === 'EMAIL')
        return [{ kind: 'email', value: value.replace(/^mailto:/i, ''), outOfBand: isOob(p) }];
      if (p.name === 'X-HOLDFAST-OTHER') return [{ kind: 'other', value, outOfBand: isOob(p) }];
      return [];
    });
    return {
      row: index + 1,
      role: 'role' in role ? role.role : role,
      contact: {
        name,
        organisation: components(first('ORG'))[0] ?? '',
        channels,
        hours: first('X-HOLDFAST-HOURS'),
        notes: first('NOTE'),
        lastVerified:
          first('X-HOLDFAST-LAST-VERIFIED') === ''
            ? ''
            : normaliseDate(first('X-HOLDFAST-LAST-VERIFIED')),
      },
    };
  });
  return capProblems(validateRows(candidates, 'Card'));
}

/** Parses either format. */
export const parseImport = (
  format: ImportFormat,
  text: string,
  roles: ImportRoles,
): ParsedImport => (format === 'csv' ? parseCsv(text, roles) : parseVcard(text, roles));

/** How the rows compare with what is saved: a role with no contact is new, an identical one unchanged. */
export function compareWithDirectory(
  rows: LocalContact[],
  directory: ContactsDirectory,
): ImportCounts {
  const saved = new Map(setContacts(directory).map((contact) => [contact.role, contact]));
  const counts = { new: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const existing = saved.get(row.role);
    if (!existing) counts.new += 1;
    else if (JSON.stringify(existing) === JSON.stringify(row)) counts.unchanged += 1;
    else counts.updated += 1;
  }
  return counts;
}

/** One sentence listing the problems, for a refused import. */
export function describeProblems(problems: ImportProblem[], noun: 'Row' | 'Card'): string {
  const listed = problems
    .slice(0, 5)
    .map((p) => (p.row === undefined ? p.message : `${noun} ${p.row}: ${p.message}`));
  const more = problems.length > 5 ? ` …and ${problems.length - 5} more.` : '';
  return `Nothing was imported: the file has ${problems.length} problem${problems.length === 1 ? '' : 's'}. ${listed.join(' ')}${more}`;
}
