import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Starts the packaged app exactly as shipped (fuses flipped, so no test driver can attach) with a
 * fresh data folder, and waits until it has opened that folder: the data-folder lock is taken
 * and the diagnostics log says it started. Then it is stopped. Exit 1 if it never gets there.
 */
async function main(): Promise<void> {
  const executable = process.argv[2];
  if (!executable || !existsSync(executable)) {
    console.error('usage: tsx scripts/release/smokePackaged.ts <packaged executable>');
    process.exit(2);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'holdfast-smoke-'));
  const child = spawn(executable, [`--user-data-dir=${dataDir}`], { stdio: 'inherit' });
  const started = Date.now();
  let ok = false;
  try {
    while (Date.now() - started < 60_000 && child.exitCode === null) {
      const log = await readFile(join(dataDir, 'logs', 'holdfast.log'), 'utf8').catch(() => '');
      if (existsSync(join(dataDir, 'holdfast.lock')) && log.includes('started')) {
        ok = true;
        break;
      }
      await new Promise((done) => setTimeout(done, 500));
    }
  } finally {
    child.kill();
  }
  if (!ok) {
    console.error(`The packaged app did not open its data folder ${dataDir} within 60 s.`);
    process.exit(1);
  }
  console.log(`The packaged app started and opened its data folder in ${Date.now() - started} ms.`);
  await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  void main();
}
