import type { IncidentAction } from '../../contract/incidentSchemas';
import { fail, ok, type Result } from '../../contract/result';
import type { ContractClock } from '../../contract/types';
import type { NewEntry } from '../evidence/evidenceLog';
import { isClockId } from './clocks';
import { suggestsReporting, type EntryBodies } from './incidentEvents';
import type { IncidentNow } from './incidentView';
import { plainText } from './reports/markdownText';

/** What turning an action into entries needs from outside the incident. */
export interface ActionDeps {
  /** A contact role's display name. */
  contactLabel: (role: string) => string;
  /** The provider's contract deadlines from Settings. */
  contractClocks: () => ContractClock[];
  /** Refuses a typed time that is still to come; null when it is fine. */
  futureProblem: (at: string, label: string) => string | null;
  /** The entries that add a runbook to the incident (its snapshot taken) and start its clocks. */
  addRunbook: (
    loaded: IncidentNow,
    runbookId: string,
    author: string,
    at: { eventAt?: string },
    reason?: string,
  ) => Promise<Result<NewEntry[]>>;
}

/** Turns one action into the log entries it records, after checking it against the incident. */
export async function entriesForAction(
  loaded: IncidentNow,
  author: string,
  eventAt: string | undefined,
  action: IncidentAction,
  deps: ActionDeps,
): Promise<Result<NewEntry[]>> {
  const { state, runbooks } = loaded;
  const at = eventAt !== undefined ? { eventAt: new Date(eventAt).toISOString() } : {};
  const entry = <K extends keyof EntryBodies>(
    kind: K,
    body: EntryBodies[K],
    extra: Partial<NewEntry> = {},
  ): NewEntry => ({ ...at, author, kind, body, ...extra });
  const findStep = (runbookId: string, stepId: string) => {
    const runbook = runbooks.get(runbookId);
    if (!runbook || typeof runbook === 'string') return null;
    for (const phase of runbook.phases)
      for (const step of phase.steps) if (step.id === stepId) return step;
    return null;
  };
  const running = new Set(state.clocks.map((clock) => clock.id));

  if (state.status === 'closed' && action.type !== 'correction')
    return fail(
      'INVALID_INPUT',
      'This incident is closed; you can still add a correction to an entry.',
    );
  switch (action.type) {
    case 'step': {
      const step = findStep(action.runbook, action.step);
      if (!step) return fail('INVALID_INPUT', 'That step is not part of this incident.');
      return ok([
        entry('step', {
          runbook: action.runbook,
          step: action.step,
          status: action.status,
          ...(action.reason ? { reason: action.reason } : {}),
        }),
      ]);
    }
    case 'note':
      return ok([
        entry('note', {
          text: action.text,
          ...(action.called
            ? { called: action.called, calledLabel: deps.contactLabel(action.called) }
            : {}),
        }),
      ]);
    case 'decision': {
      if (!action.option)
        return ok([
          entry('decision', {
            text: action.text ?? '',
            ...(action.rationale ? { rationale: action.rationale } : {}),
          }),
        ]);
      const step = findStep(action.option.runbook, action.option.step);
      const option = step?.options[action.option.index];
      if (!step || !option)
        return fail('INVALID_INPUT', 'That choice is not part of this incident.');
      const entries = [
        entry('decision', {
          text: `${plainText(step.text, deps.contactLabel)} → ${option.label}`,
          runbook: action.option.runbook,
          step: action.option.step,
          ...(action.rationale ? { rationale: action.rationale } : {}),
        }),
        entry('step', {
          runbook: action.option.runbook,
          step: action.option.step,
          status: 'done',
        }),
      ];
      const target = option.goto?.runbook;
      if (target && !runbooks.has(target)) {
        const added = await deps.addRunbook(
          loaded,
          target,
          author,
          at,
          `Chosen at "${step.text}".`,
        );
        if (!added.ok) return added;
        entries.push(...added.value);
      }
      return ok(entries);
    }
    case 'addRunbook': {
      if (runbooks.has(action.runbook))
        return fail('INVALID_INPUT', 'That runbook is already part of this incident.');
      return deps.addRunbook(loaded, action.runbook, author, at);
    }
    case 'startClock': {
      if (
        running.has(action.clock) &&
        state.clocks.find((clock) => clock.id === action.clock)?.status === 'running'
      )
        return fail('INVALID_INPUT', 'That clock is already running.');
      const startedAt = new Date(action.startedAt ?? state.awareAt).toISOString();
      const future = deps.futureProblem(startedAt, 'The time the clock starts from');
      if (future) return fail('INVALID_INPUT', future);
      if (isClockId(action.clock))
        return ok([entry('clock', { clock: action.clock, action: 'start', startedAt })]);
      // A contract clock's terms are copied into the log, so later edits in Settings never change this incident.
      const contract = deps
        .contractClocks()
        .find((clock) => `contract:${clock.id}` === action.clock);
      if (!contract) return fail('INVALID_INPUT', 'There is no clock with that id.');
      return ok([
        entry('clock', {
          clock: action.clock,
          action: 'start',
          startedAt,
          label: contract.label,
          hours: contract.hours,
          duty: contract.duty,
        }),
      ]);
    }
    case 'correctClockStart': {
      const clock = state.clocks.find((candidate) => candidate.id === action.clock);
      if (!clock) return fail('INVALID_INPUT', 'That clock has not been started in this incident.');
      const startedAt = new Date(action.startedAt).toISOString();
      const future = deps.futureProblem(startedAt, 'When it really started');
      if (future) return fail('INVALID_INPUT', future);
      // Only ever earlier: a later start would quietly give more time before a legal deadline.
      if (Date.parse(startedAt) >= Date.parse(clock.startedAt))
        return fail(
          'INVALID_INPUT',
          'When it really started must be earlier than the time the clock shows now.',
        );
      return ok([
        entry('clock', {
          clock: action.clock,
          action: 'correct-start',
          startedAt,
          reason: action.reason,
        }),
      ]);
    }
    case 'stopClock': {
      const clock = state.clocks.find((candidate) => candidate.id === action.clock);
      if (clock?.status !== 'running') return fail('INVALID_INPUT', 'That clock is not running.');
      return ok([
        entry('clock', {
          clock: action.clock,
          action: 'stop',
          outcome: action.outcome,
          ...(action.reference ? { reference: action.reference } : {}),
          ...(action.reason ? { reason: action.reason } : {}),
        }),
      ]);
    }
    case 'role':
      return ok([entry('role', { role: action.role, person: action.person })]);
    case 'assessment':
      return ok([
        entry('assessment', {
          likelihood: action.likelihood,
          impact: action.impact,
          suggestsReporting: suggestsReporting(action.likelihood, action.impact),
          decision: action.decision,
          reason: action.reason,
        }),
      ]);
    case 'handover':
      return ok([entry('handover', { from: action.from, to: action.to, notes: action.notes })]);
    case 'correction':
      if (!loaded.log.records().some((record) => record.seq === action.amends))
        return fail('INVALID_INPUT', `There is no entry ${action.amends} to correct.`);
      return ok([
        { author, kind: 'correction', body: { text: action.text }, amends: action.amends },
      ]);
    case 'close':
      return ok([entry('closed', { summary: action.summary })]);
  }
}
