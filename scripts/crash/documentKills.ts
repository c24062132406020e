/**
 * Kill -9 during document and settings saves: a child saves version after version and is killed
 * with SIGKILL at a random moment; the same folder is then reopened the way the app opens it.
 * Every acknowledged version (or a later one) must be there, and both files must open.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Conf from 'conf';
import { build } from 'esbuild';
import { openSettings } from '../../main/core/settings/settings';
import { createRng } from '../bench/prng';
import { documentAt } from './documentKillsShared';

const CHILD_SOURCE = resolve(import.meta.dirname, 'writeDocumentsUntilKilled.ts');

export interface KillFigures {
  trials: number;
  /** The highest version acknowledged by the end: how many saves the trials covered. */
  acknowledged: number;
  lost: number;
  failedReopen: number;
  problems: string[];
}

/** Runs one child until a random moment after it is ready; returns the last version it acknowledged. */
function runUntilKilled(script: string, dataDir: string, delayMs: number): Promise<{ lastAck: number; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (timer === undefined && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', () => {
      // Only complete lines count: a line cut off by the kill was never acknowledged.
      const acks = out.split('\n').slice(0, -1).filter((line) => line.startsWith('ack ')).map((line) => Number(line.slice(4)));
      done({ lastAck: Math.max(0, ...acks), stderr });
    });
  });
}

export async function documentKillTrials(options: { trials: number; seed: number }): Promise<KillFigures> {
  const work = await mkdtemp(join(process.env.TMPDIR ?? '/tmp', 'holdfast-document-kills-'));
  const figures: KillFigures = { trials: 0, acknowledged: 0, lost: 0, failedReopen: 0, problems: [] };
  const random = createRng(options.seed);
  try {
    const script = join(work, 'writeDocumentsUntilKilled.mjs');
    await build({ entryPoints: [CHILD_SOURCE], outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'silent' });
    const dataDir = join(work, 'data');
    for (let trial = 0; trial < options.trials; trial += 1) {
      const { lastAck, stderr } = await runUntilKilled(script, dataDir, Math.floor(random.next() * 120));
      figures.trials += 1;
      figures.acknowledged = Math.max(figures.acknowledged, lastAck);
      try {
        const version = (await documentAt(dataDir).read())?.n ?? 0;
        const { settings } = await openSettings({
          filePath: join(dataDir, 'settings.json'),
          quarantineDir: join(dataDir, 'quarantine'),
          open: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'holdfast' }),
          now: () => new Date(),
        });
        const saved = Number(/(\d+)$/.exec(settings.get().organisationName)?.[1] ?? 0);
        if (version < lastAck || saved < lastAck) {
          figures.lost += 1;
          if (figures.problems.length < 5) figures.problems.push(`trial ${trial}: acknowledged ${lastAck}, document ${version}, settings ${saved}`);
        }
      } catch (error: unknown) {
        figures.failedReopen += 1;
        if (figures.problems.length < 5) figures.problems.push(`trial ${trial}: reopen failed: ${String(error)} ${stderr}`);
      }
    }
    return figures;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
