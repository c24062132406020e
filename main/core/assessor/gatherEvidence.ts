import type {
  AssessorEvidence,
  EvidenceAction,
  EvidenceLog,
  EvidencePeriod,
  EvidenceReport,
  ExerciseEvidence,
  IncidentEvidence,
  Participant,
  PlanRunbook,
} from '../../contract/assessorTypes';
import type { RevisionSummary } from '../../contract/authoringTypes';
import type { ExerciseSummary, ExerciseView, FollowUpAction } from '../../contract/exerciseTypes';
import type { IncidentSummary, IncidentView } from '../../contract/incidentTypes';
import type { RunbookSummary } from '../../contract/types';
import { INCIDENT_ROLES, type IncidentRole } from '../../contract/vocabulary';
import { shownCheckCode } from '../../shared/logCheckCode';
import { EVIDENCE_LABELS, LABEL_NOTE } from './evidenceLabels';
import { evidenceMarkdown } from './evidenceMarkdown';
import { isInPeriod, londonDay, overlapsPeriod } from './evidencePeriod';

/** An exercise was held in the period when it started in it; one never started was not held. */
export const wasHeldIn = (exercise: ExerciseSummary, period: EvidencePeriod): boolean =>
  exercise.startedAt !== null && isInPeriod(londonDay(exercise.startedAt), period);

/** A real incident (not a practice one started from an exercise) that was open during the period. */
export const wasOpenDuring = (incident: IncidentSummary, period: EvidencePeriod): boolean =>
  !incident.exercise && overlapsPeriod(incident.openedAt, incident.closedAt, period);

/** Where each exercise's and incident's report sits in the zip. */
export const reportFileOf = (noun: 'exercise' | 'incident', id: string): string =>
  noun === 'exercise'
    ? `exercises/${id}/after-action-report.md`
    : `incidents/${id}/incident-report.md`;

export interface EvidenceSources {
  period: EvidencePeriod;
  now: Date;
  organisationName: string;
  /** The runbooks in use for this provider, each with its history (oldest first). */
  runbooks: Array<{
    runbook: RunbookSummary;
    history: RevisionSummary[];
    /** Who saved the current review date (see reviewedBy). */
    reviewedBy: string | null;
  }>;
  /** The exercises held in the period. */
  exercises: ExerciseView[];
  /** The real incidents open during the period. */
  incidents: IncidentView[];
}

const CHANGE_WORDS: Record<RevisionSummary['kind'], string> = {
  original: 'first saved',
  save: 'saved',
  restore: 'an earlier version brought back',
  reset: 'set back to the version that came with Holdfast',
  trash: 'moved to the trash',
};

function planRunbook(
  { runbook, history, reviewedBy }: EvidenceSources['runbooks'][number],
  period: EvidencePeriod,
): PlanRunbook {
  const last = history.at(-1);
  return {
    id: runbook.id,
    title: runbook.title,
    version: runbook.version,
    reviewed: runbook.reviewed,
    owner: runbook.owner,
    reviewedBy,
    reviewedInPeriod: isInPeriod(runbook.reviewed, period),
    source: runbook.source === 'bundled' ? 'bundled' : 'user',
    lastChange: last
      ? { at: last.savedAt, by: last.author, what: last.message.trim() || CHANGE_WORDS[last.kind] }
      : null,
  };
}

const logOf = (log: { entries: number; checkCode: string; damaged?: boolean }): EvidenceLog => ({
  entries: log.entries,
  checkCode: shownCheckCode(log),
});

function actionOf(action: FollowUpAction, today: string): EvidenceAction {
  const state = action.status === 'done' ? 'done' : action.due < today ? 'overdue' : 'open';
  return {
    number: action.number,
    text: action.text,
    owner: action.owner,
    due: action.due,
    state,
    ...(action.doneAt ? { doneAt: action.doneAt } : {}),
  };
}

function exerciseOf(view: ExerciseView, today: string): ExerciseEvidence {
  return {
    id: view.id,
    title: view.title,
    scenario: view.scenario.title,
    scenarioVersion: view.scenario.version,
    facilitator: view.facilitator,
    startedAt: view.startedAt ?? view.createdAt,
    finishedAt: view.finishedAt,
    attendees: view.attendees.map(({ name, role }) => ({ name, role })),
    actions: view.actions.map((action) => actionOf(action, today)),
    log: logOf(view.log),
    reportFile: reportFileOf('exercise', view.id),
  };
}

function reportOf(clock: IncidentView['clocks'][number]): EvidenceReport {
  const state =
    clock.status === 'done' ? 'done' : clock.status === 'not-needed' ? 'not-needed' : 'not-done';
  return {
    label: clock.label,
    state,
    ...(clock.reference ? { reference: clock.reference } : {}),
    ...(clock.reason ? { reason: clock.reason } : {}),
    ...(clock.stoppedAt ? { at: clock.stoppedAt } : {}),
  };
}

function incidentOf(view: IncidentView): IncidentEvidence {
  return {
    id: view.id,
    name: view.name,
    awareAt: view.awareAt,
    openedAt: view.openedAt,
    closedAt: view.closedAt,
    lead: view.lead,
    reports: view.clocks.map(reportOf),
    log: logOf(view.log),
    reportFile: reportFileOf('incident', view.id),
  };
}

/** Everyone named in the period's exercises and incidents, by name, in the order first met. */
function peopleOf(exercises: ExerciseView[], incidents: IncidentView[]): Participant[] {
  const people = new Map<string, Participant>();
  const add = (name: string, as: string, in_: string): void => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const key = trimmed.toLocaleLowerCase('en-GB');
    const person = people.get(key) ?? { name: trimmed, took: [] };
    if (!person.took.some((entry) => entry.as === as && entry.in === in_))
      person.took.push({ as, in: in_ });
    people.set(key, person);
  };
  for (const exercise of exercises) {
    add(exercise.facilitator, 'Facilitator', exercise.title);
    for (const attendee of exercise.attendees)
      add(attendee.name, attendee.role.trim() || 'Took part', exercise.title);
  }
  for (const incident of incidents) {
    add(incident.lead, 'Incident lead', incident.name);
    for (const role of Object.keys(INCIDENT_ROLES) as IncidentRole[]) {
      const name = incident.roles[role];
      if (name && name !== incident.lead) add(name, INCIDENT_ROLES[role].label, incident.name);
    }
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** The evidence for the period, from what the other domains answered; it decides nothing they decide. */
export function gatherEvidence(sources: EvidenceSources): AssessorEvidence {
  const { period, now } = sources;
  const today = londonDay(now);
  const byTime = <T extends { startedAt?: string | null; openedAt?: string }>(a: T, b: T): number =>
    (a.startedAt ?? a.openedAt ?? '').localeCompare(b.startedAt ?? b.openedAt ?? '');
  const exercises = [...sources.exercises].sort(byTime).map((view) => exerciseOf(view, today));
  const incidents = [...sources.incidents].sort(byTime).map(incidentOf);
  const evidence: Omit<AssessorEvidence, 'markdown'> = {
    title: `Evidence for an assessor${sources.organisationName ? `: ${sources.organisationName}` : ''}`,
    filename: `holdfast-evidence-for-an-assessor-${period.from}-to-${period.to}.md`,
    period,
    madeAt: now.toISOString(),
    organisationName: sources.organisationName,
    labels: EVIDENCE_LABELS,
    labelNote: LABEL_NOTE,
    plan: sources.runbooks
      .map((entry) => planRunbook(entry, period))
      .sort((a, b) => a.title.localeCompare(b.title, 'en-GB')),
    exercises,
    incidents,
    people: peopleOf([...sources.exercises].sort(byTime), [...sources.incidents].sort(byTime)),
  };
  return { ...evidence, markdown: evidenceMarkdown(evidence) };
}
