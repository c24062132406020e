import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../createCore';
import { BUNDLED_DIR, startTestCore } from '../__fixtures__/testCore';
import { scenarioTemplate } from '../../shared/scenarioTemplate';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function fresh(): Promise<{ core: Core; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'holdfast-user-scenarios-'));
  dirs.push(dataDir);
  const core = await startTestCore(dataDir);
  cores.push(core);
  return { core, dataDir };
}

const value = <T>(
  result: { ok: true; value: T } | { ok: false; error: { message: string } },
): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const TEMPLATE = scenarioTemplate({ id: 'our-drill', today: '2026-12-05', owner: 'Sam' });

describe('scenarios of your own', { timeout: 30_000 }, () => {
  it('starts a new scenario from a template that passes every check', async () => {
    const { core } = await fresh();
    expect(value(await core.handlers['scenarios.check']({ text: TEMPLATE })).problems).toEqual([]);
  });

  it('lists a scenario from the data folder as yours, and one with a bundled id replaces it', async () => {
    const { core, dataDir } = await fresh();
    await mkdir(join(dataDir, 'scenarios'));
    await writeFile(join(dataDir, 'scenarios', 'our-drill.md'), TEMPLATE);
    const bundled = await readFile(join(BUNDLED_DIR, 'scenarios', 'lost-tablet.md'), 'utf8');
    await writeFile(
      join(dataDir, 'scenarios', 'lost-tablet.md'),
      bundled.replace(/^title: .*$/m, 'title: Our lost tablet drill'),
    );
    value(await core.handlers['runbooks.reload']({}));
    const { scenarios, problems } = value(await core.handlers['exercises.scenarios']({}));
    expect(problems).toEqual([]);
    const ours = scenarios.find((scenario) => scenario.id === 'our-drill');
    expect(ours).toMatchObject({ source: 'user', overridesBundled: false });
    expect(scenarios.filter((scenario) => scenario.id === 'lost-tablet')).toEqual([
      expect.objectContaining({
        title: 'Our lost tablet drill',
        source: 'user',
        overridesBundled: true,
      }),
    ]);
    expect(scenarios.find((scenario) => scenario.id === 'invoice-fraud')?.source).toBe('bundled');
  });

  it('saves a scenario with its history, lists it, and refuses one with errors naming the line', async () => {
    const { core, dataDir } = await fresh();
    value(await core.handlers['scenarios.save']({ id: null, text: TEMPLATE, author: 'Sam' }));
    const edited = TEMPLATE.replace('title: Our own exercise', 'title: Our night drill');
    value(await core.handlers['scenarios.save']({ id: 'our-drill', text: edited, author: 'Ann' }));
    expect(await readFile(join(dataDir, 'scenarios', 'our-drill.md'), 'utf8')).toBe(edited);
    const history = value(await core.handlers['scenarios.history']({ id: 'our-drill' }));
    expect(history.map(({ kind, author }) => [kind, author])).toEqual([
      ['save', 'Sam'],
      ['save', 'Ann'],
    ]);
    const listed = value(await core.handlers['exercises.scenarios']({}));
    expect(listed.scenarios.find((scenario) => scenario.id === 'our-drill')?.title).toBe(
      'Our night drill',
    );

    const broken = TEMPLATE.replace('Runbook: care-record-system-down', 'Runbook: no-such-runbook');
    const checked = value(await core.handlers['scenarios.check']({ text: broken }));
    expect(checked.problems).toEqual([
      expect.objectContaining({
        file: 'scenarios/our-drill.md',
        line: broken.split('\n').findIndex((line) => line.includes('no-such-runbook')) + 1,
        severity: 'error',
      }),
    ]);
    const refused = await core.handlers['scenarios.save']({ id: 'our-drill', text: broken });
    expect(refused.ok).toBe(false);
    expect(await readFile(join(dataDir, 'scenarios', 'our-drill.md'), 'utf8')).toBe(edited);
  });

  it('carries scenarios in packs: previewed, imported exactly, kept in history', async () => {
    const { core: source } = await fresh();
    value(await source.handlers['scenarios.save']({ id: null, text: TEMPLATE, author: 'Sam' }));
    const pack = value(await source.handlers['packs.export']({ includeContacts: false }));

    const { core: target, dataDir } = await fresh();
    const preview = value(await target.handlers['packs.previewImport']({ base64: pack.base64 }));
    expect(preview.scenarios).toEqual([
      { id: 'our-drill', title: 'Our own exercise', change: 'new' },
    ]);
    const imported = value(
      await target.handlers['packs.import']({ base64: pack.base64, acceptUnsigned: true }),
    );
    expect(imported.scenarios).toBe(1);
    expect(await readdir(join(dataDir, 'scenarios'))).toEqual(['our-drill.md']);
    expect(await readFile(join(dataDir, 'scenarios', 'our-drill.md'), 'utf8')).toBe(TEMPLATE);
    const history = value(await target.handlers['scenarios.history']({ id: 'our-drill' }));
    expect(history.at(-1)?.fromPack).toBeDefined();
    const again = value(await target.handlers['packs.previewImport']({ base64: pack.base64 }));
    expect(again.scenarios[0]?.change).toBe('same');
  });

  it('compares and restores revisions, checked again, as the runbook history does', async () => {
    const { core } = await fresh();
    value(await core.handlers['scenarios.save']({ id: null, text: TEMPLATE, author: 'Sam' }));
    const renamed = TEMPLATE.replace('title: Our own exercise', 'title: Our night drill');
    value(await core.handlers['scenarios.save']({ id: 'our-drill', text: renamed, author: 'Sam' }));
    const diff = value(await core.handlers['scenarios.diff']({ id: 'our-drill', from: 1, to: 2 }));
    expect(diff.filter((line) => line.change !== 'same')).toEqual([
      { change: 'removed', text: 'title: Our own exercise', oldLine: 3 },
      { change: 'added', text: 'title: Our night drill', newLine: 3 },
    ]);
    const restored = value(
      await core.handlers['scenarios.restore']({ id: 'our-drill', seq: 1, author: 'Kim' }),
    );
    expect(restored.revision).toMatchObject({
      seq: 3,
      kind: 'restore',
      restoredFrom: 1,
      author: 'Kim',
      message: 'Restored revision 1',
    });
    expect(value(await core.handlers['scenarios.source']({ id: 'our-drill' })).text).toBe(TEMPLATE);
  });

  it('moves a scenario of your own to the trash, and its history brings it back', async () => {
    const { core, dataDir } = await fresh();
    value(await core.handlers['scenarios.save']({ id: null, text: TEMPLATE, author: 'Sam' }));
    const trashed = value(
      await core.handlers['scenarios.trash']({ id: 'our-drill', author: 'Sam' }),
    );
    expect(trashed.revision.kind).toBe('trash');
    expect(await readdir(join(dataDir, 'scenarios'))).toEqual([]);
    const { scenarios } = value(await core.handlers['exercises.scenarios']({}));
    expect(scenarios.some((scenario) => scenario.id === 'our-drill')).toBe(false);
    const bundled = await core.handlers['scenarios.trash']({ id: 'lost-tablet' });
    expect(bundled).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    value(await core.handlers['scenarios.restore']({ id: 'our-drill', seq: 1 }));
    expect(value(await core.handlers['scenarios.source']({ id: 'our-drill' })).source).toBe('user');
  });

  it('resets an edited bundled scenario to the one that comes with Holdfast, keeping the edit', async () => {
    const { core } = await fresh();
    const source = value(await core.handlers['scenarios.source']({ id: 'lost-tablet' }));
    expect(source).toMatchObject({ source: 'bundled', hasBundled: true, overridesBundled: false });
    const edited = source.text.replace(/^title: .*$/m, 'title: Our lost tablet drill');
    value(await core.handlers['scenarios.save']({ id: 'lost-tablet', text: edited }));
    expect(value(await core.handlers['scenarios.source']({ id: 'lost-tablet' }))).toMatchObject({
      source: 'user',
      overridesBundled: true,
    });
    const reset = value(
      await core.handlers['scenarios.resetToBundled']({ id: 'lost-tablet', author: 'Sam' }),
    );
    expect(reset.revision.kind).toBe('reset');
    expect(value(await core.handlers['scenarios.source']({ id: 'lost-tablet' }))).toMatchObject({
      source: 'bundled',
      text: source.text,
    });
    const kinds = value(await core.handlers['scenarios.history']({ id: 'lost-tablet' })).map(
      (revision) => revision.kind,
    );
    expect(kinds).toEqual(['original', 'save', 'reset']);
    const again = await core.handlers['scenarios.resetToBundled']({ id: 'lost-tablet' });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
