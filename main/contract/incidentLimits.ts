/**
 * Limits for what people type into an incident: room for real notes, refusal of huge input.
 * Plain constants, apart from the schemas, so a screen can use them without loading zod.
 */
export const INCIDENT_LIMITS = {
  name: 120,
  person: 120,
  text: 4000,
  reason: 1000,
  reference: 120,
} as const;
