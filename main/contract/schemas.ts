import { z } from 'zod';
import { CATEGORIES, CLOCKS, PROVIDER_TYPES, SLUG_PATTERN, type Category, type ClockId, type ProviderType } from './vocabulary';

const keysOf = <K extends string>(record: Record<K, unknown>): [K, ...K[]] => Object.keys(record) as [K, ...K[]];

export const categorySchema = z.enum(keysOf<Category>(CATEGORIES));
export const providerTypeSchema = z.enum(keysOf<ProviderType>(PROVIDER_TYPES));
export const clockSchema = z.enum(keysOf<ClockId>(CLOCKS));

/** A stable id for runbooks, phases, steps and contact roles. */
export const slugSchema = z.string().regex(SLUG_PATTERN, 'use lower-case letters, digits and hyphens (max 64)');

/** A contract deadline the provider adds in Settings; the id is made from the label when absent. */
export const contractClockSchema = z.strictObject({
  id: slugSchema.optional(),
  label: z.string().trim().min(1, 'name the deadline').max(120, 'must be 120 characters or fewer'),
  hours: z.int('whole hours').min(1, 'at least 1 hour').max(24 * 365, 'at most a year'),
  duty: z.string().trim().max(400, 'must be 400 characters or fewer'),
});

/** Limits on what a local contact may hold: enough for real use, small enough that huge input is refused. */
export const CONTACT_LIMITS = { name: 120, organisation: 120, value: 200, note: 200, hours: 120, notes: 2000, channels: 10, roleLabel: 80 } as const;

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
    value: z.string().trim().min(1, 'enter a number or address').max(CONTACT_LIMITS.value, `must be ${CONTACT_LIMITS.value} characters or fewer`),
    outOfBand: z.boolean(),
    note: z.string().trim().max(CONTACT_LIMITS.note, `must be ${CONTACT_LIMITS.note} characters or fewer`).optional(),
  })
  .superRefine((channel, ctx) => {
    if ((channel.kind === 'phone' || channel.kind === 'mobile') && channel.value !== '' && !isPhoneNumber(channel.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a phone number may use only digits, spaces, +, brackets and hyphens, with 3 to 20 digits' });
    }
    if (channel.kind === 'email' && channel.value !== '' && !EMAIL.test(channel.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'an email address looks like name@example.co.uk' });
    }
  });

/** A contact the provider enters for one role. Text is stored as typed and always shown as text. */
export const localContactSchema = z.strictObject({
  role: slugSchema,
  name: z.string().trim().min(1, 'enter a name').max(CONTACT_LIMITS.name, `must be ${CONTACT_LIMITS.name} characters or fewer`),
  organisation: z.string().trim().max(CONTACT_LIMITS.organisation, `must be ${CONTACT_LIMITS.organisation} characters or fewer`),
  channels: z.array(localChannelSchema).min(1, 'add at least one phone number or address').max(CONTACT_LIMITS.channels, `at most ${CONTACT_LIMITS.channels} ways to reach one contact`),
  hours: z.string().trim().max(CONTACT_LIMITS.hours, `must be ${CONTACT_LIMITS.hours} characters or fewer`),
  notes: z.string().trim().max(CONTACT_LIMITS.notes, `must be ${CONTACT_LIMITS.notes} characters or fewer`),
  lastVerified: z.iso.date('enter the date you last checked these details'),
});

/** A role the provider adds for a contact the bundled roles do not cover. */
export const customRoleLabelSchema = z.string().trim().min(1, 'enter a name for the role').max(CONTACT_LIMITS.roleLabel, `must be ${CONTACT_LIMITS.roleLabel} characters or fewer`);
