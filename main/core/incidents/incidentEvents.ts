import { z } from 'zod';
import {
  clockIdSchema,
  impactSchema,
  incidentRoleSchema,
  likelihoodSchema,
  stepStatusSchema,
} from '../../contract/incidentSchemas';
import type { Impact, Likelihood } from '../../contract/incidentTypes';
import { slugSchema } from '../../contract/schemas';

/** Which runbook text an incident follows: its id and the SHA-256 of the snapshot file. */
export const snapshotRefSchema = z.strictObject({
  id: slugSchema,
  title: z.string(),
  version: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SnapshotRef = z.infer<typeof snapshotRefSchema>;

/**
 * The body each kind of log entry carries. The log stores any JSON body (its chain does not
 * depend on these shapes); replay checks bodies with these schemas and shows anything else as is.
 */
export const entryBodySchemas = {
  opened: z.object({
    incident: z.string(),
    name: z.string(),
    awareAt: z.iso.datetime(),
    lead: z.string(),
    exercise: z.boolean(),
    runbook: snapshotRefSchema.nullable(),
  }),
  runbook: z.object({ runbook: snapshotRefSchema, reason: z.string().optional() }),
  step: z.object({
    runbook: slugSchema,
    step: slugSchema,
    status: stepStatusSchema,
    reason: z.string().optional(),
  }),
  note: z.object({
    text: z.string(),
    called: slugSchema.optional(),
    calledLabel: z.string().optional(),
  }),
  decision: z.object({
    text: z.string(),
    rationale: z.string().optional(),
    runbook: slugSchema.optional(),
    step: slugSchema.optional(),
  }),
  clock: z.object({
    clock: clockIdSchema,
    /** `correct-start`: the clock really started at `startedAt` (earlier), for `reason`; history is kept. */
    action: z.enum(['start', 'stop', 'correct-start']),
    label: z.string().optional(),
    startedAt: z.iso.datetime().optional(),
    hours: z.number().positive().nullable().optional(),
    duty: z.string().optional(),
    outcome: z.enum(['done', 'not-needed']).optional(),
    reference: z.string().optional(),
    reason: z.string().optional(),
  }),
  role: z.object({ role: incidentRoleSchema, person: z.string() }),
  assessment: z.object({
    likelihood: likelihoodSchema,
    impact: impactSchema,
    suggestsReporting: z.boolean(),
    decision: z.enum(['report', 'not-report']),
    reason: z.string(),
  }),
  handover: z.object({ from: z.string(), to: z.string(), notes: z.string() }),
  correction: z.object({ text: z.string() }),
  closed: z.object({ summary: z.string() }),
};
export type EntryBodies = {
  [K in keyof typeof entryBodySchemas]: z.infer<(typeof entryBodySchemas)[K]>;
};

/**
 * The harm × impact test: a breach is reportable when harm to people's rights and freedoms is at
 * least likely and the impact at least minor (the DSPT incident reporting tool's rule).
 */
export function suggestsReporting(likelihood: Likelihood, impact: Impact): boolean {
  return likelihood !== 'not-likely' && impact !== 'none';
}
