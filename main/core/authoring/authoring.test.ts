import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../createCore';
import { BUNDLED_DIR, startTestCore } from '../__fixtures__/testCore';
import { runbookSource, SIMPLE_BODY } from '../runbooks/__fixtures__/runbookSource';

let dataDir: string;
let core: Core;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-authoring-'));
  core = await startTestCore(dataDir);
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

const value = <T>(
  result: { ok: true; value: T } | { ok: false; error: { message: string } },
): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

async function bundledText(id: string): Promise<string> {
  return readFile(join(BUNDLED_DIR, `${id}.md`), 'utf8');
}

/** Adds a step at the end of the first phase, as someone typing in the editor would (no id). */
function withExtraStep(text: string, headline: string): string {
  const lines = text.split('\n');
  const secondPhase = lines.findIndex(
    (line, index) =>
      index > 0 && line.startsWith('## ') && lines.slice(0, index).some((l) => l.startsWith('## ')),
  );
  lines.splice(secondPhase, 0, `9. ${headline}`, '');
  return lines.join('\n');
}

describe('saving a bundled runbook', () => {
  it('saves an override in the user folder, leaves the bundled file alone and keeps two revisions', async () => {
    const before = await bundledText('lost-device');
    const edited = withExtraStep(before, 'Tell the practice manager');
    const saved = value(
      await core.handlers['runbooks.save']({
        id: 'lost-device',
        text: edited,
        author: 'Sam Patel',
        message: 'Added a step',
      }),
    );

    expect(saved.id).toBe('lost-device');
    expect(await bundledText('lost-device')).toBe(before);
    const onDisk = await readFile(join(dataDir, 'runbooks', 'lost-device.md'), 'utf8');
    expect(onDisk).toContain('9. Tell the practice manager {#tell-the-practice-manager}');

    const view = value(await core.handlers['runbooks.get']({ id: 'lost-device' }));
    expect(view.overridesBundled).toBe(true);
    expect(view.phases.flatMap((phase) => phase.steps.map((step) => step.id))).toContain(
      'tell-the-practice-manager',
    );
    expect(saved.library.runbooks.find((r) => r.id === 'lost-device')?.overridesBundled).toBe(true);

    const history = value(await core.handlers['runbooks.history']({ id: 'lost-device' }));
    expect(
      history.map(({ seq, kind, author, message }) => ({ seq, kind, author, message })),
    ).toEqual([
      {
        seq: 1,
        kind: 'original',
        author: 'Holdfast',
        message: 'The version that comes with Holdfast',
      },
      { seq: 2, kind: 'save', author: 'Sam Patel', message: 'Added a step' },
    ]);
    expect(history[1]?.savedAt).toBe('2026-03-01T02:15:30.000Z');
  });

  it('keeps generated step ids when the step is edited again', async () => {
    const first = value(
      await core.handlers['runbooks.save']({
        id: 'lost-device',
        text: withExtraStep(await bundledText('lost-device'), 'Tell the manager'),
        author: 'Sam',
      }),
    );
    const saved = value(await core.handlers['runbooks.source']({ id: first.id })).text;
    const reworded = saved.replace(
      'Tell the manager {#tell-the-manager}',
      'Tell the manager on duty {#tell-the-manager}',
    );
    value(await core.handlers['runbooks.save']({ id: 'lost-device', text: reworded }));
    const onDisk = await readFile(join(dataDir, 'runbooks', 'lost-device.md'), 'utf8');
    expect(onDisk).toContain('Tell the manager on duty {#tell-the-manager}');
  });

  it('refuses text with errors and writes nothing', async () => {
    const broken = (await bundledText('lost-device')).replace(/^title: .*$/m, 'title: x');
    const result = await core.handlers['runbooks.save']({ id: 'lost-device', text: broken });
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    expect(!result.ok && result.error.message).toMatch(
      /not saved.*line 3: Title must be at least 3 characters/,
    );
    expect(await readdir(join(dataDir, 'runbooks'))).toEqual([]);
    expect(value(await core.handlers['runbooks.history']({ id: 'lost-device' }))).toEqual([]);
  });

  it('refuses a changed id, and a new runbook whose id is taken', async () => {
    const text = await bundledText('lost-device');
    const renamed = await core.handlers['runbooks.save']({
      id: 'lost-device',
      text: text.replace('id: lost-device', 'id: lost-laptop'),
    });
    expect(!renamed.ok && renamed.error.message).toContain('must stay "lost-device"');
    const taken = await core.handlers['runbooks.save']({ id: null, text });
    expect(!taken.ok && taken.error.message).toContain('"lost-device" is already used');
  });

  it('reset to bundled removes the override, keeps it in the trash and records a revision', async () => {
    const before = await bundledText('lost-device');
    value(
      await core.handlers['runbooks.save']({
        id: 'lost-device',
        text: withExtraStep(before, 'Tell the manager'),
      }),
    );
    const reset = value(
      await core.handlers['runbooks.resetToBundled']({ id: 'lost-device', author: 'Sam' }),
    );

    expect(reset.revision).toMatchObject({ seq: 3, kind: 'reset', author: 'Sam' });
    expect(await readdir(join(dataDir, 'runbooks'))).toEqual([]);
    const trash = await readdir(join(dataDir, 'trash', 'runbooks'));
    expect(trash).toHaveLength(1);
    expect(trash[0]).toMatch(/-lost-device\.md$/);
    const view = value(await core.handlers['runbooks.get']({ id: 'lost-device' }));
    expect(view.source).toBe('bundled');
    expect(
      value(await core.handlers['runbooks.revision']({ id: 'lost-device', seq: 3 })).text,
    ).toBe(before);
    expect(await core.handlers['runbooks.resetToBundled']({ id: 'lost-device' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('versions', () => {
  it('goes up one version on each save that changes the text, and the history shows it', async () => {
    const before = await bundledText('lost-device');
    value(
      await core.handlers['runbooks.save']({
        id: 'lost-device',
        text: withExtraStep(before, 'Ring'),
      }),
    );
    const saved = await readFile(join(dataDir, 'runbooks', 'lost-device.md'), 'utf8');
    expect(saved).toContain('version: 4');
    // Saving the same text again is not a new version.
    value(await core.handlers['runbooks.save']({ id: 'lost-device', text: saved }));
    expect(await readFile(join(dataDir, 'runbooks', 'lost-device.md'), 'utf8')).toBe(saved);
    const history = value(await core.handlers['runbooks.history']({ id: 'lost-device' }));
    expect(history.map((revision) => revision.version)).toEqual([3, 4, 4]);
  });
});

describe('history', () => {
  it('diffs two revisions and restores an older one as a new revision', async () => {
    const before = await bundledText('lost-device');
    value(
      await core.handlers['runbooks.save']({
        id: 'lost-device',
        text: withExtraStep(before, 'Tell the manager'),
      }),
    );

    const diff = value(await core.handlers['runbooks.diff']({ id: 'lost-device', from: 1, to: 2 }));
    expect(
      diff.filter((line) => line.change !== 'same').map(({ change, text }) => [change, text]),
    ).toEqual([
      ['removed', 'version: 3'],
      ['added', 'version: 4'],
      ['added', '9. Tell the manager {#tell-the-manager}'],
      ['added', ''],
    ]);
    const added = diff.find((line) => line.change === 'added');
    expect(added?.oldLine).toBeUndefined();
    expect(added?.newLine).toBeGreaterThan(1);

    const restored = value(
      await core.handlers['runbooks.restore']({ id: 'lost-device', seq: 1, author: 'Sam' }),
    );
    expect(restored.revision).toMatchObject({
      seq: 3,
      kind: 'restore',
      restoredFrom: 1,
      message: 'Restored revision 1',
      // Older text brought back is still a new version: above the one it replaces.
      version: 5,
    });
    expect(await readFile(join(dataDir, 'runbooks', 'lost-device.md'), 'utf8')).toBe(
      before.replace('version: 3', 'version: 5'),
    );
    expect(value(await core.handlers['runbooks.history']({ id: 'lost-device' }))).toHaveLength(3);
    expect(
      await core.handlers['runbooks.diff']({ id: 'lost-device', from: 1, to: 9 }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('records a change made outside Holdfast before the next save', async () => {
    const text = runbookSource({ id: 'our-own', body: SIMPLE_BODY });
    value(await core.handlers['runbooks.save']({ id: null, text, author: 'Sam' }));
    await writeFile(
      join(dataDir, 'runbooks', 'our-own.md'),
      text.replace('Stay calm.', 'Stay calm, please.'),
    );
    value(await core.handlers['runbooks.reload']({}));
    value(
      await core.handlers['runbooks.save']({
        id: 'our-own',
        text: text.replace('Stay calm.', 'Keep calm.'),
      }),
    );
    const history = value(await core.handlers['runbooks.history']({ id: 'our-own' }));
    expect(history.map((revision) => [revision.kind, revision.message])).toEqual([
      ['save', ''],
      ['original', 'Changed outside Holdfast'],
      ['save', ''],
    ]);
  });
});

describe('a runbook of the provider’s own', () => {
  it('is created, moved to the trash and brought back from history', async () => {
    const text = runbookSource({ id: 'our-own', body: SIMPLE_BODY });
    const created = value(await core.handlers['runbooks.save']({ id: null, text, author: 'Sam' }));
    expect(created.library.runbooks.some((r) => r.id === 'our-own')).toBe(true);
    expect(await core.handlers['runbooks.trash']({ id: 'lost-device' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });

    const trashed = value(await core.handlers['runbooks.trash']({ id: 'our-own', author: 'Sam' }));
    expect(trashed.library.runbooks.some((r) => r.id === 'our-own')).toBe(false);
    expect(await readdir(join(dataDir, 'trash', 'runbooks'))).toHaveLength(1);
    expect(value(await core.handlers['runbooks.trashed']({}))).toEqual([
      { id: 'our-own', title: 'A test runbook', trashedAt: '2026-03-01T02:15:30.000Z' },
    ]);

    value(await core.handlers['runbooks.restore']({ id: 'our-own', seq: trashed.revision.seq }));
    expect(value(await core.handlers['runbooks.get']({ id: 'our-own' })).title).toBe(
      'A test runbook',
    );
    expect(value(await core.handlers['runbooks.trashed']({}))).toEqual([]);
  });

  it('keeps a broken file of the same name in the trash instead of overwriting it', async () => {
    await writeFile(join(dataDir, 'runbooks', 'our-own.md'), 'not a runbook yet');
    value(await core.handlers['runbooks.reload']({}));
    value(
      await core.handlers['runbooks.save']({
        id: null,
        text: runbookSource({ id: 'our-own', body: SIMPLE_BODY }),
      }),
    );
    const trash = await readdir(join(dataDir, 'trash', 'runbooks'));
    expect(trash).toHaveLength(1);
    expect(await readFile(join(dataDir, 'trash', 'runbooks', trash[0] ?? ''), 'utf8')).toBe(
      'not a runbook yet',
    );
  });
});

describe('preview', () => {
  it('shows the reader view and the same problems as the checker, by line', async () => {
    const text = runbookSource({
      id: 'our-own',
      contacts: ['csoc'],
      body: [
        '',
        '## Contain {#contain}',
        '',
        '1. Phone {{contact:not-a-role}} {#a}',
        '2. Read [the other one](runbook:no-such-runbook) {#a}',
        '3. New step without an id',
        '',
      ],
    });
    const preview = value(await core.handlers['runbooks.preview']({ text }));
    expect(preview.problems.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      '15: duplicate step id "a" (first used on line 14)',
    ]);
    expect(preview.view).toBeNull();
    expect(preview.textWithIds).toContain('3. New step without an id {#new-step-without-an-id}');

    const fixed = value(
      await core.handlers['runbooks.preview']({ text: text.replace('{#a}\n2.', '{#b}\n2.') }),
    );
    expect(fixed.problems.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      '14: unknown contact role "not-a-role" in {{contact:not-a-role}}: a step would show a gap where the contact should be.',
      '15: link to runbook "no-such-runbook", which does not exist',
    ]);
    // The preview still shows the text, but an unknown role is an error: it is not saved.
    expect(fixed.view?.html.steps['a']?.text).toContain('the other one');
    expect(fixed.view?.html.steps['b']?.text).toContain('not set yet');
    const refused = await core.handlers['runbooks.save']({
      id: null,
      text: text.replace('{#a}\n2.', '{#b}\n2.'),
    });
    expect(!refused.ok && refused.error.message).toContain('unknown contact role "not-a-role"');
  });

  it('names the open incidents that follow a runbook', async () => {
    value(
      await core.handlers['incidents.start']({
        name: 'Laptop left on a bus',
        runbook: 'lost-device',
        lead: 'Sam',
        author: 'Sam',
      }),
    );
    const source = value(await core.handlers['runbooks.source']({ id: 'lost-device' }));
    expect(source).toMatchObject({ source: 'bundled', hasBundled: true, overridesBundled: false });
    expect(source.openIncidents.map(({ name, exercise }) => ({ name, exercise }))).toEqual([
      { name: 'Laptop left on a bus', exercise: false },
    ]);
    expect(
      value(await core.handlers['runbooks.source']({ id: 'ransomware' })).openIncidents,
    ).toEqual([]);
  });
});

describe('unsaved text kept by the editor', () => {
  it('keeps it across a restart and forgets it once the runbook is saved', async () => {
    const text = runbookSource({ id: 'our-own', body: SIMPLE_BODY });
    value(await core.handlers['runbooks.keepDraft']({ id: null, text }));
    await core.close();
    core = await startTestCore(dataDir);
    const kept = value(await core.handlers['runbooks.unsavedDraft']({ id: null })).draft;
    expect(kept?.text).toBe(text);
    expect(kept?.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    value(await core.handlers['runbooks.save']({ id: null, text }));
    expect(value(await core.handlers['runbooks.unsavedDraft']({ id: null })).draft).toBeNull();
  });

  it('forgets it when the person discards it', async () => {
    value(await core.handlers['runbooks.keepDraft']({ id: 'lost-device', text: 'typed' }));
    value(await core.handlers['runbooks.discardDraft']({ id: 'lost-device' }));
    expect(value(await core.handlers['runbooks.unsavedDraft']({ id: 'lost-device' })).draft).toBe(
      null,
    );
  });
});

describe('a file that could not be loaded', () => {
  it('is listed with its problems, opens with its text, and once fixed replaces the broken file', async () => {
    const broken = runbookSource({ id: 'our-plan', title: 'ab', body: SIMPLE_BODY });
    await writeFile(join(dataDir, 'runbooks', 'Our plan.md'), broken);
    value(await core.handlers['runbooks.reload']({}));

    const refused = value(await core.handlers['runbooks.refused']({}));
    expect(refused).toEqual([expect.objectContaining({ file: 'Our plan.md', title: 'ab' })]);
    expect(refused[0]?.problems.length).toBeGreaterThan(0);
    const opened = value(await core.handlers['runbooks.refusedSource']({ file: 'Our plan.md' }));
    expect(opened.text).toBe(broken);
    expect(await core.handlers['runbooks.refusedSource']({ file: 'lost-device.md' })).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND' } },
    );

    value(
      await core.handlers['runbooks.save']({
        id: null,
        text: broken.replace('title: ab', 'title: Our plan'),
        replacesFile: 'Our plan.md',
      }),
    );
    expect((await readdir(join(dataDir, 'runbooks'))).sort()).toEqual(['our-plan.md']);
    expect(value(await core.handlers['runbooks.refused']({}))).toEqual([]);
    expect(value(await core.handlers['runbooks.get']({ id: 'our-plan' })).title).toBe('Our plan');
  });
});
