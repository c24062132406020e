import { LOCAL_CONTACT_ROLES, SETTING_PLACEHOLDERS } from '../../../contract/vocabulary';
import type { Runbook } from '../../../contract/types';
import { PLACEHOLDER_RE } from '../../../shared/markdown';

const MAX_SNIPPET = 140;

/** A contact role as people read it: the runbook's resolved label, else the built-in one. */
function contactLabel(runbook: Runbook, role: string): string {
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
export function snippetText(markdown: string, runbook: Runbook): string {
  const words = markdown
    .replace(new RegExp(PLACEHOLDER_RE.source, 'g'), (_match, kind: string, key: string) => {
      if (kind === 'contact') return contactLabel(runbook, key);
      if (kind === 'setting' && Object.hasOwn(SETTING_PLACEHOLDERS, key))
        return SETTING_PLACEHOLDERS[key as keyof typeof SETTING_PLACEHOLDERS];
      return '(shown in the runbook)';
    })
    // A placeholder the pattern does not accept is still never shown raw.
    .replace(/\{\{[^}]*\}\}/g, '(shown in the runbook)')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // List markers start a new line in the runbook; in one line of text they read as dashes.
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`#>[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words.length > MAX_SNIPPET ? `${words.slice(0, MAX_SNIPPET - 3)}…` : words;
}
