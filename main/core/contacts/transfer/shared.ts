import type { z } from 'zod';
import { localContactSchema } from '../../../contract/schemas';
import { IMPORT_LIMITS } from '../../../contract/vocabulary';
import type { ContactsDirectory, ImportProblem, LocalContact } from '../../../contract/types';

/** What CSV and vCard import share: limits, role lookup, row validation, dates. */

// Larger files are refused before parsing: 512 KB stays under the harness's 1 MiB request limit once
// JSON-escaped, and is far more than 500 contacts need.
const MAX_IMPORT_CHARS = IMPORT_LIMITS.chars;
export const MAX_IMPORT_ROWS = IMPORT_LIMITS.rows;
const MAX_PROBLEMS = 100;

export type Kind = LocalContact['channels'][number]['kind'];
export const KINDS: Kind[] = ['phone', 'mobile', 'email', 'other'];

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

export const setContacts = (directory: ContactsDirectory): LocalContact[] =>
  directory.roles.flatMap((entry) => (entry.contact ? [entry.contact] : []));

export const tooLarge = (text: string): ImportProblem | null =>
  text.length > MAX_IMPORT_CHARS
    ? {
        message: `The file is larger than ${MAX_IMPORT_CHARS / 1024} KB. Split it into smaller files and import each one.`,
      }
    : null;

export const tooManyRows = (count: number): ImportProblem => ({
  message: `The file has ${count} contacts; at most ${MAX_IMPORT_ROWS} can be imported at once. Split it into smaller files.`,
});

/** Finds the role a cell names, by id or label; national ids and unknown roles are explained. */
export function resolveRole(
  value: string,
  roles: ImportRoles,
): { role: string } | { message: string } {
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
export function validateRows(
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

export const capProblems = (parsed: ParsedImport): ParsedImport => {
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
export function normaliseDate(value: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!uk) return value.trim();
  const [, day = '', month = '', year = ''] = uk;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * Trims spaces, tabs and line breaks but not U+FEFF: `String.prototype.trim` removes a
 * zero-width no-break space too, which would let one at either end of a number slip past the
 * hidden-character check that refuses it anywhere else in the value.
 */
export const trimSpaces = (value: string): string =>
  value.replace(/^[^\S\uFEFF]+|[^\S\uFEFF]+$/g, '');
