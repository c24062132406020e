import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../createCore';
import { startTestCore } from '../__fixtures__/testCore';
import { runbookSource } from '../runbooks/__fixtures__/runbookSource';

let dataDir: string;
let core: Core;

const value = <T>(
  result: { ok: true; value: T } | { ok: false; error: { message: string } },
): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** An imported plan that would outrank the bundled one for "ransomware" if it were searched. */
const DRAFT = runbookSource({
  id: 'imported-ransomware',
  title: 'Ransomware playbook (imported)',
  category: 'ransom-or-locked',
  summary: 'Ransomware ransomware ransomware.',
  extraFront: ['status: draft', 'contacts: [it-supplier]'],
  body: [
    '',
    '## Ransomware {#ransomware}',
    '',
    '1. Ransomware: phone {{contact:it-supplier}} about the ransomware. {#ransomware-call}',
  ],
});

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-drafts-'));
  await mkdir(join(dataDir, 'runbooks'), { recursive: true });
  await writeFile(join(dataDir, 'runbooks', 'imported-ransomware.md'), DRAFT);
  // A draft with an error: its problem is listed with the drafts, not on home.
  await writeFile(
    join(dataDir, 'runbooks', 'broken-draft.md'),
    DRAFT.replace('id: imported-ransomware', 'id: broken-draft').replace(
      /^title: .*$/m,
      'title: x',
    ),
  );
  core = await startTestCore(dataDir);
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a draft runbook', () => {
  it('is listed only with the drafts, with its problems apart from home’s', async () => {
    const library = value(await core.handlers['runbooks.list']({}));
    expect(library.runbooks.some((runbook) => runbook.id === 'imported-ransomware')).toBe(false);
    expect(library.drafts.map((draft) => [draft.id, draft.status])).toEqual([
      ['imported-ransomware', 'draft'],
    ]);
    expect(library.problems).toEqual([]);
    expect(library.draftProblems.map((problem) => problem.file)).toEqual([
      'your runbooks/broken-draft.md',
    ]);
  });

  it('is not found by search, can still be read, and cannot start an incident', async () => {
    const hits = value(await core.handlers['runbooks.search']({ query: 'ransomware' }));
    expect(hits.map((hit) => hit.id)).not.toContain('imported-ransomware');
    expect(hits[0]?.id).toBe('ransomware');
    expect(value(await core.handlers['runbooks.get']({ id: 'imported-ransomware' })).status).toBe(
      'draft',
    );
    const started = await core.handlers['incidents.start']({
      name: 'Screen says pay',
      runbook: 'imported-ransomware',
      lead: 'Sam',
      author: 'Sam',
    });
    expect(!started.ok && started.error.message).toBe(
      '"Ransomware playbook (imported)" is a draft. It is not used in an incident until it is published.',
    );
  });

  it('is left out of the grab-bag pack', async () => {
    const pack = value(await core.handlers['grabbag.get']({}));
    expect(pack.runbooks.map((runbook) => runbook.id)).not.toContain('imported-ransomware');
    expect(pack.runbooks.length).toBeGreaterThan(10);
  });

  it('once published, is in use everywhere and the change is kept in history', async () => {
    const published = value(
      await core.handlers['runbooks.publish']({ id: 'imported-ransomware', author: 'Sam' }),
    );
    expect(published.library.drafts).toEqual([]);
    expect(published.library.runbooks.some((r) => r.id === 'imported-ransomware')).toBe(true);
    expect(published.revision).toMatchObject({ kind: 'save', author: 'Sam', message: 'Published' });
    const text = await readFile(join(dataDir, 'runbooks', 'imported-ransomware.md'), 'utf8');
    // Publishing is a change like any other: the version goes up with it.
    expect(text).toBe(
      DRAFT.replace('status: draft', 'status: published').replace('version: 1', 'version: 2'),
    );
    const history = value(await core.handlers['runbooks.history']({ id: 'imported-ransomware' }));
    expect(history.map((revision) => revision.kind)).toEqual(['original', 'save']);
    const hits = value(await core.handlers['runbooks.search']({ query: 'ransomware' }));
    expect(hits.map((hit) => hit.id)).toContain('imported-ransomware');
    const again = await core.handlers['runbooks.publish']({ id: 'imported-ransomware' });
    expect(!again.ok && again.error.message).toContain('already published');
  });
});
