import { readFile } from 'node:fs/promises';
import { restoreBackup } from '../dataBackup';

/**
 * Restores one backup in a process of its own and prints the outcome with the process's peak
 * resident memory, so a test can measure what a restore really costs.
 * Usage: node --import tsx restoreOnce.ts <backup> <target>; passphrase from HOLDFAST_BACKUP_PASSPHRASE.
 */
const [from, to] = process.argv.slice(2);
const outcome = await restoreBackup(
  new Uint8Array(await readFile(from!)),
  to!,
  process.env.HOLDFAST_BACKUP_PASSPHRASE ?? null,
);
console.log(
  JSON.stringify({ ok: outcome.ok, peakRssBytes: process.resourceUsage().maxRSS * 1024 }),
);
