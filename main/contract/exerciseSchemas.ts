import { z } from 'zod';
import {
  authorSchema,
  incidentIdSchema,
  personSchema,
  reasonSchema,
  textSchema,
} from './incidentSchemas';
import { slugSchema } from './schemas';

/** Exercise ids look like incident ids (time-stamped, random tail) but live in their own folder. */
export const exerciseIdSchema = incidentIdSchema;

const titleSchema = z
  .string()
  .trim()
  .min(1, 'give it a short title')
  .max(120, 'must be 120 characters or fewer');

/**
 * Setting up an exercise: which scenario, who runs it, who is recording (a scribe may type for the
 * facilitator), and an optional title of its own.
 */
export const createExerciseSchema = z.strictObject({
  scenario: slugSchema,
  facilitator: personSchema,
  author: authorSchema,
  title: titleSchema.optional(),
});

/** Everything the facilitator records during and after an exercise; each becomes one log entry. */
export const exerciseActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('finish') }),
  /** Undoes a finish made by mistake: the exercise comes back paused, its log keeps both entries. */
  z.strictObject({ type: z.literal('reopen') }),
  /** `timer` is refused unless the inject's time has really come (the core checks its own clock). */
  z.strictObject({
    type: z.literal('release'),
    inject: slugSchema,
    trigger: z.enum(['hand', 'timer']),
  }),
  z.strictObject({ type: z.literal('skip'), inject: slugSchema, reason: reasonSchema.optional() }),
  z.strictObject({ type: z.literal('adHoc'), title: titleSchema, text: textSchema }),
  z.strictObject({ type: z.literal('note'), inject: slugSchema.optional(), text: textSchema }),
  z.strictObject({ type: z.literal('decision'), inject: slugSchema.optional(), text: textSchema }),
  z.strictObject({
    type: z.literal('attendee'),
    name: personSchema,
    role: z.string().trim().max(120, 'must be 120 characters or fewer'),
  }),
  z.strictObject({
    type: z.literal('debrief'),
    kind: z.enum(['went-well', 'improve']),
    text: textSchema,
  }),
  z.strictObject({
    type: z.literal('action'),
    text: textSchema,
    owner: personSchema,
    due: z.iso.date('enter the date it is due'),
  }),
  z.strictObject({ type: z.literal('actionDone'), action: z.int().min(1).max(1000) }),
  z.strictObject({ type: z.literal('practice'), incident: incidentIdSchema, runbook: slugSchema }),
]);
export type ExerciseAction = z.infer<typeof exerciseActionSchema>;

export const recordExerciseSchema = z.strictObject({
  id: exerciseIdSchema,
  /** Who is typing; shown on every entry. */
  author: authorSchema,
  action: exerciseActionSchema,
});
