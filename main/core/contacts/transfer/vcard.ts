/** vCard export (3.0) and import (2.1, 3.0, 4.0) of contacts. */
import type { ContactsDirectory, ImportProblem, LocalContact } from '../../../contract/types';
import {
  capProblems,
  type ImportRoles,
  MAX_IMPORT_ROWS,
  normaliseDate,
  type ParsedImport,
  resolveRole,
  tooLarge,
  tooManyRows,
  validateRows,
  trimSpaces,
} from './shared';

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
      const value = trimSpaces(unescapeVcard(p.value));
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
