import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../main/contract/contract';
import type { SearchIndexAnswer } from '../../main/contract/types';
import { BUNDLED_DIR, startTestCore } from '../../main/core/__fixtures__/testCore';
import type { Core } from '../../main/core/createCore';
import { loadRunbooks, NATIONAL_CONTACTS_FILE } from '../../main/core/runbooks/loadRunbooks';
import { searchFromLibrary } from '../../main/shared/search/searchLibrary';
import { buildCorpus } from './corpus';
import { BENCH_SEED, generateRunbooks } from './generateLibrary';
import { buildQueries } from './queries';

/*
 * The renderer searches with the core's engine over the data `runbooks.searchIndex` hands it; this
 * checks it finds exactly what the core's own `runbooks.search` finds, query by query, over the
 * bundled runbooks and over the generated 1,000-runbook library the bench types into.
 */

let root: string;
const cores: Core[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-search-index-'));
});

afterAll(async () => {
  for (const core of cores) await core.close();
  await rm(root, { recursive: true, force: true });
});

async function openCore(name: string, bundledRunbooksDir: string): Promise<Handlers> {
  const core = await startTestCore(join(root, name), { bundledRunbooksDir });
  cores.push(core);
  return core.handlers;
}

/** What the call answers, as it reaches the renderer (the web harness sends JSON). */
async function searchIndexOf(handlers: Handlers): Promise<SearchIndexAnswer> {
  const answer = await handlers['runbooks.searchIndex']({});
  if (!answer.ok) throw new Error(answer.error.message);
  return JSON.parse(JSON.stringify(answer.value)) as SearchIndexAnswer;
}

/** Every bench query, as the search box asks it (8 results), asked of the core and searched here. */
async function expectSameAnswers(handlers: Handlers): Promise<void> {
  const { library } = await searchIndexOf(handlers);
  const local = library && searchFromLibrary(library);
  expect(local).toBeTruthy();
  const queries = buildQueries();
  let found = 0;
  for (const query of queries) {
    const core = await handlers['runbooks.search']({ query, limit: 8 });
    if (!core.ok) throw new Error(core.error.message);
    expect({ query, hits: local?.search(query, 8) }).toEqual({ query, hits: core.value });
    if (core.value.length > 0) found += 1;
  }
  // The comparison means something only if most queries find runbooks.
  expect(found).toBeGreaterThan(queries.length / 2);
}

describe('the search box searching in the renderer (runbooks.searchIndex)', () => {
  it('answers every bench query as the core does over the bundled runbooks', async () => {
    await expectSameAnswers(await openCore('bundled', BUNDLED_DIR));
  });

  it('does the same over the generated 1,000-runbook library of the bench', async () => {
    const dir = join(root, 'library-1000');
    await mkdir(join(root, 'empty'));
    const bundled = await loadRunbooks({ bundledDir: BUNDLED_DIR, userDir: join(root, 'empty') });
    const files = generateRunbooks(
      buildCorpus(bundled.library.runbooks.values()),
      1000,
      BENCH_SEED,
    );
    await mkdir(dir);
    await Promise.all(files.map((file) => writeFile(join(dir, file.name), file.text)));
    await copyFile(join(BUNDLED_DIR, NATIONAL_CONTACTS_FILE), join(dir, NATIONAL_CONTACTS_FILE));
    await expectSameAnswers(await openCore('large', dir));
  }, 60_000);
});
