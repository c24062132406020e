import type { PackFingerprint, PackSection } from '../../../main/contract/types';

const SECTION_WORDS: Record<PackSection, string> = {
  settings: 'your settings',
  contacts: 'contacts',
  systems: 'systems',
  runbooks: 'runbooks',
};

/** ["contacts", "systems", "runbooks"] → "contacts, systems and runbooks". */
export function listSections(sections: PackSection[]): string {
  const words = sections.map((section) => SECTION_WORDS[section]);
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** The local calendar date of an ISO date and time, as "2026-11-23". */
export const localDate = (iso: string): string => {
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/**
 * A short code for the pack's content, two hex digits per section ("3FA2-C1D0"): two printed
 * packs with the same code hold the same settings, contacts, systems and runbooks.
 */
export function packCode(fingerprint: PackFingerprint): string {
  const code = [
    fingerprint.settings,
    fingerprint.contacts,
    fingerprint.systems,
    fingerprint.runbooks,
  ]
    .map((hash) => hash.slice(0, 2))
    .join('')
    .toUpperCase();
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
