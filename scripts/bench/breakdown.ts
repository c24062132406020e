import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  frontMatterSchema,
  parseFrontMatter,
  splitFrontMatter,
} from '../../main/core/runbooks/frontMatter';
import { FOLDER_NOTES } from '../../main/core/runbooks/library';
import { parseRunbook } from '../../main/core/runbooks/parseRunbook';
import { createMarkdown } from '../../main/shared/markdown';
import { CORE_SCHEMA, load } from 'js-yaml';

/** Where the parse time of a folder goes, by stage, summed over its files (one pass, warm JIT). */
export interface ParseBreakdown {
  files: number;
  bytes: number;
  readMs: number;
  /** parseRunbook as loadLibrary calls it, end to end. */
  parseRunbookMs: number;
  /** parseFrontMatter minus its zod check: YAML parsing with line tracking. */
  yamlMs: number;
  zodMs: number;
  /** markdown-it's parse of the body (the lint instance parseRunbook uses). */
  markdownMs: number;
}

/**
 * Re-runs the stages of parseRunbook one by one. The stages are timed on separate calls, so the
 * remainder (parseRunbookMs − yaml − zod − markdown) is the body walk and checks, roughly.
 */
export async function profileParse(dir: string): Promise<ParseBreakdown> {
  const names = (await readdir(dir))
    .filter((name) => name.endsWith('.md') && !FOLDER_NOTES.has(name))
    .sort();
  const readStart = performance.now();
  const files = await Promise.all(names.map((name) => readFile(join(dir, name))));
  const result: ParseBreakdown = {
    files: files.length,
    bytes: 0,
    readMs: performance.now() - readStart,
    parseRunbookMs: 0,
    yamlMs: 0,
    zodMs: 0,
    markdownMs: 0,
  };
  const markdown = createMarkdown('lint');
  let frontMatterMs = 0;
  for (const [index, bytes] of files.entries()) {
    const name = names[index] ?? '';
    result.bytes += bytes.byteLength;
    let t = performance.now();
    parseRunbook(bytes, name);
    result.parseRunbookMs += performance.now() - t;

    const split = splitFrontMatter(bytes.toString('utf8'), name);
    if (split.yaml === null) continue;
    t = performance.now();
    parseFrontMatter(split.yaml, name);
    frontMatterMs += performance.now() - t;
    const raw: unknown = load(split.yaml, { schema: CORE_SCHEMA });
    t = performance.now();
    frontMatterSchema.safeParse(raw);
    result.zodMs += performance.now() - t;
    t = performance.now();
    markdown.parse(split.body, {});
    result.markdownMs += performance.now() - t;
  }
  result.yamlMs = frontMatterMs - result.zodMs;
  return result;
}
