import { expect } from 'vitest';
import { hasInvisible } from '../../../main/contract/invisibleText';

/** A typed value with a right-to-left override in front: unisolated, it reverses what follows. */
export const hostile = (field: string): string => `\u202Eevil${field}`;

/** An isolate with nothing inside that could close it early. */
const ISOLATE = /\u2068[^\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*\u2069/g;

/**
 * Every text node showing `hostile(field)`: inside a <bdi> that holds only that value, or (in a
 * line made as one string, or an option that holds only text) with no hidden character left
 * outside a clean isolate.
 */
export function expectIsolated(container: HTMLElement, field: string): void {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.textContent?.includes(`evil${field}`)) found.push(node as Text);
  expect(found.length, `${field} shown`).toBeGreaterThan(0);
  for (const node of found) {
    const bdi = node.parentElement?.closest('bdi');
    if (bdi) expect(bdi.textContent, field).toBe(hostile(field));
    else
      expect(
        hasInvisible((node.textContent ?? '').replace(ISOLATE, '')),
        `${field} in a line`,
      ).toBe(false);
  }
}
