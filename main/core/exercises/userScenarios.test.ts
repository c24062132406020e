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
});
