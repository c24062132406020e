import { createHash } from 'node:crypto';

/** Hex SHA-256 of some bytes: how every domain names file contents (snapshots, packs, backups, revisions). */
export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');
