import { PLACEHOLDER_RE } from '../../../shared/markdown';

/** Characters markdown gives meaning to; user text is escaped so it always prints as typed. */
const MARKDOWN_SPECIAL = /[\\`*_[\]{}()#+\-.!|<>~&:]/g;

/** User-typed text for a markdown document: one line, every markdown character escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
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
