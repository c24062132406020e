/**
 * What everyday words in a query say about the situation, beyond their letters. People under
 * stress describe what is wrong with whatever is in their hand ("the medication app won't load on
 * any tablet"), ask a question with no nouns at all ("what do I do?"), or say how far it reaches
 * ("other homes in the area have it too"). Runbooks use their own words for these, so the query
 * is read for them before it is searched. Only words of the query change: runbooks and their
 * index are untouched, so a provider's own runbooks benefit in the same way.
 */

/** Words that say what is wrong. When a query has one, it matters more than the device named. */
const PROBLEM_WORDS: ReadonlySet<string> = new Set(
  (
    'down offline outage load loading loads open opening start starting boot booting work ' +
    'working works crashed crashing crash frozen freezing stuck broken dead failed failing ' +
    'stopped error locked lock encrypted ransom hacked compromised infected virus stolen lost ' +
    'missing nicked pinched leaked breach breached wont cant doesnt isnt'
  ).split(' '),
);

/** Things something can be wrong with. Named beside a problem word, they tell less than it does. */
const DEVICE_WORDS: ReadonlySet<string> = new Set(
  (
    'tablet tablets ipad ipads laptop laptops computer computers pc pcs desktop device devices ' +
    'phone phones mobile mobiles handset handsets screen screens'
  ).split(' '),
);

/** A problem word counts this much more than an ordinary word; a device named beside one, this much less. */
const PROBLEM_WEIGHT = 1.5;
const DEVICE_WEIGHT = 0.5;

/**
 * Everyday words and the words runbooks use for the same thing. Each counts in full for the word
 * typed, as the word itself would.
 */
const SAME_AS: Readonly<Record<string, readonly string[]>> = {
  medication: ['medicines', 'emar'],
  meds: ['medicines', 'emar'],
  app: ['system'],
  apps: ['system'],
  software: ['system'],
  program: ['system'],
  encrypted: ['ransomware'],
  wont: ['not'],
  cant: ['cannot', 'not'],
  doesnt: ['not'],
  isnt: ['not'],
  afterwards: ['after'],
  afterward: ['after'],
  region: ['regional'],
  everyone: ['national', 'nationally'],
  everybody: ['everyone', 'national'],
  everywhere: ['national'],
  nationwide: ['national', 'nationally'],
  countrywide: ['national', 'nationally'],
};

/** A situation a query names in a phrase rather than a word, and the words runbooks use for it. */
interface Concept {
  pattern: RegExp;
  terms: readonly string[];
}

const CONCEPTS: readonly Concept[] = [
  {
    // "the whole NHS", "other homes too", "all the GP practices", "not just us", "across the area"
    pattern:
      /\b(whole|entire) (nhs|country|region|area|county|city)\b|\bother (care )?(homes|practices|pharmacies|surgeries|services|providers|gps|dentists|sites)\b|\ball (the )?(gp|gps|practices|homes|pharmacies|surgeries|dentists)\b|\bnot just (us|here|our)\b|\bothers? (nearby|too|as well)\b|\bnearby\b|\b(in|across|around) (the|our) (area|region|county)\b/,
    terms: ['national', 'regional', 'nationally'],
  },
  {
    // "writing it up afterwards", "write-up", "written up"
    pattern: /\bwrit(e|es|ing|ten)( it| this| everything| things)? up\b|\bwrite-?up\b/,
    terms: ['review', 'lessons', 'debrief'],
  },
];

/** "What do I do?", "what now", "help": someone who needs to know where to begin. */
const QUESTION =
  /^\s*(help|what now|now what|what next)\b|\bwhat (now|next)\b|\bwhat (do|should|can|must|shall) (i|we) do\b|\bhelp\b|\bwhere (do|should) (i|we) (start|begin)\b/;

/** Where someone who does not know where to begin is sent: words of the first steps' runbook. */
const BEGIN_TERMS: readonly string[] = ['first', 'start', 'steps'];

/** Words that only ask for help. Beside words that say what happened, they tell nothing. */
const PLEA_WORDS: ReadonlySet<string> = new Set(['help', 'please', 'now', 'urgent', 'quick']);

/** What the query's phrases and question form add: one more word to look for, as any of `terms`. */
export interface ExtraWord {
  terms: readonly string[];
}

/** How a query reads: the weight and synonyms of each word, and the concepts its phrases add. */
export interface QueryIntent {
  weightOf(word: string): number;
  /** A plea ("help", "please") beside words that say what happened: it says nothing about which runbook. */
  isPlea(word: string): boolean;
  /** A word of a phrase read as a concept ("whole area"): it nudges the ranking, a runbook need not hold it. */
  isInConcept(word: string): boolean;
  /** A real word this reading knows ("frozen"), so never a typo for a runbook word ("broken"). */
  isKnown(word: string): boolean;
  sameAs(word: string): readonly string[];
  extras: ExtraWord[];
}

/**
 * Reads `query` (whose content words, lower-cased, are `contentWords`) for what is wrong, how far
 * it reaches and whether it is a plea for where to start.
 */
export function readIntent(query: string, contentWords: readonly string[]): QueryIntent {
  const text = query
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ');
  const hasProblem = contentWords.some((word) => PROBLEM_WORDS.has(word));
  const saysWhatHappened = contentWords.some((word) => !PLEA_WORDS.has(word));
  const extras: ExtraWord[] = [];
  // The words of a phrase read as a concept ("whole area") are carried by the concept's words:
  // counting them again would ask every runbook to hold "whole" and "area" as well.
  const consumed = new Set<string>();
  for (const concept of CONCEPTS) {
    const match = concept.pattern.exec(text);
    if (!match) continue;
    extras.push({ terms: concept.terms });
    for (const word of match[0].split(' ')) consumed.add(word);
  }
  // A question with nothing else in it is a plea for where to start. Beside words that say what
  // happened ("what do I do about a ransom note") those words lead, and the question adds nothing.
  if (QUESTION.test(text) && contentWords.every((word) => PLEA_WORDS.has(word)))
    extras.push({ terms: BEGIN_TERMS });
  return {
    weightOf: (word) =>
      !hasProblem
        ? 1
        : PROBLEM_WORDS.has(word)
          ? PROBLEM_WEIGHT
          : DEVICE_WORDS.has(word)
            ? DEVICE_WEIGHT
            : 1,
    isPlea: (word) => saysWhatHappened && PLEA_WORDS.has(word),
    isInConcept: (word) => consumed.has(word),
    isKnown: (word) =>
      PROBLEM_WORDS.has(word) || DEVICE_WORDS.has(word) || Object.hasOwn(SAME_AS, word),
    sameAs: (word) => SAME_AS[word] ?? [],
    extras,
  };
}
