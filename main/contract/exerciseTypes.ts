import type { LogStatus } from './incidentTypes';
import type { Problem } from './types';
import type { ProviderType } from './vocabulary';

/** One inject of a scenario as the facilitator, the projector and the cards show it. */
export interface InjectView {
  id: string;
  /** 1-based position in the scenario; ad-hoc injects are numbered after the scenario's own. */
  number: number;
  title: string;
  /** Minutes of running time after the start; null when it is released by hand only. */
  releaseAfterMinutes: number | null;
  /** The runbook this inject exercises, when there is one. */
  runbook: { id: string; title: string } | null;
  /** Safe HTML (rendered in the core) of the text read out or shown to the group. */
  textHtml: string;
  /** Safe HTML lists; empty strings when the scenario gives none. */
  expectedHtml: string;
  questionsHtml: string;
  /** Added by the facilitator during the exercise, not part of the scenario. */
  adHoc: boolean;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  durationMinutes: number;
  providerTypes: ProviderType[];
  injectCount: number;
  version: number;
  /** Bundled with Holdfast, or the provider's own ("Yours"). */
  source: 'bundled' | 'user';
  /** The provider's own version of a bundled scenario. */
  overridesBundled: boolean;
}

/** A scenario ready to read: background, objectives and roles as safe HTML, and its injects. */
export interface ScenarioView extends Omit<ScenarioSummary, 'source' | 'overridesBundled'> {
  backgroundHtml: string;
  /** Plain text of each objective (for the report) and the list as safe HTML. */
  objectives: string[];
  objectivesHtml: string;
  rolesHtml: string;
  injects: InjectView[];
  runbooks: Array<{ id: string; title: string }>;
}

/** A scenario's file as the editor opens it. */
export interface ScenarioSourceText {
  id: string;
  text: string;
  source: 'bundled' | 'user';
  overridesBundled: boolean;
  /** Holdfast ships a scenario with this id, so "reset to the version that comes with Holdfast" is possible. */
  hasBundled: boolean;
}

export interface ScenarioLibrary {
  scenarios: ScenarioSummary[];
  problems: Problem[];
}

export type ExerciseStatus = 'ready' | 'running' | 'paused' | 'finished';

/** What happened to an inject so far. */
export interface InjectProgress {
  status: 'pending' | 'released' | 'skipped';
  at?: string;
  by?: string;
  /** How it was released: by the facilitator, or because its time came. */
  trigger?: 'hand' | 'timer';
  reason?: string;
}

/**
 * Where the exercise clock stands, computed in the core from the log and the time: the UI counts
 * down from `dueAt` and never keeps a timer of its own that a restart could lose.
 */
export interface ExerciseClockView {
  /** Running time so far (pauses excluded), at the moment the view was made. */
  elapsedMs: number;
  /** The next inject still to come, in scenario order. */
  next: {
    inject: string;
    /** True when it waits for the facilitator (no time given, or the exercise is paused). */
    manual: boolean;
    /** When its time comes, if the exercise keeps running; null for manual injects or while paused. */
    dueAt: string | null;
    /** Running time still to go before it is due; null for manual injects. */
    remainingMs: number | null;
  } | null;
  /** When the view was made, so the UI can count on from the same moment. */
  at: string;
}

export interface ExerciseNote {
  seq: number;
  inject: string | null;
  text: string;
  at: string;
  by: string;
}

export interface ExerciseAttendee {
  name: string;
  role: string;
}

export interface FollowUpAction {
  /** 1-based number within the exercise; what `actionDone` refers to. */
  number: number;
  text: string;
  owner: string;
  /** YYYY-MM-DD */
  due: string;
  status: 'open' | 'done';
  doneAt?: string;
}

/** A practice incident started from the exercise to follow a runbook in guided mode. */
export interface PracticeLink {
  incident: string;
  runbook: string;
  at: string;
}

/** A debrief point: something that went well or something to improve. */
export interface DebriefPoint {
  kind: 'went-well' | 'improve';
  text: string;
  by: string;
}

/** One line of the exercise timeline, in plain words. */
export interface ExerciseTimelineEntry {
  seq: number;
  at: string;
  author: string;
  kind: string;
  text: string;
}

export interface ExerciseSummary {
  id: string;
  title: string;
  scenario: { id: string; title: string; version: number };
  facilitator: string;
  status: ExerciseStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Actions from the debrief still to do, for the home screen. */
  openActions: FollowUpAction[];
  problem?: string;
}

export interface ExerciseView extends ExerciseSummary {
  /** The scenario as it was when the exercise was set up (its snapshot). */
  brief: ScenarioView;
  /** The scenario's injects and any added during the exercise, in order. */
  injects: InjectView[];
  progress: Record<string, InjectProgress>;
  /** The inject most recently released: what the projector shows. */
  current: string | null;
  clock: ExerciseClockView;
  attendees: ExerciseAttendee[];
  notes: ExerciseNote[];
  decisions: ExerciseNote[];
  debrief: DebriefPoint[];
  actions: FollowUpAction[];
  practice: PracticeLink[];
  timeline: ExerciseTimelineEntry[];
  log: LogStatus;
}

/** What the projector window shows, and nothing more: it may be given only this. */
export interface ProjectorScreen {
  id: string;
  title: string;
  status: ExerciseStatus;
  /** The inject released last, while the exercise has not finished. */
  current: { number: number; title: string; textHtml: string } | null;
}

/** Host answer to opening the projector: a second window, or the address to open by hand. */
export interface ProjectorOutcome {
  opened: boolean;
  /** Where to point another browser window when the host cannot open one itself. */
  address?: string;
}
