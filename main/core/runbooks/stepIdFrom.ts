const MAX_WORDS = 6;

/** A short id made from a step's words: "Phone your IT supplier" → "phone-your-it-supplier". */
export function stepIdFrom(headline: string, taken: ReadonlySet<string>): string {
  const words = headline
    .replace(/^\s*\d{1,9}[.)]\s+/, '')
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  const base = (words.join('-') || 'step').slice(0, 48).replace(/-+$/, '');
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}
