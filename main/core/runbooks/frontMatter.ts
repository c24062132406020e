import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { z } from 'zod';
import type { Problem } from '../../contract/types';
import {
  categorySchema,
  clockSchema,
  providerTypeSchema,
  slugSchema,
} from '../../contract/schemas';
import { headerFieldLabels } from '../../contract/headerFields';
import { PROVIDER_TYPES, SYSTEMS, type ProviderType } from '../../contract/vocabulary';
import { didYouMean } from './didYouMean';

const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Front matter larger than this is refused before YAML sees it (alias bombs, huge blocks). */
export const MAX_FRONT_MATTER_BYTES = 16 * 1024;

const QUOTED = /'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"/g;
// Where a YAML node can begin: line start, after "key: ", "- ", "[", "{" or ",".
const ALIAS_OR_ANCHOR = /(^\s*|:\s+|(^|\s)-\s+|[[{,]\s*)[&*][A-Za-z0-9_-]/;

const isoDate = z.iso.date('use a date written as YYYY-MM-DD');

/** The runbook header every file must carry; unknown keys are refused so typos are caught. */
export const frontMatterSchema = z.strictObject({
  // The id is also the file name: Windows cannot hold a file named after a device (con.md, lpt1.md).
  id: slugSchema.refine(
    (id) => !WINDOWS_DEVICE_NAME.test(id),
    'this id is a name Windows keeps for devices (such as con, aux, nul, com1); choose another',
  ),
  title: z.string().trim().min(3).max(120),
  category: categorySchema,
  summary: z.string().trim().min(1).max(400),
  providerTypes: z
    .array(providerTypeSchema)
    .max(10)
    .default(Object.keys(PROVIDER_TYPES) as ProviderType[]),
  synonyms: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  contacts: z.array(slugSchema).max(50).default([]),
  systems: z.array(slugSchema).max(50).default([]),
  clocks: z.array(clockSchema).max(10).default([]),
  reviewed: isoDate,
  owner: z.string().trim().min(1).max(120),
  version: z.number().int().min(1).max(100000),
  // A draft (an imported plan, or a new runbook not yet published) stays out of the crisis
  // screens, search, "Who to call", the grab-bag pack and home's problem list until published.
  status: z.enum(['draft', 'published']).default('published'),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface SplitFile {
  /** The YAML between the fences, or null when there is no usable front matter. */
  yaml: string | null;
  /** 1-based file line of the first body line. */
  bodyStartLine: number;
  body: string;
  problems: Problem[];
}

/**
 * Splits `---` front matter from the body. Only a bare `---` opens it: `---js` and friends are
 * refused because some front-matter libraries evaluate them as code.
 */
export function splitFrontMatter(text: string, file: string): SplitFile {
  // Walks the header a line at a time rather than splitting the whole file: the body is taken
  // whole, since it is most of the file and the body parser reads it again anyway.
  const firstEnd = text.indexOf('\n');
  const first = firstEnd === -1 ? text : text.slice(0, firstEnd);
  const problem = (message: string): SplitFile => ({
    yaml: null,
    bodyStartLine: 1,
    body: text,
    problems: [{ file, line: 1, severity: 'error', message }],
  });
  if (first.trimEnd() !== '---') {
    return first.startsWith('---')
      ? problem(
          'front matter must open with a line of exactly "---" (language tags such as "---js" are not allowed)',
        )
      : problem(
          'missing details at the top (front matter): the file must start with a line "---", then the lines "id: …", "title: …", "category: …", "summary: …", "reviewed: YYYY-MM-DD", "owner: …" and "version: 1", then "---" (runbooks/README.md shows an example)',
        );
  }
  const close = closingFence(text, firstEnd);
  if (close === null)
    return problem('front matter is not closed: add a line "---" after the last field');
  const yaml = text.slice(firstEnd + 1, Math.max(firstEnd + 1, close.start - 1));
  if (Buffer.byteLength(yaml) > MAX_FRONT_MATTER_BYTES) {
    return problem(`front matter is too large (over ${MAX_FRONT_MATTER_BYTES / 1024} KB)`);
  }
  return {
    yaml,
    bodyStartLine: close.line + 2,
    body: close.end === -1 ? '' : text.slice(close.end + 1),
    problems: [],
  };
}

const FENCE = /^(---|\.\.\.)\s*$/;

/**
 * The first line after line 0 that closes the header: its 0-based line number, where it starts,
 * and where its line break is (-1 when it is the last line). Null when none does.
 */
function closingFence(
  text: string,
  firstEnd: number,
): { line: number; start: number; end: number } | null {
  if (firstEnd === -1) return null;
  let start = firstEnd + 1;
  for (let line = 1; ; line += 1) {
    const end = text.indexOf('\n', start);
    if (FENCE.test(end === -1 ? text.slice(start) : text.slice(start, end)))
      return { line, start, end };
    if (end === -1) return null;
    start = end + 1;
  }
}

/**
 * Parses and validates front matter YAML with the safe core schema: no custom tags (so no
 * `!!js/function`), no merge keys, duplicate keys refused. Lines are file lines (line 1 is `---`).
 * `schema` is the runbook header unless another format (exercise scenarios) brings its own.
 */
export function parseFrontMatter<
  S extends z.ZodType<Record<string, unknown>> = typeof frontMatterSchema,
>(
  yaml: string,
  file: string,
  schema: S = frontMatterSchema as unknown as S,
  // Runbook headers are filled in through the editor's form, so problems use its labels.
  labels: Readonly<Record<string, string>> | null = schema === (frontMatterSchema as unknown)
    ? headerFieldLabels
    : null,
): { value: z.infer<S> | null; problems: Problem[]; idLine: number } {
  const lines = yaml.split('\n');
  const idLine = lineOfPath(lines, ['id']);
  const failWith = (line: number, message: string) => ({
    value: null,
    idLine,
    problems: [{ file, line, severity: 'error' as const, message: `front matter: ${message}` }],
  });

  // Headers need no anchors or aliases, and refusing them rules out alias bombs.
  const aliasLine = lines.findIndex((line) => ALIAS_OR_ANCHOR.test(line.replace(QUOTED, '""')));
  if (aliasLine !== -1)
    return failWith(aliasLine + 2, 'anchors and aliases (&name, *name) are not allowed');

  let raw: unknown;
  try {
    raw = load(yaml, {
      schema: CORE_SCHEMA,
      json: false,
      // A warning is still something a runbook header has no business containing.
      onWarning: (warning) => {
        throw warning;
      },
    });
  } catch (error: unknown) {
    if (error instanceof YAMLException) {
      const hint = /multiline key|bad indentation of a mapping entry/.test(error.reason)
        ? ' (put text that contains ": " in quotes)'
        : '';
      const reason =
        error.reason === 'duplicated mapping key'
          ? 'this field appears twice; each field must be unique'
          : error.reason;
      return failWith((error.mark?.line ?? 0) + 2, `${reason}${hint}`);
    }
    return failWith(2, error instanceof Error ? error.message : String(error));
  }
  if (!isPlainRecord(raw)) {
    return {
      value: null,
      idLine,
      problems: [
        {
          file,
          line: 2,
          severity: 'error',
          message: 'front matter must be a list of "key: value" fields',
        },
      ],
    };
  }

  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    // An unknown system is only a warning: the runbook still works, its systems panel skips it.
    const systems: unknown = parsed.data.systems;
    const unknownSystems = (Array.isArray(systems) ? (systems as string[]) : []).flatMap(
      (system, index) =>
        Object.hasOwn(SYSTEMS, system)
          ? []
          : [
              {
                file,
                line: lineOfPath(lines, ['systems', index]),
                severity: 'warning' as const,
                message: `front matter: unknown system "${system}" in "systems" (Holdfast's systems are: ${Object.keys(SYSTEMS).join(', ')})`,
              },
            ],
    );
    return { value: parsed.data, problems: unknownSystems, idLine };
  }
  return {
    value: null,
    idLine,
    problems: parsed.error.issues.map((issue) => {
      const [top] = issue.path;
      const label = typeof top === 'string' && labels ? labels[top] : undefined;
      return {
        file,
        line:
          issue.code === 'unrecognized_keys'
            ? lineOfPath(lines, [issue.keys[0] ?? ''])
            : lineOfPath(lines, issue.path),
        severity: 'error' as const,
        message:
          label && typeof top === 'string'
            ? inPlainWords(issue, label, top, raw)
            : `front matter: ${describe(issue, raw)}`,
        ...(label ? { field: String(top) } : {}),
      };
    }),
  };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A header problem as the person filling in the form would say it: "Title must be at least 3
 * characters", "Looked after by is missing".
 */
function inPlainWords(
  issue: z.core.$ZodIssue,
  label: string,
  key: string,
  raw: Record<string, unknown>,
): string {
  const item = issue.path.length > 1 ? ` (item ${Number(issue.path[1]) + 1})` : '';
  if (!Object.hasOwn(raw, key) || raw[key] === null)
    return `${label} is missing: add a line "${key}: …" to the details at the top`;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? `${label}${item} is empty: fill it in`
          : `${label}${item} must be at least ${String(issue.minimum)} characters`;
      if (issue.origin === 'array') return `${label} needs at least ${String(issue.minimum)}`;
      return `${label} must be ${String(issue.minimum)} or more`;
    case 'too_big':
      if (issue.origin === 'string')
        return `${label}${item} must be ${String(issue.maximum)} characters or fewer`;
      if (issue.origin === 'array') return `${label} may have at most ${String(issue.maximum)}`;
      return `${label} must be ${String(issue.maximum)} or less`;
    case 'invalid_value':
      return `${label}${item} must be one of: ${issue.values.map(String).join(', ')}.${didYouMean(String(valueAt(raw, issue.path)), issue.values.map(String))}`;
    case 'invalid_format':
      return key === 'reviewed'
        ? `${label} must be a date written as YYYY-MM-DD, such as 2026-12-05`
        : `${label}${item}: ${issue.message}`;
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int')
        return `${label} must be a whole number, such as 1`;
      if (issue.expected === 'array') return `${label} must be a list, such as [a, b]`;
      return `${label}${item} must be written as text`;
    default:
      return `${label}${item}: ${issue.message}`;
  }
}

function valueAt(raw: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of path)
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined;
  return value;
}

function describe(issue: z.core.$ZodIssue, raw: Record<string, unknown>): string {
  if (issue.code === 'unrecognized_keys')
    return `${issue.keys.map((k) => `"${k}"`).join(', ')} is not a setting Holdfast knows (check the spelling)`;
  const field = issue.path.map(String).join('.');
  const [top] = issue.path;
  if (issue.path.length === 1 && typeof top === 'string' && !Object.hasOwn(raw, top))
    return `"${field}" is required`;
  return field ? `"${field}": ${issue.message}` : issue.message;
}

/**
 * The file line of a field (`title:`) or of an item in its block list (`contacts.2`); the opening
 * fence when the field is missing. Runbook headers are flat, so a line scan is exact enough.
 */
function lineOfPath(lines: string[], path: readonly PropertyKey[]): number {
  const [key, index] = path;
  if (typeof key !== 'string') return 1;
  const at = lines.findIndex(
    (line) =>
      line.startsWith(`${key}:`) || line.startsWith(`"${key}":`) || line.startsWith(`'${key}':`),
  );
  if (at === -1) return 1;
  if (typeof index === 'number') {
    let item = -1;
    for (let i = at + 1; i < lines.length && /^(\s+|-|$)/.test(lines[i] ?? ''); i += 1) {
      if (/^\s*- /.test(lines[i] ?? '')) item += 1;
      if (item === index) return i + 2;
    }
  }
  return at + 2;
}
