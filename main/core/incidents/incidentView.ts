import type {
  TimelineEntry,
  IncidentChange,
  IncidentRunbook,
  IncidentSummary,
  IncidentView,
} from '../../contract/incidentTypes';
import type { Runbook, RunbookView } from '../../contract/types';
import { logStatus, type IncidentLog } from '../evidence/logStore';
import type { LoadedLibrary } from '../runbooks/library';
import type { SnapshotRef } from './incidentEvents';
import type { FoldedChange, IncidentState } from './replayIncident';

/** An incident as its log says it stands now, with the runbooks it follows (or why one is missing). */
export interface IncidentNow {
  log: IncidentLog;
  state: IncidentState;
  runbooks: Map<string, Runbook | string>;
}

/** How runbooks are shown: the library (for newer versions) and today's details filled in. */
export interface Shown {
  library: () => LoadedLibrary;
  present: (runbook: Runbook) => RunbookView;
}

export function summaryOf(
  state: IncidentState,
  runbooks: Map<string, Runbook | string>,
): IncidentSummary {
  let stepsTotal = 0;
  for (const runbook of runbooks.values())
    if (typeof runbook !== 'string')
      stepsTotal += runbook.phases.reduce((sum, phase) => sum + phase.steps.length, 0);
  return {
    id: state.id,
    name: state.name,
    exercise: state.exercise,
    status: state.status,
    awareAt: state.awareAt,
    openedAt: state.openedAt,
    closedAt: state.closedAt,
    lead: state.lead,
    runbookTitles: state.runbooks.map((ref) => ref.title),
    stepsAnswered: Object.keys(state.steps).length,
    stepsTotal,
    nextClock: state.clocks.find((clock) => clock.status === 'running') ?? null,
  };
}

/** A runbook the incident follows, as the screen shows it: its snapshot rendered with today's details. */
export function incidentRunbook(
  ref: SnapshotRef,
  runbooks: Map<string, Runbook | string>,
  shown: Shown,
): IncidentRunbook {
  const library = shown.library();
  const snapshot = runbooks.get(ref.id);
  const current = library.runbooks.get(ref.id);
  const newerVersionAvailable =
    library.origins.get(ref.id)?.sha256 !== undefined &&
    library.origins.get(ref.id)?.sha256 !== ref.sha256;
  if (typeof snapshot === 'string' || !snapshot) {
    return {
      ...ref,
      view: current ? shown.present(current) : null,
      problem: snapshot ?? 'Not loaded.',
      newerVersionAvailable,
    };
  }
  return { ...ref, view: shown.present(snapshot), newerVersionAvailable };
}

export function viewOf({ log, state, runbooks }: IncidentNow, shown: Shown): IncidentView {
  return {
    ...summaryOf(state, runbooks),
    summary: state.summary,
    roles: state.roles,
    runbooks: state.runbooks.map((ref) => incidentRunbook(ref, runbooks, shown)),
    steps: state.steps,
    clocks: state.clocks,
    assessment: state.assessment,
    calls: state.calls,
    timeline: markUnverified(state.timeline, log),
    log: logStatus(log),
  };
}

/** Entries read from after the break in a damaged log are marked: shown, but not checked. */
function markUnverified(timeline: TimelineEntry[], log: IncidentLog): TimelineEntry[] {
  const verified = log.records().length;
  if (log.unverified().length === 0) return timeline;
  return timeline.map((entry) => (entry.seq > verified ? { ...entry, unverified: true } : entry));
}

/** What an action's entries changed, for a view that held the `after` entries before them. */
export function changeOf(
  { log, state, runbooks, change }: IncidentNow & { change: FoldedChange },
  after: number,
  shown: Shown,
): IncidentChange {
  const { status, closedAt, lead, runbookTitles, stepsAnswered, stepsTotal, nextClock } = summaryOf(
    state,
    runbooks,
  );
  return {
    after,
    status,
    closedAt,
    lead,
    runbookTitles,
    stepsAnswered,
    stepsTotal,
    nextClock,
    summary: state.summary,
    roles: state.roles,
    clocks: state.clocks,
    assessment: state.assessment,
    log: logStatus(log),
    timeline: change.timeline,
    steps: Object.fromEntries(change.steps.map((key) => [key, state.steps[key] ?? null])),
    calls: change.calls,
    runbooks: change.runbooks.map((ref) => incidentRunbook(ref, runbooks, shown)),
  };
}
