import { parseRunbook } from '../runbooks/parseRunbook';

const MISSING_ID = /^step ".*" has no id: /;
const ID_MARKER = /\{#([a-z0-9][a-z0-9-]*)\}/g;
const MAX_WORDS = 6;

/** A short id made from a step's words: "Phone your IT supplier" → "phone-your-it-supplier". */
export function stepIdFrom(headline: string, taken: ReadonlySet<string>): string {
  const words = headline
    .replace(/^\s*\d{1,9}[.)]\s+/, '')
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  const base = (words.join('-') || 'step').slice(0, 48).replace(/-+$/, '');
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

/**
 * Gives every step without an id one made from its words, so people never type ids and the
 * ids, once written into the file, stay the same through later edits. Steps are found by the
 * runbook parser itself, so nothing outside a numbered step is touched.
 */
export function addMissingStepIds(text: string): string {
  const { problems } = parseRunbook(Buffer.from(text, 'utf8'), 'runbook.md');
  const missing = problems
    .filter((problem) => MISSING_ID.test(problem.message))
    .map((problem) => problem.line);
  if (missing.length === 0) return text;
  const lines = text.split('\n');
  const taken = new Set([...text.matchAll(ID_MARKER)].map((match) => match[1] ?? ''));
  for (const line of missing) {
    const first = line - 1;
    // The id closes the headline, which runs until the first blank line.
    let last = first;
    while (
      last + 1 < lines.length &&
      (lines[last + 1] ?? '').trim() !== '' &&
      !/^\s*(\d{1,9}[.)]|[-*+])\s/.test(lines[last + 1] ?? '')
    )
      last += 1;
    const headline = lines.slice(first, last + 1).join(' ');
    const id = stepIdFrom(headline, taken);
    taken.add(id);
    lines[last] = `${(lines[last] ?? '').replace(/\s+$/, '')} {#${id}}`;
  }
  return lines.join('\n');
}
