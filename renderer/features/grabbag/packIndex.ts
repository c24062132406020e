import type { RunbookView } from '../../../main/contract/types';
import { ENTRY_POINTS } from '../home/entryPoints';

/** A runbook an index line points to: its short title and the anchor of its first page. */
export interface IndexTarget {
  title: string;
  anchor: string;
}

/** One line of the pack's index: what a person sees or hears, and where to turn. */
export interface IndexLine {
  words: string;
  targets: IndexTarget[];
}

/** How many of a runbook's synonyms make the index: the first ones are the commonest words. */
const SYNONYMS_EACH = 3;

/** "Ransomware — the screen says pay, …" → "Ransomware": the part before the dash reads on paper. */
export const shortTitle = (title: string): string => title.split(/\s+[—–-]\s+/)[0] ?? title;

export const runbookAnchor = (id: string): string => `runbook:${id}`;

const sentenceCase = (words: string): string =>
  (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\bnhs/gi, 'NHS');

/**
 * The pack's one-page index, from what people see to the runbook to turn to: the home screen's
 * words ("Screen says pay / files locked") and each runbook's first few synonyms ("Ransom note").
 * Guides are left out (they are in the contents); lines are in A–Z order.
 */
export function packIndex(runbooks: RunbookView[]): IndexLine[] {
  const situations = runbooks.filter((runbook) => runbook.category !== 'guide');
  const lines = new Map<string, IndexLine>();
  const add = (words: string, runbook: RunbookView): void => {
    const key = words.toLowerCase();
    const line = lines.get(key) ?? { words: sentenceCase(words), targets: [] };
    const anchor = runbookAnchor(runbook.id);
    if (!line.targets.some((target) => target.anchor === anchor))
      line.targets.push({ title: shortTitle(runbook.title), anchor });
    lines.set(key, line);
  };
  for (const entry of ENTRY_POINTS) {
    for (const runbook of situations)
      if (runbook.category === entry.category) add(entry.label, runbook);
  }
  for (const runbook of situations) {
    // "clicked a link", "clicked link" and "clicked a dodgy link" say one thing: keep the first.
    const seen = new Set<string>();
    for (const synonym of runbook.synonyms) {
      const gist = synonym.toLowerCase().replace(/\b(a|an|the|dodgy|bad|on)\b|[^a-z0-9]/g, '');
      if (seen.has(gist)) continue;
      seen.add(gist);
      add(synonym, runbook);
      if (seen.size === SYNONYMS_EACH) break;
    }
  }
  return [...lines.values()].sort((a, b) => a.words.localeCompare(b.words));
}
