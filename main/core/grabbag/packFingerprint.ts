import { createHash } from 'node:crypto';
import type { PackFingerprint, PackSection } from '../../contract/types';
import { canonicalJson } from '../evidence/canonicalJson';

const PACK_SECTIONS: PackSection[] = ['settings', 'contacts', 'systems', 'runbooks'];

/**
 * A SHA-256 over a section's canonical JSON, so a printed pack can be compared with what the app
 * holds now without keeping a copy of it: equal hashes, same content.
 */
export function hashSection(value: unknown): string {
  // The round trip drops undefined optional fields, which canonical JSON refuses.
  return createHash('sha256')
    .update(canonicalJson(JSON.parse(JSON.stringify(value ?? null))))
    .digest('hex');
}

/** The sections whose hash differs between two fingerprints, in pack order. */
export function changedSections(before: PackFingerprint, now: PackFingerprint): PackSection[] {
  return PACK_SECTIONS.filter((section) => before[section] !== now[section]);
}
