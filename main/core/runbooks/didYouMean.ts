import { editDistance } from '../../shared/search/editDistance';

/**
 * The known name closest to a mistyped one, as ` Did you mean "x"?`, or '' when none is close:
 * at most a third of the word may differ, so "it-suplier" finds "it-supplier" but "COMPANY_NAME"
 * finds nothing.
 */
export function didYouMean(typed: string, known: Iterable<string>): string {
  const word = typed.toLowerCase();
  const max = Math.max(1, Math.floor(word.length / 3));
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = editDistance(word, name, max);
    if (distance <= max && (!best || distance < best.distance)) best = { name, distance };
  }
  return best ? ` Did you mean "${best.name}"?` : '';
}
