import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../createCore';
import { startTestCore } from '../__fixtures__/testCore';
import { runbookSource } from '../runbooks/__fixtures__/runbookSource';
import { checkFolder } from '../runbooks/checkFolder';
import { scenarioTemplate } from '../../shared/scenarioTemplate';

const BUNDLED = resolve(import.meta.dirname, '../../../runbooks');

/** A runbook that asks staff to phone a role the provider added to their contacts. */
const usingRole = (role: string, id = 'night-cover') =>
  runbookSource({
    id,
    contacts: [role],
    body: ['', '## Contain {#contain}', '', `1. Phone {{contact:${role}}}. {#phone-cover}`],
  });

let dataDir: string;
let core: Core;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-own-roles-'));
});
afterEach(async () => {
  await core?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const errorsOf = (problems: Array<{ severity: string; message: string }>) =>
  problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message);

describe('contact roles the provider adds', () => {
  it('may be named in runbooks: the editor, the library and import all know them', async () => {
    await mkdir(join(dataDir, 'runbooks'), { recursive: true });
    await writeFile(join(dataDir, 'runbooks', 'night-cover.md'), usingRole('out-of-hours-gp'));
    core = await startTestCore(dataDir);
    // Before the role exists the file is refused, as any unknown role is.
    const refused = await core.handlers['runbooks.refused']({});
    expect(refused.ok && refused.value.map((file) => file.file)).toEqual(['night-cover.md']);

    const added = await core.handlers['contacts.addRole']({ label: 'Out-of-hours GP' });
    expect(added.ok && added.value.role).toBe('out-of-hours-gp');
    // The library is read again, so the runbook naming the new role is now in use.
    const listed = await core.handlers['runbooks.list']({});
    expect(listed.ok && listed.value.runbooks.some((r) => r.id === 'night-cover')).toBe(true);

    const preview = await core.handlers['runbooks.preview']({
      text: usingRole('out-of-hours-gp', 'another'),
    });
    expect(preview.ok && errorsOf(preview.value.problems)).toEqual([]);
    const typo = await core.handlers['runbooks.preview']({
      text: usingRole('out-of-hours-gq', 'another'),
    });
    expect(typo.ok && errorsOf(typo.value.problems)).toEqual([
      expect.stringMatching(
        /^unknown contact role "out-of-hours-gq".*Did you mean "out-of-hours-gp"/,
      ),
    ]);

    const imported = await core.handlers['runbooks.importPreview']({
      text: '# Night cover\n\n## Contain\n\n1. Phone {{contact:out-of-hours-gp}}.',
    });
    expect(imported.ok && errorsOf(imported.value.problems)).toEqual([]);

    const scenarioWith = async (role: string) => {
      const text = scenarioTemplate({ id: 'night-drill', today: '2026-03-01', owner: 'Sam' })
        .replace('contacts: [it-supplier]', `contacts: [it-supplier, ${role}]`)
        .replace(
          'Say where and when it starts',
          `Call {{contact:${role}}}. Say where and when it starts`,
        );
      const checked = await core.handlers['scenarios.check']({ text });
      if (!checked.ok) throw new Error(checked.error.message);
      return checked.value.problems.map((problem) => problem.message);
    };
    expect(await scenarioWith('out-of-hours-gp')).toEqual([]);
    expect(await scenarioWith('out-of-hours-gq')).toContain(
      'unknown contact role "out-of-hours-gq"',
    );
  });

  it('are known to runbooks:check for a data folder, given or found beside its runbooks', async () => {
    const runbooks = join(dataDir, 'runbooks');
    await mkdir(runbooks, { recursive: true });
    await writeFile(join(runbooks, 'night-cover.md'), usingRole('out-of-hours-gp'));
    const unknown = await checkFolder(runbooks, BUNDLED);
    expect(errorsOf(unknown.problems)).toEqual([
      expect.stringMatching(/^unknown contact role "out-of-hours-gp"/),
    ]);
    await writeFile(
      join(dataDir, 'contacts.json'),
      JSON.stringify({
        formatVersion: 1,
        customRoles: [{ id: 'out-of-hours-gp', label: 'Out-of-hours GP' }],
        contacts: [],
      }),
    );
    expect(errorsOf((await checkFolder(runbooks, BUNDLED)).problems)).toEqual([]);
    const elsewhere = await mkdtemp(join(tmpdir(), 'holdfast-own-roles-elsewhere-'));
    try {
      await writeFile(join(elsewhere, 'night-cover.md'), usingRole('out-of-hours-gp'));
      expect(errorsOf((await checkFolder(elsewhere, BUNDLED)).problems)).toHaveLength(1);
      expect(errorsOf((await checkFolder(elsewhere, BUNDLED, dataDir)).problems)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('is not deleted while a runbook names it, since the runbook would stop loading', async () => {
    core = await startTestCore(dataDir);
    const added = await core.handlers['contacts.addRole']({ label: 'Out-of-hours GP' });
    if (!added.ok) throw new Error(added.error.message);
    const saved = await core.handlers['runbooks.save']({
      id: null,
      text: usingRole('out-of-hours-gp'),
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const refused = await core.handlers['contacts.delete']({ role: 'out-of-hours-gp' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.message).toMatch(/^This role is named in “A test runbook”/);
    await core.handlers['runbooks.trash']({ id: 'night-cover' });
    const deleted = await core.handlers['contacts.delete']({ role: 'out-of-hours-gp' });
    expect(deleted.ok && deleted.value.roles.some((r) => r.role === 'out-of-hours-gp')).toBe(false);
  });
});
