/**
 * A second Holdfast process, reduced to what matters here: it tries to take the data folder, says
 * on stdout whether it became the writer, and lets go when told on stdin (or when killed).
 */
import { createInterface } from 'node:readline';
import { acquireDataFolderLock, currentProcess } from '../../main/core/storage/dataFolderLock';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: holdDataFolder <data folder>');
const outcome = await acquireDataFolderLock(
  dataDir,
  currentProcess(() => new Date()),
);
process.stdout.write(`${outcome.held ? 'writer' : 'read-only'}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'release') break;
}
if (outcome.held) await outcome.release();
