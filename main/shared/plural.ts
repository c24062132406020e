/**
 * "1 role has" / "3 roles have": the count with the right form of the words after it. English
 * has two forms; Intl.PluralRules says which one a count takes.
 */
const rules = new Intl.PluralRules('en-GB');

export function plural(count: number, one: string, other: string): string {
  return `${count} ${rules.select(count) === 'one' ? one : other}`;
}
