import { z } from 'zod';
import type { Problem } from '../../contract/types';
import { slugSchema } from '../../contract/schemas';
import { isOfficialSource } from './officialSources';

const channelSchema = z.strictObject({
  kind: z.enum(['phone', 'email', 'sms', 'web']),
  value: z.string().trim().min(1).max(200),
  note: z.string().max(200).optional(),
});

const contactFields = {
  id: slugSchema,
  name: z.string().trim().min(1).max(160),
  use: z.string().trim().min(1).max(400),
  channels: z.array(channelSchema).min(1).max(10),
  hours: z.string().trim().max(160),
  source: z.url({ protocol: /^https$/ }),
  notes: z.string().max(600).optional(),
};

/**
 * Format 2: `checked` is when the facts were last checked against the source page (what the
 * 12-month re-check warning counts from); `pageDate` is the date the page itself shows, if any.
 */
const contactSchemaV2 = z.strictObject({
  ...contactFields,
  checked: z.iso.date(),
  pageDate: z.iso.date().nullable(),
});

/** Format 1 had one date, the page's own, which also served as the date the facts were vouched for. */
const contactSchemaV1 = z.strictObject({ ...contactFields, sourceDate: z.iso.date().nullable() });

const packSchema = z.discriminatedUnion('formatVersion', [
  z.strictObject({ formatVersion: z.literal(1), contacts: z.array(contactSchemaV1).max(200) }),
  z.strictObject({ formatVersion: z.literal(2), contacts: z.array(contactSchemaV2).max(200) }),
]);

/**
 * A national contact as the app holds it. `checked` is null only for a format-1 contact whose
 * page had no date: nobody can say when it was last right, so it is always due a re-check.
 */
export type NationalContact = Omit<z.infer<typeof contactSchemaV2>, 'checked'> & {
  checked: string | null;
};

/** Reads a format-1 contact without losing anything: its one date becomes both dates. */
function fromFormat1({ sourceDate, ...rest }: z.infer<typeof contactSchemaV1>): NationalContact {
  return { ...rest, checked: sourceDate, pageDate: sourceDate };
}

/**
 * Parses the bundled national contacts pack (format 1 or 2). A broken pack, or one citing a
 * source outside the official sites, is reported with its line and yields no contacts, so
 * runbooks say "not set" rather than show a number we cannot vouch for.
 */
export function parseNationalContacts(
  text: string,
  file: string,
): { contacts: NationalContact[]; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? 1 : text.slice(0, Number(position)).split('\n').length;
    return {
      contacts: [],
      problems: [{ file, line, severity: 'error', message: `not valid JSON: ${message}` }],
    };
  }
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      contacts: [],
      problems: parsed.error.issues.map((issue) => ({
        file,
        line: lineOfPath(text, issue.path),
        severity: 'error' as const,
        message: `${issue.path.map(String).join('.') || 'file'}: ${issue.message}`,
      })),
    };
  }
  const contacts: NationalContact[] =
    parsed.data.formatVersion === 1 ? parsed.data.contacts.map(fromFormat1) : parsed.data.contacts;
  const seen = new Set<string>();
  const problems: Problem[] = [];
  contacts.forEach((contact, index) => {
    if (!isOfficialSource(contact.source))
      problems.push({
        file,
        line: lineOfPath(text, ['contacts', index, 'source']),
        severity: 'error',
        message: `contacts.${index}.source: "${contact.source}" is not an official page; cite the organisation's own site`,
      });
  });
  for (const contact of contacts) {
    if (seen.has(contact.id))
      problems.push({
        file,
        line: lineOfPath(text, ['contacts']),
        severity: 'error',
        message: `duplicate contact id "${contact.id}"`,
      });
    seen.add(contact.id);
  }
  return { contacts: problems.length > 0 ? [] : contacts, problems };
}

/** Best-effort line for a JSON path: the line of the entry's `"id"` or of the named key. */
function lineOfPath(text: string, path: readonly PropertyKey[]): number {
  const lines = text.split('\n');
  const [, index, key] = path;
  if (typeof index === 'number') {
    let count = -1;
    for (let i = 0; i < lines.length; i += 1) {
      if (/^\s*"id"\s*:/.test(lines[i] ?? '')) count += 1;
      if (count === index) {
        if (typeof key !== 'string') return i + 1;
        for (let j = i; j < lines.length; j += 1)
          if ((lines[j] ?? '').includes(`"${key}"`)) return j + 1;
        return i + 1;
      }
    }
  }
  const first = path[0];
  const found =
    typeof first === 'string' ? lines.findIndex((line) => line.includes(`"${first}"`)) : -1;
  return found === -1 ? 1 : found + 1;
}
