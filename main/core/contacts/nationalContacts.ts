import { z } from 'zod';
import type { Problem } from '../../contract/types';
import { slugSchema } from '../../contract/schemas';

const channelSchema = z.strictObject({
  kind: z.enum(['phone', 'email', 'sms', 'web']),
  value: z.string().trim().min(1).max(200),
  note: z.string().max(200).optional(),
});

const nationalContactSchema = z.strictObject({
  id: slugSchema,
  name: z.string().trim().min(1).max(160),
  use: z.string().trim().min(1).max(400),
  channels: z.array(channelSchema).min(1).max(10),
  hours: z.string().trim().max(160),
  source: z.url({ protocol: /^https$/ }),
  sourceDate: z.iso.date().nullable(),
  notes: z.string().max(600).optional(),
});

const packSchema = z.strictObject({
  formatVersion: z.literal(1),
  contacts: z.array(nationalContactSchema).max(200),
});

export type NationalContact = z.infer<typeof nationalContactSchema>;

/**
 * Parses the bundled national contacts pack. A broken pack is reported with its line and yields
 * no contacts, so runbooks say "not set" rather than show a number we cannot vouch for.
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
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const contact of parsed.data.contacts) {
    if (seen.has(contact.id))
      problems.push({
        file,
        line: lineOfPath(text, ['contacts']),
        severity: 'error',
        message: `duplicate contact id "${contact.id}"`,
      });
    seen.add(contact.id);
  }
  return { contacts: problems.length > 0 ? [] : parsed.data.contacts, problems };
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
