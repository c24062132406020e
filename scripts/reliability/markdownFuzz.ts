/**
 * Markdown fuzzing: seeded documents, grammar-built (links, images, emphasis, entities,
 * placeholders, raw HTML, deep nesting) or random bytes and mutations of those, rendered through
 * `renderMarkdown`, `renderMarkdownInline` and, as a runbook file, `parseRunbook` plus
 * `renderRunbook`. Every output must pass `findUnsafeHtml`. Used by markdownFuzz.test.ts,
 * `npm run soak -- --suite=markdown` and the worst-case timing in `npm run bench`.
 */
import { runbookFromSnapshot } from '../../main/core/runbooks/library';
import { renderRunbook } from '../../main/core/runbooks/renderRunbook';
import type { NationalContact } from '../../main/core/contacts/nationalContacts';
import type { Problem, Settings, SystemEntry } from '../../main/contract/types';
import { renderMarkdown, renderMarkdownInline, type RenderEnv } from '../../main/shared/markdown';
import { createRng, type Rng } from '../bench/prng';
import { findUnsafeHtml } from './htmlOracle';

/** Link targets that must never come out as a live link, with some that must. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  '%6Aavascript:alert(1)',
  'jav&#x0A;ascript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript://%0aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/png;base64,iVBORw0KGgo=',
  'DATA:text/html,<script>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'FILE://server/share/x.exe',
  '\\\\server\\share\\x.exe',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'smb://evil.example/s',
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- a hostile input: plain http must never become a live link
  'http://www.ncsc.gov.uk',
  '//evil.example',
  'https://user:pw@evil.example',
  'https://127.0.0.1/',
  'https://localhost/',
  'https://[::1]/',
  'about:blank',
  'runbook:../../etc',
  'runbook:Ransomware',
  '#Step',
  '#',
  'mailto:',
  'tel:+44abc',
  '"onmouseover="alert(1)',
  "x' onerror='alert(1)",
  'https://a.example/"><script>alert(1)</script>',
  'https://a.example/\u2028x',
  // Allowed ones, so the oracle sees live links too.
  'https://www.ncsc.gov.uk/collection',
  'HTTPS://WWW.CQC.ORG.UK/',
  'https://xn--bcher-kva.example/',
  'mailto:dpo@care.example',
  'tel:0300%20303%205222',
  'runbook:ransomware',
  'runbook:ransomware#do-not-pay',
  '#call-manager',
  'https://a.example/?q=<b>&x="y"',
];

const RAW_HTML = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '<!-- <script> -->',
  '<![CDATA[<script>]]>',
  '<?php x ?>',
  '<!DOCTYPE html>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<div onclick="x">',
  '</p><script>',
  '<base href="//evil">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="x"><input></form>',
  '<<script>>',
  '<scr<script>ipt>',
  '<object data="x"></object>',
  '<embed src=x>',
  '<details open ontoggle=alert(1)>',
];

const ENTITIES = [
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&#39;',
  '&#106;',
  '&#x6A;',
  '&#X3C;',
  '&colon;',
  '&Tab;',
  '&NewLine;',
  '&nbsp;',
  '&#0;',
  '&#x0;',
  '&#99999999;',
  '&#xD800;',
  '&#xZZ;',
  '&bogus;',
  '&',
  '&#',
  '&#x',
  '&lt',
  '&#60',
  '&#x3c;script&#x3e;',
];

const PLACEHOLDERS = [
  '{{contact:csoc}}',
  '{{contact:it-supplier}}',
  '{{contact:unknown-role}}',
  '{{setting:isolation-instruction}}',
  '{{setting:nope}}',
  '{{system:emar.paper-location}}',
  '{{system:emar.fallback}}',
  '{{system:rota.impact}}',
  '{{system:care-records.paper-location}}',
  '{{system:unknown.paper-location}}',
  '{{system:emar}}',
  '{{system:emar.nope}}',
  '{{ contact : csoc }}',
  '{{contact:}}',
  '{{contact:"><script>}}',
  '{{x:y}}',
  '{{',
  '}}',
  '{{contact:csoc',
  '{{{contact:csoc}}}',
];

const WORDS = [
  'call',
  'the',
  'manager',
  'NHS',
  'ransomware',
  'pull',
  'cable',
  'café',
  'ß',
  '😀',
  'naïve',
  '١٢٣',
  '\u202e',
  '\u200b',
  '\u00a0',
];

/** Text that lands in the rendered HTML from the provider's own records (settings, systems). */
const HOSTILE_VALUE = '<img src=x onerror=alert(1)> "quoted" & \'single\' javascript:alert(1)';

function word(rng: Rng): string {
  return rng.pick(WORDS);
}

function url(rng: Rng): string {
  const base = rng.pick(HOSTILE_URLS);
  return rng.chance(0.2) ? `<${base}>` : base;
}

/** One inline fragment; `depth` bounds the recursion. */
function inline(rng: Rng, depth: number): string {
  const inner = (): string => (depth > 0 ? inline(rng, depth - 1) : word(rng));
  switch (rng.int(0, 15)) {
    case 0:
      return `*${inner()}*`;
    case 1:
      return `**${inner()}**`;
    case 2:
      return `_${inner()}_`;
    case 3:
      return `~~${inner()}~~`;
    case 4:
      return `[${inner()}](${url(rng)}${rng.chance(0.3) ? ` "${inner()}"` : ''})`;
    case 5:
      return `![${inner()}](${url(rng)})`;
    case 6:
      return `<${rng.pick(HOSTILE_URLS).replace(/[<>\s]/g, '')}>`;
    case 7:
      return `\`${inner()}\``;
    case 8:
      return rng.pick(ENTITIES);
    case 9:
      return rng.pick(PLACEHOLDERS);
    case 10:
      return rng.pick(RAW_HTML);
    case 11:
      return `[${inner()}][ref${rng.int(0, 3)}]`;
    case 12:
      return rng
        .pick(['*', '_', '**', '[', ']', '(', ')', '![', '\\', '`', '<', '>', '{{', '"', "'"])
        .repeat(rng.int(1, 20));
    case 13:
      return `${inner()} ${inner()}`;
    case 14:
      return `[${'['.repeat(rng.int(1, 12))}${inner()}${']'.repeat(rng.int(0, 12))}(${url(rng)})`;
    default:
      return word(rng);
  }
}

/** One block: paragraphs, lists, quotes, fences, tables, reference definitions, raw HTML blocks. */
function block(rng: Rng, depth: number): string {
  const text = (): string =>
    Array.from({ length: rng.int(1, 4) }, () => inline(rng, rng.int(0, 3))).join(' ');
  const nested = (): string => (depth > 0 ? block(rng, depth - 1) : text());
  switch (rng.int(0, 13)) {
    case 0:
      return `${'#'.repeat(rng.int(1, 7))} ${text()}${rng.chance(0.3) ? ` {#${word(rng)}}` : ''}`;
    case 1:
      return nested()
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 2:
      return Array.from(
        { length: rng.int(1, 4) },
        (_, i) => `${rng.chance(0.5) ? `${i + 1}.` : '-'} ${nested().replace(/\n/g, '\n   ')}`,
      ).join('\n');
    case 3:
      return `\`\`\`${rng.pick(['', 'js', '"><script>alert(1)</script>', 'x onmouseover=alert(1)', rng.pick(HOSTILE_URLS)])}\n${text()}\n\`\`\``;
    case 4:
      return `    ${text()}`;
    case 5:
      return `| a | ${text().replace(/\n/g, ' ')} |\n|:-|-:|\n| ${inline(rng, 1)} | ${inline(rng, 1)} |`;
    case 6:
      return `[ref${rng.int(0, 3)}]: ${rng.pick(HOSTILE_URLS).replace(/\s/g, '')}${rng.chance(0.5) ? ' "title"' : ''}`;
    case 7:
      return rng.pick(RAW_HTML);
    case 8:
      return `${'>'.repeat(rng.int(1, 120))} ${text()}`;
    case 9:
      return `${Array.from({ length: rng.int(1, 30) }, (_, i) => `${'  '.repeat(i)}- ${word(rng)}`).join('\n')}`;
    case 10:
      return '---';
    case 11:
      return `${'*'.repeat(rng.int(1, 60))}${word(rng)}${'_'.repeat(rng.int(1, 60))}`;
    case 12:
      return Array.from({ length: rng.int(1, 20) }, () => `[${word(rng)}](${url(rng)})`).join('');
    default:
      return text();
  }
}

/** A grammar-built markdown document. */
export function grammarDocument(rng: Rng): string {
  return Array.from({ length: rng.int(1, 5) }, () => block(rng, rng.int(0, 2))).join(
    rng.pick(['\n\n', '\n', '\n\n\n']),
  );
}

const NOISE = '<>&"\'[]()*_`!#{}:;/\\\n\t -=|~%.0aZ\u0000\u00a0\u2028\ufeff\ud800';

/** Random characters, or a grammar document with chunks cut, duplicated or spliced with noise. */
export function randomDocument(rng: Rng): string {
  if (rng.chance(0.3)) {
    return Array.from({ length: rng.int(0, 400) }, () =>
      rng.chance(0.8)
        ? NOISE[rng.int(0, NOISE.length - 1)]
        : String.fromCharCode(rng.int(0, 0xffff)),
    ).join('');
  }
  let doc = grammarDocument(rng);
  for (let n = rng.int(1, 6); n > 0; n -= 1) {
    const at = rng.int(0, doc.length);
    const to = Math.min(doc.length, at + rng.int(0, 40));
    switch (rng.int(0, 2)) {
      case 0:
        doc = doc.slice(0, at) + doc.slice(to);
        break;
      case 1:
        doc = doc.slice(0, to) + doc.slice(at, to) + doc.slice(to);
        break;
      default:
        doc =
          doc.slice(0, at) +
          (NOISE[rng.int(0, NOISE.length - 1)] ?? '').repeat(rng.int(1, 20)) +
          doc.slice(at);
    }
  }
  return doc;
}

/** Placeholder lookups that answer with hostile text, so their escaping is fuzzed too. */
const ENV: RenderEnv = {
  resolveContact: (role) =>
    role === 'csoc'
      ? { label: `CSOC ${HOSTILE_VALUE}`, detail: HOSTILE_VALUE }
      : role === 'it-supplier'
        ? { label: 'IT supplier', detail: null }
        : null,
  resolveSetting: (key) =>
    key === 'isolation-instruction' ? { label: 'Isolation', value: HOSTILE_VALUE } : null,
  resolveSystem: (system, field) =>
    system === 'emar'
      ? { label: 'eMAR', field, value: field === 'fallback' ? null : HOSTILE_VALUE }
      : null,
};

const NATIONAL = new Map<string, NationalContact>([
  [
    'csoc',
    {
      id: 'csoc',
      name: `CSOC ${HOSTILE_VALUE}`,
      use: 'Cyber incidents.',
      channels: [{ kind: 'phone', value: HOSTILE_VALUE }],
      hours: HOSTILE_VALUE,
      source: 'https://example.org',
      checked: '2026-12-04',
      pageDate: '2024-04-17',
    },
  ],
]);
const SETTINGS: Settings = {
  organisationName: HOSTILE_VALUE,
  providerType: null,
  pharmacyCqcRegistered: false,
  isolationInstruction: HOSTILE_VALUE,
  contractClocks: [],
};
const systemEntry = (system: string): SystemEntry | undefined =>
  system === 'emar' || system === 'rota'
    ? {
        system,
        label: HOSTILE_VALUE,
        isCustom: false,
        suggestedSupplierRole: null,
        status: 'recorded',
        isStale: false,
        supplier: null,
        record:
          system === 'emar'
            ? {
                system,
                inUse: true,
                supplierRole: null,
                impact: 7,
                fallback: HOSTILE_VALUE,
                paperLocation: '',
                notes: '',
                lastReviewed: '2026-01-01',
              }
            : null,
      }
    : undefined;

/** A runbook file around fuzzed markdown: valid front matter, phases and numbered steps. */
export function runbookDocument(rng: Rng): string {
  const body = [inline(rng, 2)];
  for (let phase = rng.int(1, 3); phase > 0; phase -= 1) {
    body.push(
      '',
      `## ${word(rng)} ${inline(rng, 1)} {#phase-${phase}}`,
      '',
      rng.chance(0.5) ? inline(rng, 2) : '',
      '',
    );
    for (let step = 1; step <= rng.int(1, 4); step += 1) {
      body.push(`${step}. ${word(rng)} ${inline(rng, 2)} ${inline(rng, 2)} {#p${phase}-s${step}}`);
      if (rng.chance(0.5)) body.push('', `   ${inline(rng, 2)}`);
      if (rng.chance(0.3))
        body.push('', `   - Yes: ${inline(rng, 1)}`, `   - No: [go](#p${phase}-s1)`);
      body.push('');
    }
  }
  const front = [
    '---',
    'id: fuzzed',
    'title: A fuzzed runbook',
    'category: guide',
    'summary: Fuzzed.',
    'reviewed: 2026-01-15',
    'owner: Tests',
    'version: 1',
    'contacts: [csoc]',
    'systems: [emar, rota]',
    '---',
  ];
  return [...front, ...body].join('\n');
}

/** A runbook file through the library's path: parse, resolve contacts, render every part to HTML. */
export function renderRunbookFile(text: string): {
  html: string[];
  problems: Problem[];
  isRendered: boolean;
} {
  const { runbook, problems } = runbookFromSnapshot(
    new TextEncoder().encode(text),
    'runbooks/fuzzed.md',
    'user',
    NATIONAL,
  );
  if (!runbook) return { html: [], problems, isRendered: false };
  const view = renderRunbook(runbook, SETTINGS, systemEntry);
  const html = [view.html.intro, ...Object.values(view.html.phases)];
  for (const step of Object.values(view.html.steps))
    html.push(step.text, step.details, ...step.options);
  return { html, problems, isRendered: true };
}

/** A valid runbook file whose introduction is `markdown`. */
export function asRunbookFile(markdown: string): string {
  return [
    '---',
    'id: timed',
    'title: A timed runbook',
    'category: guide',
    'summary: Timed.',
    'reviewed: 2026-01-15',
    'owner: Tests',
    'version: 1',
    '---',
    markdown,
    '',
    '## Act {#act}',
    '',
    '1. Do it. {#do}',
  ].join('\n');
}

/** What a batch of markdown trials found. */
export interface MarkdownFuzzSummary {
  inputs: number;
  failures: number;
  /** Runbook files that parsed without errors and were rendered in full. */
  runbooksRendered: number;
  /** The slowest single input, for the report (timing targets live in `npm run bench`). */
  slowestMs: number;
  /** The first failures, each with the seed and input that reproduce it. */
  examples: Array<{ seed: number; trial: number; input: string; problem: string }>;
}

/**
 * Runs `inputs` trials from `seed`. Each trial has its own seed (`seed + trial`), so any failure
 * replays alone with `markdownTrial(seed + trial)`.
 */
export function runMarkdownFuzz(options: {
  inputs: number;
  seed: number;
  onProgress?: (done: number) => void;
}): MarkdownFuzzSummary {
  const summary: MarkdownFuzzSummary = {
    inputs: 0,
    failures: 0,
    runbooksRendered: 0,
    slowestMs: 0,
    examples: [],
  };
  for (let trial = 0; trial < options.inputs; trial += 1) {
    const started = performance.now();
    const result = markdownTrial(options.seed + trial);
    summary.slowestMs = Math.max(summary.slowestMs, performance.now() - started);
    summary.inputs += 1;
    if (result.isRunbookRendered) summary.runbooksRendered += 1;
    if (result.problem !== null) {
      summary.failures += 1;
      if (summary.examples.length < 5)
        summary.examples.push({
          seed: options.seed,
          trial,
          input: result.input,
          problem: result.problem,
        });
    }
    if ((trial + 1) % 100_000 === 0) options.onProgress?.(trial + 1);
  }
  return summary;
}

/** One input through every path; `problem` is null when nothing threw and every output was safe. */
export function markdownTrial(trialSeed: number): {
  input: string;
  problem: string | null;
  isRunbookRendered: boolean;
} {
  const rng = createRng(trialSeed);
  const kind = rng.int(0, 9);
  const input =
    kind < 5 ? grammarDocument(rng) : kind < 8 ? randomDocument(rng) : runbookDocument(rng);
  let isRunbookRendered = false;
  try {
    const outputs = [
      renderMarkdown(input, ENV),
      renderMarkdownInline(input.split('\n', 1)[0] ?? '', ENV),
    ];
    if (kind >= 8 || rng.chance(0.1)) {
      const file = renderRunbookFile(input);
      const lineless = file.problems.find(
        (problem) => !Number.isInteger(problem.line) || problem.line < 1,
      );
      if (lineless)
        return {
          input,
          problem: `problem without a line: ${JSON.stringify(lineless)}`,
          isRunbookRendered,
        };
      outputs.push(...file.html);
      isRunbookRendered = file.isRendered;
    }
    const violations = outputs.flatMap(findUnsafeHtml);
    return {
      input,
      problem: violations.length > 0 ? violations.slice(0, 3).join('; ') : null,
      isRunbookRendered,
    };
  } catch (error: unknown) {
    return {
      input,
      problem: `threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      isRunbookRendered,
    };
  }
}

/** `markdown fuzz: N inputs, F failures` and, on failure, how to replay each example. */
export function describeMarkdownFuzz(summary: MarkdownFuzzSummary): string[] {
  return [
    `markdown fuzz: ${summary.inputs} inputs, ${summary.failures} failures`,
    `# ${summary.runbooksRendered} of them also rendered as whole runbooks; slowest input ${summary.slowestMs.toFixed(1)} ms`,
    ...summary.examples.map(
      (example) =>
        `# failure: seed ${example.seed}, trial ${example.trial} (markdownTrial(${example.seed + example.trial})): ${example.problem}\n# input: ${JSON.stringify(example.input.slice(0, 2000))}`,
    ),
  ];
}

/**
 * ~`bytes`-long inputs built from the patterns that made markdown parsers slow (cmark's
 * pathological tests, markdown-it's quadratic-time advisories), plus seeded fuzz documents and
 * placeholder soup, for the worst-case timing in `npm run bench`.
 */
export function pathologicalInputs(
  bytes: number,
  seed: number,
): Array<{ name: string; input: string }> {
  const fill = (unit: string): string => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
  const half = (unit: string): string =>
    unit.repeat(Math.max(1, Math.floor(bytes / 2 / unit.length)));
  const rng = createRng(seed);
  let fuzzed = '';
  while (fuzzed.length < bytes) fuzzed += `${grammarDocument(rng)}\n\n`;
  return [
    { name: 'nested brackets', input: `${half('[')}a${half(']')}` },
    { name: 'nested block quotes', input: `${fill('>')} a` },
    {
      name: 'nested lists',
      input: Array.from(
        { length: Math.floor(bytes / 400) },
        (_, i) => `${' '.repeat(i % 200)}- a`,
      ).join('\n'),
    },
    { name: 'emphasis openers then closers', input: `${half('*a ')}${half('a* ')}` },
    { name: 'unclosed emphasis', input: fill('*a **a ') },
    { name: 'underscore runs', input: `${half('_')}a${half('_')}` },
    { name: 'stars around a word', input: `${half('*')}a${half('*')}` },
    { name: 'mixed delimiters', input: fill('__*') },
    { name: 'open links', input: fill('[ (](') },
    { name: 'link chain', input: fill('[a](https://www.ncsc.gov.uk/x)') },
    { name: 'refused link chain', input: fill('[a](javascript:alert(1))') },
    { name: 'image chain', input: fill('![a](https://evil.example/p.png)') },
    { name: 'nested images', input: `${half('![')}a${half('](x)')}` },
    {
      name: 'reference definitions',
      input: `${fill('[a]: b\n').slice(0, bytes / 2)}${half('[a] ')}`,
    },
    {
      name: 'backticks',
      input: Array.from(
        { length: Math.floor(Math.sqrt(bytes)) },
        (_, i) => `${'`'.repeat(i + 1)}a`,
      ).join(' '),
    },
    { name: 'unclosed angle brackets', input: fill('<a') },
    { name: 'raw HTML comments', input: fill('<!-- ') },
    { name: 'entity soup', input: fill('&#106;&amp;&#x6A;&colon;&bogus; ') },
    {
      name: 'placeholder soup',
      input: fill('{{contact:csoc}}{{setting:isolation-instruction}}{{system:emar.fallback}}{{'),
    },
    {
      name: 'table columns',
      input: `${fill('|a').slice(0, bytes / 3)}\n${fill('|-').slice(0, bytes / 3)}\n${fill('|b').slice(0, bytes / 3)}`,
    },
    { name: 'newlines and spaces', input: fill('a  \n') },
    { name: 'fuzzed documents', input: fuzzed.slice(0, bytes) },
  ];
}
