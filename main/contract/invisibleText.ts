import { z } from 'zod';

/**
 * Bidi controls and invisible format characters: they change how the text around them is shown
 * (U+202E turns "0300 999 1111" into "1111 999 0030" on screen and on paper) or hide inside it,
 * so what staff read is not what is stored, searched or dialled.
 *   U+061C arabic letter mark, U+200B-U+200F zero-width space/joiners and direction marks,
 *   U+202A-U+202E embeddings and overrides, U+2060-U+2064 word joiner and invisible operators,
 *   U+2066-U+2069 isolates, U+FEFF zero-width no-break space (byte-order mark).
 */
const INVISIBLE_SOURCE =
  '[\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]';
const INVISIBLE_ANY = new RegExp(INVISIBLE_SOURCE, 'g');
const INVISIBLE_ONE = new RegExp(INVISIBLE_SOURCE);

/** The characters refused or removed, for tests and the runbook checks. */
export const INVISIBLE_CHARACTERS: readonly string[] = [
  0x061c,
  ...range(0x200b, 0x200f),
  ...range(0x202a, 0x202e),
  ...range(0x2060, 0x2064),
  ...range(0x2066, 0x2069),
  0xfeff,
].map((code) => String.fromCharCode(code));

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** True when the text holds a bidi control or an invisible format character. */
export const hasInvisible = (text: string): boolean => INVISIBLE_ONE.test(text);

/**
 * The text without bidi controls and invisible format characters. Tested first: almost no text
 * holds one, and a test is much cheaper than a replace that finds nothing (replaying a long
 * incident strips every typed value).
 */
export const stripInvisible = (text: string): string =>
  INVISIBLE_ONE.test(text) ? text.replace(INVISIBLE_ANY, '') : text;

/** Every string inside a parsed JSON value with those characters removed (arrays and objects walked). */
export const stripInvisibleDeep = (value: unknown): unknown =>
  mapStringsDeep(value, stripInvisible);

/**
 * `value` with `map` applied to every string inside it (arrays and objects walked), except under
 * the keys in `keep`. Copied only where something changes: an array or object none of whose
 * strings `map` changes is returned as it is. Almost no text changes, and rebuilding every object
 * of a 10,000-entry incident on each answer was a sixth of the time its first opening took. What
 * is returned must only be read, as it may share the parts that did not change with `value`.
 */
export function mapStringsDeep(
  value: unknown,
  map: (text: string) => string,
  keep: ReadonlySet<string> = NO_KEYS,
): unknown {
  if (typeof value === 'string') return map(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const mapped = mapStringsDeep(item, map, keep);
      if (mapped !== item) {
        copy ??= value.slice();
        copy[index] = mapped;
      }
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  // for…in rather than Object.keys: no array of keys made for each of thousands of objects. The
  // values walked are plain data (from literals or JSON), which inherit nothing to list.
  for (const key in record) {
    const inner = record[key];
    let mapped: unknown;
    // A string's key is looked up only when the string would change, not for each of the many
    // thousand that will not; an object's before walking it. Other values hold no text.
    if (typeof inner === 'string') {
      mapped = map(inner);
      if (mapped === inner || keep.has(key)) continue;
    } else if (typeof inner === 'object' && inner !== null && !keep.has(key)) {
      mapped = mapStringsDeep(inner, map, keep);
      if (mapped === inner) continue;
    } else continue;
    // The spread makes every key an own property (`__proto__` from JSON included), so this
    // assignment sets that property and never the copy's prototype.
    copy ??= { ...record };
    copy[key] = mapped;
  }
  return copy ?? record;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** Where the first such character sits (0-based), or -1. */
export const firstInvisibleAt = (text: string): number => text.search(INVISIBLE_ONE);

export const HIDDEN_CHARACTER_MESSAGE =
  'has a hidden character that can change how it is shown (often copied in with it); delete it and type it again';

/**
 * Free text the provider types (names, hours, notes, where the paper copy is kept): hidden
 * characters are removed, not refused. They carry no meaning once each value is shown in its own
 * direction-isolated box, and staff cannot see them to find and delete them; refusing would leave
 * them stuck on a form at 2 a.m. over a character copied in from an email signature.
 */
export const freeTextSchema = (): z.ZodString => z.string().overwrite(stripInvisible);

/**
 * A number or address someone will dial, email or type (contact channels): refused, never
 * changed. Holdfast must not silently alter what is dialled, and a number pasted with a
 * direction override is more likely a trick than a typo, so the user is asked to type it again.
 */
export const dialledValueSchema = (): z.ZodString =>
  z.string().refine((value) => !hasInvisible(value), HIDDEN_CHARACTER_MESSAGE);
