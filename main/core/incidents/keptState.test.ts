import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentAction } from '../../contract/incidentSchemas';
import type { IncidentView } from '../../contract/incidentTypes';
import type { Result } from '../../contract/result';
import { INCIDENT_ROLES, type IncidentRole } from '../../contract/vocabulary';
import { createRng, type Rng } from '../__fixtures__/prng';
import { restartingCores } from '../__fixtures__/testCore';
import { CLOCK_RULES } from './clocks';
import { applyIncidentChange, timelineOrder } from '../../shared/incidentChange';

let dataDir: string;
let cores: ReturnType<typeof restartingCores>;
let clock: number;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-kept-state-'));
  clock = Date.parse('2026-03-01T02:15:30.000Z');
  cores = restartingCores(
    () => dataDir,
    () => ({ now: () => new Date(clock) }),
  );
});
afterEach(async () => {
  await cores.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const PEOPLE = ['Ann Lee', 'Bo Khan', 'Cat Osei'];
// Local roles the bundled runbooks name in their steps (a call may also name a national one).
const CONTACT_ROLES = ['it-supplier', 'insurer', 'registered-manager'];

/** Any action a person could take on the incident screen, picked at random from what it shows. */
function randomAction(rng: Rng, view: IncidentView): IncidentAction {
  const steps = view.runbooks.flatMap((runbook) =>
    (runbook.view?.phases ?? []).flatMap((phase) =>
      phase.steps.map((step) => ({ runbook: runbook.id, step })),
    ),
  );
  const { runbook, step } = rng.pick(steps);
  const roll = rng.int(0, 19);
  if (roll < 6) {
    const status = rng.pick(['done', 'cant', 'skipped', 'reopened'] as const);
    return {
      type: 'step',
      runbook,
      step: step.id,
      status,
      ...(status === 'cant' || status === 'skipped' ? { reason: 'Not possible today' } : {}),
    };
  }
  if (roll < 9)
    return {
      type: 'note',
      text: `Note ${rng.int(1, 9999)}`,
      ...(rng.chance(0.5) ? { called: rng.pick([...CONTACT_ROLES, 'csoc']) } : {}),
    };
  if (roll < 11) {
    const choice = steps.find((candidate) => candidate.step.options.length > 0);
    return choice && rng.chance(0.7)
      ? {
          type: 'decision',
          option: {
            runbook: choice.runbook,
            step: choice.step.id,
            index: rng.int(0, choice.step.options.length - 1),
          },
          rationale: 'Seemed right',
        }
      : { type: 'decision', text: 'Keep the office closed' };
  }
  if (roll === 11) return { type: 'addRunbook', runbook: rng.pick(['ransomware', 'phishing']) };
  if (roll === 12) return { type: 'startClock', clock: rng.pick(Object.keys(CLOCK_RULES)) };
  if (roll === 13) {
    const running = view.clocks.filter((candidate) => candidate.status === 'running');
    const stopping = running.length > 0 ? rng.pick(running).id : 'cqc-safe-care';
    return rng.chance(0.5)
      ? { type: 'stopClock', clock: stopping, outcome: 'done', reference: `REF-${rng.int(1, 99)}` }
      : { type: 'stopClock', clock: stopping, outcome: 'not-needed', reason: 'No harm' };
  }
  if (roll === 14)
    return {
      type: 'role',
      role: rng.pick(Object.keys(INCIDENT_ROLES) as IncidentRole[]),
      person: rng.pick(PEOPLE),
    };
  if (roll === 15)
    return {
      type: 'assessment',
      likelihood: rng.pick(['not-likely', 'likely', 'occurred'] as const),
      impact: rng.pick(['none', 'minor', 'serious'] as const),
      decision: rng.pick(['report', 'not-report'] as const),
      reason: 'As assessed',
    };
  if (roll === 16)
    return { type: 'handover', from: rng.pick(PEOPLE), to: rng.pick(PEOPLE), notes: '' };
  if (roll === 17)
    return { type: 'correction', amends: rng.int(1, view.log.entries), text: 'Should read 10:40' };
  if (roll === 18 && view.clocks.length > 0) {
    // A clock really started earlier than it shows: a new entry that moves its start.
    const clock = rng.pick(view.clocks);
    return {
      type: 'correctClockStart',
      clock: clock.id,
      startedAt: new Date(Date.parse(clock.startedAt) - rng.int(1, 48) * 3_600_000).toISOString(),
      reason: 'Found out from the night log',
    };
  }
  return { type: 'note', text: 'Still open' };
}

describe('the incident state kept between actions', () => {
  it('is exactly what a fresh replay of the log gives, and so is the screen merging each change, after a long seeded run of random actions', async () => {
    const rng = createRng(20_261_204);
    let { handlers } = await cores.start();
    const { id } = value(
      await handlers['incidents.start']({
        name: 'Care system down',
        runbook: 'care-record-system-down',
        lead: 'Ann Lee',
        author: 'Ann Lee',
      }),
    );
    let recorded = 0;
    // The view as the screen holds it: fetched once, then each recorded change merged in.
    let shown = value(await handlers['incidents.get']({ id }));
    for (let round = 0; round < 4; round += 1) {
      for (let turn = 0; turn < 60; turn += 1) {
        clock += rng.int(1, 900) * 1000;
        // Now and then a contact changes (shown in the runbook text, which the screen fetches
        // again when it is opened after the contacts screen).
        if (rng.chance(0.04)) {
          value(
            await handlers['contacts.save']({
              role: rng.pick(CONTACT_ROLES),
              name: `Contact ${rng.int(1, 99)}`,
              organisation: '',
              channels: [
                { kind: 'phone', value: `01632 960${rng.int(100, 999)}`, outOfBand: true },
              ],
              hours: '24/7',
              notes: '',
              lastVerified: '2026-02-01',
            }),
          );
          shown = value(await handlers['incidents.get']({ id }));
        }
        const backfilled = rng.chance(0.15)
          ? { eventAt: new Date(clock - rng.int(1, 7200) * 1000).toISOString() }
          : {};
        const result = await handlers['incidents.record']({
          id,
          author: rng.pick(PEOPLE),
          // Closing is tried once, late on: afterwards only corrections are accepted.
          action:
            round === 3 && turn === 45
              ? { type: 'close', summary: 'Systems back' }
              : randomAction(rng, shown),
          ...backfilled,
        });
        if (result.ok) {
          recorded += 1;
          const merged = applyIncidentChange(shown, result.value);
          expect(merged).not.toBeNull();
          if (merged) shown = merged;
        }
        expect(shown).toEqual(value(await handlers['incidents.get']({ id })));
      }
      const kept = value(await handlers['incidents.get']({ id }));
      ({ handlers } = await cores.start());
      const replayed = value(await handlers['incidents.get']({ id }));
      expect(kept).toEqual(replayed);
      expect(shown).toEqual(replayed);
      // And the replay is what the log means: the timeline in event-time order, each entry
      // pointing at every correction that amends it.
      expect(replayed.timeline).toEqual([...replayed.timeline].sort(timelineOrder));
      for (const entry of replayed.timeline)
        expect(entry.correctedBy).toEqual(
          replayed.timeline
            .filter((other) => other.amends === entry.seq)
            .map((other) => other.seq)
            .sort((a, b) => a - b),
        );
    }
    // The run must have exercised most kinds of entry, not bounced off the checks.
    const final = value(await handlers['incidents.get']({ id }));
    expect(recorded).toBeGreaterThan(180);
    expect(new Set(final.timeline.map((entry) => entry.kind))).toEqual(
      new Set([
        'opened',
        'clock',
        'step',
        'note',
        'decision',
        'runbook',
        'role',
        'assessment',
        'handover',
        'correction',
        'closed',
      ]),
    );
    expect(final.runbooks.length).toBeGreaterThan(1);
  }, 60_000);
});
