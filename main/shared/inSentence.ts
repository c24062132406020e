/**
 * A label as it reads inside a sentence: "Incident lead" → "incident lead", but an abbreviation
 * stays as it is written ("IT and supplier liaison", "NHSmail helpdesk", "CSOC").
 */
export function inSentence(label: string): string {
  const first = label.split(/\s/)[0] ?? '';
  const abbreviation = first.length > 1 && first.slice(0, 2) === first.slice(0, 2).toUpperCase();
  return abbreviation ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
