import { diffLines } from 'diff';
import type { DiffLine } from '../contract/authoringTypes';

/** Line-by-line differences from `older` to `newer`, each line numbered in the text it belongs to. */
export function textDiff(older: string, newer: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(older, newer)) {
    const texts = part.value.replace(/\n$/, '').split('\n');
    for (const text of texts) {
      if (part.added) lines.push({ change: 'added', text, newLine: newLine++ });
      else if (part.removed) lines.push({ change: 'removed', text, oldLine: oldLine++ });
      else lines.push({ change: 'same', text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return lines;
}
