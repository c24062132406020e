/**
 * Builds runbook files for tests. The default front matter is exactly lines 1–9 (the two fences
 * and seven fields), so body line N of `body` is file line 9 + N unless extra fields are added.
 */
export interface RunbookSourceOptions {
  id?: string;
  title?: string;
  category?: string;
  summary?: string;
  /** Extra front matter lines, inserted after `version` (so before the closing fence). */
  extraFront?: string[];
  contacts?: string[];
  body: string[];
}

export function runbookSource(options: RunbookSourceOptions): string {
  const front = [
    `id: ${options.id ?? 'test-runbook'}`,
    `title: ${options.title ?? 'A test runbook'}`,
    `category: ${options.category ?? 'guide'}`,
    `summary: ${options.summary ?? 'Used only by the tests.'}`,
    'reviewed: 2026-01-15',
    'owner: Holdfast tests',
    'version: 1',
    ...(options.contacts ? [`contacts: [${options.contacts.join(', ')}]`] : []),
    ...(options.extraFront ?? []),
  ];
  return ['---', ...front, '---', ...options.body].join('\n');
}

/** A small valid body: one phase, two steps. */
export const SIMPLE_BODY = [
  '',
  'Stay calm.',
  '',
  '## Contain {#contain}',
  '',
  '1. Write down the time. {#note-time}',
  '2. Phone the manager. {#call-manager}',
  '',
];

/** 1-based line of the only line containing `needle`; throws if it is missing or repeated. */
export function lineOf(source: string, needle: string): number {
  const lines = source.split('\n');
  const found = lines.flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
  if (found.length !== 1)
    throw new Error(`"${needle}" is on ${found.length} lines of the fixture, expected exactly one`);
  return found[0] as number;
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
