import { CATEGORIES, CLOCKS, PROVIDER_TYPES } from '../../main/contract/vocabulary';
import type { Corpus } from './corpus';
import { createRng, type Rng } from './prng';

/**
 * Generates a large, realistic runbook library from the bundled runbooks' own sentences: same
 * format, similar size and shape (4–5 phases, 10–25 steps, decisions, contact placeholders, links
 * to steps and to other runbooks). Seeded, so every run indexes the same text.
 */

export interface GeneratedFile {
  name: string;
  text: string;
}

// Words for titles; the body text all comes from the corpus.
const SUBJECTS = [
  'Care record system',
  'eMAR',
  'Rota app',
  'Email account',
  'Shared drive',
  'Laptop',
  'Work phone',
  'Tablet',
  'Wi-Fi',
  'Internet connection',
  'Phone line',
  'Call bell system',
  'Telecare',
  'Printer',
  'Website',
  'Bank account',
  'Payroll system',
  'Visit-monitoring app',
  'Door entry system',
  'CCTV',
  'NHSmail',
  'Clinical system',
  'Backup drive',
  'USB stick',
  'Server',
  'Card reader',
  'Office computer',
  'Appointment system',
];
const EVENTS = [
  'down',
  'locked',
  'hacked',
  'lost',
  'stolen',
  'not working',
  'sending strange messages',
  'showing a ransom note',
  'running very slowly',
  'asking for passwords again and again',
  'infected with a virus',
  'cannot be reached',
  'deleted by mistake',
  'shared with the wrong person',
  'changed without permission',
];
const CONTEXTS = [
  '',
  '',
  '',
  ' at night',
  ' at the weekend',
  ' during a home visit',
  ' at the supplier',
  ' after a power cut',
  ' during an inspection',
  ' on a bank holiday',
  ' after an update',
];
const OWNERS = [
  'Holdfast content team',
  'Registered manager',
  'Practice manager',
  'Data protection lead',
  'Operations director',
];
const EXTERNAL_LINKS = [
  '[CQC guidance](https://www.cqc.org.uk/)',
  '[NCSC guidance](https://www.ncsc.gov.uk/)',
  '[ICO guidance](https://ico.org.uk/)',
];

interface Skeleton {
  id: string;
  title: string;
  subject: string;
  event: string;
  context: string;
  /** Phase titles with the step headlines (and ids) of each phase. */
  phases: Array<{
    title: string;
    steps: Array<{ id: string; headline: string; decision: Corpus['decisions'][number] | null }>;
  }>;
}

const PLACEHOLDER = /\{\{\s*contact\s*:\s*([a-z0-9-]+)\s*\}\}/g;
const SYSTEM_PLACEHOLDER = /\{\{\s*system\s*:\s*([a-z0-9-]+)\./g;

export function slug(text: string, maxWords = 5): string {
  return (
    text
      .replace(PLACEHOLDER, ' ')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' ')
      .slice(0, maxWords)
      .join('-')
      .slice(0, 50)
      .replace(/-+$/, '') || 'step'
  );
}

/** YAML plain scalars must not hold ": " or " #"; flow lists must not hold , [ ] { }. */
const yamlText = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(/:\s/g, ' — ')
    .replace(/\s#/g, ' ')
    .replace(/[:\s]+$/, '')
    .trim();
const yamlListItem = (text: string): string =>
  text
    .replace(/[,[\]{}#:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);

/** 4–5 phases, 10–25 steps, each phase 1–9 steps so the 3-space indent always lines up. */
function stepCounts(rng: Rng): number[] {
  const phases = rng.int(4, 5);
  const total = rng.int(10, 25);
  const counts = Array.from({ length: phases }, () => 1);
  for (let left = total - phases; left > 0;) {
    const index = rng.int(0, phases - 1);
    if ((counts[index] as number) < 9) {
      counts[index] = (counts[index] as number) + 1;
      left -= 1;
    }
  }
  return counts;
}

function makeSkeleton(corpus: Corpus, rng: Rng, index: number): Skeleton {
  const subject = rng.pick(SUBJECTS);
  const event = rng.pick(EVENTS);
  const context = rng.pick(CONTEXTS);
  const title = `${subject} ${event}${context}`;
  const counts = stepCounts(rng);
  const phaseTitles = rng.sample(corpus.phaseTitles, counts.length);
  // Fewer distinct phase titles than phases: number the extra ones.
  while (phaseTitles.length < counts.length)
    phaseTitles.push(`${rng.pick(corpus.phaseTitles)} ${phaseTitles.length + 1}`);
  const usedIds = new Set<string>();
  const phases = counts.map((count, p) => ({
    title: phaseTitles[p] as string,
    steps: Array.from({ length: count }, () => {
      const decision = rng.chance(0.15) ? rng.pick(corpus.decisions) : null;
      const headline = decision ? decision.headline : rng.pick(corpus.actions);
      let id = slug(headline, 4);
      for (let n = 2; usedIds.has(id); n += 1) id = `${slug(headline, 4)}-${n}`;
      usedIds.add(id);
      return { id, headline, decision };
    }),
  }));
  return { id: `${slug(title, 6)}-${index + 1}`, title, subject, event, context, phases };
}

/** Options keep their bundled wording; each link now leads to a later step here, or becomes plain text. */
function repointLinks(
  markdown: string,
  later: Skeleton['phases'][number]['steps'],
  rng: Rng,
): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, (_, label: string) =>
    later.length > 0 ? `[${label}](#${rng.pick(later).id})` : label,
  );
}

const indent = (text: string): string => `   ${text}`;

function stepLines(
  skeleton: Skeleton,
  others: Skeleton[],
  corpus: Corpus,
  rng: Rng,
  phase: number,
  step: number,
): string[] {
  const current = skeleton.phases[phase]?.steps[step];
  if (!current) return [];
  const allSteps = skeleton.phases.flatMap((p) => p.steps);
  const later = allSteps.slice(allSteps.indexOf(current) + 1);
  const lines: string[] = [
    `${step + 1}. ${current.decision ? 'Decision: ' : ''}${current.headline} {#${current.id}}`,
  ];
  const details: string[] = [];
  if (rng.chance(0.6)) details.push(rng.pick(corpus.paragraphs));
  if (current.decision) {
    if (details.length > 0) details.push('');
    for (const option of current.decision.options) {
      details.push(`- ${option.label}: ${repointLinks(option.text, later, rng)}`);
    }
  } else if (rng.chance(0.6)) {
    if (details.length > 0) details.push('');
    for (const bullet of rng.sample(corpus.bullets, rng.int(2, 5))) details.push(`- ${bullet}`);
    if (rng.chance(0.15)) {
      const other = rng.pick(others.filter((candidate) => candidate !== skeleton));
      const otherStep = rng.chance(0.5) ? rng.pick(other.phases.flatMap((p) => p.steps)) : null;
      details.push(
        `- If this is also ${other.title.toLowerCase()}, see [that runbook](runbook:${other.id}${otherStep ? `#${otherStep.id}` : ''}).`,
      );
    } else if (rng.chance(0.05)) {
      details.push(`- For more, read the ${rng.pick(EXTERNAL_LINKS)}.`);
    }
  }
  if (details.length > 0)
    lines.push('', ...details.map((line) => (line === '' ? '' : indent(line))));
  return lines;
}

function frontMatter(skeleton: Skeleton, corpus: Corpus, rng: Rng, body: string): string[] {
  const roles = [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
  // Every system a placeholder names must be listed, as the checker asks of real runbooks.
  const systems = [
    ...new Set([
      ...[...body.matchAll(SYSTEM_PLACEHOLDER)].map((match) => match[1] as string),
      ...rng.sample(corpus.systems, rng.int(1, 5)),
    ]),
  ];
  const summary = yamlText(
    `Use this when the ${skeleton.subject.toLowerCase()} is ${skeleton.event}${skeleton.context}. ${rng.pick(corpus.sentences)}`,
  ).slice(0, 400);
  const synonyms = [
    `${skeleton.subject} ${skeleton.event}`,
    ...rng.sample(corpus.synonyms, rng.int(3, 12)),
  ].map(yamlListItem);
  const list = (items: string[]): string => `[${items.join(', ')}]`;
  return [
    '---',
    `id: ${skeleton.id}`,
    `title: ${yamlText(skeleton.title)}`,
    `category: ${rng.pick(Object.keys(CATEGORIES))}`,
    `summary: ${summary}`,
    `providerTypes: ${list(rng.sample(Object.keys(PROVIDER_TYPES), rng.int(1, 5)))}`,
    `synonyms: ${list([...new Set(synonyms)])}`,
    `contacts: ${list(roles)}`,
    `systems: ${list(systems)}`,
    `clocks: ${list(rng.sample(Object.keys(CLOCKS), rng.int(0, 2)))}`,
    `reviewed: 202${rng.int(5, 6)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    `owner: ${rng.pick(OWNERS)}`,
    `version: ${rng.int(1, 9)}`,
    '---',
  ];
}

function renderRunbook(skeleton: Skeleton, others: Skeleton[], corpus: Corpus, rng: Rng): string {
  const body: string[] = [
    '',
    ...rng.sample(corpus.intros, rng.int(1, 3)).flatMap((paragraph) => [paragraph, '']),
  ];
  skeleton.phases.forEach((phase, p) => {
    body.push(`## ${phase.title} {#${slug(phase.title)}}`, '');
    if (rng.chance(0.5)) body.push(rng.pick(corpus.phaseIntros), '');
    phase.steps.forEach((_, s) => body.push(...stepLines(skeleton, others, corpus, rng, p, s), ''));
  });
  const text = body.join('\n');
  return `${frontMatter(skeleton, corpus, rng, text).join('\n')}\n${text}`;
}

/** The seed `npm run bench` generates its 1,000-runbook library with (tests reuse that library). */
export const BENCH_SEED = 20_240_601;

export function generateRunbooks(corpus: Corpus, count: number, seed: number): GeneratedFile[] {
  const rng = createRng(seed);
  // All ids first, so links can point at any runbook and step in the library.
  const skeletons = Array.from({ length: count }, (_, index) => makeSkeleton(corpus, rng, index));
  return skeletons.map((skeleton) => ({
    name: `${skeleton.id}.md`,
    text: renderRunbook(skeleton, skeletons, corpus, rng),
  }));
}
