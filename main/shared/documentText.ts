import { hasInvisible, mapStringsDeep, stripInvisible } from '../contract/invisibleText';

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
 * Copied only where something changes (see mapStringsDeep): what is returned is only ever read
 * (sent to a screen, or written as a document).
 */
export function withoutStrayHiddenCharactersDeep<T>(
  value: T,
  authored: ReadonlySet<string> = new Set(),
): T {
  return mapStringsDeep(value, withoutStrayHiddenCharacters, authored) as T;
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
