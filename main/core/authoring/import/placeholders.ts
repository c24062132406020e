/**
 * Placeholders that templates from elsewhere leave for the reader to fill in: `{{COMPANY_NAME}}`,
 * `[ORG NAME]`, `<Organisation>`. Known ones are matched to Holdfast's contacts and settings so
 * the runbook shows the real number or name; the rest stay as written and are reported.
 */

const PATTERNS: RegExp[] = [
  // {{COMPANY_NAME}}, {{ it contact }}: Holdfast's own {{kind:key}} has a colon and is left alone.
  /\{\{\s*[A-Za-z][A-Za-z0-9_ .-]{0,60}\s*\}\}/g,
  // [ORG NAME], [IT CONTACT]: capitals in brackets that are not a link or a checkbox.
  /\[[A-Z][A-Z0-9 _/&'-]{1,60}\](?![([])/g,
  // <Organisation>, <Name of IT supplier>: a capital letter, so never an HTML tag.
  /<[A-Z][A-Za-z0-9 _'-]{1,60}>/g,
];

/** Every placeholder in the text with how often it is used, in order of first use. */
export function findPlaceholders(text: string): Array<{ written: string; uses: number }> {
  const found = new Map<string, { at: number; uses: number }>();
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const written = match[0];
      if (/^\[[A-Z]\]$/.test(written) || /^\[(TODO|NOTE|TBD)\]$/.test(written)) continue;
      const seen = found.get(written);
      if (seen) seen.uses += 1;
      else found.set(written, { at: match.index, uses: 1 });
    }
  }
  return [...found.entries()]
    .sort((a, b) => a[1].at - b[1].at)
    .map(([written, { uses }]) => ({ written, uses }));
}

/** The words of a placeholder in capitals: "{{it-contact}}" → ["IT", "CONTACT"]. */
function wordsOf(written: string): string[] {
  return written
    .replace(/^[{[<]+|[}\]>]+$/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

type Rule = [test: (words: Set<string>, joined: string) => boolean, target: string];

const has =
  (...any: string[]) =>
  (words: Set<string>): boolean =>
    any.some((word) => words.has(word));

/** First match wins, so specific rules (IT contact) come before general ones (contact, name). */
const RULES: Rule[] = [
  [has('IT', 'MSP', 'HELPDESK', 'SERVICEDESK', 'TECH', 'TECHNICAL'), 'contact:it-supplier'],
  [
    (_, joined) => /HELP_?DESK|SERVICE_?DESK|IT_?SUPPORT|SECURITY_?TEAM|SOC\b/.test(joined),
    'contact:it-supplier',
  ],
  [has('INSURANCE', 'INSURER', 'INSURERS'), 'contact:insurer'],
  [has('DPO', 'PRIVACY', 'IG', 'GOVERNANCE'), 'contact:ig-lead'],
  [(_, joined) => /DATA_PROTECTION/.test(joined), 'contact:ig-lead'],
  [has('BANK', 'BANKING'), 'contact:bank-fraud-line'],
  [has('CEO', 'OWNER', 'DIRECTOR', 'EXECUTIVE', 'BOARD', 'PARTNER'), 'contact:owner-director'],
  [has('MANAGER', 'REGISTERED', 'COMMANDER', 'LEAD'), 'contact:registered-manager'],
  [has('POLICE', 'ENFORCEMENT'), 'contact:police-101'],
  [has('ICO'), 'contact:ico'],
  [has('NCSC'), 'contact:ncsc-report'],
  [has('CSOC', 'CARECERT'), 'contact:csoc'],
  [(_, joined) => /ACTION_FRAUD|REPORT_FRAUD/.test(joined), 'contact:report-fraud'],
  [has('COMMISSIONER', 'ICB', 'COUNCIL', 'AUTHORITY'), 'contact:commissioner'],
  [has('EPR', 'EHR', 'EMR'), 'contact:care-record-supplier'],
  [(_, joined) => /CARE_RECORD/.test(joined), 'contact:care-record-supplier'],
  [has('TELECARE'), 'contact:telecare-provider'],
  [has('SAFEGUARDING'), 'contact:adult-safeguarding'],
  [has('REGULATOR'), 'setting:regulator'],
  [
    (words) =>
      ['COMPANY', 'ORG', 'ORGANISATION', 'ORGANIZATION', 'BUSINESS', 'PRACTICE', 'ENTITY'].some(
        (word) => words.has(word),
      ) &&
      [...words].every((word) =>
        /^(COMPANY|ORG|ORGANISATION|ORGANIZATION|BUSINESS|PRACTICE|ENTITY|NAME|YOUR|THE|SHORT|FULL|LEGAL)$/.test(
          word,
        ),
      ),
    'organisation',
  ],
];

/** What a placeholder most likely means in Holdfast, or "keep" when it is not known. */
export function suggestTarget(written: string, knownRoles: ReadonlySet<string>): string {
  const words = wordsOf(written);
  const set = new Set(words);
  const joined = words.join('_');
  for (const [test, target] of RULES) {
    if (!test(set, joined)) continue;
    if (target.startsWith('contact:') && !knownRoles.has(target.slice('contact:'.length))) continue;
    return target;
  }
  // A provider's own contact role with the same words ("{{PHARMACY_WHOLESALER}}").
  const slug = words.join('-').toLowerCase();
  return knownRoles.has(slug) ? `contact:${slug}` : 'keep';
}

/** The text a choice puts in the runbook, or null to leave the placeholder as written. */
export function replacementFor(
  target: string,
  organisation: string,
  written: string,
): string | null {
  // A `{{NAME}}` kept as written would read as a Holdfast placeholder it cannot fill, which the
  // checks refuse: it is kept as a visible gap in brackets instead, like `[ORG NAME]`.
  if (target === 'keep')
    return written.startsWith('{{') ? `[${written.slice(2, -2).trim()}]` : null;
  if (target === 'organisation') return organisation.trim() || 'your organisation';
  return `{{${target}}}`;
}
