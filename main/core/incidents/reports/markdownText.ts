import { neutralisedText } from '../../../shared/documentText';
import { PLACEHOLDER_RE, type ContactDisplay } from '../../../shared/markdown';

/** Characters markdown gives meaning to; user text is escaped so it always prints as typed. */
const MARKDOWN_SPECIAL = /[\\`*_[\]{}()#+\-.!|<>~&:]/g;

/**
 * User-typed text for a markdown document: one line, every markdown character escaped, hidden
 * characters removed and right-to-left text isolated (see neutralisedText; the isolates round
 * values inside a log entry's words are kept), so it prints as typed and cannot reorder the line
 * around it.
 */
export function escapeMarkdown(text: string): string {
  // Hidden characters go first: U+FEFF is white space to JavaScript and would become a space.
  return neutralisedText(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/**
 * A contact for a markdown document, each typed part escaped and isolated on its own: one
 * isolate round "name (organisation) — number" would still let a right-to-left name reorder
 * the number inside it.
 */
export function contactMarkdown(shown: ContactDisplay): string {
  const label = escapeMarkdown(shown.label);
  if (shown.detail === null) return `${label} (not set yet — add your local number)`;
  const parts = shown.parts;
  if (!parts) return `${label}: ${escapeMarkdown(shown.detail)}`;
  const who = parts.name
    ? `${escapeMarkdown(parts.name)}${parts.organisation ? ` (${escapeMarkdown(parts.organisation)})` : ''} — `
    : '';
  const hours = parts.hours ? ` (${escapeMarkdown(parts.hours)})` : '';
  return `${label}: ${who}${escapeMarkdown(parts.value)}${hours}`;
}

/**
 * A runbook headline as plain words for logs and reports: contacts by name, other placeholders
 * described, link targets and emphasis marks dropped.
 */
export function plainText(markdown: string, contactLabel: (role: string) => string): string {
  return markdown
    .replace(new RegExp(PLACEHOLDER_RE.source, 'g'), (_match, kind: string, key: string) =>
      kind === 'contact' ? contactLabel(key) : `(${kind}: ${key})`,
    )
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|[*_`])/g, '')
    .trim();
}
