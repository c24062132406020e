import { z } from 'zod';
import { CATEGORIES, CLOCKS, PROVIDER_TYPES, SLUG_PATTERN, type Category, type ClockId, type ProviderType } from './vocabulary';

const keysOf = <K extends string>(record: Record<K, unknown>): [K, ...K[]] => Object.keys(record) as [K, ...K[]];

export const categorySchema = z.enum(keysOf<Category>(CATEGORIES));
export const providerTypeSchema = z.enum(keysOf<ProviderType>(PROVIDER_TYPES));
export const clockSchema = z.enum(keysOf<ClockId>(CLOCKS));

/** A stable id for runbooks, phases, steps and contact roles. */
export const slugSchema = z.string().regex(SLUG_PATTERN, 'use lower-case letters, digits and hyphens (max 64)');
