import type { SystemEntry } from '../../../main/contract/types';
import { isolatedText } from '../../../main/shared/documentText';

/** Who supports a system, in words: the role, the person and their first number, or what is missing. */
export function supplierText(entry: SystemEntry): string {
  const { supplier } = entry;
  if (!supplier) return 'Not recorded';
  const first = supplier.channels?.[0];
  // One string: each typed part is isolated in it (see isolatedText), so a right-to-left name
  // cannot pull the number after it into its own direction.
  const label = isolatedText(supplier.label);
  if (!first) return `${label} (no number in Contacts yet)`;
  return `${label}: ${supplier.name ? `${isolatedText(supplier.name)} — ` : ''}${first.value}`;
}
