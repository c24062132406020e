import { CORE_SCHEMA, dump, load } from 'js-yaml';

/** The header fields of a runbook file, as read; fields the form does not show are kept as they are. */
export type FrontMatterFields = Record<string, unknown>;

/** A runbook file split for the editor: the header for the form, the body for the text editor. */
export interface RunbookFile {
  front: FrontMatterFields;
  body: string;
  /** File line of the body's first line, to place problems reported by file line. */
  bodyStartLine: number;
}

/**
 * Splits a runbook file at its `---` fences and reads the header (core schema only: no custom
 * tags). Null when the header cannot be read, so the editor falls back to the whole text.
 */
export function splitRunbookFile(text: string): RunbookFile | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trimEnd() !== '---') return null;
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) return null;
  let front: unknown;
  try {
    front = load(lines.slice(1, close).join('\n'), { schema: CORE_SCHEMA });
  } catch {
    return null;
  }
  if (typeof front !== 'object' || front === null || Array.isArray(front)) return null;
  return {
    front: front as FrontMatterFields,
    body: lines.slice(close + 1).join('\n'),
    bodyStartLine: close + 2,
  };
}

/** Writes the header back in the usual field order, quoting whatever YAML would misread. */
export function joinRunbookFile(front: FrontMatterFields, body: string): string {
  const present = Object.fromEntries(
    Object.entries(front).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
  const yaml = dump(present, { schema: CORE_SCHEMA, lineWidth: -1, flowLevel: 1, noRefs: true });
  return `---\n${yaml}---\n${body}`;
}

/** Line of the body's first line once `front` is written, for problems reported by file line. */
export function bodyStartLineOf(front: FrontMatterFields): number {
  return joinRunbookFile(front, '').split('\n').length;
}
