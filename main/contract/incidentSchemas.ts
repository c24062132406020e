import { z } from 'zod';
import { AUTHOR_REQUIRED, isReservedAuthor, RESERVED_AUTHOR } from './recorder';
import { keysOf, slugSchema } from './schemas';
import { INCIDENT_ROLES, type IncidentRole } from './vocabulary';
import { INCIDENT_LIMITS } from './incidentLimits';

export { INCIDENT_LIMITS };

/** How the core names incidents (and exercises): UTC date, time, six random hex digits. */
export const INCIDENT_ID_PATTERN = /^[0-9]{8}-[0-9]{4}-[a-f0-9]{6}$/;

export const incidentIdSchema = z.string().regex(INCIDENT_ID_PATTERN, 'not an incident id');
export const incidentRoleSchema = z.enum(keysOf<IncidentRole>(INCIDENT_ROLES));
export const personSchema = z
  .string()
  .trim()
  .min(1, 'enter a name')
  .max(INCIDENT_LIMITS.person, `must be ${INCIDENT_LIMITS.person} characters or fewer`);
/**
 * The person recording, as they said it: required on every call that adds a log entry. There is
 * no default (not the lead, not the facilitator): a name filled in for someone is a false record.
 */
export const authorSchema = z
  .string({ error: AUTHOR_REQUIRED })
  .trim()
  .min(1, AUTHOR_REQUIRED)
  .max(INCIDENT_LIMITS.person, `must be ${INCIDENT_LIMITS.person} characters or fewer`)
  .refine(
    (name) => !isReservedAuthor(name),
    `"${RESERVED_AUTHOR}" names the entries the app writes itself; enter your own name`,
  );
export const textSchema = z
  .string()
  .trim()
  .min(1, 'enter some text')
  .max(INCIDENT_LIMITS.text, `must be ${INCIDENT_LIMITS.text} characters or fewer`);
export const reasonSchema = z
  .string()
  .trim()
  .min(1, 'say why')
  .max(INCIDENT_LIMITS.reason, `must be ${INCIDENT_LIMITS.reason} characters or fewer`);
/** What happened to a step in guided mode. `reopened` undoes an earlier answer (both stay in the log). */
export const stepStatusSchema = z.enum(['done', 'cant', 'skipped', 'reopened']);
export const likelihoodSchema = z.enum(['not-likely', 'likely', 'highly-likely', 'occurred']);
export const impactSchema = z.enum(['none', 'minor', 'adverse', 'serious', 'catastrophic']);
/** A clock id: a regulatory clock from the vocabulary or a provider's contract clock. */
export const clockIdSchema = z
  .string()
  .regex(/^(contract:)?[a-z0-9][a-z0-9-]{0,63}$/, 'not a clock id');
const timeSchema = z.iso.datetime({ offset: true });

/**
 * Starting an incident: a name, when we became aware (clocks run from it), the lead, and who is
 * recording (it may be someone other than the lead; the first entry names them).
 */
export const startIncidentSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'give the incident a short name')
    .max(INCIDENT_LIMITS.name, `must be ${INCIDENT_LIMITS.name} characters or fewer`),
  runbook: slugSchema.optional(),
  awareAt: timeSchema.optional(),
  /**
   * When call bells, phones, power, water, heating, a fire alarm or other safety equipment
   * stopped working, if any did: the CQC 24-hour clock runs from this moment.
   */
  equipmentDownSince: timeSchema.optional(),
  lead: personSchema,
  author: authorSchema,
  exercise: z.boolean().optional(),
});

/** Everything that can be recorded against an incident; each becomes one log entry (or two). */
export const incidentActionSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('step'),
      runbook: slugSchema,
      step: slugSchema,
      status: stepStatusSchema,
      reason: reasonSchema.optional(),
    })
    .refine(
      (step) => step.reason !== undefined || step.status === 'done' || step.status === 'reopened',
      { message: 'say why', path: ['reason'] },
    ),
  z.strictObject({ type: z.literal('note'), text: textSchema, called: slugSchema.optional() }),
  z
    .strictObject({
      type: z.literal('decision'),
      text: textSchema.optional(),
      rationale: reasonSchema.optional(),
      /** A decision point's option, by position, instead of free text. */
      option: z
        .strictObject({ runbook: slugSchema, step: slugSchema, index: z.int().min(0).max(20) })
        .optional(),
    })
    .refine((decision) => (decision.text === undefined) !== (decision.option === undefined), {
      message: 'give either the decision or the option chosen',
      path: ['text'],
    }),
  z.strictObject({ type: z.literal('addRunbook'), runbook: slugSchema }),
  z.strictObject({
    type: z.literal('startClock'),
    clock: clockIdSchema,
    startedAt: timeSchema.optional(),
  }),
  /** A running or stopped clock really started earlier than it shows: the reason is kept in the log. */
  z.strictObject({
    type: z.literal('correctClockStart'),
    clock: clockIdSchema,
    startedAt: timeSchema,
    reason: reasonSchema,
  }),
  z
    .strictObject({
      type: z.literal('stopClock'),
      clock: clockIdSchema,
      outcome: z.enum(['done', 'not-needed']),
      reference: z.string().trim().min(1).max(INCIDENT_LIMITS.reference).optional(),
      reason: reasonSchema.optional(),
    })
    .refine(
      (stop) =>
        stop.outcome === 'done' ? stop.reference !== undefined : stop.reason !== undefined,
      {
        message:
          'a clock marked done needs the reference number you were given; one marked not needed needs the reason',
        path: ['reference'],
      },
    ),
  z.strictObject({ type: z.literal('role'), role: incidentRoleSchema, person: personSchema }),
  z.strictObject({
    type: z.literal('assessment'),
    likelihood: likelihoodSchema,
    impact: impactSchema,
    decision: z.enum(['report', 'not-report']),
    reason: reasonSchema,
  }),
  z.strictObject({
    type: z.literal('handover'),
    from: personSchema,
    to: personSchema,
    notes: z.string().trim().max(INCIDENT_LIMITS.text),
  }),
  z.strictObject({ type: z.literal('correction'), amends: z.int().min(1), text: textSchema }),
  z.strictObject({ type: z.literal('close'), summary: textSchema }),
]);
export type IncidentAction = z.infer<typeof incidentActionSchema>;

export const recordInputSchema = z.strictObject({
  id: incidentIdSchema,
  /** Who is typing; shown on every entry. */
  author: authorSchema,
  /** When it happened, if earlier than now (filled in from paper notes). */
  eventAt: timeSchema.optional(),
  action: incidentActionSchema,
});
