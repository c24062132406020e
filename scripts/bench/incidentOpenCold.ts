/**
 * Child process for `incident_open_10000_first_ms`: a fresh Node process (cold JIT, nothing in
 * memory; the OS file cache is warm) starts the core over an existing data folder and times its
 * first `incidents.get` of one incident, the way the app opens an incident after a start. Prints
 * `{ "ms": … }` as JSON.
 * Usage: node --import tsx scripts/bench/incidentOpenCold.ts <dataDir> <bundledDir> <incidentId> <entries>
 */
import { startBenchCore } from './incidentOpen';

const [dataDir, bundledDir, id, entries] = process.argv.slice(2);
if (!dataDir || !bundledDir || !id || !entries) {
  console.error('usage: incidentOpenCold.ts <dataDir> <bundledDir> <incidentId> <entries>');
  process.exit(2);
}
const core = await startBenchCore(dataDir, bundledDir);
try {
  const start = performance.now();
  const view = await core.handlers['incidents.get']({ id });
  const ms = performance.now() - start;
  if (!view.ok || view.value.log.entries < Number(entries) || view.value.log.readOnly)
    throw new Error('the long incident did not open whole');
  console.log(JSON.stringify({ ms }));
} finally {
  await core.close();
}
