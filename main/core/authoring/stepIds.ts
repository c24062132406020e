import { parseRunbook } from '../runbooks/parseRunbook';

export { stepIdFrom } from '../runbooks/stepIdFrom';

/**
 * Writes into the text the id the parser gives each step that has none (made from its words),
 * so people never type ids and the ids, once in the file, stay the same through later edits.
 * Steps are found by the runbook parser itself, so nothing outside a numbered step is touched.
 */
export function addMissingStepIds(text: string): string {
  const { derivedIds } = parseRunbook(Buffer.from(text, 'utf8'), 'runbook.md');
  if (derivedIds.length === 0) return text;
  const lines = text.split('\n');
  for (const { line, id } of derivedIds) {
    const first = line - 1;
    // The id closes the headline, which runs until the first blank line.
    let last = first;
    while (
      last + 1 < lines.length &&
      (lines[last + 1] ?? '').trim() !== '' &&
      !/^\s*(\d{1,9}[.)]|[-*+])\s/.test(lines[last + 1] ?? '')
    )
      last += 1;
    lines[last] = `${(lines[last] ?? '').replace(/\s+$/, '')} {#${id}}`;
  }
  return lines.join('\n');
}
