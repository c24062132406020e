import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../createCore';
import { startTestCore } from '../../__fixtures__/testCore';

let dataDir: string;
let core: Core;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-import-draft-'));
  core = await startTestCore(dataDir);
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

const importDraft = (name: string, text: string) =>
  core.handlers['runbooks.importDraft']({ name, text, author: 'Sam Admin' });

describe('several plans imported at once (runbooks.importDraft)', () => {
  it('saves each readable plan as its own draft, kept in history under who imported it', async () => {
    const first = await importDraft(
      'printer.md',
      '# Printer hacked\n\n## Contain\n\n1. Unplug the printer.\n2. Phone {{contact:it-supplier}}.',
    );
    const second = await importDraft('fax.md', '# Fax down\n\n## Keep going\n\n- Use the phone.');
    expect(first).toMatchObject({
      ok: true,
      value: { outcome: 'saved', id: 'printer', title: 'Printer hacked' },
    });
    expect(first.ok && first.value.outcome === 'saved' && first.value.counts.steps).toBe(2);
    expect(second).toMatchObject({ ok: true, value: { outcome: 'saved', id: 'fax' } });
    const listed = await core.handlers['runbooks.list']({});
    if (!listed.ok) throw new Error(listed.error.message);
    // Drafts stay out of the crisis screens until someone publishes them.
    expect(listed.value.drafts.map((draft) => draft.id).sort()).toEqual(['fax', 'printer']);
    expect(listed.value.runbooks.some((runbook) => runbook.id === 'printer')).toBe(false);
    const history = await core.handlers['runbooks.history']({ id: 'printer' });
    expect(history.ok && history.value.at(-1)).toMatchObject({
      author: 'Sam Admin',
      message: 'Imported from printer.md',
    });
  });

  it('keeps a plan with errors as a file to fix, with its problems, instead of losing it', async () => {
    const result = await importDraft('notes.txt', 'Some notes with no steps at all.');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ outcome: 'to-fix', file: 'notes.md' });
    if (result.value.outcome !== 'to-fix') return;
    expect(result.value.problems.some((problem) => problem.severity === 'error')).toBe(true);
    expect(await readdir(join(dataDir, 'runbooks'))).toContain('notes.md');
    const refused = await core.handlers['runbooks.refusedSource']({ file: 'notes.md' });
    expect(refused.ok && refused.value.text).toBe(
      await readFile(join(dataDir, 'runbooks', 'notes.md'), 'utf8'),
    );
  });

  it('refuses a document it cannot read and writes nothing', async () => {
    const result = await core.handlers['runbooks.importDraft']({
      name: 'plan.docx',
      base64: Buffer.from('not a zip').toString('base64'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await readdir(join(dataDir, 'runbooks'))).toEqual([]);
  });
});
