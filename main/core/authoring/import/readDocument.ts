import type { PlanFormat } from '../../../contract/importTypes';
import { MAX_IMPORT_BYTES } from '../../../contract/importSchemas';
import { fail, ok, type Result } from '../../../contract/result';
import { readZip } from '../../packs/safeZip';
import { decodeText } from '../../runbooks/parseRunbook';
import { plainTextToMarkdown } from './plainText';

/**
 * A Word file is a zip. Before mammoth opens it, every entry is inflated under these limits
 * (zip bombs lie about their sizes), so a 5 MB upload can never grow into gigabytes in memory.
 */
const DOCX_LIMITS = { files: 2000, fileBytes: 32 * 1024 * 1024, totalBytes: 96 * 1024 * 1024 };

/** The format a file name implies; pasted text is markdown when it looks like markdown. */
export function formatOf(name: string | undefined, text?: string): PlanFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
  if (extension === 'docx') return 'docx';
  if (extension === 'txt' || extension === 'text') return 'txt';
  if (extension === 'md' || extension === 'markdown') return 'md';
  if (text !== undefined && !looksLikeMarkdown(text)) return 'txt';
  return 'md';
}

function looksLikeMarkdown(text: string): boolean {
  return /^(#{1,6}\s|---\s*$|\s*[-*+]\s+\[[ xX]\]\s)|\]\(|\*\*|^\|.*\|\s*$/m.test(text);
}

/** Turns a document (markdown, plain text or .docx) into markdown for the proposal. */
export async function readDocument(
  format: PlanFormat,
  content: { bytes: Uint8Array } | { text: string },
): Promise<Result<string>> {
  if ('text' in content) {
    const text = content.text.replace(/\r\n?/g, '\n');
    return ok(format === 'txt' ? plainTextToMarkdown(text) : text);
  }
  const { bytes } = content;
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    return fail('INVALID_INPUT', 'This document is larger than 5 MB. Split it into smaller files.');
  if (format === 'docx') return docxToMarkdown(bytes);
  const text = decodeText(bytes);
  if (text === null)
    return fail(
      'INVALID_INPUT',
      'This file is not plain text. Choose a .md, .txt or Word (.docx) file, or paste the text.',
    );
  return ok(format === 'txt' ? plainTextToMarkdown(text) : text);
}

async function docxToMarkdown(bytes: Uint8Array): Promise<Result<string>> {
  const checked = readZip(bytes, DOCX_LIMITS);
  if (!checked.ok || !checked.files.some((file) => file.name === 'word/document.xml'))
    return fail(
      'INVALID_INPUT',
      'This is not a Word document Holdfast can read (.docx). If it is an older .doc file, save it as .docx in Word first.',
    );
  let html: string;
  try {
    // Loaded on first use: Word files are rare, and the app starts faster without these.
    const { default: mammoth } = await import('mammoth');
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch {
    return fail('INVALID_INPUT', 'This Word document could not be read. It may be damaged.');
  }
  return ok(await htmlToMarkdown(html));
}

/** Word's HTML as markdown; tables stay tables, pictures are left out (Holdfast never shows them). */
export async function htmlToMarkdown(html: string): Promise<string> {
  const [{ default: TurndownService }, { tables }] = await Promise.all([
    import('turndown'),
    import('turndown-plugin-gfm'),
  ]);
  const turndown = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
  });
  turndown.use(tables);
  turndown.remove(['img', 'script', 'style']);
  return turndown.turndown(withHeaderRows(html));
}

/**
 * Word tables have no header row in HTML terms, and a markdown table must have one: the first
 * row is taken as the header, as it nearly always is in a plan.
 */
function withHeaderRows(html: string): string {
  // Paragraphs inside a cell would break the row over several lines.
  const flat = html.replace(/<table>[\s\S]*?<\/table>/g, (table) =>
    table.replace(/<\/p>\s*<p>/g, ' ').replace(/<\/?p>/g, ''),
  );
  return flat.replace(
    /<table>(\s*<tbody>)?\s*<tr>([\s\S]*?)<\/tr>/g,
    (_whole, tbody: string | undefined, row: string) =>
      `<table><thead><tr>${row.replace(/<td(?=[\s>])/g, '<th').replace(/<\/td>/g, '</th>')}</tr></thead>${tbody ?? ''}`,
  );
}
