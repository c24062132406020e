/** English plural rules, as the platform knows them (1 → "one", 0 and 2+ → "other"). */
const RULES = new Intl.PluralRules('en-GB');

/** The word for a count: plural(1, 'was', 'were') → "was", plural(3, 'was', 'were') → "were". */
export const plural = (count: number, one: string, other: string): string =>
  RULES.select(count) === 'one' ? one : other;

/** A count with its noun: pluralise(1, 'entry', 'entries') → "1 entry"; 0 → "0 entries". */
export const pluralise = (count: number, one: string, other: string): string =>
  `${count} ${plural(count, one, other)}`;
