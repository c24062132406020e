import { mkdtemp, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from './corpus';
import { generateRunbooks } from './generateLibrary';
import { loadAndIndex } from './loadIndex';
const root = join(import.meta.dirname, '..', '..', 'runbooks');
const dir = await mkdtemp(join(tmpdir(), 'hf-'));
await mkdir(join(dir, 'b')); await mkdir(join(dir, 'u'));
const bundled = await loadAndIndex(root, join(dir, 'u'));
console.log('bundled', bundled.totalMs, bundled.library.problems);
const corpus = buildCorpus(bundled.library.runbooks.values());
console.log(Object.fromEntries(Object.entries(corpus).map(([k, v]) => [k, (v as unknown[]).length])));
let t = performance.now();
const files = generateRunbooks(corpus, 1000, 1);
console.log('gen', performance.now() - t, files.reduce((a, f) => a + f.text.length, 0));
await Promise.all(files.map((f) => writeFile(join(dir, 'b', f.name), f.text)));
await copyFile(join(root, 'national-contacts.json'), join(dir, 'b', 'national-contacts.json'));
console.log(files[5]?.text);
for (let i = 0; i < 4; i++) {
  const r = await loadAndIndex(join(dir, 'b'), join(dir, 'u'));
  console.log(r.loadMs, r.indexMs, r.library.runbooks.size, r.library.problems.length, r.library.problems.slice(0, 5));
}
console.log(dir);
