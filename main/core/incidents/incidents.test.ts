import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../contract/incidentTypes';
import { ok, type Result } from '../../contract/result';
import { applyIncidentChange } from '../../shared/incidentChange';
import { BUNDLED_DIR, startTestCore } from '../__fixtures__/testCore';
import type { Core } from '../createCore';
import type { CoreOptions } from '../hostTypes';
import { unzipSync } from 'fflate';
import { verifyEvidenceLog } from '../evidence/evidenceChain';

const NOW = new Date('2026-03-01T02:15:30.000Z');
let dataDir: string;
let cores: Core[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-incidents-'));
});
afterEach(async () => {
  await Promise.all(cores.map((core) => core.close()));
  cores = [];
  await rm(dataDir, { recursive: true, force: true });
});

async function start(overrides: Partial<CoreOptions> = {}): Promise<Core['handlers']> {
  const core = await startTestCore(dataDir, overrides);
  cores.push(core);
  return core.handlers;
}

async function restart(overrides: Partial<CoreOptions> = {}): Promise<Core['handlers']> {
  await Promise.all(cores.map((core) => core.close()));
  cores = [];
  return start(overrides);
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function startRansomware(
  handlers: Core['handlers'],
  extra: { exercise?: boolean; awareAt?: string; equipmentDownSince?: string } = {},
): Promise<IncidentView> {
  return value(
    await handlers['incidents.start']({
      name: 'Ransom note on office PC',
      runbook: 'ransomware',
      lead: 'Ann Lee',
      author: 'Ann Lee',
      ...extra,
    }),
  );
}

/** An incident following "care record system down", whose cause question links to other runbooks. */
async function startCareSystemDown(handlers: Core['handlers']): Promise<IncidentView> {
  return value(
    await handlers['incidents.start']({
      name: 'Care system down',
      runbook: 'care-record-system-down',
      lead: 'Ann Lee',
      author: 'Ann Lee',
    }),
  );
}

/** Records an action and returns what the screen then shows: the view it held with the change merged in. */
const record = async (
  handlers: Core['handlers'],
  id: string,
  action: Parameters<Core['handlers']['incidents.record']>[0]['action'],
  eventAt?: string,
): Promise<Result<IncidentView>> => {
  const shown = value(await handlers['incidents.get']({ id }));
  const change = await handlers['incidents.record']({
    id,
    author: 'Ann Lee',
    action,
    ...(eventAt ? { eventAt } : {}),
  });
  if (!change.ok) return change;
  const merged = applyIncidentChange(shown, change.value);
  if (!merged) throw new Error('the change does not follow the view it was made from');
  return ok(merged);
};

describe('starting an incident', () => {
  it('takes a snapshot of the runbook, names the lead and starts its clocks from the time of awareness, but not the equipment clock', async () => {
    const handlers = await start();
    const view = await startRansomware(handlers, { awareAt: '2026-03-01T01:00:00.000Z' });
    expect(view).toMatchObject({
      name: 'Ransom note on office PC',
      lead: 'Ann Lee',
      status: 'open',
      exercise: false,
      awareAt: '2026-03-01T01:00:00.000Z',
    });
    expect(view.roles['incident-lead']).toBe('Ann Lee');
    const { version } = value(await handlers['runbooks.get']({ id: 'ransomware' }));
    expect(
      view.runbooks.map((runbook) => [
        runbook.id,
        runbook.version,
        runbook.newerVersionAvailable,
        runbook.problem,
      ]),
    ).toEqual([['ransomware', version, false, undefined]]);
    expect(view.runbooks[0]?.view?.html.steps['check-safety']?.text).toContain('999');
    const breach = view.clocks.find((clock) => clock.id === 'personal-data-breach-72h');
    expect(breach).toMatchObject({
      status: 'running',
      startedAt: '2026-03-01T01:00:00.000Z',
      dueAt: '2026-03-04T01:00:00.000Z',
      kind: 'deadline',
    });
    // Ransomware alone says nothing about call bells or power: no 24-hour equipment clock.
    expect(view.clocks.map((clock) => clock.id).sort()).toEqual([
      'cqc-safe-care',
      'personal-data-breach-72h',
    ]);

    const folder = join(dataDir, 'incidents', view.id);
    const snapshot = await readFile(
      join(folder, 'snapshots', `${view.runbooks[0]?.sha256}.md`),
      'utf8',
    );
    expect(snapshot).toBe(await readFile(join(BUNDLED_DIR, 'ransomware.md'), 'utf8'));
    expect(verifyEvidenceLog(await readFile(join(folder, 'log.jsonl')))).toMatchObject({
      ok: true,
      count: 3,
    });
  });

  it('refuses an awareness time in the future and an unknown runbook, writing nothing', async () => {
    const handlers = await start();
    const future = await handlers['incidents.start']({
      name: 'x',
      lead: 'Ann',
      author: 'Ann',
      awareAt: '2026-03-02T00:00:00.000Z',
    });
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await handlers['incidents.start']({
      name: 'x',
      lead: 'Ann',
      author: 'Ann',
      runbook: 'no-such-runbook',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(value(await handlers['incidents.list']({}))).toEqual([]);
  });

  it('keeps several incidents open at once, each listed with its progress and next clock', async () => {
    const handlers = await start();
    const first = await startRansomware(handlers);
    const second = value(
      await handlers['incidents.start']({
        name: 'Phones down',
        runbook: 'phones-telecare-down',
        lead: 'Bo',
        equipmentDownSince: '2026-03-01T01:30:00.000Z',
        author: 'Bo',
      }),
    );
    const list = value(await handlers['incidents.list']({}));
    expect(list.map((incident) => incident.id).sort()).toEqual([first.id, second.id].sort());
    const phones = list.find((incident) => incident.id === second.id);
    expect(phones?.nextClock?.id).toBe('cqc-equipment-24h');
    expect(phones?.stepsTotal).toBeGreaterThan(5);
  });
});

describe('guided mode', () => {
  it("records done, can't do and skip with reasons, and a reopened step loses its answer but not its history", async () => {
    const handlers = await start();
    const { id } = await startRansomware(handlers);
    value(
      await record(handlers, id, {
        type: 'step',
        runbook: 'ransomware',
        step: 'check-safety',
        status: 'done',
      }),
    );
    value(
      await record(handlers, id, {
        type: 'step',
        runbook: 'ransomware',
        step: 'call-insurer',
        status: 'cant',
        reason: 'No answer, voicemail left',
      }),
    );
    value(
      await record(handlers, id, {
        type: 'step',
        runbook: 'ransomware',
        step: 'check-visits',
        status: 'skipped',
        reason: 'We are a care home',
      }),
    );
    const view = value(
      await record(handlers, id, {
        type: 'step',
        runbook: 'ransomware',
        step: 'check-safety',
        status: 'reopened',
      }),
    );
    expect(Object.keys(view.steps).sort()).toEqual([
      'ransomware/call-insurer',
      'ransomware/check-visits',
    ]);
    expect(view.steps['ransomware/call-insurer']).toMatchObject({
      status: 'cant',
      reason: 'No answer, voicemail left',
      by: 'Ann Lee',
    });
    expect(view.timeline.map((entry) => entry.text)).toContain(
      "Can't do: Phone Insurer incident line before you bring in any new IT company or lawyer. — No answer, voicemail left",
    );
    expect(
      (
        await record(handlers, id, {
          type: 'step',
          runbook: 'ransomware',
          step: 'no-such-step',
          status: 'done',
        })
      ).ok,
    ).toBe(false);
  });

  it('places a backfilled note at the time it happened, with the time it was typed kept separately', async () => {
    let clock = new Date('2026-03-01T02:15:30.000Z');
    const handlers = await start({ now: () => clock });
    const { id } = await startRansomware(handlers);
    clock = new Date('2026-03-01T03:00:00.000Z');
    const view = value(
      await record(
        handlers,
        id,
        { type: 'note', text: 'From paper: unplugged the office PC' },
        '2026-03-01T02:20:00.000Z',
      ),
    );
    const note = view.timeline.find(
      (entry) => entry.text === 'From paper: unplugged the office PC',
    );
    expect(note).toMatchObject({
      eventAt: '2026-03-01T02:20:00.000Z',
      recordedAt: '2026-03-01T03:00:00.000Z',
      backfilled: true,
    });
    expect(view.timeline.at(-1)?.text).toBe('From paper: unplugged the office PC');
    const later = value(await record(handlers, id, { type: 'note', text: 'Now' }));
    expect(later.timeline.map((entry) => entry.text).slice(-2)).toEqual([
      'From paper: unplugged the office PC',
      'Now',
    ]);
    const backfilledFirst = value(
      await record(
        handlers,
        id,
        { type: 'note', text: 'Even earlier, from paper' },
        '2026-03-01T02:16:00.000Z',
      ),
    );
    expect(
      backfilledFirst.timeline.findIndex((entry) => entry.text === 'Even earlier, from paper'),
    ).toBeLessThan(
      backfilledFirst.timeline.findIndex(
        (entry) => entry.text === 'From paper: unplugged the office PC',
      ),
    );
    expect(
      (await record(handlers, id, { type: 'note', text: 'tomorrow' }, '2026-03-02T03:00:00.000Z'))
        .ok,
    ).toBe(false);
  });

  it('follows a decision into a linked runbook inside the same incident and starts its clocks', async () => {
    const handlers = await start();
    const { id } = await startCareSystemDown(handlers);
    const before = value(await handlers['incidents.get']({ id }));
    const decision = before.runbooks[0]?.view?.phases
      .flatMap((phase) => phase.steps)
      .find((step) => step.id === 'cause-question');
    const index =
      decision?.options.findIndex((option) => option.goto?.runbook === 'ransomware') ?? -1;
    expect(index).toBeGreaterThanOrEqual(0);
    const view = value(
      await record(handlers, id, {
        type: 'decision',
        option: { runbook: 'care-record-system-down', step: 'cause-question', index },
        rationale: 'Ransom note on screen',
      }),
    );
    expect(view.runbooks.map((runbook) => runbook.id)).toEqual([
      'care-record-system-down',
      'ransomware',
    ]);
    expect(view.steps['care-record-system-down/cause-question']?.status).toBe('done');
    // Ransomware brings the CQC safe-care clock; the equipment clock waits for someone to say it failed.
    expect(view.clocks.map((clock) => clock.id)).toContain('cqc-safe-care');
    expect(view.clocks.map((clock) => clock.id)).not.toContain('cqc-equipment-24h');
    expect(
      view.timeline.some(
        (entry) =>
          entry.kind === 'decision' && entry.text.includes('because Ransom note on screen'),
      ),
    ).toBe(true);
  });
});

describe('what recording returns', () => {
  it('is what the action changed, however long the incident: its entries, the step, the clocks and the log head', async () => {
    const handlers = await start();
    const { id } = await startRansomware(handlers);
    for (let n = 0; n < 60; n += 1)
      value(
        await handlers['incidents.record']({
          id,
          author: 'Ann Lee',
          action: { type: 'note', text: `Note ${n}` },
        }),
      );
    const shown = value(await handlers['incidents.get']({ id }));
    const change = value(
      await handlers['incidents.record']({
        id,
        author: 'Bo Khan',
        action: { type: 'step', runbook: 'ransomware', step: 'check-safety', status: 'done' },
      }),
    );
    expect(change.after).toBe(shown.log.entries);
    expect(change.timeline.map((entry) => [entry.seq, entry.kind])).toEqual([
      [shown.log.entries + 1, 'step'],
    ]);
    expect(Object.keys(change.steps)).toEqual(['ransomware/check-safety']);
    expect(change.steps['ransomware/check-safety']).toMatchObject({
      status: 'done',
      by: 'Bo Khan',
    });
    expect(change).toMatchObject({ runbooks: [], calls: [], stepsAnswered: 1, status: 'open' });
    expect(change.clocks).toEqual(shown.clocks);
    expect(change.log.entries).toBe(shown.log.entries + 1);
    expect(JSON.stringify(change).length).toBeLessThan(4096);

    const reopened = value(
      await handlers['incidents.record']({
        id,
        author: 'Bo Khan',
        action: { type: 'step', runbook: 'ransomware', step: 'check-safety', status: 'reopened' },
      }),
    );
    expect(reopened.steps).toEqual({ 'ransomware/check-safety': null });

    const corrected = value(
      await handlers['incidents.record']({
        id,
        author: 'Ann Lee',
        action: { type: 'correction', amends: 10, text: 'Should read Note 99' },
      }),
    );
    expect(corrected.timeline.map((entry) => [entry.seq, entry.correctedBy])).toEqual([
      [10, [corrected.after + 1]],
      [corrected.after + 1, []],
    ]);
  });

  it('carries a runbook a decision adds, rendered as the incident shows it', async () => {
    const handlers = await start();
    const { id } = await startCareSystemDown(handlers);
    const shown = value(await handlers['incidents.get']({ id }));
    const index =
      shown.runbooks[0]?.view?.phases
        .flatMap((phase) => phase.steps)
        .find((step) => step.id === 'cause-question')
        ?.options.findIndex((option) => option.goto?.runbook === 'ransomware') ?? -1;
    const change = value(
      await handlers['incidents.record']({
        id,
        author: 'Ann Lee',
        action: {
          type: 'decision',
          option: { runbook: 'care-record-system-down', step: 'cause-question', index },
        },
      }),
    );
    expect(change.runbooks.map((runbook) => runbook.id)).toEqual(['ransomware']);
    expect(change.runbooks[0]?.view?.html.steps['check-safety']?.text).toContain('999');
    expect(change.runbookTitles).toHaveLength(2);
    // The choice, its step and the runbook. Its 72-hour and CQC safe-care clocks already run, and
    // its equipment clock waits until someone says equipment failed: no clock entries.
    expect(change.timeline.map((entry) => entry.kind)).toEqual(['decision', 'step', 'runbook']);
  });

  it('cannot be merged into a view that missed an earlier action: the screen loads the whole view again', async () => {
    const handlers = await start();
    const { id } = await startRansomware(handlers);
    const stale = value(await handlers['incidents.get']({ id }));
    value(await record(handlers, id, { type: 'note', text: 'From the other window' }));
    const change = value(
      await handlers['incidents.record']({
        id,
        author: 'Ann Lee',
        action: { type: 'note', text: 'Mine' },
      }),
    );
    expect(applyIncidentChange(stale, change)).toBeNull();
  });
});

describe('clocks', () => {
  it('stops a clock only with a reference number (done) or a reason (not needed), and logs it', async () => {
    const handlers = await start();
    const { id } = await startRansomware(handlers, {
      equipmentDownSince: '2026-03-01T01:00:00.000Z',
    });
    const done = value(
      await record(handlers, id, {
        type: 'stopClock',
        clock: 'personal-data-breach-72h',
        outcome: 'done',
        reference: 'DSPT-12345',
      }),
    );
    expect(done.clocks.find((clock) => clock.id === 'personal-data-breach-72h')).toMatchObject({
      status: 'done',
      reference: 'DSPT-12345',
      stoppedAt: NOW.toISOString(),
    });
    const notNeeded = value(
      await record(handlers, id, {
        type: 'stopClock',
        clock: 'cqc-equipment-24h',
        outcome: 'not-needed',
        reason: 'Call bells work',
      }),
    );
    expect(notNeeded.clocks.find((clock) => clock.id === 'cqc-equipment-24h')).toMatchObject({
      status: 'not-needed',
      reason: 'Call bells work',
    });
    expect(notNeeded.timeline.map((entry) => entry.text)).toContain(
      'Clock stopped, done: Personal data breach: report within 72 hours of becoming aware, sooner if you can (DSPT incident reporting tool) (reference DSPT-12345)',
    );
    expect(
      (
        await record(handlers, id, {
          type: 'stopClock',
          clock: 'cqc-equipment-24h',
          outcome: 'not-needed',
          reason: 'again',
        })
      ).ok,
    ).toBe(false);
    const restarted = value(
      await record(handlers, id, {
        type: 'startClock',
        clock: 'cqc-equipment-24h',
        startedAt: '2026-03-01T02:00:00.000Z',
      }),
    );
    expect(restarted.clocks.find((clock) => clock.id === 'cqc-equipment-24h')).toMatchObject({
      status: 'running',
      dueAt: '2026-03-02T02:00:00.000Z',
    });
  });
});

describe('contract clocks', () => {
  it('starts a contract deadline from Settings, copying its terms so later edits do not change the incident', async () => {
    const handlers = await start();
    const settings = value(
      await handlers['settings.update']({
        contractClocks: [
          { label: 'Tell the commissioner', hours: 24, duty: 'Email the contract manager' },
        ],
      }),
    );
    expect(settings.contractClocks).toEqual([
      {
        id: 'tell-the-commissioner',
        label: 'Tell the commissioner',
        hours: 24,
        duty: 'Email the contract manager',
      },
    ]);
    const { id } = await startRansomware(handlers, { awareAt: '2026-03-01T01:00:00.000Z' });
    const view = value(
      await record(handlers, id, { type: 'startClock', clock: 'contract:tell-the-commissioner' }),
    );
    expect(
      view.clocks.find((clock) => clock.id === 'contract:tell-the-commissioner'),
    ).toMatchObject({
      label: 'Tell the commissioner',
      dueAt: '2026-03-02T01:00:00.000Z',
      urgentFrom: '2026-03-01T13:00:00.000Z',
      duty: 'Email the contract manager',
      kind: 'deadline',
    });
    value(
      await handlers['settings.update']({
        contractClocks: [
          { id: 'tell-the-commissioner', label: 'Tell the commissioner', hours: 48, duty: 'Phone' },
        ],
      }),
    );
    const later = value(await handlers['incidents.get']({ id }));
    expect(later.clocks.find((clock) => clock.id === 'contract:tell-the-commissioner')?.dueAt).toBe(
      '2026-03-02T01:00:00.000Z',
    );
    expect(
      await record(handlers, id, { type: 'startClock', clock: 'contract:unknown' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('roles, corrections, reportability and closing', () => {
  it('assigns roles, corrects an entry with a new entry, records the reportability decision with its reason, and closes', async () => {
    const handlers = await start();
    const { id } = await startRansomware(handlers);
    value(await record(handlers, id, { type: 'role', role: 'scribe', person: 'Bo Chan' }));
    const noted = value(await record(handlers, id, { type: 'note', text: 'Rang CSOC at 02:10' }));
    const seq = noted.timeline.find((entry) => entry.text === 'Rang CSOC at 02:10')?.seq ?? 0;
    const corrected = value(
      await record(handlers, id, {
        type: 'correction',
        amends: seq,
        text: 'It was 02:20, not 02:10',
      }),
    );
    expect(corrected.timeline.find((entry) => entry.seq === seq)).toMatchObject({
      text: 'Rang CSOC at 02:10',
      correctedBy: [seq + 1],
    });
    const assessed = value(
      await record(handlers, id, {
        type: 'assessment',
        likelihood: 'not-likely',
        impact: 'minor',
        decision: 'not-report',
        reason: 'Encrypted backups only, no records touched',
      }),
    );
    expect(assessed.assessment).toMatchObject({
      suggestsReporting: false,
      decision: 'not-report',
      reason: 'Encrypted backups only, no records touched',
    });
    expect(assessed.roles).toMatchObject({ 'incident-lead': 'Ann Lee', scribe: 'Bo Chan' });
    const closed = value(
      await record(handlers, id, {
        type: 'close',
        summary: 'Systems restored from clean backups.',
      }),
    );
    expect(closed).toMatchObject({
      status: 'closed',
      summary: 'Systems restored from clean backups.',
    });
    expect(await record(handlers, id, { type: 'note', text: 'after close' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      (
        await record(handlers, id, {
          type: 'correction',
          amends: 1,
          text: 'Name should say "office laptop"',
        })
      ).ok,
    ).toBe(true);
  });
});

describe('restart, snapshots and tampering', () => {
  it('resumes exactly where it was after a restart, and the log verifies', async () => {
    let handlers = await start();
    const { id } = await startRansomware(handlers);
    value(
      await record(handlers, id, {
        type: 'step',
        runbook: 'ransomware',
        step: 'check-safety',
        status: 'done',
      }),
    );
    const before = value(await record(handlers, id, { type: 'note', text: 'Manager on the way' }));
    handlers = await restart();
    const after = value(await handlers['incidents.get']({ id }));
    expect(after).toEqual(before);
    expect(value(await handlers['incidents.verify']({ id }))).toEqual({
      ok: true,
      entries: before.log.entries,
      head: before.log.head,
    });
  });

  it('keeps following its snapshot after the runbook is edited, and says a newer version exists', async () => {
    let handlers = await start();
    const { id } = await startRansomware(handlers);
    const original = await readFile(join(BUNDLED_DIR, 'ransomware.md'), 'utf8');
    await writeFile(
      join(dataDir, 'runbooks', 'ransomware.md'),
      original.replace(
        'Check that everyone is safe.',
        'Check that every resident and member of staff is safe.',
      ),
    );
    handlers = await restart();
    const view = value(await handlers['incidents.get']({ id }));
    expect(view.runbooks[0]?.newerVersionAvailable).toBe(true);
    expect(view.runbooks[0]?.view?.phases[0]?.steps[0]?.text).toContain(
      'Check that everyone is safe.',
    );
    const current = value(await handlers['runbooks.get']({ id: 'ransomware' }));
    expect(current.phases[0]?.steps[0]?.text).toContain('every resident');
  });

  it('recovers from a save cut off by a crash: the torn line is set aside, the user told, and recording goes on', async () => {
    let handlers = await start();
    const { id } = await startRansomware(handlers);
    const path = join(dataDir, 'incidents', id, 'log.jsonl');
    await writeFile(path, `${await readFile(path, 'utf8')}{"seq":4,"recordedAt":"2026-03-01T02:1`);
    handlers = await restart();
    const view = value(await handlers['incidents.get']({ id }));
    expect(view.log).toMatchObject({ readOnly: false, entries: 4 });
    expect(view.log.recovered).toMatch(/set aside/);
    expect(view.timeline.at(-1)?.text).toMatch(/repaired after an interrupted save/);
    expect(
      value(await record(handlers, id, { type: 'note', text: 'carrying on' })).log.entries,
    ).toBe(5);
    expect(await readdir(join(dataDir, 'quarantine'))).toHaveLength(1);
  });

  it('shows a tampered log read-only with where it breaks, and refuses to add to it', async () => {
    let handlers = await start();
    const { id } = await startRansomware(handlers);
    value(await record(handlers, id, { type: 'note', text: 'Rang CSOC at 02:10' }));
    value(await record(handlers, id, { type: 'note', text: 'IT supplier on site' }));
    const path = join(dataDir, 'incidents', id, 'log.jsonl');
    await writeFile(path, (await readFile(path, 'utf8')).replace('02:10', '03:10'));
    handlers = await restart();
    const view = value(await handlers['incidents.get']({ id }));
    expect(view.log).toMatchObject({ readOnly: true });
    expect(view.log.problem).toMatch(/line 4/);
    expect(value(await handlers['incidents.verify']({ id }))).toMatchObject({ ok: false });
    expect(await record(handlers, id, { type: 'note', text: 'more' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('a damaged log never hides its incident', () => {
  /** Line `line` (1-based) of a log's text with one hash digit changed. */
  const flipHashDigit = (text: string, line: number): string =>
    text
      .split('\n')
      .map((row, index) =>
        index === line - 1
          ? row.replace(/"hash":"(.)/, (_m, c: string) => `"hash":"${c === 'a' ? 'b' : 'a'}`)
          : row,
      )
      .join('\n');

  it('lists it at every damaged line (and with a BOM or CRLF), read-only, with the line and its last known clocks', async () => {
    let handlers = await start();
    const { id } = await startRansomware(handlers);
    value(await record(handlers, id, { type: 'note', text: 'Rang CSOC at 02:10' }));
    value(await record(handlers, id, { type: 'note', text: 'IT supplier on site' }));
    const path = join(dataDir, 'incidents', id, 'log.jsonl');
    const original = await readFile(path, 'utf8');
    const lines = original.split('\n').filter(Boolean).length;
    const variants: [string, string, number][] = [
      ...Array.from(
        { length: lines },
        (_, index) =>
          [`a hash digit in line ${index + 1}`, flipHashDigit(original, index + 1), index + 1] as [
            string,
            string,
            number,
          ],
      ),
      ['a byte-order mark', `\uFEFF${original}`, 1],
      ['CRLF line endings', original.replaceAll('\n', '\r\n'), 1],
    ];
    for (const [how, damaged, line] of variants) {
      await writeFile(path, damaged);
      handlers = await restart();
      const listed = value(await handlers['incidents.list']({}));
      expect(
        listed.map((incident) => incident.id),
        how,
      ).toEqual([id]);
      expect(listed[0]?.problem, how).toMatch(new RegExp(`does not verify at line ${line}\\b`));
      expect(listed[0]?.name, how).toBe('Ransom note on office PC');
      expect(listed[0]?.nextClock, how).not.toBeNull();
      const view = value(await handlers['incidents.get']({ id }));
      expect(view.log, how).toMatchObject({ readOnly: true, breaksAtLine: line });
      expect(
        view.timeline.filter((entry) => entry.unverified).map((entry) => entry.seq),
        how,
      ).toEqual(view.timeline.map((entry) => entry.seq).filter((seq) => seq >= line));
      expect(await record(handlers, id, { type: 'note', text: 'more' }), how).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await readFile(path, 'utf8'), how).toBe(damaged);
    }
    console.log(`damaged log listing: ${variants.length} damaged logs, ${variants.length} listed`);
  });

  it('lists a log where nothing can be read, and saves its files exactly as they are', async () => {
    let handlers = await start();
    const { id } = await startRansomware(handlers);
    const path = join(dataDir, 'incidents', id, 'log.jsonl');
    await writeFile(path, 'this is not a log\n');
    handlers = await restart();
    const [listed] = value(await handlers['incidents.list']({}));
    expect(listed).toMatchObject({ id, problem: expect.stringMatching(/line 1/) as unknown });
    const view = value(await handlers['incidents.get']({ id }));
    expect(view.log).toMatchObject({ readOnly: true, breaksAtLine: 1 });
    const exported = value(await handlers['incidents.exportFiles']({ id }));
    const files = unzipSync(Buffer.from(exported.base64, 'base64'));
    expect(new TextDecoder().decode(files[`${id}/log.jsonl`])).toBe('this is not a log\n');
    expect(Object.keys(files)).toContain('holdfast-evidence.json');
    expect(Object.keys(files)).toContain(`${id}/head.jsonl`);
  });

  it('flags an entry recorded at an earlier time than the one before it (the clock went back), and still saves it', async () => {
    let at = Date.parse('2026-03-01T02:15:30.000Z');
    const handlers = await start({ now: () => new Date(at) });
    const { id } = await startRansomware(handlers);
    at -= 60 * 60 * 1000;
    const view = value(await record(handlers, id, { type: 'note', text: 'Clock was changed' }));
    expect(view.log.timeWarnings).toHaveLength(1);
    expect(view.log.timeWarnings?.[0]).toMatch(
      /^Entry \d+ was recorded at 2026-03-01T01:15:30.000Z, earlier than the entry before it \(2026-03-01T02:15:30.000Z\)/,
    );
    const report = value(await handlers['incidents.document']({ id, kind: 'report' }));
    expect(report.markdown).toContain('Clock warning:');
  });

  it('puts the log check code in the report and handover, and in their page footer', async () => {
    const handlers = await start();
    const { id } = await startRansomware(handlers);
    const view = value(await record(handlers, id, { type: 'note', text: 'Rang CSOC' }));
    expect(view.log.checkCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(view.log.checkCode).toBe(
      view.log.head
        .slice(0, 8)
        .toUpperCase()
        .replace(/^(.{4})/, '$1-'),
    );
    for (const kind of ['report', 'handover'] as const) {
      const document = value(await handlers['incidents.document']({ id, kind }));
      expect(document.pageFooter).toContain(`Log check code: ${view.log.checkCode}`);
      expect(document.markdown).toContain(`Log check code: **${view.log.checkCode}**`);
    }
  });
});

describe('one writer per data folder', () => {
  it('opens a second Holdfast on the same folder read-only: it shows incidents but changes nothing', async () => {
    const first = await start();
    const { id } = await startRansomware(first);
    const second = await start();
    const status = value(await second['app.status']({}));
    expect(status.notices[0]?.message).toMatch(/Another Holdfast .* is using this data folder/);
    expect(value(await second['incidents.get']({ id })).name).toBe('Ransom note on office PC');
    expect(
      await second['incidents.record']({ id, author: 'x', action: { type: 'note', text: 'y' } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await second['contacts.addRole']({ label: 'Out-of-hours GP' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await second['settings.update']({ organisationName: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await record(first, id, { type: 'note', text: 'still writing' })).ok).toBe(true);
  });

  it('takes over a lock left behind by a crashed Holdfast on this machine', async () => {
    await mkdir(dataDir, { recursive: true });
    await writeFile(
      join(dataDir, 'holdfast.lock'),
      JSON.stringify({ pid: 999_999, host: 'this-host', since: '2026-02-28T00:00:00.000Z' }),
    );
    const handlers = await start({
      lockEnvironment: { pid: 4242, host: 'this-host', isRunning: () => false, now: () => NOW },
    });
    expect((await startRansomware(handlers)).status).toBe('open');
    expect(JSON.parse(await readFile(join(dataDir, 'holdfast.lock'), 'utf8'))).toMatchObject({
      pid: 4242,
    });
  });

  it('respects a lock held on another machine (a shared or USB folder)', async () => {
    await writeFile(
      join(dataDir, 'holdfast.lock'),
      JSON.stringify({ pid: 1, host: 'office-pc', since: '2026-02-28T00:00:00.000Z' }),
    );
    const handlers = await start({
      lockEnvironment: { pid: 4242, host: 'this-host', isRunning: () => false, now: () => NOW },
    });
    expect(
      await handlers['incidents.start']({ name: 'x', lead: 'Ann', author: 'Ann' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await readdir(dataDir)).not.toContain('incidents');
  });
});

describe('documents', () => {
  it('exports the report as markdown and safe HTML, with user text printed as typed and the log check explained in words', async () => {
    const handlers = await start();
    const { id } = await startRansomware(handlers, { exercise: true });
    value(
      await record(handlers, id, {
        type: 'note',
        text: '<script>alert(1)</script> [click](javascript:alert(1)) {{contact:csoc}} **bold**',
      }),
    );
    const view = value(
      await record(handlers, id, { type: 'close', summary: 'Practice run finished.' }),
    );
    expect(await readdir(join(dataDir, 'exercises', 'incidents'))).toEqual([id]);
    expect(await readdir(join(dataDir, 'incidents')).catch(() => [])).toEqual([]);
    const report = value(await handlers['incidents.document']({ id, kind: 'report' }));
    expect(report.filename).toMatch(/^holdfast-report-exercise-2026-03-01-.*\.md$/);
    expect(report.markdown.split('\n')[0]).toBe('**EXERCISE — NOT A REAL INCIDENT**');
    expect(report.markdown).toContain(`Log check code: **${view.log.checkCode}**`);
    expect(report.markdown).toContain('go to its Log tab');
    expect(report.markdown).not.toContain(view.log.head);
    expect(report.markdown).not.toMatch(/npm |\{\{/);
    expect(report.html).not.toMatch(/<script|<a |href=/i);
    expect(report.html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1)) {{contact:csoc}} **bold**',
    );
    expect(report.html).toContain('<table>');
    const handover = value(await handlers['incidents.document']({ id, kind: 'handover' }));
    expect(handover.markdown).toContain('## Still to do (next steps)');
  });

  it('fills report drafts from the incident, with national numbers from the bundled pack and hints for the rest', async () => {
    const handlers = await start();
    const { id } = await startRansomware(handlers);
    value(await handlers['settings.update']({ organisationName: 'Rose Lodge' }));
    value(
      await record(handlers, id, {
        type: 'step',
        runbook: 'ransomware',
        step: 'isolate-devices',
        status: 'done',
      }),
    );
    value(await record(handlers, id, { type: 'note', text: 'Reported', called: 'csoc' }));
    const drafts = value(await handlers['incidents.drafts']({ id }));
    expect(drafts.map((draft) => draft.id)).toEqual(['ncsc', 'dspt', 'csoc', 'cqc', 'police']);
    const ncsc = drafts[0];
    expect(ncsc?.fields).toHaveLength(9);
    expect(ncsc?.fields.find((f) => f.label === 'Organisation')?.value).toBe('Rose Lodge');
    expect(ncsc?.fields.find((f) => f.label === 'Who else has been told')?.value).toContain(
      'NHS England Cyber Security Operations Centre',
    );
    expect(ncsc?.fields.find((f) => f.label === 'Contact details')).toMatchObject({ value: '' });
    expect(ncsc?.fields.find((f) => f.label === 'Contact details')?.hint).toContain('not affected');
    const csoc = drafts.find((draft) => draft.id === 'csoc');
    const pack = JSON.parse(
      await readFile(join(BUNDLED_DIR, 'national-contacts.json'), 'utf8'),
    ) as { contacts: Array<{ id: string; channels: Array<{ value: string }> }> };
    const csocNumber =
      pack.contacts.find((contact) => contact.id === 'csoc')?.channels[0]?.value ?? 'missing';
    expect(csoc?.howToSend).toContain(csocNumber);
    expect(csoc?.text).toContain(
      '[say whether this report is for information only or a request for technical support]',
    );
  });
});
