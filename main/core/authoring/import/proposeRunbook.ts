import { dump } from 'js-yaml';
import type { Token } from 'markdown-it';
import type {
  ImportBlock,
  PlanCounts,
  ImportHeader,
  ImportVariable,
  StepOrigin,
} from '../../../contract/importTypes';
import { PROVIDER_TYPES, type ProviderType } from '../../../contract/vocabulary';
import { createMarkdown } from '../../../shared/markdown';
import { childItems, closingIndex, itemSource, takeId } from '../../runbooks/parseRunbook';
import { stepIdFrom } from '../stepIds';
import { guessCategory } from './categoryGuess';
import { dropForeignHeader, flattenAdmonitions, rewriteLinks, stripHtmlNoise } from './cleanSource';
import { findPlaceholders, replacementFor, suggestTarget } from './placeholders';
import { isActionHeading, isReferenceHeading, looksImperative } from './sectionKinds';

export interface ProposeOptions {
  /** The document's file name: it suggests the runbook id. */
  name?: string | undefined;
  /** Today as YYYY-MM-DD: the header's "reviewed" date. */
  today: string;
  /** From Settings: the owner and the `organisation` placeholder target. */
  organisation: string;
  providerType: ProviderType | null;
  /** Runbook ids already in use: the proposed id avoids them. */
  takenIds: ReadonlySet<string>;
  /** Contact roles Holdfast knows (local, the provider's own, national). */
  knownRoles: ReadonlySet<string>;
  /** Other documents imported at the same time: file name without extension → runbook id. */
  siblings?: ReadonlyMap<string, string>;
  /** Header fields the person changed in the preview. */
  header?: Partial<Omit<ImportHeader, 'reviewed'>> | undefined;
  /** Placeholder choices the person made in the preview (written → target). */
  mappings?: Readonly<Record<string, string>> | undefined;
  /** Markdown as the reader shows it, for the preview; without it blocks carry their text only. */
  render?: ((markdown: string, inline?: boolean) => string) | undefined;
}

export interface Proposal {
  header: ImportHeader;
  blocks: ImportBlock[];
  variables: ImportVariable[];
  counts: PlanCounts;
  /** The runbook file, ready to save as a draft. */
  text: string;
  notes: string[];
}

const NO_OWNER = 'Add who looks after this';
const FIRST_PHASE = 'What to do';
const MAX_HEADLINE_WORDS = 30;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const CHECKBOX = /^\s*(?:\[[ xX]\]|[☐☑☒])\s*/;

const markdown = createMarkdown('lint');

type Draft =
  | { kind: 'phase'; title: string; id: string; explicitId: boolean }
  | {
      kind: 'step';
      id: string;
      number: number;
      headline: string;
      details: string[];
      from: StepOrigin;
    }
  | { kind: 'text'; lines: string[]; kept?: 'reference' | 'list' };

interface Section {
  level: number;
  title: string;
  /** Left out because it only holds sub-headings: its title leads theirs ("Remediate: Contain"). */
  folded: boolean;
  reference: boolean;
  action: boolean;
}

/**
 * Proposes a Holdfast runbook for a document in markdown: headings become phases, numbered items
 * become steps, and so do checklists and bullet lists under action headings ("Containment",
 * "What to do") or written as instructions. Everything else stays as text where it was, and
 * references or appendices are never steps. Step ids come from the step's words, so the same
 * document always gets the same ids.
 */
export function proposeRunbook(document: string, options: ProposeOptions): Proposal {
  const notes: string[] = [];
  const header = dropForeignHeader(document.replace(/\r\n?/g, '\n'));
  if (header.dropped) notes.push(header.dropped);
  const linked = rewriteLinks(header.body, options.siblings ?? new Map(), options.name);
  notes.push(...linked.notes);
  const body = stripHtmlNoise(flattenAdmonitions(linked.text));
  const lines = body.split('\n');
  const tokens = markdown.parse(body, {});

  const drafts: Draft[] = [];
  const stepIds = new Set<string>();
  const phaseIds = new Set<string>();
  const sections: Section[] = [];
  const titleAt = titleHeadingIndex(tokens);
  let phaseNumber = 0;
  let stepNumber = 0;

  const openPhase = (title: string): void => {
    const base = slugify(title);
    let id = base;
    for (let n = 2; phaseIds.has(id); n += 1) id = `${base}-${n}`;
    phaseIds.add(id);
    drafts.push({ kind: 'phase', title, id, explicitId: id !== base });
    phaseNumber += 1;
    stepNumber = 0;
  };
  const addStep = (item: [number, number], from: StepOrigin): boolean => {
    const step = readItem(tokens, item, lines, from);
    if (!step) return false;
    if (phaseNumber === 0) openPhase(FIRST_PHASE);
    const wanted = step.id && !stepIds.has(step.id) ? step.id : null;
    const id = wanted ?? stepIdFrom(step.headline, stepIds);
    stepIds.add(id);
    stepNumber += 1;
    drafts.push({ ...step, kind: 'step', id, number: stepNumber });
    return true;
  };

  // An item whose first line is not text (an empty checkbox, a code block) stays as text.
  const addItems = (items: Array<[number, number]>, from: StepOrigin, ordered: boolean): void => {
    for (const item of items) {
      if (addStep(item, from)) continue;
      const [start, end] = tokens[item[0]]?.map ?? [0, 0];
      const source = trimBlank(lines.slice(start, end));
      if (source.length > 0)
        drafts.push({
          kind: 'text',
          lines: ordered ? notNumberedSteps(source) : source,
          kept: 'list',
        });
    }
  };

  for (let i = 0; i < tokens.length; i = closingIndex(tokens, i) + 1) {
    const token = tokens[i] as Token;
    const map = token.map ?? [0, 0];
    const section = sections.at(-1);

    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      const title = headingTitle(tokens[i + 1]?.content ?? '');
      while ((sections.at(-1)?.level ?? 0) >= level) sections.pop();
      const parent = sections.at(-1);
      const next = tokens[closingIndex(tokens, i) + 1];
      const holdsOnlySubheadings =
        next?.type === 'heading_open' && Number(next.tag.slice(1)) > level;
      const isTitle = i === titleAt;
      sections.push({
        level,
        title,
        folded: !isTitle && holdsOnlySubheadings,
        // The title ("Ransomware response plan") says nothing about its sections.
        reference: !isTitle && ((parent?.reference ?? false) || isReferenceHeading(title)),
        action: !isTitle && ((parent?.action ?? false) || isActionHeading(title)),
      });
      if (isTitle || holdsOnlySubheadings) continue;
      openPhase(parent?.folded ? `${parent.title}: ${title}` : title);
      continue;
    }
    if (token.type === 'hr') continue;

    const reference = section?.reference ?? false;
    if (token.type === 'ordered_list_open' && !reference) {
      addItems(childItems(tokens, i), 'numbered', true);
      continue;
    }
    if (token.type === 'bullet_list_open' && !reference) {
      const items = childItems(tokens, i);
      const heads = items.map((item) => firstLine(tokens, item));
      const checklist = heads.filter((head) => CHECKBOX.test(head)).length * 2 > heads.length;
      if (checklist || section?.action || looksImperative(heads)) {
        const from: StepOrigin = checklist ? 'checklist' : 'bullets';
        addItems(items, from, false);
        continue;
      }
    }
    const source = trimBlank(lines.slice(map[0], map[1]));
    if (source.length === 0) continue;
    const last = drafts.at(-1);
    // A table right after a step belongs to it: it stays a table in the step's text.
    if (token.type === 'table_open' && last?.kind === 'step') {
      last.details.push('', ...source);
      continue;
    }
    const isList = token.type === 'ordered_list_open' || token.type === 'bullet_list_open';
    drafts.push({
      kind: 'text',
      lines: token.type === 'ordered_list_open' ? notNumberedSteps(source) : source,
      ...(isList ? { kept: reference ? ('reference' as const) : ('list' as const) } : {}),
    });
  }
  // The runbook format needs a phase: text-only documents get one, so nothing is lost.
  if (phaseNumber === 0) {
    const firstText = drafts.findIndex((draft) => draft.kind === 'text');
    drafts.splice(firstText === -1 ? drafts.length : firstText, 0, {
      kind: 'phase',
      title: FIRST_PHASE,
      id: slugify(FIRST_PHASE),
      explicitId: false,
    });
  }

  const proposed = proposeHeader(tokens, header.hints, options);
  const variables = findPlaceholders(body).map(({ written, uses }) => {
    const suggested = suggestTarget(written, options.knownRoles);
    const wanted = options.mappings?.[written];
    return { written, uses, suggested, chosen: wanted ?? suggested };
  });
  const fill = filler(variables, options.organisation);
  // The header is plain text: only the organisation's name can be filled in there.
  const fillName = filler(
    variables.filter((variable) => variable.chosen === 'organisation'),
    options.organisation,
  );
  const chosenHeader: ImportHeader = {
    ...proposed,
    title: fillName(proposed.title),
    summary: fillName(proposed.summary),
    ...definedOnly(options.header ?? {}),
  };
  const blocks = drafts.map((draft) => toBlock(draft, fill, options.render));
  const text = renderRunbook(chosenHeader, drafts, fill);
  const mapped = variables.filter((variable) => variable.chosen !== 'keep').length;
  if (variables.length > mapped)
    notes.push(
      `${variables.length - mapped} placeholder${variables.length - mapped === 1 ? ' stays' : 's stay'} as written: ${variables
        .filter((variable) => variable.chosen === 'keep')
        .map((variable) => variable.written)
        .join(', ')}`,
    );
  return {
    header: chosenHeader,
    blocks,
    variables,
    counts: {
      phases: blocks.filter((block) => block.kind === 'phase').length,
      steps: blocks.filter((block) => block.kind === 'step').length,
      textBlocks: blocks.filter((block) => block.kind === 'text').length,
      mapped,
      unmapped: variables.length - mapped,
    },
    text,
    notes,
  };
}

/**
 * The first heading is the title when no other heading sits at its level or above; otherwise it
 * is a phase like the rest (the title is still taken from it).
 */
function titleHeadingIndex(tokens: Token[]): number {
  const headings = topLevel(tokens).filter((i) => tokens[i]?.type === 'heading_open');
  const first = headings[0];
  if (first === undefined) return -1;
  const level = Number(tokens[first]?.tag.slice(1));
  const rivals = headings.filter((i) => Number(tokens[i]?.tag.slice(1)) <= level);
  return rivals.length === 1 ? first : -1;
}

function topLevel(tokens: Token[]): number[] {
  const found: number[] = [];
  for (let i = 0; i < tokens.length; i = closingIndex(tokens, i) + 1) found.push(i);
  return found;
}

function headingTitle(content: string): string {
  const title = takeId(content.replace(/\s+/g, ' ')).text.replace(/:\s*$/, '').trim();
  return title || 'Section';
}

/** The first line of a list item's text (its headline), markers removed. */
function firstLine(tokens: Token[], [open, close]: [number, number]): string {
  const level = (tokens[open] as Token).level;
  const inline = tokens
    .slice(open, close)
    .find((token) => token.type === 'inline' && token.level === level + 2);
  return inline?.content.split('\n')[0] ?? '';
}

function readItem(
  tokens: Token[],
  [open]: [number, number],
  lines: string[],
  from: StepOrigin,
): { id: string | null; headline: string; details: string[]; from: StepOrigin } | null {
  const item = tokens[open] as Token;
  const [start, end] = item.map ?? [0, 0];
  const paragraph = tokens[open + 1];
  if (paragraph?.type !== 'paragraph_open' || !paragraph.map) return null;
  const source = itemSource(lines, start, end);
  const headLines = paragraph.map[1] - start;
  let headline = source
    .slice(0, headLines)
    .map((line) => line.trim())
    .join(' ')
    .replace(CHECKBOX, '')
    .trim();
  // A blank line after the headline is kept: a table straight under text would not be a table.
  const details = trimBlank(source.slice(headLines));
  if (details.length > 0 && (source[headLines] ?? '').trim() === '') details.unshift('');
  const marked = takeId(headline);
  headline = marked.text;
  if (!/[\p{L}\p{N}]/u.test(headline)) return null;
  // A "Decision:" needs options in Holdfast; without a bullet list under it, it is an action.
  if (/^decision:/i.test(headline) && !details.some((line) => /^\s*[-*+]\s/.test(line)))
    headline = headline.replace(/^decision:\s*/i, 'Decide: ');
  // One short action per step: a long first paragraph keeps its first sentence as the headline.
  if (headline.split(/\s+/).length > MAX_HEADLINE_WORDS) {
    const sentence = /^(.+?[.!?])\s+(?=\S)/.exec(headline)?.[1];
    if (sentence && sentence.split(/\s+/).length <= MAX_HEADLINE_WORDS) {
      details.unshift(headline.slice(sentence.length).trim(), ...(details.length ? [''] : []));
      headline = sentence;
    }
  }
  const id = marked.id && /^[a-z0-9][a-z0-9-]{0,63}$/.test(marked.id) ? marked.id : null;
  return { id, headline, details, from };
}

/**
 * A numbered list kept as text (references, appendix) must not be read as steps: it becomes a
 * bullet list that still shows its numbers (`- 1\. NCSC guidance`).
 */
function notNumberedSteps(lines: string[]): string[] {
  // Counted here: many plans write every item as "1." and let the renderer number them.
  let number = 0;
  return lines.map((line) => {
    const marker = /^(\d{1,9})([.)])(\s+|$)/.exec(line);
    if (marker) {
      number = number === 0 ? Number(marker[1]) : number + 1;
      return `- ${number}\\${marker[2]} ${line.slice(marker[0].length)}`;
    }
    return line.trim() === '' ? line : `  ${line}`;
  });
}

function trimBlank(lines: string[]): string[] {
  let from = 0;
  let to = lines.length;
  while (from < to && (lines[from] ?? '').trim() === '') from += 1;
  while (to > from && (lines[to - 1] ?? '').trim() === '') to -= 1;
  return lines.slice(from, to);
}

function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'phase';
}

/** A runbook id from the file name (or the title), never one already in use. */
export function runbookIdFor(
  name: string | undefined,
  title: string,
  taken: ReadonlySet<string>,
): string {
  const stem = (name ?? '').replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '');
  let base = slugify(stem || title)
    .slice(0, 50)
    .replace(/-+$/, '');
  if (base === 'phase') base = 'imported-plan';
  if (WINDOWS_DEVICE_NAME.test(base)) base = `${base}-plan`;
  if (!taken.has(base)) return base;
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? `${base}-imported` : `${base}-imported-${n}`;
    if (!taken.has(id)) return id;
  }
}

function proposeHeader(
  tokens: Token[],
  hints: { title?: string; summary?: string },
  options: ProposeOptions,
): ImportHeader {
  const heading = tokens.findIndex((token) => token.type === 'heading_open');
  const fromHeading = heading === -1 ? '' : headingTitle(tokens[heading + 1]?.content ?? '');
  const fromName = (options.name ?? '')
    .replace(/^.*[\\/]/, '')
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  let title = (fromHeading || hints.title || fromName || 'Imported plan').slice(0, 120).trim();
  if (title.length < 3) title = `${title} plan`;
  const allText = tokens
    .filter((token) => token.type === 'inline')
    .map((token) => token.content)
    .join('\n');
  const summary =
    firstParagraph(tokens) ||
    hints.summary ||
    `Imported from ${options.name || 'pasted text'}. Say in one line when to use this runbook.`;
  return {
    id: runbookIdFor(options.name, title, options.takenIds),
    title,
    category: guessCategory(title, allText),
    summary: shorten(summary, 400),
    providerTypes: options.providerType
      ? [options.providerType]
      : (Object.keys(PROVIDER_TYPES) as ProviderType[]),
    reviewed: options.today,
    owner: options.organisation.trim().slice(0, 120) || NO_OWNER,
  };
}

/** The first paragraph of at least a few words, as plain text. */
function firstParagraph(tokens: Token[]): string {
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.type !== 'paragraph_open' || token.level !== 0) continue;
    const text = (tokens[i + 1]?.children ?? [])
      .map((child) =>
        child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : child.content,
      )
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (text.split(' ').length >= 4) return text;
  }
  return '';
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 2 ? cut.slice(0, sentence + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}

/** Replaces each mapped placeholder with its contact, setting or organisation name. */
function filler(variables: ImportVariable[], organisation: string): (text: string) => string {
  const swaps = variables.flatMap((variable) => {
    const replacement = replacementFor(variable.chosen, organisation, variable.written);
    return replacement === null ? [] : [[variable.written, replacement] as const];
  });
  return (text) => swaps.reduce((out, [from, to]) => out.split(from).join(to), text);
}

function toBlock(
  draft: Draft,
  fill: (text: string) => string,
  render: ProposeOptions['render'],
): ImportBlock {
  if (draft.kind === 'phase') return { kind: 'phase', id: draft.id, title: fill(draft.title) };
  if (draft.kind === 'step') {
    const text = fill(draft.headline);
    const details = fill(draft.details.join('\n'));
    return {
      kind: 'step',
      id: draft.id,
      number: draft.number,
      text,
      details,
      from: draft.from,
      ...(render ? { html: { text: render(text, true), details: render(details) } } : {}),
    };
  }
  const written = fill(draft.lines.join('\n'));
  return {
    kind: 'text',
    // The preview shows a kept numbered list as it was written, without the escape that keeps
    // it from being read as steps.
    text: written.replace(/^- (\d{1,9})\\([.)]) /gm, '$1$2 '),
    ...(draft.kept ? { kept: draft.kept } : {}),
    ...(render ? { html: render(written) } : {}),
  };
}

function renderRunbook(
  header: ImportHeader,
  drafts: Draft[],
  fill: (text: string) => string,
): string {
  const body = fill(
    drafts
      .map((draft) => {
        if (draft.kind === 'phase')
          return `## ${draft.title}${draft.explicitId ? ` {#${draft.id}}` : ''}`;
        if (draft.kind === 'text') return draft.lines.join('\n');
        const marker = `${draft.number}. `;
        const indent = ' '.repeat(marker.length);
        return [
          `${marker}${draft.headline} {#${draft.id}}`,
          ...draft.details.map((line) => (line.trim() === '' ? '' : `${indent}${line}`)),
        ].join('\n');
      })
      .join('\n\n'),
  );
  const contacts = [
    ...new Set([...body.matchAll(/\{\{\s*contact\s*:\s*([a-z0-9-]+)\s*\}\}/g)].map((m) => m[1])),
  ];
  const front = dump(
    {
      id: header.id,
      title: header.title,
      category: header.category,
      summary: header.summary,
      providerTypes: header.providerTypes,
      ...(contacts.length ? { contacts } : {}),
      reviewed: header.reviewed,
      owner: header.owner,
      version: 1,
      status: 'draft',
    },
    { lineWidth: -1, flowLevel: 1 },
  );
  return `---\n${front}---\n\n${body}\n`;
}
