/**
 * Child process for the document kill trials (documentKills.ts): opens a durable document (the
 * way contacts, systems and the grab-bag record are stored) and the settings store, prints
 * `ready`, then saves version after version of both until it is killed, printing `ack <n>` only
 * once both saves of version n have resolved.
 * Usage: node <bundled file> <data folder>
 */
import { join } from 'node:path';
import Conf from 'conf';
import { openSettings } from '../../main/core/settings/settings';
import { documentAt } from './documentKillsShared';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: writeDocumentsUntilKilled <data folder>');
const document = documentAt(dataDir);
const start = (await document.read())?.n ?? 0;
const { settings } = await openSettings({
  filePath: join(dataDir, 'settings.json'),
  quarantineDir: join(dataDir, 'quarantine'),
  open: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'holdfast' }),
  now: () => new Date(),
});
process.stdout.write('ready\n');
for (let n = start + 1; ; n += 1) {
  await document.write({ n, note: `version ${n} ${'x'.repeat((n * 37) % 400)}` });
  await settings.update({ organisationName: `Rose Lodge ${n}` });
  process.stdout.write(`ack ${n}\n`);
}
