import type { ExerciseSummary, ExerciseView, ProjectorScreen } from '../../contract/exerciseTypes';
import { logStatus, type IncidentLog } from '../evidence/logStore';
import { readClock, type ClockReading } from './exerciseClock';
import type { ParsedScenario } from './parseScenario';
import type { ExerciseState } from './replayExercise';
import { adHocInjectView, renderScenario, type ScenarioRenderContext } from './scenarioView';

/** An exercise as its log and scenario say it stands now. */
export interface ExerciseNow {
  log: IncidentLog;
  state: ExerciseState;
  parsed: ParsedScenario;
  /** Why it can only be read, or why the current scenario text stands in for the saved one. */
  problem: string | null;
}

const MINUTE = 60_000;

export function clockOf({ state, parsed }: ExerciseNow, now: Date): ClockReading {
  const injects = parsed.injects.map((inject) => ({
    id: inject.id,
    releaseAfterMs:
      inject.releaseAfterMinutes === null ? null : inject.releaseAfterMinutes * MINUTE,
    isDone: (state.progress[inject.id]?.status ?? 'pending') !== 'pending',
  }));
  return readClock(state.clockEvents, injects, now.getTime());
}

export function summaryOf(loaded: ExerciseNow, now: Date): ExerciseSummary {
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
    status: clockOf(loaded, now).status,
    createdAt: state.createdAt,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    openActions: state.actions.filter((action) => action.status === 'open'),
    ...(loaded.problem ? { problem: loaded.problem } : {}),
  };
}

export function viewOf(
  loaded: ExerciseNow,
  now: Date,
  render: ScenarioRenderContext,
): ExerciseView {
  const { state, parsed, log } = loaded;
  const brief = renderScenario(parsed, render);
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
  const reading = clockOf(loaded, now);
  return {
    ...summaryOf(loaded, now),
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

/**
 * An exercise whose damaged log has not one readable entry: what can be said is its folder, that it
 * is damaged and where the log breaks. It is shown read-only, with a way to export its files.
 */
export function unreadableView(id: string, log: IncidentLog, now: Date): ExerciseView {
  const status = logStatus(log);
  return {
    id,
    title: `Exercise ${id} (its log cannot be read)`,
    scenario: { id: '', title: 'Not known', version: 0 },
    facilitator: 'Not known',
    status: 'finished',
    createdAt: '',
    startedAt: null,
    finishedAt: null,
    openActions: [],
    ...(status.problem ? { problem: status.problem } : {}),
    brief: {
      id: '',
      title: '',
      summary: '',
      durationMinutes: 0,
      providerTypes: [],
      injectCount: 0,
      version: 0,
      backgroundHtml: '',
      objectives: [],
      objectivesHtml: '',
      rolesHtml: '',
      injects: [],
      runbooks: [],
    },
    injects: [],
    progress: {},
    current: null,
    clock: { elapsedMs: 0, next: null, at: now.toISOString() },
    attendees: [],
    notes: [],
    decisions: [],
    debrief: [],
    actions: [],
    practice: [],
    timeline: [],
    log: status,
  };
}

/** The projector's share of an exercise: the inject on screen, never notes, names or prompts. */
export function projectorScreen(view: ExerciseView): ProjectorScreen {
  const current =
    view.status === 'finished'
      ? undefined
      : view.injects.find((inject) => inject.id === view.current);
  return {
    id: view.id,
    title: view.title,
    status: view.status,
    current: current
      ? { number: current.number, title: current.title, textHtml: current.textHtml }
      : null,
  };
}
