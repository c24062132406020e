/**
 * Front-matter fuzzing: seeded mutations of a valid runbook header with code-running fences
 * (`---js`), YAML tags (`!!js/function`, `!!python/object`), merge keys, anchors and alias bombs,
 * `__proto__` / `constructor` / `prototype` keys at every level, duplicate keys, huge scalars and
 * binary junk, through `splitFrontMatter`, `parseFrontMatter` and `parseRunbook`. Oracles: nothing
 * throws, no payload runs (a global canary stays unset), no prototype changes, and a refused
 * header always comes with problems that name a line of the file. Used by frontMatterFuzz.test.ts
 * and `npm run soak -- --suite=front-matter`.
 */
import {
  frontMatterSchema,
  parseFrontMatter,
  splitFrontMatter,
} from '../../main/core/runbooks/frontMatter';
import { parseRunbook } from '../../main/core/runbooks/parseRunbook';
import type { Problem } from '../../main/contract/types';
import { createRng, type Rng } from '../bench/prng';

const CANARY = '__holdfastFrontMatterCanary';
/** Code that sets the canary if anything ever evaluates it. */
const PAYLOAD = `globalThis.${CANARY} = true`;

const VALID = [
  'id: fuzzed',
  'title: A fuzzed runbook',
  'category: guide',
  'summary: Fuzzed.',
  'reviewed: 2026-01-15',
  'owner: Tests',
  'version: 1',
  'contacts: [csoc]',
  'synonyms:',
  '  - cyber attack',
  'clocks: [personal-data-breach-72h]',
];

const FENCES = [
  '---',
  '---js',
  '---javascript',
  '--- js',
  '---coffee',
  '---yaml',
  '---json',
  '+++',
  ';;;',
  '\ufeff---',
  '---\r',
  '-- -',
  '----',
];

const POLLUTERS = [
  '__proto__: {polluted: yes}',
  '__proto__:\n  polluted: yes',
  '"__proto__": {polluted: yes}',
  "'__proto__': {polluted: yes}",
  'constructor: {prototype: {polluted: yes}}',
  'prototype: {polluted: yes}',
  '<<: {polluted: yes}',
  '<<: {__proto__: {polluted: yes}}',
  '<<: [{polluted: yes}, {__proto__: {polluted: yes}}]',
  'synonyms: [{__proto__: {polluted: yes}}]',
  'synonyms:\n  - __proto__: {polluted: yes}',
  'clocks: [{constructor: {prototype: {polluted: yes}}}]',
  '? __proto__\n: {polluted: yes}',
  '{__proto__: {polluted: yes}}: x',
  'x: {a: {b: {__proto__: {polluted: yes}}}}',
  '__proto__: [polluted]',
  '__proto__: !!map {polluted: yes}',
  'toString: polluted',
  'hasOwnProperty: polluted',
  'valueOf: {polluted: yes}',
];

const TAGS = [
  `x: !!js/function 'function () { ${PAYLOAD} }'`,
  `x: !!js/function "() => { ${PAYLOAD} }"`,
  'x: !!js/undefined ""',
  'x: !!js/regexp /(a+)+$/',
  "x: !!python/object/apply:os.system ['id']",
  'x: !!python/name:os.system',
  `x: !<tag:yaml.org,2002:js/function> 'function () { ${PAYLOAD} }'`,
  'x: !custom value',
  'x: !!binary aGVsbG8=',
  'x: !!set {a, b}',
  'x: !!omap [a: 1]',
  'x: !!timestamp 2026-01-01',
  'summary: !!str 12',
  'version: !!float 1',
  'x: !<!> y',
  '%TAG ! tag:evil.example,2026:\n---',
  '%YAML 1.1',
];

const ALIASES = [
  'a: &a [x]\nb: *a',
  'summary: &s text\nowner: *s',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'synonyms: [&x a, *x, *x]',
  'x: &x {y: *x}',
  'x: *undefined',
  '<<: *base',
  'base: &base {id: other}\n<<: *base',
];

const JUNK = [
  '\u0000',
  '\u0001',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\t',
  '\r',
  '\\',
  '"',
  "'",
  ':',
  '- ',
  '[',
  '{',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  '|',
  '>',
  '#',
];

function junk(rng: Rng, length: number): string {
  return Array.from({ length }, () =>
    rng.chance(0.7) ? rng.pick(JUNK) : String.fromCharCode(rng.int(0, 0xffff)),
  ).join('');
}

/** One mutation of the header lines. */
function mutate(rng: Rng, lines: string[]): void {
  const at = rng.int(0, lines.length);
  switch (rng.int(0, 10)) {
    case 0:
      lines.splice(at, 0, ...rng.pick(POLLUTERS).split('\n'));
      break;
    case 1:
      lines.splice(at, 0, ...rng.pick(TAGS).split('\n'));
      break;
    case 2:
      lines.splice(at, 0, ...rng.pick(ALIASES).split('\n'));
      break;
    // A duplicate key, as it stands or with a new value.
    case 3:
      lines.splice(
        at,
        0,
        rng.chance(0.5)
          ? (lines[rng.int(0, lines.length - 1)] ?? '')
          : `${rng.pick(['id', 'title', 'summary', 'version'])}: again`,
      );
      break;
    case 4:
      lines.splice(
        at,
        0,
        `${rng.pick(['summary', 'title', 'owner', 'x'])}: ${rng.pick(['x', 'é', '"', '- '])}`.padEnd(
          rng.pick([200, 5_000, 17_000, 40_000]),
          rng.pick(['x', 'é', ' y', '[']),
        ),
      );
      break;
    case 5:
      lines.splice(at, 0, junk(rng, rng.int(1, 60)));
      break;
    case 6:
      lines.splice(at, 1);
      break;
    case 7:
      lines[at] = `${' '.repeat(rng.int(1, 4))}${lines[at] ?? ''}`;
      break;
    case 8: {
      const line = lines[at] ?? '';
      const cut = rng.int(0, line.length);
      lines[at] = line.slice(0, cut) + junk(rng, rng.int(0, 3)) + line.slice(cut + rng.int(0, 3));
      break;
    }
    case 9:
      lines.splice(
        at,
        0,
        `${'  '.repeat(rng.int(1, 40))}${rng.pick(['- ', 'a: ', '[', '{'])}`.repeat(
          rng.int(1, 200),
        ),
      );
      break;
    default:
      lines.splice(at, 0, `${rng.pick(['x', 'y', 'synonyms'])}: ${'['.repeat(rng.int(1, 2000))}`);
      break;
  }
}

/** Changes that keep the header valid, so the accept path is fuzzed too. */
function reshape(rng: Rng, lines: string[]): void {
  const replace = (prefix: string, ...replacement: string[]): void => {
    const at = lines.findIndex((line) => line.startsWith(prefix));
    if (at !== -1) lines.splice(at, 1, ...replacement);
  };
  switch (rng.int(0, 4)) {
    case 0:
      lines.splice(
        rng.int(0, lines.length),
        0,
        rng.pick(['# a comment', '', '#', '# __proto__: {polluted: yes}']),
      );
      break;
    case 1:
      replace(
        'title:',
        `title: "${rng.pick(['A  title', 'Title: with colon', 'Ünïcode title', '<script>alert(1)</script>'])}"`,
      );
      break;
    case 2:
      replace(
        'owner:',
        `owner: ${rng.pick(['"__proto__"', 'constructor', 'prototype', '"{{contact:x}}"'])}`,
      );
      break;
    case 3:
      replace(
        'summary:',
        'summary: |',
        `  ${rng.pick(['Line one.', '__proto__: x', 'javascript:alert(1)'])}`,
        '  Line two.',
      );
      break;
    default:
      lines.push(rng.pick(['systems: [emar]', 'providerTypes: [care-home]', 'synonyms: [a, b]']));
      break;
  }
}

/** A fuzzed runbook file as bytes (sometimes not valid UTF-8). */
export function frontMatterDocument(rng: Rng): Uint8Array {
  const lines = [...VALID];
  const isBenign = rng.chance(0.2);
  for (let n = rng.int(1, 4); n > 0; n -= 1) (isBenign ? reshape : mutate)(rng, lines);
  const fence = rng.chance(0.8) ? '---' : rng.pick(FENCES);
  const header = rng.chance(0.15) ? [PAYLOAD, `module.exports = { id: 'x' }`] : lines;
  const closing = rng.chance(0.97)
    ? rng.pick(['---', '---', '---', '...', '--- '])
    : rng.pick(['', '---js']);
  const text = [fence, ...header, closing, '', '## Act {#act}', '', '1. Do it. {#do}'].join('\n');
  const bytes = new TextEncoder().encode(text);
  if (rng.chance(0.05)) {
    // Raw bytes that are not UTF-8 (a lone continuation byte, an overlong form, 0xff).
    const at = rng.int(0, bytes.length - 1);
    bytes[at] = rng.pick([0x80, 0xc0, 0xff, 0xfe, 0x00]);
  }
  return bytes;
}

const SCHEMA_KEYS = new Set(Object.keys(frontMatterSchema.shape));

function prototypeKeys(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((proto) => Reflect.ownKeys(proto).map(String).sort().join(','))
    .join('|');
}

function checkProblems(problems: Problem[], lineCount: number, where: string): string | null {
  const bad = problems.find(
    (problem) =>
      !Number.isInteger(problem.line) ||
      problem.line < 1 ||
      problem.line > lineCount + 1 ||
      problem.message.length === 0,
  );
  return bad ? `${where}: problem without a usable line: ${JSON.stringify(bad)}` : null;
}

/** One file through every front-matter path; `problem` is null when every oracle held. */
export function frontMatterTrial(trialSeed: number): {
  input: string;
  problem: string | null;
  isAccepted: boolean;
} {
  const bytes = frontMatterDocument(createRng(trialSeed));
  const input = new TextDecoder().decode(bytes);
  const before = prototypeKeys();
  const found: string[] = [];
  let isAccepted = false;
  try {
    const lineCount = input.split('\n').length;
    const split = splitFrontMatter(input, 'runbooks/fuzzed.md');
    if (split.yaml === null && split.problems.length === 0)
      found.push('splitFrontMatter refused without a problem');
    found.push(checkProblems(split.problems, lineCount, 'splitFrontMatter') ?? '');
    if (split.yaml !== null) {
      const front = parseFrontMatter(split.yaml, 'runbooks/fuzzed.md');
      found.push(checkProblems(front.problems, lineCount, 'parseFrontMatter') ?? '');
      if (front.value === null && front.problems.length === 0)
        found.push('parseFrontMatter refused without a problem');
      if (front.value !== null) {
        isAccepted = true;
        const extra = Reflect.ownKeys(front.value)
          .map(String)
          .filter((key) => !SCHEMA_KEYS.has(key));
        if (extra.length > 0) found.push(`accepted keys outside the schema: ${extra.join(', ')}`);
        if (Object.getPrototypeOf(front.value) !== Object.prototype)
          found.push('accepted value has a changed prototype');
      }
    }
    const outcome = parseRunbook(bytes, 'runbooks/fuzzed.md');
    found.push(checkProblems(outcome.problems, lineCount, 'parseRunbook') ?? '');
    if (outcome.runbook === null && !outcome.problems.some((p) => p.severity === 'error'))
      found.push('parseRunbook refused without an error');
  } catch (error: unknown) {
    found.push(`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  if (CANARY in globalThis) found.push('a payload ran: the canary is set');
  if (({} as Record<string, unknown>).polluted !== undefined)
    found.push('Object.prototype.polluted is set');
  if (prototypeKeys() !== before) found.push('a built-in prototype gained or lost a key');
  const problems = found.filter((text) => text !== '');
  return { input, problem: problems.length > 0 ? problems.join('; ') : null, isAccepted };
}

/** What a batch of front-matter trials found. */
export interface FrontMatterFuzzSummary {
  inputs: number;
  failures: number;
  /** Headers that passed validation (the mutation left them valid), so the accept path is tested too. */
  accepted: number;
  slowestMs: number;
  examples: Array<{ seed: number; trial: number; input: string; problem: string }>;
}

/** Runs `inputs` trials from `seed`; trial n replays alone with `frontMatterTrial(seed + n)`. */
export function runFrontMatterFuzz(options: {
  inputs: number;
  seed: number;
  onProgress?: (done: number) => void;
}): FrontMatterFuzzSummary {
  const summary: FrontMatterFuzzSummary = {
    inputs: 0,
    failures: 0,
    accepted: 0,
    slowestMs: 0,
    examples: [],
  };
  for (let trial = 0; trial < options.inputs; trial += 1) {
    const started = performance.now();
    const result = frontMatterTrial(options.seed + trial);
    summary.slowestMs = Math.max(summary.slowestMs, performance.now() - started);
    summary.inputs += 1;
    if (result.isAccepted) summary.accepted += 1;
    if (result.problem !== null) {
      summary.failures += 1;
      if (summary.examples.length < 5)
        summary.examples.push({
          seed: options.seed,
          trial,
          input: result.input,
          problem: result.problem,
        });
      // A polluted prototype would fail every later trial; undo it so the count stays honest.
      delete (Object.prototype as Record<string, unknown>).polluted;
      delete (globalThis as Record<string, unknown>)[CANARY];
    }
    if ((trial + 1) % 50_000 === 0) options.onProgress?.(trial + 1);
  }
  return summary;
}

/** `front-matter fuzz: N inputs, F failures` and, on failure, how to replay each example. */
export function describeFrontMatterFuzz(summary: FrontMatterFuzzSummary): string[] {
  return [
    `front-matter fuzz: ${summary.inputs} inputs, ${summary.failures} failures`,
    `# ${summary.accepted} headers were valid after mutation and accepted; slowest file ${summary.slowestMs.toFixed(1)} ms`,
    ...summary.examples.map(
      (example) =>
        `# failure: seed ${example.seed}, trial ${example.trial} (frontMatterTrial(${example.seed + example.trial})): ${example.problem.slice(0, 1000)}\n# input: ${JSON.stringify(example.input.slice(0, 2000))}`,
    ),
  ];
}
