import { createRng, type Rng } from './prng';

/**
 * Search queries as a stressed user types them: single words, two words, phrases, typos, and
 * every keystroke of a few searches (the search box asks on each change, from the first letter).
 */

const WORDS = [
  'ransomware',
  'ransom',
  'virus',
  'hacked',
  'phishing',
  'password',
  'passwords',
  'email',
  'laptop',
  'phone',
  'tablet',
  'stolen',
  'lost',
  'backup',
  'backups',
  'emar',
  'rota',
  'medicines',
  'supplier',
  'outage',
  'offline',
  'wifi',
  'internet',
  'power',
  'printer',
  'fraud',
  'invoice',
  'bank',
  'scam',
  'text',
  'link',
  'clicked',
  'locked',
  'encrypted',
  'bitcoin',
  'breach',
  'data',
  'cqc',
  'ico',
  'police',
  'insurer',
  'commissioner',
  'csoc',
  'nhsmail',
  'usb',
  'camera',
  'burglary',
  'mar',
  'paper',
  'handover',
  'visits',
  'alarm',
  'telecare',
  'restore',
  'deadline',
  'evidence',
  'screenshot',
  'manager',
  'crime',
  'blackmail',
  'extortion',
  'pin',
  'wipe',
  'account',
  'login',
  'slow',
  'popup',
  'update',
  'website',
  'payroll',
];

const TWO_WORDS = [
  'files locked',
  'cannot login',
  'email hacked',
  'phone stolen',
  'laptop lost',
  'system down',
  'rota down',
  'emar down',
  'password changed',
  'bank details',
  'wrong person',
  'data breach',
  'care records',
  'paper charts',
  'call bells',
  'fire alarm',
  'power cut',
  'internet down',
  'supplier outage',
  'strange email',
  'fake invoice',
  'ransom note',
  'tell cqc',
  'report fraud',
  'crime reference',
  'remote lock',
  'wipe phone',
  'backup drive',
  'memory stick',
  'shared drive',
  'scam text',
  'clicked link',
  'virus warning',
  'account locked',
  'care plans',
  'medicines chart',
  'visit monitoring',
  'missed visit',
  'staff rota',
  'nhsmail hacked',
  'computer slow',
  'pay bitcoin',
  'personal data',
  'police report',
  'insurance claim',
  'reset password',
  'locked out',
  'stolen bag',
  'phone line',
  'wifi down',
];

const PHRASES = [
  'lost phone',
  'email hacked',
  'call bells',
  'screen says pay',
  'files will not open',
  "can't log in",
  'someone clicked a link',
  'left laptop on the bus',
  'sent email to the wrong person',
  'bank details changed',
  'care record system not loading',
  'my phone was stolen',
  'a strange text with a link',
  'the computer is locked',
  'we cannot see care plans',
  'medicines system down',
  'who do I call',
  'what do I tell cqc',
  'report a data breach',
  'do not pay the ransom',
  'our supplier has been hacked',
  'the internet is down',
  'power cut in the home',
  'staff gave their password',
  'fake email from the boss',
  'invoice bank details changed',
  'laptop stolen from car',
  'tablet lost on a home visit',
  'rota app not working',
  'strange file names',
  'data stolen and blackmail',
  'emar not working at night',
  'paper mar charts',
  '72 hour deadline',
  'how to report to the police',
  'back up the files',
  'phone number for csoc',
  'turn off the wifi',
  'someone logged in from abroad',
  'account sending spam',
];

/** Real-looking slips: a transposition, a missing, doubled or wrong neighbouring letter. */
const KNOWN_TYPOS = [
  'ransomeware',
  'ransomwear',
  'pasword',
  'emial',
  'hakced',
  'stolne',
  'labtop',
  'phising',
  'vires',
  'breech',
  'suppleir',
  'medecines',
  'backp',
  'encripted',
  'frawd',
];

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 's',
  e: 'r',
  i: 'o',
  o: 'p',
  s: 'd',
  t: 'y',
  n: 'm',
  r: 't',
  l: 'k',
  c: 'v',
};

function typo(word: string, rng: Rng): string {
  const at = rng.int(1, word.length - 2);
  const kind = rng.int(0, 3);
  if (kind === 0)
    return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 2) return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
  return word.slice(0, at) + (KEYBOARD_NEIGHBOURS[word[at] ?? ''] ?? 'e') + word.slice(at + 1);
}

/** Each keystroke of a search typed from scratch: "l", "lo", "los", "lost", "lost p", … */
function keystrokes(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)).filter(
    (prefix) => !prefix.endsWith(' '),
  );
}

export function buildQueries(seed = 2024): string[] {
  const rng = createRng(seed);
  const typos = rng
    .sample(
      WORDS.filter((word) => word.length >= 5),
      30,
    )
    .map((word) => typo(word, rng));
  const typed = ['rans', 'lost phone', 'email hacked', 'call bells', 'passw'].flatMap(keystrokes);
  return [...new Set([...WORDS, ...TWO_WORDS, ...PHRASES, ...KNOWN_TYPOS, ...typos, ...typed])];
}
