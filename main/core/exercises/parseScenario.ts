import type { Token } from 'markdown-it';
import { z } from 'zod';
import type { Problem } from '../../contract/types';
import { providerTypeSchema, slugSchema } from '../../contract/schemas';
import { PROVIDER_TYPES, SLUG_PATTERN, type ProviderType } from '../../contract/vocabulary';
import { createMarkdown } from '../../shared/markdown';
import { parseFrontMatter, splitFrontMatter } from '../runbooks/frontMatter';
import {
  childItems,
  closingIndex,
  decodeText,
  formatSize,
  itemSource,
  lintInline,
  MAX_RUNBOOK_BYTES,
  takeId,
  type Report,
} from '../runbooks/parseRunbook';

/** The longest release time an inject may have: a tabletop exercise is a morning, not a day. */
export const MAX_RELEASE_MINUTES = 480;

/** The scenario header; unknown keys are refused so typos are caught, as in runbooks. */
export const scenarioFrontMatterSchema = z.strictObject({
  id: slugSchema,
  title: z.string().trim().min(3).max(120),
  summary: z.string().trim().min(1).max(400),
  providerTypes: z
    .array(providerTypeSchema)
    .max(10)
    .default(Object.keys(PROVIDER_TYPES) as ProviderType[]),
  /** Minutes the exercise is planned to take. */
  duration: z.int('whole minutes').min(15).max(MAX_RELEASE_MINUTES),
  /** Runbooks the exercise tests; each must exist in the library. */
  runbooks: z.array(slugSchema).max(20).default([]),
  contacts: z.array(slugSchema).max(50).default([]),
  reviewed: z.iso.date('use a date written as YYYY-MM-DD'),
  owner: z.string().trim().min(1).max(120),
  version: z.number().int().min(1).max(100000),
});
export type ScenarioFrontMatter = z.infer<typeof scenarioFrontMatterSchema>;

export interface ParsedInject {
  id: string;
  title: string;
  /** Null: released by hand only. */
  releaseAfterMinutes: number | null;
  runbook: string | null;
  /** Markdown of what the group is told. */
  text: string;
  expected: string[];
  questions: string[];
  line: number;
  runbookLine: number;
}

export interface ParsedScenario {
  meta: ScenarioFrontMatter;
  /** File line of the `runbooks:` field (or of `id:`), for library-level reports. */
  runbooksLine: number;
  idLine: number;
  intro: string;
  background: string;
  objectives: string[];
  roles: string[];
  injects: ParsedInject[];
  contactUses: Array<{ role: string; line: number }>;
  runbookLinks: Array<{ runbook: string; step?: string; line: number }>;
}

export interface ScenarioOutcome {
  scenario: ParsedScenario | null;
  problems: Problem[];
}

const SECTIONS = ['background', 'objectives', 'roles', 'injects'] as const;
type Section = (typeof SECTIONS)[number];
const PART_TITLES: Record<string, 'expected' | 'questions'> = {
  'expected actions': 'expected',
  'discussion questions': 'questions',
};
const FIELD = /^([A-Za-z][A-Za-z ]*):\s*(.*)$/;
const MINUTES = /^(\d{1,3}) minutes?$/i;

const lintMarkdown = createMarkdown('lint');

/**
 * Reads one exercise scenario. Its grammar borrows the runbook's: safe front matter, then `##`
 * sections (Background, Objectives, Roles, Injects); each `###` under Injects is one inject, with
 * a `Release:` line, its text, and optional `####` Expected actions and Discussion questions lists.
 */
export function parseScenario(bytes: Uint8Array, file: string): ScenarioOutcome {
  const problems: Problem[] = [];
  const report: Report = {
    error: (line, message) => problems.push({ file, line, severity: 'error', message }),
    warn: (line, message) => problems.push({ file, line, severity: 'warning', message }),
  };
  if (bytes.byteLength > MAX_RUNBOOK_BYTES) {
    report.error(
      1,
      `file is too large (${formatSize(bytes.byteLength)}; a scenario may be at most ${formatSize(MAX_RUNBOOK_BYTES)})`,
    );
    return { scenario: null, problems };
  }
  const text = decodeText(bytes);
  if (text === null) {
    report.error(1, 'this is not a text file (it contains binary data or is not UTF-8)');
    return { scenario: null, problems };
  }
  const split = splitFrontMatter(text, file);
  problems.push(...split.problems);
  if (split.yaml === null) return { scenario: null, problems };
  const front = parseFrontMatter(split.yaml, file, scenarioFrontMatterSchema);
  problems.push(...front.problems);
  const runbooksAt = split.yaml.split('\n').findIndex((line) => line.startsWith('runbooks:'));

  const body = readScenarioBody(split.body, split.bodyStartLine, report);
  if (front.value) {
    for (const inject of body.injects) {
      if (
        inject.releaseAfterMinutes !== null &&
        inject.releaseAfterMinutes > front.value.duration
      ) {
        report.warn(
          inject.line,
          `inject "${inject.id}" is released after ${inject.releaseAfterMinutes} minutes, later than the scenario's duration (${front.value.duration} minutes)`,
        );
      }
    }
  }
  if (!front.value || problems.some((p) => p.severity === 'error'))
    return { scenario: null, problems };
  return {
    scenario: {
      meta: front.value,
      idLine: front.idLine,
      runbooksLine: runbooksAt === -1 ? front.idLine : runbooksAt + 2,
      ...body,
    },
    problems,
  };
}

type Body = Omit<ParsedScenario, 'meta' | 'idLine' | 'runbooksLine'>;

function readScenarioBody(body: string, bodyStartLine: number, report: Report): Body {
  const lines = body.split('\n');
  const tokens = lintMarkdown.parse(body, {});
  const fileLine = (bodyLine: number): number => bodyStartLine + bodyLine;
  const source = (token: Token): string =>
    lines.slice(token.map?.[0] ?? 0, token.map?.[1] ?? 0).join('\n');
  const listItems = (index: number): string[] =>
    childItems(tokens, index).map(([open]) => {
      const [from, to] = (tokens[open] as Token).map ?? [0, 0];
      return itemSource(lines, from, to).join('\n').trim();
    });

  const out: Body = {
    intro: '',
    background: '',
    objectives: [],
    roles: [],
    injects: [],
    contactUses: [],
    runbookLinks: [],
  };
  const introParts: string[] = [];
  const backgroundParts: string[] = [];
  const seenSections = new Map<Section, number>();
  const seenInjects = new Map<string, number>();
  let section: Section | null = null;
  let inject: ParsedInject | null = null;
  // Which part of the current inject the next block belongs to, and its text so far.
  let part: 'fields' | 'text' | 'expected' | 'questions' = 'fields';
  let textParts: string[] = [];
  const finishInject = (): void => {
    if (!inject) return;
    inject.text = textParts.join('\n\n').trim();
    if (!inject.text)
      report.error(
        inject.line,
        `inject "${inject.id}" has no text: write what the group is told under its Release line`,
      );
    out.injects.push(inject);
    inject = null;
  };

  for (let i = 0; i < tokens.length; i = closingIndex(tokens, i) + 1) {
    const token = tokens[i] as Token;
    const line = fileLine(token.map?.[0] ?? 0);

    if (token.type === 'heading_open') {
      const { text, id } = takeId(tokens[i + 1]?.content ?? '');
      if (token.tag === 'h2') {
        finishInject();
        const name = (id ?? text.toLowerCase()) as Section;
        if (!SECTIONS.includes(name)) {
          report.error(
            line,
            `unknown section "${text}": a scenario has the sections Background, Objectives, Roles and Injects`,
          );
          section = null;
          continue;
        }
        const first = seenSections.get(name);
        if (first !== undefined)
          report.error(line, `the section "${text}" appears twice (first on line ${first})`);
        seenSections.set(name, line);
        section = name;
      } else if (token.tag === 'h3') {
        finishInject();
        if (section !== 'injects') {
          report.error(
            line,
            `"${text}" looks like an inject: put injects (### headings) under "## Injects"`,
          );
          continue;
        }
        if (id === undefined || !SLUG_PATTERN.test(id)) {
          report.error(
            line,
            id === undefined
              ? `inject "${text}" has no id: add {#a-short-id} at the end of its heading`
              : `inject id "${id}" is not valid: use lower-case letters, digits and hyphens`,
          );
          continue;
        }
        const first = seenInjects.get(id);
        if (first !== undefined)
          report.error(line, `duplicate inject id "${id}" (first used on line ${first})`);
        seenInjects.set(id, line);
        inject = {
          id,
          title: text,
          releaseAfterMinutes: null,
          runbook: null,
          text: '',
          expected: [],
          questions: [],
          line,
          runbookLine: line,
        };
        part = 'fields';
        textParts = [];
      } else if (token.tag === 'h4' && inject) {
        const named = PART_TITLES[text.toLowerCase()];
        if (named) part = named;
        else
          report.error(
            line,
            `unknown part "${text}" in an inject: use "#### Expected actions" or "#### Discussion questions"`,
          );
      } else {
        report.error(
          line,
          `heading "${text}" is not part of the scenario format: use ## for sections, ### for injects and #### for their parts`,
        );
      }
      continue;
    }

    if (inject) {
      if (part === 'fields') {
        const paragraph = token.type === 'paragraph_open' ? source(token) : null;
        const isFields = readFields(paragraph, line, inject, report);
        part = 'text';
        if (isFields) continue;
      }
      if (part === 'text') textParts.push(source(token));
      else if (token.type === 'bullet_list_open') inject[part].push(...listItems(i));
      else
        report.warn(line, 'only a bullet list is shown here; put each point on its own "- " line');
      continue;
    }

    if (section === 'objectives' || section === 'roles') {
      if (token.type === 'bullet_list_open') out[section].push(...listItems(i));
      else
        report.warn(
          line,
          `only the bullet list under ${section === 'roles' ? 'Roles' : 'Objectives'} is shown; put each point on its own "- " line`,
        );
    } else if (section === 'background') backgroundParts.push(source(token));
    else if (section === 'injects')
      report.warn(line, 'text between "## Injects" and the first inject is not shown');
    else introParts.push(source(token));
  }
  finishInject();

  out.intro = introParts.join('\n\n').trim();
  out.background = backgroundParts.join('\n\n').trim();
  const need = (name: Section, present: boolean, message: string): void => {
    if (!present) report.error(seenSections.get(name) ?? bodyStartLine, message);
  };
  need(
    'background',
    out.background !== '',
    'the scenario needs a "## Background" section saying what the situation is before the first inject',
  );
  need(
    'objectives',
    out.objectives.length > 0,
    'the scenario needs a "## Objectives" section with a bullet list of what the exercise tests',
  );
  need(
    'roles',
    out.roles.length > 0,
    'the scenario needs a "## Roles" section with a bullet list of who takes part',
  );
  need(
    'injects',
    out.injects.length > 0,
    'the scenario needs a "## Injects" section with at least one "### Inject title {#id}"',
  );

  let latest = 0;
  for (const each of out.injects) {
    if (each.releaseAfterMinutes === null) continue;
    if (each.releaseAfterMinutes < latest)
      report.warn(
        each.line,
        `inject "${each.id}" is timed earlier (${each.releaseAfterMinutes} minutes) than an inject above it; injects are released in the order they are written`,
      );
    latest = Math.max(latest, each.releaseAfterMinutes);
  }

  const links = lintInline(tokens, fileLine, report);
  for (const use of links.stepLinks)
    report.warn(
      use.line,
      `link to "#${use.step}": a scenario has no steps; link to a runbook step as runbook:id#step`,
    );
  return { ...out, contactUses: links.contactUses, runbookLinks: links.runbookLinks };
}

/**
 * The `Release:` and `Runbook:` lines straight under an inject heading. False when the block
 * there holds no field at all (the author forgot them): it is then read as the inject's text.
 */
function readFields(
  paragraph: string | null,
  line: number,
  inject: ParsedInject,
  report: Report,
): boolean {
  const missing = `inject "${inject.id}" needs a line "Release: 10 minutes" or "Release: manual" straight under its heading`;
  const keys = (paragraph ?? '')
    .split('\n')
    .map((text) => FIELD.exec(text.trim())?.[1]?.toLowerCase());
  if (paragraph === null || !keys.some((key) => key === 'release' || key === 'runbook')) {
    report.error(line, missing);
    return false;
  }
  let hasRelease = false;
  paragraph.split('\n').forEach((text, offset) => {
    const at = line + offset;
    const match = FIELD.exec(text.trim());
    const key = match?.[1]?.toLowerCase();
    const value = (match?.[2] ?? '').trim();
    if (key === 'release') {
      hasRelease = true;
      const minutes = MINUTES.exec(value);
      if (value.toLowerCase() === 'manual') inject.releaseAfterMinutes = null;
      else if (minutes && Number(minutes[1]) <= MAX_RELEASE_MINUTES)
        inject.releaseAfterMinutes = Number(minutes[1]);
      else
        report.error(
          at,
          `release "${value}" is not valid: write "manual" or the minutes after the start, such as "15 minutes" (at most ${MAX_RELEASE_MINUTES})`,
        );
    } else if (key === 'runbook') {
      if (SLUG_PATTERN.test(value)) {
        inject.runbook = value;
        inject.runbookLine = at;
      } else
        report.error(
          at,
          `runbook "${value}" is not a runbook id: use the id from the runbook's front matter, such as "ransomware"`,
        );
    } else {
      report.error(
        at,
        `"${text.trim()}" is not an inject field: only "Release:" and "Runbook:" lines go straight under the heading, then a blank line before the text`,
      );
    }
  });
  if (!hasRelease) report.error(line, missing);
  return true;
}
