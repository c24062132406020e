import type { Token } from 'markdown-it';
import type { DecisionOption, Phase, Problem, Step } from '../../contract/types';
import {
  CLOCKS,
  LOCAL_CONTACT_ROLES,
  SETTING_PLACEHOLDERS,
  SYSTEM_FIELDS,
  SYSTEMS,
  type ClockId,
} from '../../contract/vocabulary';
import { classifyHref, mailtoFillsMoreThanSubject } from '../../shared/linkPolicy';
import { createMarkdown, PLACEHOLDER_RE, splitSystemKey } from '../../shared/markdown';
import { firstInvisibleAt, hasInvisible } from '../../contract/invisibleText';
import { parseFrontMatter, splitFrontMatter, type FrontMatter } from './frontMatter';
import { phoneNumbersIn, telLinkDigits, dialledDigits } from './phoneNumbers';
import { didYouMean } from './didYouMean';
import { stepIdFrom } from './stepIdFrom';

/** A step headline longer than this is flagged: each step should be one short action. */
export const MAX_HEADLINE_WORDS = 30;

/** Files larger than this are refused unread: a runbook is a few KB, never megabytes. */
export const MAX_RUNBOOK_BYTES = 512 * 1024;

const ID_MARKER = /\s*\{#([^}\s]*)\}\s*$/;
/** `{settles:<clock>}` in a decision option: choosing it can make that clock not needed. */
const SETTLES_MARKER = /\s*\{settles:([^}\s]*)\}/;
/** The words that ask the person to record why they chose an option. */
const ASKS_REASON = /\bwrite down why\b/i;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const HTML_TAG = /<\s*\/?\s*[a-z][a-z0-9-]*(\s[^<>]*)?\/?\s*>/i;

/** A runbook's structure as read from one file, before the library resolves contacts. */
export interface ParsedRunbook {
  meta: FrontMatter;
  /** File line of the `id:` field, for duplicate-id reports. */
  idLine: number;
  intro: string;
  phases: Phase[];
  /** Every `{{contact:role}}` with its line, for library-level checks. */
  contactUses: Array<{ role: string; line: number }>;
  /** Every `{{system:<id>.<field>}}` with its line (key is `<id>.<field>`). */
  systemUses: Array<{ key: string; line: number }>;
  runbookLinks: Array<{ runbook: string; step?: string; line: number }>;
  stepLinks: Array<{ step: string; line: number }>;
}

export interface ParseOutcome {
  runbook: ParsedRunbook | null;
  problems: Problem[];
  /** Ids made for steps written without one, by file line: the editor writes them in on save. */
  derivedIds: Array<{ line: number; id: string }>;
  /** The header says `status: draft` (known even when the file has errors). */
  draft: boolean;
}

const lintMarkdown = createMarkdown('lint');

/**
 * Reads one runbook file. Errors (the file can't be used) make `runbook` null; warnings (content
 * that will be neutralised, such as a `javascript:` link or raw HTML) leave it usable.
 */
export function parseRunbook(bytes: Uint8Array, file: string): ParseOutcome {
  const problems: Problem[] = [];
  const error = (line: number, message: string): void => {
    problems.push({ file, line, severity: 'error', message });
  };
  const warn = (line: number, message: string): void => {
    problems.push({ file, line, severity: 'warning', message });
  };

  const refused = (message: string): ParseOutcome => {
    error(1, message);
    return { runbook: null, problems, derivedIds: [], draft: false };
  };
  if (bytes.byteLength > MAX_RUNBOOK_BYTES)
    return refused(
      `file is too large (${formatSize(bytes.byteLength)}; a runbook may be at most ${formatSize(MAX_RUNBOOK_BYTES)})`,
    );
  const text = decodeText(bytes);
  if (text === null)
    return refused('this is not a text file (it contains binary data or is not UTF-8)');

  // A missing or broken header is reported together with every problem in the body, so fixing
  // the header never uncovers a second list of problems.
  const split = splitFrontMatter(text, file);
  problems.push(...split.problems);
  // A header that opens but never closes properly leaves no telling where the body starts.
  if (split.yaml === null && text.startsWith('---'))
    return { runbook: null, problems, derivedIds: [], draft: false };
  const front = split.yaml === null ? null : parseFrontMatter(split.yaml, file);
  if (front) problems.push(...front.problems);
  const draft = split.yaml !== null && DRAFT_STATUS.test(split.yaml);

  const { derivedIds, ...body } = readBody(split.body, split.bodyStartLine, { error, warn });
  checkSystemUses(body.systemUses, front?.value?.systems ?? null, warn, error);
  problems.sort((a, b) => a.line - b.line);
  if (!front?.value || problems.some((p) => p.severity === 'error'))
    return { runbook: null, problems, derivedIds, draft };
  return {
    runbook: { meta: front.value, idLine: front.idLine, ...body },
    problems,
    derivedIds,
    draft,
  };
}

/** `status: draft` in a header, read even when the rest of the header is broken. */
const DRAFT_STATUS = /^status:\s*["']?draft["']?\s*(#.*)?$/m;

/**
 * A placeholder must name one of Holdfast's fields (an error: a live step would otherwise show a
 * gap) and should name one of its systems, listed in the header (warnings: providers add systems
 * of their own, and the systems panel just skips one it does not know).
 */
function checkSystemUses(
  uses: ParsedRunbook['systemUses'],
  declared: string[] | null,
  warn: Report['warn'],
  error: Report['error'],
): void {
  for (const use of uses) {
    const { system, field } = splitSystemKey(use.key);
    const placeholder = `{{system:${use.key}}}`;
    const fields = Object.keys(SYSTEM_FIELDS).join(', ');
    if (field === null || !Object.hasOwn(SYSTEM_FIELDS, field)) {
      error(
        use.line,
        field === null
          ? `${placeholder} needs a field after a dot, such as {{system:${system}.paper-location}} (fields: ${fields})`
          : `"${field}" in ${placeholder} is not something Holdfast records for a system.${didYouMean(field, Object.keys(SYSTEM_FIELDS))} (It records: ${fields}.)`,
      );
    } else if (!Object.hasOwn(SYSTEMS, system)) {
      warn(
        use.line,
        `unknown system "${system}" in ${placeholder}.${didYouMean(system, Object.keys(SYSTEMS))} (Holdfast's systems are: ${Object.keys(SYSTEMS).join(', ')})`,
      );
    } else if (declared && !declared.includes(system)) {
      warn(use.line, `system "${system}" is used but not listed in the front matter "systems"`);
    }
  }
}

/** A file size in KB or MB for problem messages. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

/** Strict UTF-8 text with normalised line endings, or null for binary or mis-encoded bytes. */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  if (text.includes('\u0000')) return null;
  return text.replace(/\r\n?/g, '\n');
}

/** Where a parser reports problems, by file line. */
export interface Report {
  error: (line: number, message: string) => void;
  warn: (line: number, message: string) => void;
}

/** Blocks under a phase that Holdfast shows as text but never as steps, by token type. */
const NOT_STEPS: Record<string, string> = {
  bullet_list_open: 'a bulleted list',
  table_open: 'a table',
};

/** A runbook with this few steps and this much other text probably lost its structure on the way in. */
const FEW_STEPS = 2;
const MUCH_OTHER_TEXT = 15;

/**
 * Walks the markdown body: `##` headings open phases, numbered lists under them are steps. Text
 * between or after steps stays with the step it follows, so it is shown where it was written.
 */
function readBody(
  body: string,
  bodyStartLine: number,
  report: Report,
): Omit<ParsedRunbook, 'meta' | 'idLine'> & Pick<ParseOutcome, 'derivedIds'> {
  const lines = body.split('\n');
  const tokens = lintMarkdown.parse(body, {});
  const fileLine = (bodyLine: number): number => bodyStartLine + bodyLine;
  const source = (from: number, to: number): string => lines.slice(from, to).join('\n');

  const introParts: string[] = [];
  const phases: Phase[] = [];
  const phaseIntro = new Map<Phase, string[]>();
  const stepAfter = new Map<Step, string[]>();
  const seenSteps = new Map<string, number>();
  const seenPhases = new Map<string, number>();
  // Ids written in the file are never given to a step without one, wherever they appear.
  const ids = {
    taken: new Set([...body.matchAll(WRITTEN_ID)].map((match) => match[1] ?? '')),
    derived: [] as ParseOutcome['derivedIds'],
  };
  let otherLines = 0;
  // Numbered items under phases, including those refused as steps (already reported).
  let numberedItems = 0;

  for (let i = 0; i < tokens.length; i = closingIndex(tokens, i) + 1) {
    const token = tokens[i] as Token;
    const map = token.map ?? [0, 0];
    const current = phases.at(-1);

    if (token.type === 'heading_open' && token.tag === 'h2') {
      const inline = tokens[i + 1]?.content ?? '';
      const { text, id } = takeId(inline);
      const phaseId = id ?? slugify(text);
      const line = fileLine(map[0]);
      if (id !== undefined && !SLUG.test(id))
        report.error(
          line,
          `phase id "${id}" is not valid: use lower-case letters, digits and hyphens`,
        );
      const firstLine = seenPhases.get(phaseId);
      if (firstLine !== undefined)
        report.error(line, `duplicate phase id "${phaseId}" (first used on line ${firstLine})`);
      seenPhases.set(phaseId, line);
      const phase: Phase = { id: phaseId, title: text, intro: '', steps: [], line };
      phases.push(phase);
      phaseIntro.set(phase, []);
      continue;
    }

    if (token.type === 'ordered_list_open' && token.level === 0) {
      if (!current) {
        report.error(fileLine(map[0]), 'steps must sit under a phase heading such as "## Contain"');
        continue;
      }
      for (const item of childItems(tokens, i)) {
        numberedItems += 1;
        const step = readStep(tokens, item, lines, fileLine, current, ids, report);
        if (!step) continue;
        const firstLine = seenSteps.get(step.id);
        if (firstLine !== undefined)
          report.error(
            step.line,
            `duplicate step id "${step.id}" (first used on line ${firstLine})`,
          );
        seenSteps.set(step.id, step.line);
        current.steps.push(step);
      }
      continue;
    }

    const text = source(map[0], map[1]);
    if (!current) {
      introParts.push(text);
      continue;
    }
    otherLines += text.split('\n').filter((line) => line.trim() !== '').length;
    checkNotSteps(token, tokens[i + 1], lines, fileLine, current, report);
    const last = current.steps.at(-1);
    if (last) {
      const after = stepAfter.get(last) ?? [];
      after.push(text);
      stepAfter.set(last, after);
    } else phaseIntro.get(current)?.push(text);
  }

  let stepCount = 0;
  for (const phase of phases) {
    phase.intro = (phaseIntro.get(phase) ?? []).join('\n\n').trim();
    for (const step of phase.steps) {
      const after = (stepAfter.get(step) ?? []).join('\n\n').trim();
      if (after) step.after = after;
    }
    stepCount += phase.steps.length;
    if (phase.steps.length === 0)
      report.warn(
        phase.line,
        `phase "${phase.title}" has no numbered steps, so guided mode and the printed pack skip it (only numbered items "1. …" become steps)`,
      );
  }
  if (phases.length === 0)
    report.error(
      bodyStartLine,
      'no phases: add a "## Phase" heading followed by a numbered list of steps',
    );
  else if (numberedItems === 0)
    report.error(
      phases[0]?.line ?? bodyStartLine,
      'this runbook has no steps, so guided mode and the printed pack would show nothing: number the actions under a phase heading ("1. …", "2. …") to make them steps',
    );
  else if (stepCount <= FEW_STEPS && otherLines >= MUCH_OTHER_TEXT)
    report.warn(
      phases[0]?.line ?? bodyStartLine,
      `this runbook has only ${stepCount === 1 ? '1 step' : `${stepCount} steps`} but ${otherLines} lines of other text under its phases; guided mode and the printed pack show only steps, so number the actions to make them steps`,
    );

  const links = lintInline(tokens, fileLine, report);
  for (const use of links.stepLinks) {
    if (!seenSteps.has(use.step))
      report.warn(use.line, `link to step "#${use.step}", but no step has that id`);
  }
  return { intro: introParts.join('\n\n').trim(), phases, ...links, derivedIds: ids.derived };
}

/** An id written in the file: `{#some-id}`. */
const WRITTEN_ID = /\{#([a-z0-9][a-z0-9-]*)\}/g;

/** Warns, naming its lines, about a list or table under a phase that will not become steps. */
function checkNotSteps(
  token: Token,
  next: Token | undefined,
  lines: string[],
  fileLine: (bodyLine: number) => number,
  phase: Phase,
  report: Report,
): void {
  const what = NOT_STEPS[token.type];
  if (!what || token.level !== 0) return;
  const [from, to] = token.map ?? [0, 0];
  let last = to - 1;
  while (last > from && (lines[last] ?? '').trim() === '') last -= 1;
  const isChecklist =
    token.type === 'bullet_list_open' &&
    next?.type === 'list_item_open' &&
    /^\s*[-*+]\s+\[[ xX]\]/.test(lines[from] ?? '');
  const where =
    last > from ? `Lines ${fileLine(from)}–${fileLine(last)} are` : `Line ${fileLine(from)} is`;
  report.warn(
    fileLine(from),
    `${where} ${isChecklist ? 'a checklist' : what} under "${phase.title}". They are not steps, so guided mode and the printed pack will not show them as steps. Number them to make them steps.`,
  );
}

/** Index of the token that closes the block opened at `start` (itself for self-closing tokens). */
export function closingIndex(tokens: Token[], start: number): number {
  const open = tokens[start] as Token;
  if (open.nesting !== 1) return start;
  let depth = 0;
  for (let i = start; i < tokens.length; i += 1) {
    depth += (tokens[i] as Token).nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** `[start, end]` token ranges of the direct list items of the list opened at `listIndex`. */
export function childItems(tokens: Token[], listIndex: number): Array<[number, number]> {
  const items: Array<[number, number]> = [];
  const end = closingIndex(tokens, listIndex);
  const level = (tokens[listIndex] as Token).level + 1;
  for (let i = listIndex + 1; i < end; i += 1) {
    const token = tokens[i] as Token;
    if (token.type === 'list_item_open' && token.level === level) {
      const close = closingIndex(tokens, i);
      items.push([i, close]);
      i = close;
    }
  }
  return items;
}

/** Splits a trailing `{#id}` marker from a heading or step line. */
export function takeId(text: string): { text: string; id?: string } {
  const match = ID_MARKER.exec(text);
  if (!match) return { text: text.trim() };
  return { text: text.slice(0, match.index).trim(), id: match[1] ?? '' };
}

function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug || 'phase';
}

/** Source of a list item with its marker removed and its continuation lines dedented. */
export function itemSource(lines: string[], from: number, to: number): string[] {
  const first = lines[from] ?? '';
  const marker = /^(\s*(?:\d{1,9}[.)]|[-*+])\s+)/.exec(first);
  const indent = marker?.[1]?.length ?? 0;
  return lines.slice(from, to).map((line, index) => {
    if (index === 0) return line.slice(indent);
    const leading = /^ */.exec(line)?.[0].length ?? 0;
    return line.slice(Math.min(indent, leading));
  });
}

function readStep(
  tokens: Token[],
  [open, close]: [number, number],
  lines: string[],
  fileLine: (bodyLine: number) => number,
  phase: Phase,
  ids: { taken: Set<string>; derived: ParseOutcome['derivedIds'] },
  report: Report,
): Step | null {
  const number = phase.steps.length + 1;
  const item = tokens[open] as Token;
  const [from, to] = item.map ?? [0, 0];
  const line = fileLine(from);
  const headlineInline = tokens
    .slice(open, close)
    .find((t) => t.type === 'inline' && t.level === item.level + 2);
  const headlineParagraph = tokens
    .slice(open, close)
    .find((t) => t.type === 'paragraph_open' && t.level === item.level + 1);
  if (!headlineInline || !headlineParagraph?.map) {
    report.error(line, 'a step must start with a line of text');
    return null;
  }
  const { text: rawHeadline, id: writtenId } = takeId(headlineInline.content.replace(/\n/g, ' '));
  let id = writtenId;
  if (id === undefined) {
    // Forgiven: the step gets an id made from its words, the same one every time the text is
    // read, and the editor writes it into the file on save so it never changes after that.
    id = stepIdFrom(rawHeadline, ids.taken);
    ids.taken.add(id);
    ids.derived.push({ line, id });
    report.warn(
      line,
      `Step ${number} of "${truncate(phase.title)}" has no short name yet: saving in the editor adds {#${id}} at the end of its first line (or type it there yourself)`,
    );
  }
  if (!SLUG.test(id)) {
    report.error(
      line,
      `step id "${id}" is not valid: use lower-case letters, digits and hyphens (max 64)`,
    );
    return null;
  }

  const words = rawHeadline
    .replace(/\{\{[^}]*\}\}/g, 'contact')
    .replace(/\]\([^)]*\)/g, ']')
    .split(/\s+/)
    .filter(Boolean).length;
  if (words > MAX_HEADLINE_WORDS) {
    report.warn(
      line,
      `step "${truncate(rawHeadline)}" has ${words} words; keep each step to one short action (${MAX_HEADLINE_WORDS} words at most) and put the rest in the lines below it`,
    );
  }

  const isDecision = /^decision:\s*/i.test(rawHeadline);
  const headline = isDecision ? rawHeadline.replace(/^decision:\s*/i, '') : rawHeadline;
  // The options are the decision's last list ("- Yes: …", "- No: …"); a list before it is part of
  // the question ("Answer yes if any of these is true: …") and stays in the details.
  const optionLists = isDecision
    ? directChildren(tokens, open, close, 'bullet_list_open').slice(-1)
    : [];
  const options: DecisionOption[] = [];
  const excluded = new Set<number>();
  for (let l = headlineParagraph.map[0]; l < headlineParagraph.map[1]; l += 1) excluded.add(l);
  for (const listIndex of optionLists) {
    const listMap = (tokens[listIndex] as Token).map ?? [0, 0];
    for (let l = listMap[0]; l < listMap[1]; l += 1) excluded.add(l);
    for (const range of childItems(tokens, listIndex))
      options.push(readOption(tokens, range, lines, fileLine, report));
  }
  if (isDecision && options.length === 0) {
    report.error(
      line,
      'a decision needs options: add a bullet list such as "- Yes: …" and "- No: …" under it',
    );
  }

  const details = itemSource(lines, from, to)
    .filter((_, index) => !excluded.has(from + index))
    .join('\n')
    .trim();
  return {
    id,
    number,
    kind: isDecision ? 'decision' : 'action',
    text: headline,
    details,
    options,
    contacts: contactRolesIn(tokens.slice(open, close)),
    line,
  };
}

function directChildren(tokens: Token[], open: number, close: number, type: string): number[] {
  const level = (tokens[open] as Token).level + 1;
  const found: number[] = [];
  for (let i = open + 1; i < close; i += 1) {
    const token = tokens[i] as Token;
    if (token.type === type && token.level === level) found.push(i);
  }
  return found;
}

function readOption(
  tokens: Token[],
  [open, close]: [number, number],
  lines: string[],
  fileLine: (bodyLine: number) => number,
  report: Report,
): DecisionOption {
  const item = tokens[open] as Token;
  const [from, to] = item.map ?? [0, 0];
  const source = itemSource(lines, from, to).join('\n').trim();
  const settles = SETTLES_MARKER.exec(source)?.[1];
  const text = source.replace(SETTLES_MARKER, '').trim();
  if (settles !== undefined && !(settles in CLOCKS))
    report.error(
      fileLine(from),
      `unknown clock "${settles}" in {settles:…}: use one of ${Object.keys(CLOCKS).join(', ')}`,
    );
  const firstLine = text.split('\n')[0] ?? '';
  const colon = firstLine.indexOf(':');
  const label =
    colon > 0 && colon <= 60
      ? firstLine.slice(0, colon).replace(/[*_]/g, '').trim()
      : truncate(firstLine);
  let goto: DecisionOption['goto'] = null;
  for (const token of tokens.slice(open, close)) {
    const link = token.children?.find((child) => child.type === 'link_open');
    const target = classifyHref(String(link?.attrGet('href') ?? ''));
    if (target?.kind === 'step') goto = { step: target.step };
    else if (target?.kind === 'runbook')
      goto = target.step
        ? { runbook: target.runbook, step: target.step }
        : { runbook: target.runbook };
    if (goto) break;
  }
  return {
    label,
    text:
      colon > 0 && colon <= 60
        ? firstLine.slice(colon + 1).trim() + text.slice(firstLine.length)
        : text,
    goto,
    ...(ASKS_REASON.test(text) ? { asksReason: true } : {}),
    ...(settles !== undefined && settles in CLOCKS ? { settles: settles as ClockId } : {}),
  };
}

function contactRolesIn(tokens: Token[]): string[] {
  const roles = new Set<string>();
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      const meta = child.meta as { kind?: string; key?: string } | null;
      if (child.type === 'placeholder' && meta?.kind === 'contact' && meta.key) roles.add(meta.key);
    }
  }
  return [...roles];
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Checks every inline element: links, images, placeholders and text that looks like HTML. */
export function lintInline(
  tokens: Token[],
  fileLine: (bodyLine: number) => number,
  report: Report,
): Pick<ParsedRunbook, 'contactUses' | 'systemUses' | 'runbookLinks' | 'stepLinks'> {
  const contactUses: ParsedRunbook['contactUses'] = [];
  const systemUses: ParsedRunbook['systemUses'] = [];
  const runbookLinks: ParsedRunbook['runbookLinks'] = [];
  const stepLinks: ParsedRunbook['stepLinks'] = [];
  // The `tel:` link being read: its address, its line and the text it shows so far.
  let telLink: { href: string; line: number; shown: string } | null = null;
  for (const block of tokens) {
    if (block.type !== 'inline') continue;
    // Inline tokens carry no line of their own: count the line breaks passed within the block.
    let line = fileLine(block.map?.[0] ?? 0);
    checkLooseBraces(block.content, line, report);
    for (const child of block.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') {
        if (telLink) telLink.shown += child.content;
        checkTextForNumbers(child.content, line, report);
      }
      if (child.type === 'link_close' && telLink) {
        checkTelLink(telLink, report);
        telLink = null;
      }
      if (child.type === 'softbreak' || child.type === 'hardbreak') {
        line += 1;
      } else if (child.type === 'link_open') {
        const href = String(child.attrGet('href') ?? '');
        const target = classifyHref(href);
        if (target?.kind === 'external' && href.toLowerCase().startsWith('tel:'))
          telLink = { href, line, shown: '' };
        if (!target && mailtoFillsMoreThanSubject(href))
          report.error(
            line,
            `email link "${truncate(href)}" fills in more than the subject (cc, bcc or the message itself); an email link may set only ?subject=`,
          );
        else if (!target)
          report.warn(
            line,
            `link "${truncate(href)}" is not allowed, so it is shown as plain text. A link may go to a web page (https://…), an email address (mailto:…), a phone number (tel:…), another runbook (runbook:its-short-name) or a step in this one (#step-short-name)`,
          );
        else if (target.kind === 'runbook')
          runbookLinks.push(
            target.step
              ? { runbook: target.runbook, step: target.step, line }
              : { runbook: target.runbook, line },
          );
        else if (target.kind === 'step') stepLinks.push({ step: target.step, line });
      } else if (child.type === 'image') {
        report.warn(
          line,
          'images are not shown in Holdfast (pictures from the internet are never loaded)',
        );
      } else if (child.type === 'placeholder') {
        const meta = child.meta as { kind?: string; key?: string };
        if (meta.kind === 'contact' && meta.key) contactUses.push({ role: meta.key, line });
        else if (meta.kind === 'system' && meta.key) systemUses.push({ key: meta.key, line });
        else if (!(
          meta.kind === 'setting' &&
          meta.key &&
          Object.hasOwn(SETTING_PLACEHOLDERS, meta.key)
        )) {
          report.error(line, unknownPlaceholder(child.content));
        }
      } else if (
        child.type === 'text' &&
        child.content.includes('<') &&
        HTML_TAG.test(child.content)
      ) {
        report.warn(line, 'HTML is not allowed in runbooks; it is shown as plain text');
      }
    }
  }
  return { contactUses, systemUses, runbookLinks, stepLinks };
}

/** Every placeholder Holdfast can fill in without knowing the provider's own contacts. */
const KNOWN_PLACEHOLDERS = [
  ...Object.keys(SETTING_PLACEHOLDERS).map((key) => `setting:${key}`),
  ...Object.keys(LOCAL_CONTACT_ROLES).map((role) => `contact:${role}`),
];

/** Why a `{{…}}` cannot be filled in, with the closest placeholder Holdfast has. */
function unknownPlaceholder(written: string): string {
  const inner = written.replace(/^\{\{\s*|\s*\}\}$/g, '');
  return `"${truncate(written)}" is not something Holdfast can fill in, so staff would see it as typed.${didYouMean(inner, KNOWN_PLACEHOLDERS).replace(/"([^"]*)"/, '"{{$1}}"')} Use {{contact:role}}, {{system:id.field}} or {{setting:${Object.keys(SETTING_PLACEHOLDERS).join('|')}}}, or write the words out`;
}

/** Exactly one placeholder the grammar reads, nothing around it. */
const WHOLE_PLACEHOLDER = new RegExp(`^${PLACEHOLDER_RE.source}$`);

/** A template's variable: `{{COMPANY_NAME}}`, `{{ insurer phone }}` (not markup, which is warned about as HTML). */
const TEMPLATE_VARIABLE = /\{\{\s*[\w.:-][\w .:-]{0,79}\}\}/g;

/**
 * `{{…}}` that the placeholder grammar does not read at all (`{{COMPANY_NAME}}`, a template's
 * variable) would be shown as typed: an error, like an unknown placeholder. Code spans are
 * left alone, since they show text exactly as written on purpose.
 */
function checkLooseBraces(content: string, firstLine: number, report: Report): void {
  // Nearly every paragraph has no braces at all: skip the copy and the scan for those.
  if (!content.includes('{{')) return;
  const text = content.replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
  for (const match of text.matchAll(TEMPLATE_VARIABLE)) {
    if (WHOLE_PLACEHOLDER.test(match[0])) continue;
    const line = firstLine + (text.slice(0, match.index).match(/\n/g)?.length ?? 0);
    report.error(line, unknownPlaceholder(match[0]));
  }
}

/**
 * A `tel:` link must show the number it dials: link text with other digits, no digits, or hidden
 * characters reordering them would have staff read one number while the phone rings another.
 */
function checkTelLink(link: { href: string; line: number; shown: string }, report: Report): void {
  const dials = telLinkDigits(link.href);
  const shows = dialledDigits(link.shown);
  if (dials !== shows || hasInvisible(link.shown))
    report.error(
      link.line,
      `the link "${truncate(link.shown.trim())}" dials ${dials || 'no number'} but shows ${shows || 'no number'}; a phone link must show the number it dials (better: put the number in contacts and use {{contact:role}})`,
    );
}

/** Warns about a phone number written into the text, and about hidden direction characters. */
function checkTextForNumbers(text: string, line: number, report: Report): void {
  for (const number of phoneNumbersIn(text))
    report.warn(
      line,
      `phone number "${truncate(number)}" is written into the runbook; put it in Contacts and use {{contact:role}}, so it is checked and changed in one place`,
    );
  const at = firstInvisibleAt(text);
  if (at !== -1)
    report.warn(
      line,
      `hidden character U+${(text.codePointAt(at) ?? 0).toString(16).toUpperCase().padStart(4, '0')} can change the order in which the text around it is shown; delete it`,
    );
}
