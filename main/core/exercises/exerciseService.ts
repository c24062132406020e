import { readFile } from 'node:fs/promises';
import type { ExerciseAction } from '../../contract/exerciseSchemas';
import type {
  ExerciseSummary,
  ExerciseView,
  ScenarioLibrary,
  ScenarioView,
} from '../../contract/exerciseTypes';
import { fail, ok, type Result } from '../../contract/result';
import type { NewEntry } from '../evidence/evidenceLog';
import type { SnapshotRef } from '../incidents/incidentEvents';
import { storageFailure } from '../incidents/incidentService';
import { logStatus, type IncidentLog, type IncidentStore } from '../evidence/logStore';
import { readClock, type ClockReading } from './exerciseClock';
import { parseScenario, type ParsedScenario } from './parseScenario';
import { replayExercise, type ExerciseBodies, type ExerciseState } from './replayExercise';
import type { ScenarioLibraryState } from './scenarioLibrary';
import {
  adHocInjectView,
  renderScenario,
  summariseScenario,
  type ScenarioRenderContext,
} from './scenarioView';

export interface ExerciseServiceOptions {
  /** Exercise folders, apart from every incident (real or practice). */
  store: IncidentStore;
  now: () => Date;
  scenarios: () => ScenarioLibraryState;
  render: () => ScenarioRenderContext;
  log?: (message: string, error?: unknown) => void;
}

type Loaded = {
  log: IncidentLog;
  state: ExerciseState;
  parsed: ParsedScenario;
  problem: string | null;
};

const MINUTE = 60_000;

/**
 * Tabletop exercises over their own evidence logs: the log is the record the after-action report
 * is made from (DSPT evidence), every view is rebuilt from it, and the exercise clock is worked out
 * from its start, pause and resume entries so nothing is lost when Holdfast restarts.
 */
export function createExerciseService(options: ExerciseServiceOptions) {
  const { store, now } = options;
  const snapshots = new Map<string, ParsedScenario | null>();

  function scenarioFile(id: string) {
    return options.scenarios().scenarios.get(id);
  }

  /** The scenario text the exercise was set up with; the library's current text if that is lost. */
  async function scenarioOf(
    id: string,
    ref: SnapshotRef,
  ): Promise<{ parsed: ParsedScenario | null; problem: string | null }> {
    if (!snapshots.has(ref.sha256)) {
      const bytes = await store.readSnapshot(id, ref.sha256);
      snapshots.set(
        ref.sha256,
        bytes ? parseScenario(bytes, `exercise snapshot of ${ref.id}`).scenario : null,
      );
    }
    const parsed = snapshots.get(ref.sha256) ?? null;
    if (parsed) return { parsed, problem: null };
    const current = scenarioFile(ref.id)?.parsed ?? null;
    return {
      parsed: current,
      problem: `The saved copy of the scenario "${ref.title}" is missing or damaged${current ? ', so the current version is shown instead' : ''}.`,
    };
  }

  async function load(id: string): Promise<Result<Loaded>> {
    if (!(await store.ids()).includes(id))
      return fail('NOT_FOUND', 'There is no exercise with that id.');
    const log = await store.open(id);
    const records = log.records();
    const first = replayExercise(records.slice(0, 1), (inject) => inject);
    if (!first) return fail('NOT_FOUND', 'This exercise folder has no readable opening entry.');
    const { parsed, problem } = await scenarioOf(id, first.scenario);
    if (!parsed) return fail('NOT_FOUND', problem ?? 'The scenario could not be read.');
    const titles = new Map(parsed.injects.map((inject) => [inject.id, inject.title]));
    const state = replayExercise(records, (inject) => titles.get(inject) ?? inject);
    if (!state) return fail('NOT_FOUND', 'This exercise folder has no readable opening entry.');
    return ok({ log, state, parsed, problem: problem ?? log.readOnlyReason });
  }

  function clockOf({ state, parsed }: Pick<Loaded, 'state' | 'parsed'>): ClockReading {
    const injects = parsed.injects.map((inject) => ({
      id: inject.id,
      releaseAfterMs:
        inject.releaseAfterMinutes === null ? null : inject.releaseAfterMinutes * MINUTE,
      isDone: (state.progress[inject.id]?.status ?? 'pending') !== 'pending',
    }));
    return readClock(state.clockEvents, injects, now().getTime());
  }

  function summaryOf(loaded: Loaded): ExerciseSummary {
    const { state } = loaded;
    return {
      id: state.id,
      title: state.title,
      scenario: {
        id: state.scenario.id,
        title: state.scenario.title,
        version: state.scenario.version,
      },
      facilitator: state.facilitator,
      status: clockOf(loaded).status,
      createdAt: state.createdAt,
      startedAt: state.startedAt,
      finishedAt: state.finishedAt,
      openActions: state.actions.filter((action) => action.status === 'open'),
      ...(loaded.problem ? { problem: loaded.problem } : {}),
    };
  }

  function viewOf(loaded: Loaded): ExerciseView {
    const { state, parsed, log } = loaded;
    const brief = renderScenario(parsed, options.render());
    const injects = [
      ...brief.injects,
      ...state.adHoc.map((inject, index) =>
        adHocInjectView(inject, brief.injects.length + index + 1),
      ),
    ];
    const progress = Object.fromEntries(
      injects.map((inject) => [
        inject.id,
        state.progress[inject.id] ?? { status: 'pending' as const },
      ]),
    );
    const reading = clockOf(loaded);
    return {
      ...summaryOf(loaded),
      brief,
      injects,
      progress,
      current: state.current,
      clock: { elapsedMs: reading.elapsedMs, next: reading.next, at: reading.at },
      attendees: state.attendees,
      notes: state.notes,
      decisions: state.decisions,
      debrief: state.debrief,
      actions: state.actions,
      practice: state.practice,
      timeline: state.timeline,
      log: { ...logStatus(log), ...(loaded.problem ? { problem: loaded.problem } : {}) },
    };
  }

  /** Turns one action into its log entry, after checking it against where the exercise stands. */
  function entryFor(
    loaded: Loaded,
    author: string,
    action: ExerciseAction,
  ): Result<NewEntry | null> {
    const { state, parsed } = loaded;
    const clock = clockOf(loaded);
    const entry = <K extends keyof ExerciseBodies>(
      kind: K,
      body: ExerciseBodies[K],
      eventAt?: string,
    ): Result<NewEntry> => ok({ author, kind, body, ...(eventAt ? { eventAt } : {}) });
    const isKnownInject = (id: string): boolean =>
      parsed.injects.some((inject) => inject.id === id) ||
      state.adHoc.some((inject) => inject.id === id);
    const isLive = clock.status === 'running' || clock.status === 'paused';
    const notLive = fail(
      'INVALID_INPUT',
      clock.status === 'ready' ? 'Start the exercise first.' : 'This exercise has finished.',
    );

    switch (action.type) {
      case 'start':
        return clock.status === 'ready'
          ? entry('exercise', { action: 'start' })
          : fail('INVALID_INPUT', 'This exercise has already started.');
      case 'pause':
        return clock.status === 'running'
          ? entry('exercise', { action: 'pause' })
          : fail('INVALID_INPUT', 'The exercise is not running, so it cannot be paused.');
      case 'resume':
        return clock.status === 'paused'
          ? entry('exercise', { action: 'resume' })
          : fail('INVALID_INPUT', 'The exercise is not paused.');
      case 'finish':
        return isLive ? entry('exercise', { action: 'finish' }) : notLive;
      case 'release': {
        if (!isLive) return notLive;
        const progress = state.progress[action.inject];
        if (!parsed.injects.some((inject) => inject.id === action.inject))
          return fail('INVALID_INPUT', 'That inject is not part of this scenario.');
        if (action.trigger === 'timer') {
          // Both windows may count down to the same moment: the second one's release is already done.
          if (progress?.status === 'released') return ok(null);
          if (!clock.isDue || clock.next?.inject !== action.inject)
            return fail('INVALID_INPUT', "That inject's time has not come yet.");
          return entry(
            'inject',
            { action: 'release', inject: action.inject, trigger: 'timer' },
            clock.dueSince ?? undefined,
          );
        }
        if (progress)
          return fail('INVALID_INPUT', `That inject has already been ${progress.status}.`);
        return entry('inject', { action: 'release', inject: action.inject, trigger: 'hand' });
      }
      case 'skip': {
        if (!isLive) return notLive;
        if (!parsed.injects.some((inject) => inject.id === action.inject))
          return fail('INVALID_INPUT', 'That inject is not part of this scenario.');
        if (state.progress[action.inject])
          return fail('INVALID_INPUT', 'That inject has already been released or skipped.');
        return entry('inject', {
          action: 'skip',
          inject: action.inject,
          ...(action.reason ? { reason: action.reason } : {}),
        });
      }
      case 'adHoc': {
        if (!isLive) return notLive;
        let number = state.adHoc.length + 1;
        while (isKnownInject(`ad-hoc-${number}`)) number += 1;
        return entry('inject', {
          action: 'adHoc',
          inject: `ad-hoc-${number}`,
          title: action.title,
          text: action.text,
        });
      }
      case 'note':
      case 'decision':
        if (action.inject && !isKnownInject(action.inject))
          return fail('INVALID_INPUT', 'That inject is not part of this exercise.');
        return entry(action.type, {
          text: action.text,
          ...(action.inject ? { inject: action.inject } : {}),
        });
      case 'attendee':
        return entry('attendance', { name: action.name, role: action.role });
      case 'debrief':
        return entry('debrief', { kind: action.kind, text: action.text });
      case 'action':
        return entry('action', {
          action: 'add',
          number: state.actions.length + 1,
          text: action.text,
          owner: action.owner,
          due: action.due,
        });
      case 'actionDone': {
        const target = state.actions.find((each) => each.number === action.action);
        if (!target) return fail('INVALID_INPUT', `There is no action ${action.action}.`);
        if (target.status === 'done') return fail('INVALID_INPUT', 'That action is already done.');
        return entry('action', { action: 'done', number: action.action });
      }
      case 'practice':
        return entry('exercise', {
          action: 'practice',
          incident: action.incident,
          runbook: action.runbook,
        });
    }
  }

  return {
    scenarios(): ScenarioLibrary {
      const { scenarios, problems } = options.scenarios();
      return {
        scenarios: [...scenarios.values()]
          .map(({ parsed }) => summariseScenario(parsed))
          .sort((a, b) => a.title.localeCompare(b.title)),
        problems,
      };
    },

    scenario(id: string): Result<ScenarioView> {
      const found = scenarioFile(id);
      return found
        ? ok(renderScenario(found.parsed, options.render()))
        : fail('NOT_FOUND', `There is no scenario with the id "${id}".`);
    },

    /** The parsed scenario, for printing inject cards. */
    parsedScenario(id: string): ParsedScenario | null {
      return scenarioFile(id)?.parsed ?? null;
    },

    async list(): Promise<ExerciseSummary[]> {
      const summaries: ExerciseSummary[] = [];
      for (const id of await store.ids()) {
        try {
          const loaded = await load(id);
          if (loaded.ok) summaries.push(summaryOf(loaded.value));
        } catch (error: unknown) {
          // One unreadable exercise must not hide the others.
          options.log?.(`exercise ${id} could not be opened`, error);
        }
      }
      return summaries;
    },

    async create(input: {
      scenario: string;
      facilitator: string;
      title?: string | undefined;
    }): Promise<Result<ExerciseView>> {
      const found = scenarioFile(input.scenario);
      if (!found) return fail('NOT_FOUND', `There is no scenario with the id "${input.scenario}".`);
      const id = store.newId(false);
      try {
        const sha256 = await store.writeSnapshot(id, await readFile(found.origin.path));
        const { meta } = found.parsed;
        const log = await store.open(id);
        const body: ExerciseBodies['opened'] = {
          exercise: id,
          title: input.title ?? meta.title,
          facilitator: input.facilitator,
          scenario: { id: meta.id, title: meta.title, version: meta.version, sha256 },
        };
        await log.append({ author: input.facilitator, kind: 'opened', body });
      } catch (error: unknown) {
        options.log?.('exercise could not be created', error);
        return storageFailure(error);
      }
      const loaded = await load(id);
      return loaded.ok ? ok(viewOf(loaded.value)) : loaded;
    },

    async get(id: string): Promise<Result<ExerciseView>> {
      const loaded = await load(id);
      return loaded.ok ? ok(viewOf(loaded.value)) : loaded;
    },

    async record(input: {
      id: string;
      author: string;
      action: ExerciseAction;
    }): Promise<Result<ExerciseView>> {
      const loaded = await load(input.id);
      if (!loaded.ok) return loaded;
      if (loaded.value.log.readOnlyReason)
        return fail('FORBIDDEN', loaded.value.log.readOnlyReason);
      const entry = entryFor(loaded.value, input.author, input.action);
      if (!entry.ok) return entry;
      if (entry.value) {
        try {
          await loaded.value.log.append(entry.value);
        } catch (error: unknown) {
          options.log?.('exercise append failed', error);
          return storageFailure(error);
        }
      }
      const after = await load(input.id);
      return after.ok ? ok(viewOf(after.value)) : after;
    },

    close: () => store.close(),
  };
}

export type ExerciseService = ReturnType<typeof createExerciseService>;
