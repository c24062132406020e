import type { Category } from '../../../contract/vocabulary';

/** Words that point to a category, strongest first; the category with most hits wins. */
const CLUES: Array<[Category, RegExp]> = [
  ['ransom-or-locked', /\b(ransom\w*|encrypt\w*|locked files?|extortion)\b/gi],
  ['clicked-link', /\b(phish\w*|clicked|malicious links?|suspicious (email|link)s?)\b/gi],
  [
    'email-account',
    /\b(mailbox|email account|account compromise|compromised account|identity and access|password reset)\b/gi,
  ],
  ['lost-device', /\b(lost|stolen|missing) (device|laptop|phone|tablet)s?\b|\blost device\b/gi],
  ['outage', /\b(ddos|denial of service|outage|internet down|power cut|telephony)\b/gi],
  [
    'data-breach',
    /\b(data breach|personal data|information leak\w*|data leak\w*|exfiltrat\w*)\b/gi,
  ],
  ['fraud', /\b(fraud|invoice|payment diversion|bank details|business email compromise)\b/gi],
  ['device-problem', /\b(malware|virus|infected (device|computer)|trojan)\b/gi],
  ['staff-misuse', /\b(insider|misuse|snooping|unauthori[sz]ed access by staff)\b/gi],
  [
    'system-down',
    /\b(supply chain|supplier (compromise|outage)|care record system|system down)\b/gi,
  ],
];

/** A best guess from the document's words; "guide" when nothing points anywhere. */
export function guessCategory(title: string, text: string): Category {
  let best: Category = 'guide';
  let bestScore = 0;
  for (const [category, clue] of CLUES) {
    // The title says what the plan is about; the body mentions many things in passing.
    const score = (title.match(clue)?.length ?? 0) * 5 + (text.match(clue)?.length ?? 0);
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  return best;
}
