import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExerciseView } from '../../contract/exerciseTypes';
import type { Result } from '../../contract/result';
import { startTestCore } from '../__fixtures__/testCore';
import type { Core } from '../createCore';
import type { CoreOptions } from '../hostTypes';
import { verifyEvidenceLog } from '../evidence/evidenceChain';
import { EXERCISE_BANNER } from '../incidents/reports/incidentDocuments';
import { EVIDENCE_LABEL } from './exerciseDocuments';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const MINUTE = 60_000;
let dataDir: string;
let cores: Core[] = [];
/** The fake clock every core in a test reads. */
let clock = T0;
const advance = (minutes: number): void => {
  clock += minutes * MINUTE;
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-exercises-'));
  clock = T0;
});
afterEach(async () => {
  await Promise.all(cores.map((core) => core.close()));
  cores = [];
  await rm(dataDir, { recursive: true, force: true });
});

async function start(overrides: Partial<CoreOptions> = {}): Promise<Core['handlers']> {
  const core = await startTestCore(dataDir, { now: () => new Date(clock), ...overrides });
  cores.push(core);
  return core.handlers;
}

async function restart(): Promise<Core['handlers']> {
  await Promise.all(cores.map((core) => core.close()));
  cores = [];
  return start();
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

type Action = Parameters<Core['handlers']['exercises.record']>[0]['action'];
const act = (handlers: Core['handlers'], id: string, action: Action) =>
  handlers['exercises.record']({ id, author: 'Ann Lee', action });
const must = async (
  handlers: Core['handlers'],
  id: string,
  action: Action,
): Promise<ExerciseView> => value(await act(handlers, id, action));

async function setUp(handlers: Core['handlers']): Promise<ExerciseView> {
  return value(
    await handlers['exercises.create']({
      scenario: 'supplier-ransomware',
      facilitator: 'Ann Lee',
      author: 'Ann Lee',
    }),
  );
}

describe('scenarios', () => {
  it('lists the seven bundled scenarios and renders one with its contacts filled in and no markdown left over', async () => {
    const handlers = await start();
    const library = value(await handlers['exercises.scenarios']({}));
    expect(library.problems).toEqual([]);
    expect(library.scenarios.map((scenario) => scenario.id)).toHaveLength(7);
    const scenario = value(await handlers['exercises.scenario']({ id: 'supplier-ransomware' }));
    expect(scenario.injects.map((inject) => [inject.id, inject.releaseAfterMinutes])).toEqual([
      ['app-down', 0],
      ['supplier-confirms', 15],
      ['own-phone', 30],
      ['commissioner-calls', 50],
      ['csoc-report', null],
      ['fake-fix', null],
      ['data-copied', null],
      ['six-weeks', null],
      ['system-back', null],
    ]);
    expect(scenario.injects[0]?.runbook?.title).toMatch(/Care record/);
    expect(scenario.injects[0]?.expectedHtml).toContain('Registered manager');
    expect(JSON.stringify(scenario)).not.toContain('{{contact');
    expect(await handlers['exercises.scenario']({ id: 'no-such-scenario' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('prints inject cards with the exercise banner on every card', async () => {
    const handlers = await start();
    const cards = value(await handlers['exercises.cards']({ scenario: 'lost-tablet' }));
    expect(cards.markdown.split(EXERCISE_BANNER)).toHaveLength(4 + 2);
    expect(cards.html).toContain('<h2>Inject 4: Monday: the breach decision</h2>');
    expect(cards.html).not.toContain('<script');
  });
});

describe('running an exercise', () => {
  it('starts, releases on the timer and by hand, pauses the countdown, records decisions and ends with a debrief', async () => {
    const handlers = await start();
    let view = await setUp(handlers);
    expect(view).toMatchObject({
      status: 'ready',
      facilitator: 'Ann Lee',
      clock: { elapsedMs: 0, next: { inject: 'app-down', manual: true } },
    });
    expect(
      await act(handlers, view.id, { type: 'release', inject: 'app-down', trigger: 'hand' }),
    ).toMatchObject({ ok: false, error: { message: 'Start the exercise first.' } });

    view = await must(handlers, view.id, { type: 'start' });
    expect(view.clock.next).toMatchObject({ inject: 'app-down', manual: false, remainingMs: 0 });
    view = await must(handlers, view.id, { type: 'release', inject: 'app-down', trigger: 'timer' });
    expect(view.current).toBe('app-down');
    expect(view.clock.next).toMatchObject({
      inject: 'supplier-confirms',
      remainingMs: 15 * MINUTE,
      dueAt: new Date(T0 + 15 * MINUTE).toISOString(),
    });

    advance(10);
    expect(
      await act(handlers, view.id, {
        type: 'release',
        inject: 'supplier-confirms',
        trigger: 'timer',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    view = await must(handlers, view.id, { type: 'pause' });
    advance(30);
    view = value(await handlers['exercises.get']({ id: view.id }));
    expect(view).toMatchObject({
      status: 'paused',
      clock: {
        elapsedMs: 10 * MINUTE,
        next: { inject: 'supplier-confirms', manual: true, dueAt: null, remainingMs: 5 * MINUTE },
      },
    });
    view = await must(handlers, view.id, { type: 'resume' });
    advance(7);
    // Nobody pressed anything when it fell due two minutes ago: the log records when it was due.
    view = await must(handlers, view.id, {
      type: 'release',
      inject: 'supplier-confirms',
      trigger: 'timer',
    });
    expect(view.progress['supplier-confirms']).toMatchObject({
      status: 'released',
      trigger: 'timer',
      at: new Date(T0 + 45 * MINUTE).toISOString(),
    });

    view = await must(handlers, view.id, { type: 'release', inject: 'own-phone', trigger: 'hand' });
    view = await must(handlers, view.id, {
      type: 'skip',
      inject: 'commissioner-calls',
      reason: 'Short of time',
    });
    view = await must(handlers, view.id, {
      type: 'adHoc',
      title: 'A family member rings',
      text: "Mrs Khan asks if her father's records are safe.",
    });
    expect(view.injects.at(-1)).toMatchObject({
      id: 'ad-hoc-1',
      number: 10,
      adHoc: true,
      title: 'A family member rings',
    });
    expect(view.current).toBe('ad-hoc-1');
    view = await must(handlers, view.id, {
      type: 'attendee',
      name: 'Bo Adams',
      role: 'Deputy manager',
    });
    view = await must(handlers, view.id, {
      type: 'note',
      inject: 'own-phone',
      text: 'Nobody knew where the MAR sheets were.',
    });
    view = await must(handlers, view.id, {
      type: 'decision',
      inject: 'supplier-confirms',
      text: 'Switch to paper until the supplier confirms it is safe.',
    });
    expect(view.clock.next).toMatchObject({
      inject: 'csoc-report',
      manual: true,
      dueAt: null,
      remainingMs: null,
    });
    view = await must(handlers, view.id, { type: 'finish' });
    expect(view).toMatchObject({
      status: 'finished',
      finishedAt: new Date(clock).toISOString(),
      clock: { next: null },
    });
    expect(
      await act(handlers, view.id, { type: 'release', inject: 'data-copied', trigger: 'hand' }),
    ).toMatchObject({ ok: false, error: { message: 'This exercise has finished.' } });

    view = await must(handlers, view.id, {
      type: 'debrief',
      kind: 'went-well',
      text: 'Staff moved to paper quickly.',
    });
    view = await must(handlers, view.id, {
      type: 'debrief',
      kind: 'improve',
      text: 'Print care plans every week.',
    });
    view = await must(handlers, view.id, {
      type: 'action',
      text: 'Print care plans every Monday',
      owner: 'Bo Adams',
      due: '2026-03-15',
    });
    expect(view.actions).toEqual([
      {
        number: 1,
        text: 'Print care plans every Monday',
        owner: 'Bo Adams',
        due: '2026-03-15',
        status: 'open',
      },
    ]);
    expect(value(await handlers['exercises.list']({}))[0]?.openActions).toHaveLength(1);

    const report = value(await handlers['exercises.report']({ id: view.id }));
    expect(report.markdown.startsWith(`**${EXERCISE_BANNER}**`)).toBe(true);
    expect(report.markdown.trimEnd().endsWith(`**${EXERCISE_BANNER}**`)).toBe(true);
    for (const text of [
      EVIDENCE_LABEL,
      'Bo Adams — Deputy manager',
      'Switch to paper until the supplier confirms it is safe\\.',
      'skipped (Short of time)',
      'Print care plans every Monday',
      '2026-03-15',
      'Staff moved to paper quickly\\.',
    ]) {
      expect(report.markdown).toContain(text);
    }
    expect(report.filename).toMatch(/^holdfast-exercise-after-action-report-2026-03-01-/);

    view = await must(handlers, view.id, { type: 'actionDone', action: 1 });
    expect(view.actions[0]).toMatchObject({ status: 'done' });
    expect(value(await handlers['exercises.list']({}))[0]?.openActions).toEqual([]);
    expect(await act(handlers, view.id, { type: 'actionDone', action: 1 })).toMatchObject({
      ok: false,
    });
  });

  it('never releases a manual inject on its timer, and releases a timer inject only once if two windows ask', async () => {
    const handlers = await start();
    const { id } = await setUp(handlers);
    await must(handlers, id, { type: 'start' });
    const first = await must(handlers, id, {
      type: 'release',
      inject: 'app-down',
      trigger: 'timer',
    });
    const again = await must(handlers, id, {
      type: 'release',
      inject: 'app-down',
      trigger: 'timer',
    });
    expect(again.log.entries).toBe(first.log.entries);
    await must(handlers, id, { type: 'release', inject: 'supplier-confirms', trigger: 'hand' });
    await must(handlers, id, { type: 'release', inject: 'own-phone', trigger: 'hand' });
    await must(handlers, id, { type: 'release', inject: 'commissioner-calls', trigger: 'hand' });
    advance(600);
    expect(
      await act(handlers, id, { type: 'release', inject: 'data-copied', trigger: 'timer' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await act(handlers, id, { type: 'release', inject: 'app-down', trigger: 'hand' }),
    ).toMatchObject({ ok: false, error: { message: 'That inject has already been released.' } });
  });

  it('carries on after a restart exactly where the log says, and the log verifies', async () => {
    let handlers = await start();
    const { id } = await setUp(handlers);
    await must(handlers, id, { type: 'start' });
    await must(handlers, id, { type: 'release', inject: 'app-down', trigger: 'timer' });
    advance(4);
    await must(handlers, id, { type: 'pause' });
    advance(60);
    handlers = await restart();
    const view = value(await handlers['exercises.get']({ id }));
    expect(view).toMatchObject({
      status: 'paused',
      current: 'app-down',
      clock: {
        elapsedMs: 4 * MINUTE,
        next: { inject: 'supplier-confirms', remainingMs: 11 * MINUTE },
      },
    });
    const log = await readFile(join(dataDir, 'exercises', 'runs', id, 'log.jsonl'));
    expect(verifyEvidenceLog(log)).toMatchObject({
      ok: true,
      count: view.log.entries,
      headHash: view.log.head,
    });
  });

  it('reopens a finished exercise paused, with its running time kept and both moments in the log', async () => {
    const handlers = await start();
    const { id } = await setUp(handlers);
    await must(handlers, id, { type: 'start' });
    advance(5);
    await must(handlers, id, { type: 'finish' });
    expect(
      await act(handlers, id, { type: 'release', inject: 'app-down', trigger: 'hand' }),
    ).toMatchObject({
      ok: false,
    });
    advance(30);
    const reopened = await must(handlers, id, { type: 'reopen' });
    expect(reopened).toMatchObject({
      status: 'paused',
      finishedAt: null,
      clock: { elapsedMs: 5 * MINUTE },
    });
    expect(reopened.timeline.map((line) => line.text)).toEqual(
      expect.arrayContaining(['Exercise finished', 'Exercise reopened after it had finished']),
    );
    expect(await act(handlers, id, { type: 'reopen' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await must(handlers, id, { type: 'resume' });
    advance(2);
    const again = await must(handlers, id, { type: 'finish' });
    expect(again).toMatchObject({ status: 'finished', clock: { elapsedMs: 7 * MINUTE } });
  });

  it('lists an exercise whose log is damaged in its first line, and saves its files as they are', async () => {
    let handlers = await start();
    const { id } = await setUp(handlers);
    const path = join(dataDir, 'exercises', 'runs', id, 'log.jsonl');
    for (const damaged of [`\uFEFF${await readFile(path, 'utf8')}`, 'not an exercise log\n']) {
      await writeFile(path, damaged);
      handlers = await restart();
      const listed = value(await handlers['exercises.list']({}));
      expect(listed.map((exercise) => exercise.id)).toEqual([id]);
      expect(listed[0]?.problem).toMatch(/line 1/);
      // Opened as damaged and read-only, never "not found"; nothing can be recorded into it.
      const opened = value(await handlers['exercises.get']({ id }));
      expect(opened.log).toMatchObject({ readOnly: true, damaged: true, breaksAtLine: 1 });
      expect(await act(handlers, id, { type: 'start' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const exported = value(await handlers['exercises.exportFiles']({ id }));
      expect(exported.count).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps exercises apart from incidents: never listed or counted as one, stored in its own folder', async () => {
    const handlers = await start();
    const { id } = await setUp(handlers);
    await must(handlers, id, { type: 'start' });
    const practice = value(
      await handlers['incidents.start']({
        name: 'Exercise: care app down',
        runbook: 'care-record-system-down',
        lead: 'Ann Lee',
        author: 'Ann Lee',
        exercise: true,
      }),
    );
    const view = await must(handlers, id, {
      type: 'practice',
      incident: practice.id,
      runbook: 'care-record-system-down',
    });
    expect(view.practice).toEqual([
      { incident: practice.id, runbook: 'care-record-system-down', at: new Date(T0).toISOString() },
    ]);

    const incidents = value(await handlers['incidents.list']({}));
    expect(incidents.map((incident) => [incident.id, incident.exercise])).toEqual([
      [practice.id, true],
    ]);
    expect(await readdir(join(dataDir, 'exercises', 'runs'))).toEqual([id]);
    await expect(readdir(join(dataDir, 'incidents'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await handlers['incidents.get']({ id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('opens the projector through the host, or hands back its route when there is no second window', async () => {
    const opened: string[] = [];
    const handlers = await start({
      openProjector: async (route) => (opened.push(route), { opened: true }),
    });
    const { id } = await setUp(handlers);
    expect(value(await handlers['exercises.openProjector']({ id }))).toEqual({ opened: true });
    expect(opened).toEqual([`#/exercises/${id}/projector`]);
    const harness = await restart();
    expect(value(await harness['exercises.openProjector']({ id }))).toEqual({
      opened: false,
      address: `#/exercises/${id}/projector`,
    });
  });
});
