/**
 * Child process for the cold figures: a fresh Node process (cold JIT, nothing cached in memory;
 * the OS file cache is warm) loads and indexes one folder once and prints the timing as JSON,
 * with the memory the process keeps once the library is loaded (after a full GC when the parent
 * passes --expose-gc).
 * Usage: node --expose-gc --import tsx scripts/bench/coldLoad.ts <bundledDir> <userDir> [parseCacheFile]
 */
import { loadAndIndex } from './loadIndex';

export interface ColdLoadOutput {
  loadMs: number;
  indexMs: number;
  totalMs: number;
  runbooks: number;
  /** Hits for one query, run after the memory reading so the index is still alive when it is taken. */
  sampleHits: number;
  rssMb: number;
  heapUsedMb: number;
}

const [bundledDir, userDir, cachePath] = process.argv.slice(2);
if (!bundledDir || !userDir) {
  console.error('usage: coldLoad.ts <bundledDir> <userDir>');
  process.exit(2);
}
const { loadMs, indexMs, totalMs, library, search } = await loadAndIndex(
  bundledDir,
  userDir,
  cachePath,
);
globalThis.gc?.();
const memory = process.memoryUsage();
const output: ColdLoadOutput = {
  loadMs,
  indexMs,
  totalMs,
  runbooks: library.runbooks.size,
  sampleHits: search.search('ransomware').length,
  rssMb: memory.rss / 2 ** 20,
  heapUsedMb: memory.heapUsed / 2 ** 20,
};
console.log(JSON.stringify(output));
