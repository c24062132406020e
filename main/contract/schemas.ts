import { z } from 'zod';
import {
  CATEGORIES,
  CLOCKS,
  PROVIDER_TYPES,
  SLUG_PATTERN,
  type Category,
  type ClockId,
  type ProviderType,
} from './vocabulary';
import { dialledValueSchema, freeTextSchema, hasInvisible } from './invisibleText';

/** An object's keys as a non-empty tuple, for z.enum over a vocabulary record. */
export const keysOf = <K extends string>(record: Record<K, unknown>): [K, ...K[]] =>
  Object.keys(record) as [K, ...K[]];

export const categorySchema = z.enum(keysOf<Category>(CATEGORIES));
export const providerTypeSchema = z.enum(keysOf<ProviderType>(PROVIDER_TYPES));
export const clockSchema = z.enum(keysOf<ClockId>(CLOCKS));

/** A stable id for runbooks, phases, steps and contact roles. */
export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and hyphens (max 64)');

/** A contract deadline the provider adds in Settings; the id is made from the label when absent. */
export const contractClockSchema = z.strictObject({
  id: slugSchema.optional(),
  label: freeTextSchema()
    .trim()
    .min(1, 'name the deadline')
    .max(120, 'must be 120 characters or fewer'),
  hours: z
    .int('whole hours')
    .min(1, 'at least 1 hour')
    .max(24 * 365, 'at most a year'),
  duty: freeTextSchema().trim().max(400, 'must be 400 characters or fewer'),
});

/** A care group's public key as someone adds it in Settings (checked as a key by the core). */
export const careGroupKeyInputSchema = z.strictObject({
  name: freeTextSchema().trim().min(1, 'name the care group').max(80),
  publicKeyPem: z.string().max(2000),
});

/** Limits on what a local contact may hold: enough for real use, small enough that huge input is refused. */
export const CONTACT_LIMITS = {
  name: 120,
  organisation: 120,
  value: 200,
  note: 200,
  hours: 120,
  notes: 2000,
  channels: 10,
  roleLabel: 80,
} as const;

const PHONE_CHARS = /^[0-9+()\s-]+$/;

/** True when a value reads as a phone number: digits, spaces, +, brackets and hyphens, with 3 to 20 digits. */
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE_CHARS.test(value) && digits >= 3 && digits <= 20;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

export const contactChannelKindSchema = z.enum(['phone', 'mobile', 'email', 'other']);

/** One way to reach a local contact; `outOfBand` marks channels that still work when our own systems are down. */
export const localChannelSchema = z
  .strictObject({
    kind: contactChannelKindSchema,
    // Refused, never changed: see dialledValueSchema.
    value: dialledValueSchema()
      .trim()
      .min(1, 'enter a number or address')
      .max(CONTACT_LIMITS.value, `must be ${CONTACT_LIMITS.value} characters or fewer`),
    outOfBand: z.boolean(),
    note: freeTextSchema()
      .trim()
      .max(CONTACT_LIMITS.note, `must be ${CONTACT_LIMITS.note} characters or fewer`)
      .optional(),
  })
  .superRefine((channel, ctx) => {
    if (
      (channel.kind === 'phone' || channel.kind === 'mobile') &&
      channel.value !== '' &&
      // A hidden character is already reported on its own; one message per mistake.
      !hasInvisible(channel.value) &&
      !isPhoneNumber(channel.value)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message:
          'a phone number may use only digits, spaces, +, brackets and hyphens, with 3 to 20 digits',
      });
    }
    if (channel.kind === 'email' && channel.value !== '' && !EMAIL.test(channel.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'an email address looks like name@example.co.uk',
      });
    }
  });

/** A contact the provider enters for one role. Text is stored as typed and always shown as text. */
export const localContactSchema = z.strictObject({
  role: slugSchema,
  name: freeTextSchema()
    .trim()
    .min(1, 'enter a name')
    .max(CONTACT_LIMITS.name, `must be ${CONTACT_LIMITS.name} characters or fewer`),
  organisation: freeTextSchema()
    .trim()
    .max(CONTACT_LIMITS.organisation, `must be ${CONTACT_LIMITS.organisation} characters or fewer`),
  channels: z
    .array(localChannelSchema)
    .min(1, 'add at least one phone number or address')
    .max(CONTACT_LIMITS.channels, `at most ${CONTACT_LIMITS.channels} ways to reach one contact`),
  hours: freeTextSchema()
    .trim()
    .max(CONTACT_LIMITS.hours, `must be ${CONTACT_LIMITS.hours} characters or fewer`),
  notes: freeTextSchema()
    .trim()
    .max(CONTACT_LIMITS.notes, `must be ${CONTACT_LIMITS.notes} characters or fewer`),
  /** ISO date (YYYY-MM-DD) the provider last checked these details. */
  lastVerified: z.iso.date('enter the date you last checked these details'),
});

/** A role the provider adds for a contact the bundled roles do not cover. */
export const customRoleLabelSchema = freeTextSchema()
  .trim()
  .min(1, 'enter a name for the role')
  .max(CONTACT_LIMITS.roleLabel, `must be ${CONTACT_LIMITS.roleLabel} characters or fewer`);

/** Limits on a systems register entry: room for real detail, huge input refused. */
export const SYSTEM_LIMITS = {
  label: 80,
  fallback: 1000,
  paperLocation: 300,
  notes: 2000,
} as const;

/** What the provider records about one system. Text is stored as typed and always shown as text. */
export const systemRecordSchema = z
  .strictObject({
    system: slugSchema,
    /** False when the provider does not use this system at all (it is then left out of gaps). */
    inUse: z.boolean(),
    /** The contact role (from the contacts directory) that supports this system, if any. */
    supplierRole: slugSchema.nullable(),
    /** How bad it is if the system is down: 1 (hardly matters) to 10 (care stops); null only for a system not in use. */
    impact: z
      .number()
      .int()
      .min(1, 'choose a number from 1 to 10')
      .max(10, 'choose a number from 1 to 10')
      .nullable(),
    /** The paper or manual way of working while the system is down. */
    fallback: freeTextSchema()
      .trim()
      .max(SYSTEM_LIMITS.fallback, `must be ${SYSTEM_LIMITS.fallback} characters or fewer`),
    /** Where the paper copy (charts, plans, rota…) is kept, so staff can find it at 2 a.m. */
    paperLocation: freeTextSchema()
      .trim()
      .max(
        SYSTEM_LIMITS.paperLocation,
        `must be ${SYSTEM_LIMITS.paperLocation} characters or fewer`,
      ),
    notes: freeTextSchema()
      .trim()
      .max(SYSTEM_LIMITS.notes, `must be ${SYSTEM_LIMITS.notes} characters or fewer`),
    /** ISO date (YYYY-MM-DD) the provider last reviewed this entry. */
    lastReviewed: z.iso.date('enter the date you last reviewed this system'),
  })
  .superRefine((record, ctx) => {
    if (record.inUse && record.impact === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['impact'],
        message: 'choose how bad it is if this system is down, from 1 to 10',
      });
    }
  });

/** A system the provider adds that the built-in list does not cover. */
export const customSystemLabelSchema = freeTextSchema()
  .trim()
  .min(1, 'enter a name for the system')
  .max(SYSTEM_LIMITS.label, `must be ${SYSTEM_LIMITS.label} characters or fewer`);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

/** The grab-bag pack's content hashes, one per section, as `grabbag.get` gave them. */
export const packFingerprintSchema = z.strictObject({
  settings: sha256Hex,
  contacts: sha256Hex,
  systems: sha256Hex,
  runbooks: sha256Hex,
});
