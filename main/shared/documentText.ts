import { hasInvisible, stripInvisible } from '../contract/invisibleText';

/**
 * Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest up to U+08FF,
 * their presentation forms, and the right-to-left scripts beyond the first plane).
 */
const RIGHT_TO_LEFT =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** First strong isolate and pop directional isolate: the plain-text form of `<bdi>`. */
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** True when the text holds a letter written right to left. */
export const hasRightToLeft = (text: string): boolean => RIGHT_TO_LEFT.test(text);

/**
 * A value someone typed, for a document that is saved or printed as text (markdown reports,
 * handovers, inject cards, report drafts): it can no longer reorder the text around it.
 * Bidi controls and invisible characters are removed (as the form would have removed them from a
 * contact), so "\u202Eevil" reads "evil", in the order it was typed. A value with right-to-left
 * letters is wrapped in an isolate, so a name in Arabic cannot pull the number after it into
 * its own direction (an Arabic name before "0300 999 1111" would show "1111 999 0300"). Nothing
 * inside can close the isolate early: every isolate and override character was removed first.
 */
export function isolatedText(text: string): string {
  const clean = stripInvisible(text);
  return hasRightToLeft(clean)
    ? `${FIRST_STRONG_ISOLATE}${clean}${POP_DIRECTIONAL_ISOLATE}`
    : clean;
}

/** An isolate as isolatedText makes it: nothing inside that could close it early or override it. */
const CLEAN_ISOLATE =
  /\u2068[^\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*\u2069/g;

/**
 * The text with every hidden character removed except the clean isolates isolatedText puts round
 * typed values: what a screen shows of an incident or exercise, so it reads as its report does.
 */
export function withoutStrayHiddenCharacters(text: string): string {
  // Almost every value holds no hidden character at all (isolates included): one test then
  // answers, rather than a search for isolates in every string of a 10,000-entry incident.
  if (!hasInvisible(text)) return text;
  let kept = '';
  let at = 0;
  for (const match of text.matchAll(CLEAN_ISOLATE)) {
    kept += stripInvisible(text.slice(at, match.index)) + match[0];
    at = match.index + match[0].length;
  }
  return kept + stripInvisible(text.slice(at));
}

/**
 * Every string inside a value (arrays and objects walked) without stray hidden characters, except
 * under the keys named in `authored`: runbook and scenario content, which the runbook checks warn
 * about instead, and whose rendered views are reused as they are (not copied on every answer).
 *
 * Copied only where something changes: an array or object none of whose strings holds a hidden
 * character is returned as it is. Almost none do, and rebuilding every object of a 10,000-entry
 * incident on each answer was a sixth of the time its first opening took. What is returned is
 * only ever read (sent to a screen, or written as a document), so sharing the parts that did not
 * change is safe.
 */
export function withoutStrayHiddenCharactersDeep<T>(
  value: T,
  authored: ReadonlySet<string> = new Set(),
): T {
  return cleanDeep(value, authored) as T;
}

function cleanDeep(value: unknown, authored: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return withoutStrayHiddenCharacters(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const cleaned = cleanDeep(item, authored);
      if (cleaned !== item) {
        copy ??= value.slice();
        copy[index] = cleaned;
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
    let cleaned: unknown;
    // A string's key is looked up only when the string would change, not for each of the many
    // thousand that will not; an object's before walking it. Other values hold no text.
    if (typeof inner === 'string') {
      cleaned = withoutStrayHiddenCharacters(inner);
      if (cleaned === inner || authored.has(key)) continue;
    } else if (typeof inner === 'object' && inner !== null && !authored.has(key)) {
      cleaned = cleanDeep(inner, authored);
      if (cleaned === inner) continue;
    } else continue;
    copy ??= { ...record };
    copy[key] = cleaned;
  }
  return copy ?? record;
}

/**
 * Text made from typed values (a log entry's words, "Lead: …"), for a document: the isolates
 * isolatedText put round each value are kept, every other hidden character is removed, and
 * right-to-left text outside them is isolated as a whole.
 */
export function neutralisedText(text: string): string {
  const kept = withoutStrayHiddenCharacters(text);
  const outside = kept.replace(CLEAN_ISOLATE, '');
  return hasRightToLeft(outside)
    ? `${FIRST_STRONG_ISOLATE}${kept}${POP_DIRECTIONAL_ISOLATE}`
    : kept;
}
