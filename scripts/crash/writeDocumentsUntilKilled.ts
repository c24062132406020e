/**
 * Child process for the document kill trials (documentKills.ts). It loads, prints `ready`, waits
 * for `go` on stdin, then opens the contacts directory and the settings of the data folder as the
 * app does (recovering whatever the last kill left), prints `opened <ms>`, and saves version after
 * version of both until it is killed, printing `ack <n>` only once both saves of version n have
 * resolved. It stops when stdin closes, so it never outlives its parent.
 * Usage: node <bundled file> <data folder>
 */
import { once } from 'node:events';
import { openTrialStores, supplierVersion, versionsIn } from './openTrialStores';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: writeDocumentsUntilKilled <data folder>');
let isParentGone = false;
process.stdin.once('end', () => {
  isParentGone = true;
});
process.stdout.write('ready\n');
await once(process.stdin, 'data');

const started = performance.now();
const stores = await openTrialStores(dataDir);
const start = Math.max(...Object.values(versionsIn(stores)));
process.stdout.write(`opened ${(performance.now() - started).toFixed(3)}\n`);
for (let n = start + 1; !isParentGone; n += 1) {
  const saved = await stores.contacts.save(supplierVersion(n));
  if (!saved.ok) throw new Error(`contacts refused version ${n}: ${saved.error.message}`);
  await stores.settings.update({ organisationName: `Rose Lodge ${n}` });
  process.stdout.write(`ack ${n}\n`);
}
