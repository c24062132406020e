import type { SystemEntry } from '../../../main/contract/types';

/** Who supports a system, in words: the role, the person and their first number, or what is missing. */
export function supplierText(entry: SystemEntry): string {
  const { supplier } = entry;
  if (!supplier) return 'Not recorded';
  const first = supplier.channels?.[0];
  if (!first) return `${supplier.label} (no number in Contacts yet)`;
  return `${supplier.label}: ${supplier.name ? `${supplier.name} — ` : ''}${first.value}`;
}
