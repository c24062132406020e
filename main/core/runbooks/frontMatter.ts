import { isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { z } from 'zod';
import type { Problem } from '../../contract/types';
import { categorySchema, clockSchema, providerTypeSchema, slugSchema } from '../../contract/schemas';
import { PROVIDER_TYPES, type ProviderType } from '../../contract/vocabulary';

/** Front matter larger than this is refused before YAML sees it (alias bombs, huge blocks). */
export const MAX_FRONT_MATTER_BYTES = 16 * 1024;

const isoDate = z.iso.date('use a date written as YYYY-MM-DD');

/** The runbook header every file must carry; unknown keys are refused so typos are caught. */
export const frontMatterSchema = z.strictObject({
  id: slugSchema,
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
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const problem = (message: string): SplitFile => ({
    yaml: null,
    bodyStartLine: 1,
    body: text,
    problems: [{ file, line: 1, severity: 'error', message }],
  });
  if (first.trimEnd() !== '---') {
    return first.startsWith('---')
      ? problem('front matter must open with a line of exactly "---" (language tags such as "---js" are not allowed)')
      : problem('missing front matter: the file must start with a line "---", then id, title and the other fields, then "---"');
  }
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) return problem('front matter is not closed: add a line "---" after the last field');
  const yaml = lines.slice(1, close).join('\n');
  if (Buffer.byteLength(yaml) > MAX_FRONT_MATTER_BYTES) {
    return problem(`front matter is too large (over ${MAX_FRONT_MATTER_BYTES / 1024} KB)`);
  }
  return { yaml, bodyStartLine: close + 2, body: lines.slice(close + 1).join('\n'), problems: [] };
}

/** Parses and validates front matter YAML (safe core schema, no custom tags, unique keys). */
export function parseFrontMatter(
  yaml: string,
  file: string,
): { value: FrontMatter | null; problems: Problem[]; idLine: number } {
  const lineCounter = new LineCounter();
  // File line of YAML line 1 is 2 (line 1 is the opening fence).
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const doc = parseDocument(yaml, {
    lineCounter,
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    customTags: [],
    prettyErrors: true,
  });
  // Warnings count too: an unknown tag such as `!!js/function` is only a warning to the YAML
  // library, but a runbook header has no use for tags at all.
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((error) => ({
    file,
    line: (error.linePos?.[0]?.line ?? 1) + 1,
    severity: 'error',
    message: `front matter: ${yamlMessage(error)}`,
  }));
  if (problems.length > 0) return { value: null, problems, idLine: 1 };

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 20 });
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return { value: null, problems: [{ file, line: 2, severity: 'error', message: `front matter: ${message}` }], idLine: 1 };
  }
  if (!isPlainRecord(raw)) {
    return {
      value: null,
      problems: [{ file, line: 2, severity: 'error', message: 'front matter must be a list of "key: value" fields' }],
      idLine: 1,
    };
  }
  const parsed = frontMatterSchema.safeParse(raw);
  const idNode = doc.getIn(['id'], true) as { range?: [number, number, number] } | undefined;
  const idLine = idNode?.range ? lineAt(idNode.range[0]) : 1;
  if (parsed.success) return { value: parsed.data, problems: [], idLine };
  return {
    value: null,
    idLine,
    problems: parsed.error.issues.map((issue) => ({
      file,
      line: lineOfIssue(doc, issue, lineAt),
      severity: 'error' as const,
      message: `front matter: ${describe(issue, raw)}`,
    })),
  };
}

/** The YAML library's message without its own line count (relative to the header, not the file). */
function yamlMessage(error: YAMLError): string {
  const first = (error.message.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, '');
  const column = error.linePos?.[0]?.col;
  const hint = error.code === 'BLOCK_AS_IMPLICIT_KEY' || /Nested mappings/.test(first) ? ' (put text that contains ": " in quotes)' : '';
  return `${first}${column ? ` (column ${column})` : ''}${hint}`;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(issue: z.core.$ZodIssue, raw: Record<string, unknown>): string {
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const field = issue.path.map(String).join('.');
  const [top] = issue.path;
  if (issue.path.length === 1 && typeof top === 'string' && !Object.hasOwn(raw, top)) return `"${field}" is required`;
  return field ? `"${field}": ${issue.message}` : issue.message;
}

/** Finds the line of the YAML node a zod issue is about, falling back to the opening fence. */
function lineOfIssue(doc: Document, issue: z.core.$ZodIssue, lineAt: (offset: number) => number): number {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys' && isMap(doc.contents)) {
    const key = issue.keys[0];
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const range = isScalar(pair?.key) ? pair.key.range : undefined;
    if (range) return lineAt(range[0]);
  }
  for (let length = path.length; length > 0; length -= 1) {
    const node = doc.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineAt(node.range[0]);
  }
  return 1;
}
