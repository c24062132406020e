import { createHash } from 'node:crypto';
import type { PackFingerprint, PackSection } from '../../contract/types';
import { canonicalJson } from '../incidents/canonicalJson';

/** The content of each pack section, before hashing. Values must be JSON (undefined fields are dropped). */
export type PackContent = Record<PackSection, unknown>;

const PACK_SECTIONS: PackSection[] = ['settings', 'contacts', 'systems', 'runbooks'];

/**
 * One SHA-256 per section over its canonical JSON, so a printed pack can be compared with what
 * the app holds now without keeping a copy of it: equal hashes, same content.
 */
export function fingerprintOf(content: PackContent): PackFingerprint {
  const hash = (value: unknown): string =>
    // The round trip drops undefined optional fields, which canonical JSON refuses.
    createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(value ?? null)))).digest('hex');
  return {
    settings: hash(content.settings),
    contacts: hash(content.contacts),
    systems: hash(content.systems),
    runbooks: hash(content.runbooks),
  };
}

/** The sections whose hash differs between two fingerprints, in pack order. */
export function changedSections(before: PackFingerprint, now: PackFingerprint): PackSection[] {
  return PACK_SECTIONS.filter((section) => before[section] !== now[section]);
}
