import { classifyHref } from '../../../shared/linkPolicy';

/**
 * Tidies a document before its structure is read: a header from another tool is left out, links
 * Holdfast cannot follow become plain words (or `runbook:` links to documents imported with it),
 * and leftover HTML (anchors, footnote marks) is removed rather than shown as code.
 */

/** A block of `key: value` lines between `---` (or `+++`) fences at the very top. */
export function dropForeignHeader(text: string): {
  body: string;
  hints: { title?: string; summary?: string };
  dropped: string | null;
} {
  const lines = text.split('\n');
  const fence = lines[0]?.trim();
  if (fence !== '---' && fence !== '+++') return { body: text, hints: {}, dropped: null };
  const close = lines.findIndex(
    (line, index) => index > 0 && index < 200 && /^(---|\+\+\+|\.\.\.)\s*$/.test(line),
  );
  if (close === -1) return { body: text, hints: {}, dropped: null };
  const fields = lines.slice(1, close);
  // Read flat fields by hand: the header is thrown away, so no YAML parser needs to see it.
  const field = (key: string): string | undefined => {
    const line = fields.find((candidate) =>
      new RegExp(`^${key}\\s*[:=]\\s*\\S`, 'i').test(candidate),
    );
    return line
      ?.replace(/^[^:=]*[:=]\s*/, '')
      .replace(/^["']|["']$/g, '')
      .trim();
  };
  const title = field('title');
  const summary = field('summary') ?? field('description');
  const keys = fields
    .map((line) => /^([A-Za-z][\w-]*)\s*[:=]/.exec(line)?.[1])
    .filter((key): key is string => Boolean(key));
  return {
    body: lines.slice(close + 1).join('\n'),
    hints: { ...(title ? { title } : {}), ...(summary ? { summary } : {}) },
    dropped: `The header at the top of the document was left out${keys.length ? ` (${keys.slice(0, 6).join(', ')})` : ''}; Holdfast writes its own.`,
  };
}

/** `[text](target "title")` and `![alt](picture)`, with one level of brackets in the text. */
const INLINE_LINK =
  /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;

/**
 * Rewrites each link Holdfast would refuse: to a document imported at the same time it becomes
 * `runbook:<id>`; to a web page over plain http the address is kept in brackets; anything else
 * (a heading anchor, a file on someone's disk) keeps only its words.
 */
export function rewriteLinks(
  text: string,
  siblings: ReadonlyMap<string, string>,
  ownName: string | undefined,
): { text: string; notes: string[] } {
  let linked = 0;
  let plain = 0;
  let pictures = 0;
  const own = stemOf(ownName ?? '');
  const out = text.replace(INLINE_LINK, (whole, bang: string, label: string, href: string) => {
    if (bang) {
      pictures += 1;
      return label.trim() ? `(picture not shown: ${label.trim()})` : '';
    }
    const target = classifyHref(href);
    if (target && target.kind !== 'step') return whole;
    const path = href.replace(/[?#].*$/, '');
    const stem = stemOf(path);
    if (path && !/^[a-z][a-z0-9+.-]*:/i.test(path) && stem !== own) {
      const id = siblings.get(stem);
      if (id) {
        linked += 1;
        return `[${label}](runbook:${id})`;
      }
    }
    plain += 1;
    if (/^http:\/\//i.test(href)) return label.trim() === href ? href : `${label} (${href})`;
    return label;
  });
  const notes: string[] = [];
  if (linked)
    notes.push(
      `${linked} link${linked === 1 ? '' : 's'} to documents imported with this one now open those runbooks.`,
    );
  if (plain)
    notes.push(
      `${plain} link${plain === 1 ? '' : 's'} Holdfast cannot open (headings, files, plain http) ${plain === 1 ? 'is' : 'are'} now plain words.`,
    );
  if (pictures)
    notes.push(
      `${pictures} picture${pictures === 1 ? ' is' : 's are'} not shown; ${pictures === 1 ? 'its' : 'their'} description is kept.`,
    );
  return { text: out, notes };
}

/** A file name without folders or extension, in lower case: "../Lost_Device.en.md" → "lost_device.en". */
export function stemOf(path: string): string {
  return decodeURIComponentSafe(path)
    .replace(/^.*[\\/]/, '')
    .replace(/\.(md|markdown|txt|docx)$/i, '')
    .toLowerCase();
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Admonitions from documentation sites (`!!! warning "Title"` with an indented body) would show
 * as code: they become a bold line and ordinary text.
 */
export function flattenAdmonitions(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    const start = /^(?:!!!|\?\?\?\+?)\s+([A-Za-z-]+)(?:\s+"([^"]*)")?\s*$/.exec(line);
    if (start) {
      const kind = (start[1] ?? '').replace(/^./, (c) => c.toUpperCase());
      out.push(`**${start[2] ? `${kind}: ${start[2]}` : kind}**`, '');
      inside = true;
      continue;
    }
    if (inside && /^( {4}|\t)/.test(line)) {
      out.push(line.replace(/^( {4}|\t)/, ''));
      continue;
    }
    if (line.trim() !== '') inside = false;
    out.push(line);
  }
  return out.join('\n');
}

/** HTML that carries no words for the reader: anchors, footnote marks, line breaks, layout tags. */
const HTML_NOISE =
  /<a\s+(?:name|id)\s*=\s*["'][^"']*["']\s*>\s*<\/a>|<a\s+(?:name|id)\s*=\s*["'][^"']*["']\s*\/?>|<\/?(?:sup|sub|span|div|center|font|small|big|u|abbr|details|summary)(?:\s[^<>]*)?>|<br\s*\/?>/gi;

export function stripHtmlNoise(text: string): string {
  return text
    .replace(/<sup>\s*\[?\s*\d{1,3}\s*\]?\s*<\/sup>/gi, '')
    .replace(HTML_NOISE, (tag) => (/^<br/i.test(tag) ? ' ' : ''));
}
