import { hash } from 'node:crypto';

/**
 * Hex SHA-256 of some bytes or text (text as UTF-8): how every domain names file contents
 * (snapshots, packs, backups, revisions) and how the evidence log chains its records. The
 * one-shot `hash` skips the Hash object `createHash` builds, which is most of the cost for inputs
 * of a few hundred bytes, hashed once per log line when a long incident opens.
 */
export const sha256 = (data: Uint8Array | string): string => hash('sha256', data, 'hex');
