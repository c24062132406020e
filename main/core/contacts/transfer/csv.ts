/** CSV export and import of contacts (RFC 4180; see index.ts for the columns). */
import type { ContactsDirectory, ImportProblem } from '../../../contract/types';
import {
  capProblems,
  type ImportRoles,
  type Kind,
  KINDS,
  MAX_IMPORT_ROWS,
  normaliseDate,
  type ParsedImport,
  resolveRole,
  setContacts,
  tooLarge,
  tooManyRows,
  validateRows,
  trimSpaces,
} from './shared';

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
        .map(trimSpaces)
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
