import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestCore } from '../../__fixtures__/testCore';
import { createRng } from '../../__fixtures__/prng';
import { hostileArchives, mutatedArchive } from './hostileArchives';

/** Every file under a folder with its size and hash: any byte written shows up here. */
async function snapshot(dir: string, prefix = ''): Promise<string[]> {
  const lines: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const info = await stat(path);
    if (info.isDirectory())
      lines.push(`${prefix}${name}/`, ...(await snapshot(path, `${prefix}${name}/`)));
    else
      lines.push(
        `${prefix}${name} ${info.size} ${createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
          .slice(0, 16)}`,
      );
  }
  return lines;
}

export interface ArchiveFigures {
  packs: number;
  failures: number;
  peakRssMb: number;
  /**
   * How far the process grew above its size once the core had started. The bound is on this:
   * the starting size swings by tens of MB with how busy the machine is (garbage collection runs
   * later under load), while a pack that inflated in memory would add hundreds.
   */
  growthRssMb: number;
  problems: string[];
}

/** Most a run of hostile packs may grow the process above its size once the core has started. */
export const MAX_GROWTH_RSS_MB = 128;

/**
 * Feeds the hostile corpus, then randomly damaged copies of it, to pack preview and import over
 * one data folder. A refused pack must write nothing at all (an empty staging folder may remain);
 * a damaged copy that still happens to be a valid pack may only add runbooks and their history.
 */
export async function hostileArchiveTrials(options: {
  packs: number;
  seed: number;
}): Promise<ArchiveFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'holdfast-hostile-packs-'));
  const core = await startTestCore(dataDir);
  const corpus = hostileArchives();
  const rng = createRng(options.seed);
  const random = (): number => rng.next();
  const rssMb = (): number => Math.round(process.memoryUsage().rss / 2 ** 20);
  const startRssMb = rssMb();
  const figures: ArchiveFigures = {
    packs: 0,
    failures: 0,
    peakRssMb: startRssMb,
    growthRssMb: 0,
    problems: [],
  };
  const fail = (problem: string): void => {
    figures.failures += 1;
    if (figures.problems.length < 5) figures.problems.push(problem);
  };
  try {
    for (let index = 0; index < options.packs; index += 1) {
      const { name, zip } = index < corpus.length ? corpus[index]! : mutatedArchive(random, corpus);
      const hostile = index < corpus.length;
      const before = await snapshot(dataDir);
      let accepted = false;
      for (const call of ['packs.previewImport', 'packs.import'] as const) {
        const result = await core.handlers[call]({ base64: Buffer.from(zip).toString('base64') });
        if (result.ok) accepted = true;
        else if (result.error.code !== 'INVALID_INPUT' || result.error.message.length < 20)
          fail(`${name}: ${call} answered ${result.error.code} "${result.error.message}"`);
      }
      if (accepted && hostile) fail(`${name}: accepted`);
      const changed = (await snapshot(dataDir)).filter(
        (line) => !before.includes(line) && line !== 'staging/',
      );
      const allowed = accepted
        ? changed.filter(
            (line) =>
              !/^(runbooks|history|cache)\//.test(line) && line !== 'history/' && line !== 'cache/',
          )
        : changed;
      if (allowed.length > 0) fail(`${name}: wrote ${allowed.slice(0, 3).join(', ')}`);
      figures.packs += 1;
      figures.peakRssMb = Math.max(figures.peakRssMb, rssMb());
      figures.growthRssMb = figures.peakRssMb - startRssMb;
    }
    if (
      (globalThis as { polluted?: unknown }).polluted !== undefined ||
      ({} as { polluted?: unknown }).polluted !== undefined
    )
      fail('a pack polluted a prototype or the global object');
    return figures;
  } finally {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
