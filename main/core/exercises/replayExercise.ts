import { z } from 'zod';
import type { ExerciseNote, ExerciseView } from '../../contract/exerciseTypes';
import type { EvidenceRecord } from '../evidence/evidenceChain';
import { isolatedText } from '../../shared/documentText';
import { snapshotRefSchema, type SnapshotRef } from '../incidents/incidentEvents';
import type { ClockEvent } from './exerciseClock';

/**
 * The body each kind of exercise log entry carries. As for incidents, the log stores any JSON;
 * replay reads bodies through these schemas and shows anything else as it is.
 */
export const exerciseBodySchemas = {
  opened: z.object({
    exercise: z.string(),
    title: z.string(),
    facilitator: z.string(),
    scenario: snapshotRefSchema,
  }),
  exercise: z.discriminatedUnion('action', [
    z.object({ action: z.enum(['start', 'pause', 'resume', 'finish', 'reopen']) }),
    z.object({ action: z.literal('practice'), incident: z.string(), runbook: z.string() }),
  ]),
  inject: z.discriminatedUnion('action', [
    z.object({
      action: z.literal('release'),
      inject: z.string(),
      trigger: z.enum(['hand', 'timer']),
    }),
    z.object({ action: z.literal('skip'), inject: z.string(), reason: z.string().optional() }),
    z.object({
      action: z.literal('adHoc'),
      inject: z.string(),
      title: z.string(),
      text: z.string(),
    }),
  ]),
  note: z.object({ text: z.string(), inject: z.string().optional() }),
  decision: z.object({ text: z.string(), inject: z.string().optional() }),
  attendance: z.object({ name: z.string(), role: z.string() }),
  debrief: z.object({ kind: z.enum(['went-well', 'improve']), text: z.string() }),
  action: z.discriminatedUnion('action', [
    z.object({
      action: z.literal('add'),
      number: z.int(),
      text: z.string(),
      owner: z.string(),
      due: z.string(),
    }),
    z.object({ action: z.literal('done'), number: z.int() }),
  ]),
};
export type ExerciseBodies = {
  [K in keyof typeof exerciseBodySchemas]: z.infer<(typeof exerciseBodySchemas)[K]>;
};

export interface AdHocInject {
  id: string;
  title: string;
  text: string;
}

/** Everything an exercise's log says, before its scenario is rendered. */
/** What the exercise view shows straight from the log, field for field. */
type RecordedFields = Pick<
  ExerciseView,
  | 'progress'
  | 'current'
  | 'attendees'
  | 'notes'
  | 'decisions'
  | 'debrief'
  | 'actions'
  | 'practice'
  | 'timeline'
>;

export interface ExerciseState extends RecordedFields {
  id: string;
  title: string;
  facilitator: string;
  scenario: SnapshotRef;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Start, pause, resume and finish moments: the clock and the status are worked out from them. */
  clockEvents: ClockEvent[];
  adHoc: AdHocInject[];
}

type Parsed = {
  [K in keyof ExerciseBodies]: { kind: K; body: ExerciseBodies[K] };
}[keyof ExerciseBodies];

function parse(record: EvidenceRecord): Parsed | null {
  const schema = (exerciseBodySchemas as Record<string, z.ZodType>)[record.kind];
  const result = schema?.safeParse(record.body);
  return result?.success ? ({ kind: record.kind, body: result.data } as Parsed) : null;
}

const CLOCK_WORDS = {
  start: 'Exercise started',
  pause: 'Exercise paused',
  resume: 'Exercise resumed',
  finish: 'Exercise finished',
  reopen: 'Exercise reopened after it had finished',
} as const;

/** Rebuilds an exercise from its log; null when the first entry is not a readable opening. */
export function replayExercise(
  records: readonly EvidenceRecord[],
  injectTitle: (id: string) => string,
): ExerciseState | null {
  const first = records[0];
  const opened = first ? parse(first) : null;
  if (!first || opened?.kind !== 'opened') return null;
  const state: ExerciseState = {
    id: opened.body.exercise,
    title: opened.body.title,
    facilitator: opened.body.facilitator,
    scenario: opened.body.scenario,
    createdAt: first.eventAt,
    startedAt: null,
    finishedAt: null,
    clockEvents: [],
    progress: {},
    current: null,
    adHoc: [],
    attendees: [],
    notes: [],
    decisions: [],
    debrief: [],
    actions: [],
    practice: [],
    timeline: [],
  };
  // Each typed value in a timeline line on its own (see isolatedText).
  const t = isolatedText;
  const titleOf = (id: string): string =>
    state.adHoc.find((inject) => inject.id === id)?.title ?? injectTitle(id);
  for (const record of records) {
    const parsed = parse(record);
    const line = (text: string): void => {
      state.timeline.push({
        seq: record.seq,
        at: record.eventAt,
        author: record.author,
        kind: record.kind,
        text,
      });
    };
    if (!parsed) {
      line(
        record.kind === 'recovery'
          ? 'The log was repaired after an interrupted save (a copy of the damaged part was kept).'
          : `Entry of kind "${record.kind}"`,
      );
      continue;
    }
    const who = { at: record.eventAt, by: record.author };
    switch (parsed.kind) {
      case 'opened':
        line(
          `Exercise set up: ${t(parsed.body.title)} (scenario "${t(parsed.body.scenario.title)}", version ${parsed.body.scenario.version}), facilitated by ${t(parsed.body.facilitator)}`,
        );
        break;
      case 'exercise': {
        const { body } = parsed;
        if (body.action === 'practice') {
          state.practice.push({
            incident: body.incident,
            runbook: body.runbook,
            at: record.eventAt,
          });
          line(`Practice incident started on runbook "${body.runbook}"`);
          break;
        }
        state.clockEvents.push({ action: body.action, at: Date.parse(record.eventAt) });
        if (body.action === 'start') state.startedAt ??= record.eventAt;
        if (body.action === 'finish') state.finishedAt = record.eventAt;
        if (body.action === 'reopen') state.finishedAt = null;
        line(CLOCK_WORDS[body.action]);
        break;
      }
      case 'inject': {
        const { body } = parsed;
        if (body.action === 'adHoc') {
          state.adHoc.push({ id: body.inject, title: body.title, text: body.text });
          state.progress[body.inject] = { status: 'released', ...who, trigger: 'hand' };
          state.current = body.inject;
          line(`Ad-hoc inject released: ${t(body.title)}`);
        } else if (body.action === 'release') {
          state.progress[body.inject] = { status: 'released', ...who, trigger: body.trigger };
          state.current = body.inject;
          line(
            `Inject released${body.trigger === 'timer' ? ' on its timer' : ' by hand'}: ${t(titleOf(body.inject))}`,
          );
        } else {
          state.progress[body.inject] = {
            status: 'skipped',
            ...who,
            ...(body.reason ? { reason: body.reason } : {}),
          };
          line(
            `Inject skipped: ${t(titleOf(body.inject))}${body.reason ? ` (${t(body.reason)})` : ''}`,
          );
        }
        break;
      }
      case 'note':
      case 'decision': {
        const entry: ExerciseNote = {
          seq: record.seq,
          inject: parsed.body.inject ?? null,
          text: parsed.body.text,
          ...who,
        };
        (parsed.kind === 'note' ? state.notes : state.decisions).push(entry);
        line(
          `${parsed.kind === 'note' ? 'Note' : 'Decision'}${entry.inject ? ` (${t(titleOf(entry.inject))})` : ''}: ${t(entry.text)}`,
        );
        break;
      }
      case 'attendance':
        state.attendees.push({ name: parsed.body.name, role: parsed.body.role });
        line(
          `Present: ${t(parsed.body.name)}${parsed.body.role ? `, ${t(parsed.body.role)}` : ''}`,
        );
        break;
      case 'debrief':
        state.debrief.push({ kind: parsed.body.kind, text: parsed.body.text, by: record.author });
        line(
          `${parsed.body.kind === 'went-well' ? 'Went well' : 'To improve'}: ${t(parsed.body.text)}`,
        );
        break;
      case 'action': {
        const { body } = parsed;
        if (body.action === 'add') {
          state.actions.push({
            number: body.number,
            text: body.text,
            owner: body.owner,
            due: body.due,
            status: 'open',
          });
          line(`Action ${body.number}: ${t(body.text)} (owner ${t(body.owner)}, due ${body.due})`);
        } else {
          const action = state.actions.find((each) => each.number === body.number);
          if (action) Object.assign(action, { status: 'done', doneAt: record.eventAt });
          line(`Action ${body.number} done`);
        }
        break;
      }
    }
  }
  return state;
}
