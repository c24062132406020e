import { LOCAL_CONTACT_ROLES, SETTING_PLACEHOLDERS } from '../../contract/vocabulary';
import type { SearchRunbook } from '../../contract/types';
import { PLACEHOLDER_RE } from '../placeholder';

const MAX_SNIPPET = 140;
/** Every placeholder; compiled once, as snippets are made on every keystroke (`replace` resets it). */
const PLACEHOLDERS = new RegExp(PLACEHOLDER_RE.source, 'g');
/** Marks where a placeholder's words start and end, so a cut never splits them. */
const OPEN = '\u0001';
const CLOSE = '\u0002';
const marked = (words: string): string => `${OPEN}${words}${CLOSE}`;

/**
 * Cuts text to `max` characters with "…": at a space, never inside a placeholder's words (a
 * placeholder half shown reads as a raw code), and never leaving a word cut in two.
 */
function cutOnBoundary(text: string, max: number): string {
  const plain = text.replace(/[\u0001\u0002]/g, '');
  if (plain.length <= max) return plain;
  let cut = -1;
  let inside = false;
  let spanStart = -1;
  let shown = 0;
  for (let at = 0; at < text.length && shown < max - 1; at += 1) {
    const char = text[at];
    if (char === OPEN) {
      inside = true;
      spanStart = shown;
      continue;
    }
    if (char === CLOSE) {
      inside = false;
      continue;
    }
    if (char === ' ' && !inside) cut = shown;
    shown += 1;
  }
  if (inside && spanStart > 0) cut = spanStart;
  const end = cut > 0 ? cut : max - 1;
  return `${plain.slice(0, end).trimEnd()}…`;
}

/** A contact role as people read it: the runbook's resolved label, else the built-in one. */
function contactLabel(runbook: Pick<SearchRunbook, 'contacts'>, role: string): string {
  const found = runbook.contacts.find((contact) => contact.role === role)?.label;
  if (found) return found;
  return Object.hasOwn(LOCAL_CONTACT_ROLES, role)
    ? LOCAL_CONTACT_ROLES[role as keyof typeof LOCAL_CONTACT_ROLES]
    : role.replace(/-/g, ' ');
}

/**
 * A step's markdown as the words a search result shows: contacts by their label ("Phone IT
 * supplier", not "it-supplier"), a provider's own setting or system record described rather than
 * shown as a raw `{{placeholder}}` (the search index does not hold those answers), link text kept,
 * link targets and emphasis dropped; cut to one short line.
 */
export function snippetText(markdown: string, runbook: Pick<SearchRunbook, 'contacts'>): string {
  const words = markdown
    .replace(PLACEHOLDERS, (_match, kind: string, key: string) => {
      if (kind === 'contact') return marked(contactLabel(runbook, key));
      if (kind === 'setting' && Object.hasOwn(SETTING_PLACEHOLDERS, key))
        return marked(SETTING_PLACEHOLDERS[key as keyof typeof SETTING_PLACEHOLDERS]);
      return marked('(shown in the runbook)');
    })
    // A placeholder the pattern does not accept is still never shown raw.
    .replace(/\{\{[^}]*\}\}/g, marked('(shown in the runbook)'))
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // List markers start a new line in the runbook; in one line of text they read as dashes.
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`#>[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cutOnBoundary(words, MAX_SNIPPET);
}
