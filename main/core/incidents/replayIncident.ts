import { z } from 'zod';
import type {
  Assessment,
  ClockView,
  ContactCall,
  StepProgress,
  TimelineEntry,
} from '../../contract/incidentTypes';
import { INCIDENT_ROLES, type IncidentRole } from '../../contract/vocabulary';
import { formatLondonTime } from '../../shared/dates';
import { isolatedText } from '../../shared/documentText';
import { timelineOrder } from '../../shared/incidentChange';
import { byUrgency, isClockId, runningClock, startClock } from './clocks';
import type { EvidenceRecord } from '../evidence/evidenceChain';
import { entryBodySchemas, type EntryBodies, type SnapshotRef } from './incidentEvents';

/** An entry typed this long after the event counts as filled in from paper notes. */
const BACKFILL_MS = 5 * 60 * 1000;

/** Everything an incident's log says, before its runbooks are rendered. */
export interface IncidentState {
  id: string;
  name: string;
  exercise: boolean;
  awareAt: string;
  openedAt: string;
  lead: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  summary: string | null;
  roles: Partial<Record<IncidentRole, string>>;
  runbooks: SnapshotRef[];
  steps: Record<string, StepProgress>;
  clocks: ClockView[];
  assessment: Assessment | null;
  calls: ContactCall[];
  timeline: TimelineEntry[];
}

/** Headline of a step, for timeline wording; undefined when the runbook or step is unknown. */
export type StepTitle = (runbook: string, step: string) => string | undefined;

type Parsed = { [K in keyof EntryBodies]: { kind: K; body: EntryBodies[K] } }[keyof EntryBodies];

type BodySchema = (typeof entryBodySchemas)[keyof typeof entryBodySchemas];

/**
 * The body schemas compiled: zod writes one checking function for each, with the same results
 * (and its runtime parser for any body that function does not accept). Replay checks every body
 * of a log when an incident opens; the runtime parser, before the JIT had warmed up, was a large
 * part of that.
 */
const compiledBodySchemas: Partial<Record<string, BodySchema>> = Object.fromEntries(
  Object.entries(entryBodySchemas).map(([kind, schema]) => [kind, z.compile(schema)]),
);

function parseBody(record: EvidenceRecord): Parsed | null {
  const schema = compiledBodySchemas[record.kind];
  if (!schema) return null;
  const result = schema.safeParse(record.body);
  return result.success ? ({ kind: record.kind, body: result.data } as Parsed) : null;
}

const STEP_WORDS = {
  done: 'Done',
  cant: "Can't do",
  skipped: 'Skipped',
  reopened: 'Reopened',
} as const;

function describe(parsed: Parsed | null, record: EvidenceRecord, stepTitle: StepTitle): string {
  if (!parsed)
    return record.kind === 'recovery'
      ? 'The log was repaired after an interrupted save (a copy of the damaged part was kept).'
      : `Entry of kind "${record.kind}"`;
  // Each typed value on its own (see isolatedText): a hidden character or right-to-left name in
  // one cannot reorder the words round it.
  const t = isolatedText;
  const { kind, body } = parsed;
  switch (kind) {
    case 'opened':
      return `Incident opened: ${t(body.name)}. Lead: ${t(body.lead)}.${body.runbook ? ` Following "${t(body.runbook.title)}" (version ${body.runbook.version}).` : ''}`;
    case 'runbook':
      return `Runbook added: "${t(body.runbook.title)}" (version ${body.runbook.version}).${body.reason ? ` ${t(body.reason)}` : ''}`;
    case 'step': {
      const title = stepTitle(body.runbook, body.step) ?? `${body.runbook} / ${body.step}`;
      return `${STEP_WORDS[body.status]}: ${title}${body.reason ? ` — ${t(body.reason)}` : ''}`;
    }
    case 'note':
      return body.called
        ? `Called ${t(body.calledLabel ?? body.called)}. ${t(body.text)}`
        : t(body.text);
    case 'decision':
      return `Decision: ${t(body.text)}${body.rationale ? ` — because ${t(body.rationale)}` : ''}`;
    case 'clock': {
      const label =
        body.label ??
        (isClockId(body.clock) ? startClock(body.clock, record.eventAt).label : body.clock);
      if (body.action === 'start')
        // A start more than a minute before the entry (a failure time, an earlier awareness) is named.
        return body.startedAt && Date.parse(record.eventAt) - Date.parse(body.startedAt) > 60_000
          ? `Clock started: ${t(label)}, from ${formatLondonTime(body.startedAt)}`
          : `Clock started: ${t(label)}`;
      if (body.action === 'correct-start')
        return `Clock start changed: ${t(label)} now runs from ${body.startedAt ? formatLondonTime(body.startedAt) : '?'}${body.reason ? ` — ${t(body.reason)}` : ''}`;
      return body.outcome === 'done'
        ? `Clock stopped, done: ${t(label)}${body.reference ? ` (reference ${t(body.reference)})` : ''}`
        : `Clock stopped, not needed: ${t(label)}${body.reason ? ` — ${t(body.reason)}` : ''}`;
    }
    case 'role':
      return `${INCIDENT_ROLES[body.role].label}: ${t(body.person)}`;
    case 'assessment':
      return `Reportability: ${body.decision === 'report' ? 'to be reported' : 'not reported'} (likelihood ${body.likelihood}, impact ${body.impact}) — ${body.reason}`;
    case 'handover':
      return `Handover from ${t(body.from)} to ${t(body.to)}.${body.notes ? ` ${t(body.notes)}` : ''}`;
    case 'correction':
      return `Correction to entry ${record.amends ?? '?'}: ${t(body.text)}`;
    case 'closed':
      return `Incident closed. ${t(body.summary)}`;
  }
}

/** A clock's length in hours from its shown start and deadline; null for "as soon as possible". */
const hoursOf = (clock: ClockView): number | null =>
  clock.dueAt === null ? null : (Date.parse(clock.dueAt) - Date.parse(clock.startedAt)) / 3_600_000;

function applyClock(
  clocks: Map<string, ClockView>,
  body: EntryBodies['clock'],
  record: EvidenceRecord,
): void {
  if (body.action === 'start') {
    if (clocks.get(body.clock)?.status === 'running') return;
    const startedAt = body.startedAt ?? record.eventAt;
    clocks.set(
      body.clock,
      isClockId(body.clock)
        ? startClock(body.clock, startedAt)
        : runningClock({
            id: body.clock,
            label: body.label ?? body.clock,
            duty: body.duty ?? '',
            kind: body.hours == null ? 'asap' : 'deadline',
            startedAt,
            hours: body.hours ?? null,
          }),
    );
    return;
  }
  const clock = clocks.get(body.clock);
  if (!clock) return;
  if (body.action === 'correct-start') {
    // The corrected start replaces the shown one; the entries before it stay in the log as written.
    if (!body.startedAt) return;
    const restarted = isClockId(body.clock)
      ? startClock(body.clock, body.startedAt)
      : runningClock({
          id: clock.id,
          label: clock.label,
          duty: clock.duty,
          kind: clock.kind,
          startedAt: body.startedAt,
          hours: hoursOf(clock),
        });
    clocks.set(body.clock, {
      ...clock,
      startedAt: restarted.startedAt,
      dueAt: restarted.dueAt,
      urgentFrom: restarted.urgentFrom,
    });
    return;
  }
  clocks.set(body.clock, {
    ...clock,
    status: body.outcome === 'not-needed' ? 'not-needed' : 'done',
    stoppedAt: record.eventAt,
    ...(body.reference ? { reference: body.reference } : {}),
    ...(body.reason ? { reason: body.reason } : {}),
  });
}

/** The runbooks an incident follows, in the order they were added, read without a full replay. */
export function runbookRefs(records: readonly EvidenceRecord[]): SnapshotRef[] {
  const refs: SnapshotRef[] = [];
  // Indexed: an iterator would make a result object per record until the JIT removed them.
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index]!;
    if (record.kind !== 'opened' && record.kind !== 'runbook') continue;
    const parsed = parseBody(record);
    const ref =
      parsed?.kind === 'opened'
        ? parsed.body.runbook
        : parsed?.kind === 'runbook'
          ? parsed.body.runbook
          : null;
    if (ref && !refs.some((known) => known.id === ref.id)) refs.push(ref);
  }
  return refs;
}

/** What applying some records changed, beyond the parts of the state small enough to send whole. */
export interface FoldedChange {
  /** Timeline entries added, and earlier entries a correction now points at, as they are now. */
  timeline: TimelineEntry[];
  /** Keys (`runbookId/stepId`) of steps answered or reopened. */
  steps: string[];
  /** Calls noted, in log order. */
  calls: ContactCall[];
  /** Runbooks the incident now follows that it did not before. */
  runbooks: SnapshotRef[];
}

/**
 * An incident's state as a fold over its log: start it from the opening entry, then apply
 * records in log order. Applying records one at a time gives exactly the state a replay of the
 * whole log gives, so a kept fold only needs the records appended since.
 */
export interface IncidentFold {
  /** How many of the log's records have been applied. */
  readonly applied: number;
  /** Applies `records[applied…]`: the records not yet seen, from the whole list as the log holds it. */
  catchUp(records: readonly EvidenceRecord[]): FoldedChange;
  /** A copy of the state now: later records never change what it returned. */
  state(): IncidentState;
  /**
   * Runbooks named by step entries that were worded without a title (the runbook was not known
   * when they were applied): if one becomes known, only a fresh replay words them as it would.
   */
  readonly untitledRunbooks: ReadonlySet<string>;
}

/**
 * A record's entry on the timeline. Its fields are added one by one, in the order the screens
 * have always received them, rather than spread from a literal for each optional one: the spreads
 * were a large part of replaying a long log before the JIT had warmed up.
 */
function timelineEntry(record: EvidenceRecord, text: string, correctedBy: number[]): TimelineEntry {
  const entry: Partial<TimelineEntry> = {
    seq: record.seq,
    eventAt: record.eventAt,
    recordedAt: record.recordedAt,
    author: record.author,
  };
  if (record.device) entry.device = record.device;
  entry.kind = record.kind;
  entry.text = text;
  if (record.amends !== undefined) entry.amends = record.amends;
  entry.correctedBy = correctedBy;
  entry.backfilled =
    record.recordedAt !== record.eventAt &&
    Date.parse(record.recordedAt) - Date.parse(record.eventAt) > BACKFILL_MS;
  return entry as TimelineEntry;
}

/** Starts a fold from a log's first record; null when it is not a readable opening entry. */
export function startIncidentFold(
  first: EvidenceRecord | undefined,
  stepTitle: StepTitle,
): IncidentFold | null {
  const opened = first ? parseBody(first) : null;
  if (!first || opened?.kind !== 'opened') return null;

  const state: IncidentState = {
    id: opened.body.incident,
    name: opened.body.name,
    exercise: opened.body.exercise,
    awareAt: opened.body.awareAt,
    openedAt: first.recordedAt,
    lead: opened.body.lead,
    status: 'open',
    closedAt: null,
    summary: null,
    roles: { 'incident-lead': opened.body.lead },
    runbooks: opened.body.runbook ? [opened.body.runbook] : [],
    steps: {},
    clocks: [],
    assessment: null,
    calls: [],
    timeline: [],
  };
  const clocks = new Map<string, ClockView>();
  // Corrections by the seq they amend, kept for an entry that is applied after its correction.
  const corrections = new Map<number, number[]>();
  const untitledRunbooks = new Set<string>();
  let applied = 0;
  // Set when an entry belongs before one already on the timeline (it was backfilled).
  let outOfOrder = false;

  const wordingTitle: StepTitle = (runbook, step) => {
    const title = stepTitle(runbook, step);
    if (title === undefined) untitledRunbooks.add(runbook);
    return title;
  };

  function applyRecord(record: EvidenceRecord, change: FoldedChange): void {
    const parsed = record === first ? opened : parseBody(record);
    if (record.amends !== undefined) {
      const seqs = [...(corrections.get(record.amends) ?? []), record.seq];
      corrections.set(record.amends, seqs);
      // Corrections are rare, so the entry is looked for rather than indexed.
      const at = state.timeline.findIndex((entry) => entry.seq === record.amends);
      const amended = state.timeline[at];
      if (amended) {
        const corrected = { ...amended, correctedBy: seqs };
        state.timeline[at] = corrected;
        change.timeline.push(corrected);
      }
    }
    const entry = timelineEntry(
      record,
      describe(parsed, record, wordingTitle),
      corrections.get(record.seq)?.slice() ?? [],
    );
    // Once one entry is out of order the batch is sorted anyway: no need to compare the rest.
    const last = outOfOrder ? undefined : state.timeline.at(-1);
    if (last && timelineOrder(last, entry) > 0) outOfOrder = true;
    state.timeline.push(entry);
    change.timeline.push(entry);
    if (!parsed || record === first) return;
    switch (parsed.kind) {
      case 'runbook':
        if (!state.runbooks.some((ref) => ref.id === parsed.body.runbook.id)) {
          state.runbooks.push(parsed.body.runbook);
          change.runbooks.push(parsed.body.runbook);
        }
        break;
      case 'step': {
        const key = `${parsed.body.runbook}/${parsed.body.step}`;
        if (parsed.body.status === 'reopened') delete state.steps[key];
        else
          state.steps[key] = {
            status: parsed.body.status,
            ...(parsed.body.reason ? { reason: parsed.body.reason } : {}),
            at: record.eventAt,
            by: record.author,
            seq: record.seq,
          };
        change.steps.push(key);
        break;
      }
      case 'note':
        if (parsed.body.called) {
          const call: ContactCall = {
            role: parsed.body.called,
            label: parsed.body.calledLabel ?? parsed.body.called,
            at: record.eventAt,
            by: record.author,
            note: parsed.body.text,
          };
          state.calls.push(call);
          change.calls.push(call);
        }
        break;
      case 'clock':
        applyClock(clocks, parsed.body, record);
        break;
      case 'role':
        state.roles[parsed.body.role] = parsed.body.person;
        if (parsed.body.role === 'incident-lead') state.lead = parsed.body.person;
        break;
      case 'assessment':
        state.assessment = { ...parsed.body, at: record.eventAt, by: record.author };
        break;
      case 'closed':
        state.status = 'closed';
        state.closedAt = record.eventAt;
        state.summary = parsed.body.summary;
        break;
      default:
        break;
    }
  }

  return {
    get applied() {
      return applied;
    },
    untitledRunbooks,
    catchUp(records) {
      const change: FoldedChange = { timeline: [], steps: [], calls: [], runbooks: [] };
      for (; applied < records.length; applied += 1) applyRecord(records[applied]!, change);
      // One sort after the batch: the timeline is nearly in order, which the sort runs through.
      if (outOfOrder) state.timeline.sort(timelineOrder);
      outOfOrder = false;
      return change;
    },
    state: () => ({
      ...state,
      roles: { ...state.roles },
      runbooks: [...state.runbooks],
      steps: { ...state.steps },
      clocks: [...clocks.values()].sort(byUrgency),
      calls: [...state.calls],
      timeline: [...state.timeline],
    }),
  };
}

/**
 * Rebuilds an incident from its whole log. Entries apply in the order they were recorded (seq),
 * which is the order people acted in; the timeline is shown by event time so backfilled paper
 * notes take their real place. Entries this version does not understand are kept on the timeline.
 */
export function replayIncident(
  records: readonly EvidenceRecord[],
  stepTitle: StepTitle,
): IncidentState | null {
  const fold = startIncidentFold(records[0], stepTitle);
  if (!fold) return null;
  fold.catchUp(records);
  return fold.state();
}
