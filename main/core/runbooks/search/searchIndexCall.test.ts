import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../contract/contract';
import type { SearchIndexAnswer } from '../../../contract/types';
import { searchFromLibrary } from '../../../shared/search/searchLibrary';
import { startTestCore } from '../../__fixtures__/testCore';
import type { Core } from '../../createCore';

// That the renderer's search answers every bench query as the core does is checked in
// scripts/bench/sameSearchAnswers.test.ts, over the bundled and the generated 1,000 library.

let root: string;
let core: Core;
let handlers: Handlers;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-search-index-'));
  core = await startTestCore(join(root, 'data'));
  handlers = core.handlers;
});

afterAll(async () => {
  await core.close();
  await rm(root, { recursive: true, force: true });
});

/** What the call answers, as it reaches the renderer (the web harness sends JSON). */
async function searchIndexOf(input: { known?: string } = {}): Promise<SearchIndexAnswer> {
  const answer = await handlers['runbooks.searchIndex'](input);
  if (!answer.ok) throw new Error(answer.error.message);
  return JSON.parse(JSON.stringify(answer.value)) as SearchIndexAnswer;
}

describe('runbooks.searchIndex', () => {
  it('names the library it answers for, a new name after a reload, and sends nothing again for the name held', async () => {
    const first = await searchIndexOf();
    expect(first.library?.runbooks.length).toBeGreaterThan(10);
    expect(await searchIndexOf({ known: first.revision })).toEqual({
      revision: first.revision,
      library: null,
    });
    await handlers['runbooks.reload']({});
    const reloaded = await searchIndexOf({ known: first.revision });
    expect(reloaded.revision).not.toBe(first.revision);
    expect(reloaded.library?.runbooks.map((runbook) => runbook.id)).toEqual(
      first.library?.runbooks.map((runbook) => runbook.id),
    );
  });

  it('sends only what search reads of a runbook, and no drafts', async () => {
    const { library } = await searchIndexOf();
    const ransomware = library?.runbooks.find((runbook) => runbook.id === 'ransomware');
    expect(Object.keys(ransomware ?? {}).sort()).toEqual([
      'category',
      'contacts',
      'id',
      'overridesBundled',
      'phases',
      'source',
      'summary',
      'title',
    ]);
    expect(Object.keys(ransomware?.phases[0]?.steps[0] ?? {}).sort()).toEqual([
      'details',
      'id',
      'number',
      'options',
      'text',
    ]);
    const list = await handlers['runbooks.list']({});
    if (!list.ok) throw new Error(list.error.message);
    expect(library?.runbooks.map((runbook) => runbook.id).sort()).toEqual(
      list.value.runbooks.map((runbook) => runbook.id).sort(),
    );
  });

  it('is refused by the renderer when its index does not fit its runbooks', async () => {
    const { library } = await searchIndexOf();
    if (!library) throw new Error('no library');
    expect(searchFromLibrary(library)).not.toBeNull();
    expect(searchFromLibrary({ ...library, runbooks: library.runbooks.slice(1) })).toBeNull();
    const minisearch = { ...library.index.minisearch, serializationVersion: 1 };
    expect(searchFromLibrary({ ...library, index: { ...library.index, minisearch } })).toBeNull();
  });
});
