import type { ContactAtAGlance, PackContactChange } from '../../../contract/authoringTypes';
import type {
  ContactsDirectory,
  ImportCounts,
  ImportFormat,
  ImportProblem,
  LocalContact,
} from '../../../contract/types';
import { parseCsv } from './csv';
import { setContacts, type ImportRoles, type ParsedImport } from './shared';
import { parseVcard } from './vcard';
import { pluralise } from '../../../shared/pluralise';

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

export { CSV_COLUMNS, exportCsv, parseCsv } from './csv';
export { importRolesOf, type ImportRoles, type ParsedImport } from './shared';
export { exportVcard, parseVcard } from './vcard';

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

const atAGlance = (contact: LocalContact): ContactAtAGlance => ({
  name: contact.name,
  organisation: contact.organisation,
  channels: contact.channels.map((channel) => `${channel.kind} ${channel.value}`),
});

/**
 * Each contact an import would add or change, as it is here and as it would be: a pack or file
 * must never swap a number without the user seeing both.
 */
export function describeContactChanges(
  rows: LocalContact[],
  directory: ContactsDirectory,
): PackContactChange[] {
  const roles = new Map(directory.roles.map((role) => [role.role, role]));
  return rows.flatMap((row) => {
    const existing = roles.get(row.role)?.contact ?? null;
    if (existing && JSON.stringify(existing) === JSON.stringify(row)) return [];
    return [
      {
        role: row.role,
        label: roles.get(row.role)?.label ?? row.role,
        before: existing ? atAGlance(existing) : null,
        after: atAGlance(row),
      },
    ];
  });
}

/** One sentence listing the problems, for a refused import. */
export function describeProblems(problems: ImportProblem[], noun: 'Row' | 'Card'): string {
  const listed = problems
    .slice(0, 5)
    .map((p) => (p.row === undefined ? p.message : `${noun} ${p.row}: ${p.message}`));
  const more = problems.length > 5 ? ` …and ${problems.length - 5} more.` : '';
  return `Nothing was imported: the file has ${pluralise(problems.length, 'problem', 'problems')}. ${listed.join(' ')}${more}`;
}
