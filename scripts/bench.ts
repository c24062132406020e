/**
 * `npm run bench`: the speed figures for Holdfast, one `name value unit` line each, then a
 * `check` line per target. Targets live here, never in timed tests. See the comments of each
 * measure for what exactly is timed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { NATIONAL_CONTACTS_FILE } from '../main/core/runbooks/loadRunbooks';
import { harnessRendererDir, startHarness } from '../main/shells/web/startHarness';
import { profileParse } from './bench/breakdown';
import type { ColdLoadOutput } from './bench/coldLoad';
import { buildCorpus } from './bench/corpus';
import { BENCH_SEED, generateRunbooks } from './bench/generateLibrary';
import { loadAndIndex, type LoadIndexResult } from './bench/loadIndex';
import { timeIncidentOpens } from './bench/incidentOpen';
import { timeIncidentRecords } from './bench/incidentRecord';
import { timeAppends, timeOpen, writeLongLog } from './bench/logTimes';
import { buildQueries } from './bench/queries';
import { measureFirstScreenScripts } from './bench/firstScreen';
import { measureSearchPaint, serveFloorPage } from './bench/searchPaint';
import { measureReadable, serveStaticPage, type ReadableSample } from './bench/reader';
import { max, median, percentile, round } from './bench/stats';
import { renderStaticReader } from './bench/staticReader';
import { asRunbookFile, pathologicalInputs, renderRunbookFile } from './reliability/markdownFuzz';
import { renderMarkdown } from '../main/shared/markdown';

const ROOT = resolve(import.meta.dirname, '..');
const RENDERER_DIR = harnessRendererDir(ROOT);
const BUNDLED_DIR = join(ROOT, 'runbooks');
const COLD_SCRIPT = join(ROOT, 'scripts', 'bench', 'coldLoad.ts');

const SEED = BENCH_SEED;
const LIBRARY_SIZE = 1000;
const RUNS = {
  bundled: 15,
  large: 5,
  cold: 3,
  searchPasses: 2,
  reader: 15,
  logAppends: 10_000,
  logOpens: 5,
  /** One first open swung from 95 to 192 ms between runs; the figure is the median of these. */
  incidentFirstOpens: 5,
  records: 41,
};
const LONG_LOG_ENTRIES = 10_000;
/** Incident lengths a guided-mode click is timed at: new, a long real one, and ten times that. */
const RECORD_AT_ENTRIES = [0, 1000, LONG_LOG_ENTRIES];
const READER_RUNBOOK = 'ransomware';
// The load target is checked for both real starts: the first (nothing cached) and every later one.
const TARGETS: Array<[figure: string, limit: number]> = [
  ['load_index_1000_cold_ms', 500],
  ['load_index_1000_cached_ms', 300],
  ['search_p95_ms', 16],
  ['search_paint_p95_ms', 16],
  ['reader_ratio', 1.5],
  ['first_screen_js_gzip_kb', 100],
  ['log_append_p99_ratio', 2],
  ['log_open_10000_ms', 200],
  ['incident_open_10000_first_ms', 100],
  ['record_response_bytes_10000', 10_240],
  ['record_median_ms_10000', 5],
  ['markdown_worst_100kb_ms', 200],
  ['runbook_worst_100kb_ms', 200],
  ['markdown_doubling_ratio', 2.5],
];
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

const figures = new Map<string, number>();

function report(name: string, value: number, unit: string): void {
  figures.set(name, value);
  console.log(`${name} ${round(value)} ${unit}`);
}

const note = (text: string): void => console.log(`# ${text}`);

/** Undo stack for temp folders, servers and the browser; runs once, also on Ctrl+C. */
const cleanups: Array<() => Promise<unknown>> = [];
async function cleanUp(): Promise<void> {
  for (const undo of cleanups.splice(0).reverse())
    await undo().catch((error: unknown) => console.error('# cleanup failed:', error));
}

async function rendererAssets(): Promise<{ css: string; js: string[] }> {
  const assets = join(RENDERER_DIR, 'assets');
  if (!existsSync(join(RENDERER_DIR, 'index.html')) || !existsSync(assets)) {
    throw new Error(
      `the built renderer is missing (${RENDERER_DIR}). Run "npm run bench", which builds first, or "npm run build:harness".`,
    );
  }
  const names = await readdir(assets);
  const css = names.find((name) => name.endsWith('.css'));
  const js = names.filter((name) => name.endsWith('.js'));
  if (!css || js.length === 0)
    throw new Error(`${assets} has no .css or no .js file: rebuild with "npm run build:harness".`);
  return { css, js };
}

// ---- 1 and 2: load + parse + index ----

/** Warm figure: the median of `runs` in this process, after one discarded warm-up run. */
async function warmLoads(
  bundledDir: string,
  userDir: string,
  runs: number,
): Promise<{ samples: LoadIndexResult[]; last: LoadIndexResult }> {
  await loadAndIndex(bundledDir, userDir);
  const samples: LoadIndexResult[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await loadAndIndex(bundledDir, userDir));
  return { samples, last: samples.at(-1) as LoadIndexResult };
}

const execFileAsync = promisify(execFile);

/** Cold figure: a fresh Node process per run (see coldLoad.ts), median of `runs`. */
async function coldLoads(
  bundledDir: string,
  userDir: string,
  runs: number,
  cachePath?: string,
): Promise<ColdLoadOutput[]> {
  const outputs: ColdLoadOutput[] = [];
  for (let i = 0; i < runs; i += 1) {
    const args = [
      '--expose-gc',
      '--import',
      'tsx',
      COLD_SCRIPT,
      bundledDir,
      userDir,
      ...(cachePath ? [cachePath] : []),
    ];
    const { stdout } = await execFileAsync(process.execPath, args, { cwd: ROOT, timeout: 60_000 });
    outputs.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ColdLoadOutput);
  }
  return outputs;
}

async function benchLoad(
  prefix: string,
  bundledDir: string,
  userDir: string,
  runs: number,
  temp: string,
): Promise<LoadIndexResult> {
  const cold = await coldLoads(bundledDir, userDir, RUNS.cold);
  // An app start after the first: a fresh process, with the parse cache the previous start saved.
  const cachePath = join(temp, `${prefix}-parse-cache.json`);
  await coldLoads(bundledDir, userDir, 1, cachePath);
  const cached = await coldLoads(bundledDir, userDir, RUNS.cold, cachePath);
  const { samples, last } = await warmLoads(bundledDir, userDir, runs);
  report(`${prefix}_ms`, median(samples.map((s) => s.totalMs)), 'ms');
  report(`${prefix}_cold_ms`, median(cold.map((c) => c.totalMs)), 'ms');
  report(`${prefix}_cached_ms`, median(cached.map((c) => c.totalMs)), 'ms');
  // The split between loadLibrary (read, parse, check) and buildSearch, for the analysis.
  report(`${prefix}_load_ms`, median(samples.map((s) => s.loadMs)), 'ms');
  report(`${prefix}_index_ms`, median(samples.map((s) => s.indexMs)), 'ms');
  if (prefix === 'load_index_1000') {
    note(
      'rss_mb, heap_used_mb: a fresh Node process holding the loaded 1,000 library and its index, after a full GC (median of the cold runs)',
    );
    report('rss_mb', median(cold.map((c) => c.rssMb)), 'MB');
    report('heap_used_mb', median(cold.map((c) => c.heapUsedMb)), 'MB');
  }
  return last;
}

/** Writes the generated library as a complete bundled folder (with the national contacts pack). */
async function writeLargeLibrary(dir: string, bundled: LoadIndexResult): Promise<void> {
  const files = generateRunbooks(
    buildCorpus(bundled.library.runbooks.values()),
    LIBRARY_SIZE,
    SEED,
  );
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map((file) => writeFile(join(dir, file.name), file.text)));
  await copyFile(join(BUNDLED_DIR, NATIONAL_CONTACTS_FILE), join(dir, NATIONAL_CONTACTS_FILE));
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  note(
    `generated ${files.length} runbooks (seed ${SEED}), ${(bytes / 2 ** 20).toFixed(1)} MB, ${Math.round(bytes / files.length / 1024)} KB each on average`,
  );
}

/** Where parse time goes in the large library: one warm pass, stage by stage. */
async function benchBreakdown(dir: string): Promise<void> {
  const stages = await profileParse(dir);
  report('parse_1000_total_ms', stages.parseRunbookMs, 'ms');
  report('parse_1000_yaml_ms', stages.yamlMs, 'ms');
  report('parse_1000_zod_ms', stages.zodMs, 'ms');
  report('parse_1000_markdown_ms', stages.markdownMs, 'ms');
  report(
    'parse_1000_walk_ms',
    stages.parseRunbookMs - stages.yamlMs - stages.zodMs - stages.markdownMs,
    'ms',
  );
  report('read_1000_files_ms', stages.readMs, 'ms');
}

// ---- 3: search ----

/** Each query timed alone through the same search the app calls (limit 8, like the search box). */
function benchSearch(result: LoadIndexResult): void {
  const queries = buildQueries();
  const times: number[] = [];
  const slowest = new Map<string, number>();
  let empty = 0;
  for (let pass = 0; pass < RUNS.searchPasses; pass += 1) {
    for (const query of queries) {
      const start = performance.now();
      const hits = result.search.search(query, 8);
      const ms = performance.now() - start;
      times.push(ms);
      slowest.set(query, Math.max(ms, slowest.get(query) ?? 0));
      if (pass === 0 && hits.length === 0) empty += 1;
    }
  }
  const steps = [...result.library.runbooks.values()].reduce(
    (sum, runbook) => sum + runbook.phases.reduce((n, phase) => n + phase.steps.length, 0),
    0,
  );
  note(
    `search: ${queries.length} queries x ${RUNS.searchPasses} passes (first pass included) over ${result.library.runbooks.size} runbooks, ${steps} steps; ${empty} queries found nothing`,
  );
  const worst = [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 8);
  note(`slowest queries: ${worst.map(([query, ms]) => `"${query}" ${round(ms)} ms`).join(', ')}`);
  report('search_p50_ms', percentile(times, 50), 'ms');
  report('search_p95_ms', percentile(times, 95), 'ms');
  report('search_max_ms', max(times), 'ms');
}

/** Keystroke to painted results in the app's search box over the 1,000 library (bench/searchPaint.ts). */
async function benchSearchPaint(browser: Browser, temp: string, libraryDir: string): Promise<void> {
  const harness = await startBenchHarness(join(temp, 'search-paint-data'), libraryDir);
  cleanups.push(() => harness.close());
  // Every 8th query of the search figure, typed a key at a time: words, phrases and typos.
  const queries = buildQueries().filter((_, index) => index % 8 === 0);
  const { samples, calls, keystrokes, local } = await measureSearchPaint(
    browser,
    harness.address(),
    queries,
  );
  const floorPage = await serveFloorPage();
  cleanups.push(() => floorPage.close());
  const floor = await measureSearchPaint(browser, floorPage.url, queries);
  note(
    `search paint: ${queries.length} queries typed a key at a time (${keystrokes} keys) into the search box over ${LIBRARY_SIZE} runbooks, keydown to the results painted, in Chromium over the harness; floor = the same keys into a page that fills its list in the key's own task`,
  );
  const [floorP50, floorP95] = [percentile(floor.samples, 50), percentile(floor.samples, 95)];
  const [appP50, appP95] = [percentile(samples, 50), percentile(samples, 95)];
  report('search_paint_floor_p50_ms', floorP50, 'ms');
  report('search_paint_floor_p95_ms', floorP95, 'ms');
  report('search_paint_p50_ms', appP50, 'ms');
  report('search_paint_p95_ms', appP95, 'ms');
  report('search_paint_max_ms', max(samples), 'ms');
  // What the app adds to the browser's own keystroke-to-paint (the floor is about one frame).
  report('search_paint_over_floor_p50_ms', appP50 - floorP50, 'ms');
  report('search_paint_over_floor_p95_ms', appP95 - floorP95, 'ms');
  // Keys typed before the box's own search was in are answered by asking the core, a frame later.
  report('search_paint_fallback_keys', calls.length, 'keys');
  if (local) {
    note(
      "search_index_*: the box's own search (runbooks.searchIndex): its answer in bytes, focus (or asking) to ready, and the JS heap after typing the keys and a full GC, holding the search and with its data call refused",
    );
    report('search_index_response_bytes_1000', local.responseBytes, 'B');
    report('search_index_focus_to_ready_ms', local.focusToReadyMs, 'ms');
    report('search_index_asked_to_ready_ms', local.askedToReadyMs, 'ms');
    report('search_index_heap_with_search_mb', local.heapWithSearchMb, 'MB');
    report('search_index_heap_without_search_mb', local.heapWithoutSearchMb, 'MB');
  } else note('search_index_*: the box never had its own search; every key asked the core');
  if (calls.length > 0) {
    report(
      'search_paint_call_asked_p50_ms',
      percentile(
        calls.map((c) => c.asked),
        50,
      ),
      'ms',
    );
    report(
      'search_paint_call_answered_p50_ms',
      percentile(
        calls.map((c) => c.answered),
        50,
      ),
      'ms',
    );
  }
}

// ---- 4: reader, app vs static ----

/** The web harness with the real core, over a fresh data folder and the given bundled runbooks. */
async function startBenchHarness(dataDir: string, bundledRunbooksDir: string) {
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return startHarness({ port: 0, dataDir, rendererDir: RENDERER_DIR, bundledRunbooksDir, version });
}

async function benchReader(
  browser: Browser,
  temp: string,
  bundled: LoadIndexResult,
  css: string,
): Promise<void> {
  const runbook = bundled.library.runbooks.get(READER_RUNBOOK);
  if (!runbook) throw new Error(`the bundled runbook "${READER_RUNBOOK}" did not load`);
  const harness = await startBenchHarness(join(temp, 'harness-data'), BUNDLED_DIR);
  cleanups.push(() => harness.close());
  const site = await serveStaticPage(
    renderStaticReader(runbook, `/assets/${css}`),
    join(RENDERER_DIR, 'assets', css),
    `/assets/${css}`,
  );
  cleanups.push(() => site.close());

  // Each run opens a fresh browser context, so each needs an address of its own.
  const appUrl = (): string => harness.address(`#/runbooks/${READER_RUNBOOK}`);
  // One discarded run each: the first page of a new browser also pays for starting its renderer.
  await measureReadable(browser, appUrl());
  await measureReadable(browser, site.url);
  const app: ReadableSample[] = [];
  const page: ReadableSample[] = [];
  for (let i = 0; i < RUNS.reader; i += 1) {
    // Alternate which goes first, so neither always runs right after the other.
    if (i % 2 === 0) {
      app.push(await measureReadable(browser, appUrl()));
      page.push(await measureReadable(browser, site.url));
    } else {
      page.push(await measureReadable(browser, site.url));
      app.push(await measureReadable(browser, appUrl()));
    }
  }
  note(
    `reader: "${READER_RUNBOOK}", ${RUNS.reader} runs each, interleaved, fresh browser context per run, both over HTTP on 127.0.0.1; medians`,
  );
  const harnessMs = median(app.map((s) => s.painted));
  const staticMs = median(page.map((s) => s.painted));
  report('reader_harness_ms', harnessMs, 'ms');
  report('reader_static_ms', staticMs, 'ms');
  report('reader_ratio', harnessMs / staticMs, 'x');
  reportMilestones('reader_harness', app);
  reportMilestones('reader_static', page);
}

/** Medians of where each load spends its time, for the analysis. */
function reportMilestones(prefix: string, samples: ReadableSample[]): void {
  const of = (pick: (s: ReadableSample) => number | null | undefined): number | null => {
    const values = samples.map(pick).filter((v): v is number => typeof v === 'number');
    return values.length === samples.length ? median(values) : null;
  };
  const milestones: Array<[string, number | null]> = [
    ['html_end', of((s) => s.htmlEnd)],
    ['css_end', of((s) => s.cssEnd)],
    ['js_end', of((s) => s.jsEnd)],
    ['dom_content_loaded', of((s) => s.domContentLoaded)],
    ['first_contentful_paint', of((s) => s.firstContentfulPaint)],
    ...Object.keys(samples[0]?.apiEnds ?? {}).map((call): [string, number | null] => [
      `api_${call.replace(/\W/g, '_')}_end`,
      of((s) => s.apiEnds[call]),
    ]),
    ['steps_in_dom', of((s) => s.inDom)],
  ];
  for (const [name, value] of milestones)
    if (value !== null) report(`${prefix}_${name}_ms`, value, 'ms');
}

// ---- 5: bundle size ----

/** The scripts the home screen loads, as Chromium fetched them (see bench/firstScreen.ts). */
async function benchFirstScreen(browser: Browser, temp: string): Promise<void> {
  const harness = await startBenchHarness(join(temp, 'first-screen-data'), BUNDLED_DIR);
  cleanups.push(() => harness.close());
  const { scripts, gzipBytes } = await measureFirstScreenScripts(browser, harness.address());
  note(
    `first screen: ${scripts.length} scripts (${scripts.map((s) => `${s.path.replace(/^.*\//, '')} ${round(s.gzipBytes / 1024)}`).join(', ')} KB gzipped)`,
  );
  report('first_screen_js_gzip_kb', gzipBytes / 1024, 'KB');
}

async function benchBundle(js: string[]): Promise<void> {
  const bodies = await Promise.all(js.map((name) => readFile(join(RENDERER_DIR, 'assets', name))));
  report('renderer_js_kb', bodies.reduce((sum, body) => sum + body.length, 0) / 1024, 'KB');
  report(
    'renderer_js_gzip_kb',
    bodies.reduce((sum, body) => sum + gzipSync(body).length, 0) / 1024,
    'KB',
  );
}

// ---- 6: evidence log ----

/** Append latency beside the disk's own write + fdatasync, and the open of a long incident log. */
async function benchEvidenceLog(temp: string): Promise<void> {
  const dir = join(temp, 'evidence-log');
  await mkdir(dir);
  const appends = await timeAppends(dir, RUNS.logAppends);
  note(
    `log append: ${RUNS.logAppends} entries, a ${Math.round(appends.bodyBytes)}-byte body and ${Math.round(appends.lineBytes)} bytes a line; each EvidenceLog.append (the line, then its head-record line, each fdatasync'ed) timed beside a bare write + fdatasync of the same line to an O_APPEND file and then of the same head line to a second one, in the same folder, interleaved; *_single_fsync: the bare line alone, as before head records`,
  );
  const logP99 = percentile(appends.logMs, 99);
  const bareP99 = percentile(appends.bareMs, 99);
  report('log_append_p50_ms', percentile(appends.logMs, 50), 'ms');
  report('log_append_p99_ms', logP99, 'ms');
  report('bare_append_p50_ms', percentile(appends.bareMs, 50), 'ms');
  report('bare_append_p99_ms', bareP99, 'ms');
  report(
    'log_append_p50_ratio',
    percentile(appends.logMs, 50) / percentile(appends.bareMs, 50),
    'x',
  );
  report('log_append_p99_ratio', logP99 / bareP99, 'x');
  // What the head record costs: the append against one bare write + fdatasync (not a target).
  report('bare_append_single_fsync_p99_ms', percentile(appends.singleMs, 99), 'ms');
  report(
    'log_append_p50_ratio_single_fsync',
    percentile(appends.logMs, 50) / percentile(appends.singleMs, 50),
    'x',
  );
  report('log_append_p99_ratio_single_fsync', logP99 / percentile(appends.singleMs, 99), 'x');

  const path = await writeLongLog(dir, LONG_LOG_ENTRIES);
  const megabytes = (await readFile(path)).length / 2 ** 20;
  // The first open in this process is the app's case at start (the record schema not yet used).
  const first = await timeOpen(path, LONG_LOG_ENTRIES);
  const opens: number[] = [];
  for (let i = 0; i < RUNS.logOpens; i += 1) opens.push(await timeOpen(path, LONG_LOG_ENTRIES));
  note(
    `log open: ${LONG_LOG_ENTRIES} entries (${megabytes.toFixed(1)} MB), openEvidenceLog + entries(); the first open in this process, then the median of ${RUNS.logOpens} more`,
  );
  report('log_open_10000_first_ms', first, 'ms');
  report('log_open_10000_ms', median(opens), 'ms');

  const incidentDir = join(temp, 'incident-data');
  await mkdir(incidentDir);
  const incident = await timeIncidentOpens(
    incidentDir,
    BUNDLED_DIR,
    LONG_LOG_ENTRIES,
    RUNS.logOpens,
    RUNS.incidentFirstOpens,
  );
  note(
    `incident open: ${LONG_LOG_ENTRIES} entries after opening, incidents.get through the core (check the log, replay it, render the runbook snapshot); *_first = the median of ${RUNS.incidentFirstOpens} first gets, each in a fresh Node process after a start; then the median of ${RUNS.logOpens} more in one process with the log already open`,
  );
  report('incident_open_10000_first_ms', median(incident.first), 'ms');
  report('incident_open_10000_first_max_ms', max(incident.first), 'ms');
  report('incident_open_10000_ms', median(incident.later), 'ms');
}

/** A guided-mode click (incidents.record of a step) on incidents of growing length. */
async function benchIncidentRecord(temp: string): Promise<void> {
  note(
    `incident record: ${RUNS.records} step clicks (done, then reopened) through the core on a "ransomware" incident of ${RECORD_AT_ENTRIES.join(' / ')} entries, log already open; median time to resolve (entry on disk), and the largest result as JSON`,
  );
  for (const entries of RECORD_AT_ENTRIES) {
    const dir = join(temp, `incident-record-${entries}`);
    await mkdir(dir);
    const times = await timeIncidentRecords(dir, BUNDLED_DIR, entries, RUNS.records);
    report(`record_median_ms_${entries}`, median(times.ms), 'ms');
    report(`record_response_bytes_${entries}`, max(times.bytes), 'bytes');
  }
}

// ---- markdown worst case ----

/**
 * The slowest of the pathological inputs (scripts/reliability/markdownFuzz.ts) at 100 KB, median
 * of 3 each: through `renderMarkdown`, and as a runbook file's introduction through parseRunbook +
 * renderRunbook (rendering reuses the check's inline tokens, main/shared/inlineMemo.ts). Then `renderMarkdown` at
 * 200 KB: twice the input may take at most about 2.5 times as long, or something is quadratic.
 */
function benchMarkdownWorstCase(): void {
  const time = (run: () => unknown): number =>
    median(
      [0, 1, 2].map(() => {
        const started = performance.now();
        run();
        return performance.now() - started;
      }),
    );
  const worst = (
    bytes: number,
    measure: (input: string) => number,
  ): { name: string; ms: number } => {
    let slowest = { name: '', ms: 0 };
    for (const { name, input } of pathologicalInputs(bytes, SEED)) {
      const ms = measure(input);
      if (ms > slowest.ms) slowest = { name, ms };
    }
    return slowest;
  };
  const render = (input: string): number => time(() => renderMarkdown(input));
  const markdown = worst(100 * 1024, render);
  const runbook = worst(100 * 1024, (input) => time(() => renderRunbookFile(asRunbookFile(input))));
  const doubled = worst(200 * 1024, render);
  const growth = doublingRatio(doubled.name);
  note(
    `markdown_worst_*: slowest of ${pathologicalInputs(1024, SEED).length} pathological inputs, median of 3; renderMarkdown at 100 KB "${markdown.name}", at 200 KB "${doubled.name}"; runbook path (parseRunbook + renderRunbook) at 100 KB "${runbook.name}"; markdown_doubling_ratio: "${doubled.name}" at 200 KB over the same input at 100 KB, medians of ${DOUBLING_PAIRS} runs of each, taken in turn`,
  );
  report('markdown_worst_100kb_ms', markdown.ms, 'ms');
  report('runbook_worst_100kb_ms', runbook.ms, 'ms');
  report('markdown_worst_200kb_ms', doubled.ms, 'ms');
  report('markdown_doubling_ratio', growth, 'x');
}

/**
 * Runs of each size behind the doubling ratio. Dividing the slowest 200 KB input by whichever
 * input was slowest at 100 KB, each a median of 3, compared two different inputs and swung from
 * 1.2 to 2.8 between runs on a quiet machine; one input at both sizes, in turn, many times, is
 * the growth itself.
 */
const DOUBLING_PAIRS = 9;

/** How much longer the pathological input `name` takes at 200 KB than at 100 KB. */
function doublingRatio(name: string): number {
  const inputOf = (bytes: number): string => {
    const found = pathologicalInputs(bytes, SEED).find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no pathological input named "${name}"`);
    return found.input;
  };
  const single = inputOf(100 * 1024);
  const double = inputOf(200 * 1024);
  const timed = (input: string): number => {
    const started = performance.now();
    renderMarkdown(input);
    return performance.now() - started;
  };
  const singles: number[] = [];
  const doubles: number[] = [];
  for (let i = 0; i < DOUBLING_PAIRS; i += 1) {
    singles.push(timed(single));
    doubles.push(timed(double));
  }
  return median(doubles) / median(singles);
}

/** One check line per target; a partial run (--only) checks only the figures it measured. */
function printChecks(isPartial = false): void {
  for (const [figure, limit] of TARGETS) {
    if (isPartial && !figures.has(figure)) continue;
    const value = figures.get(figure);
    if (value === undefined) console.log(`check ${figure} missing <= ${limit} FAIL`);
    else
      console.log(
        `check ${figure} ${round(value)} <= ${limit} ${value <= limit ? 'PASS' : 'FAIL'}`,
      );
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const [one, five] = loadavg();
  note(
    `holdfast bench: node ${process.version}, ${cpus().length} cpus, load average ${one?.toFixed(2)} / ${five?.toFixed(2)} (1 / 5 min)`,
  );
  const temp = await mkdtemp(join(tmpdir(), 'holdfast-bench-'));
  cleanups.push(() => rm(temp, { recursive: true, force: true }));

  // `npm run bench -- --only=log` measures just the evidence log, which needs no built renderer.
  if (process.argv.includes('--only=log')) {
    await benchEvidenceLog(temp);
    await benchIncidentRecord(temp);
    printChecks(true);
    return;
  }

  // `npm run bench -- --only=markdown` times the markdown pipeline's worst cases alone.
  if (process.argv.includes('--only=markdown')) {
    benchMarkdownWorstCase();
    printChecks(true);
    return;
  }

  const { css, js } = await rendererAssets();
  note(
    `load_index_*: warm = median of ${RUNS.bundled} (bundled) / ${RUNS.large} (1,000) runs in this process after a warm-up, no parse cache; cold = median of ${RUNS.cold} fresh Node processes, no parse cache (first start); cached = ${RUNS.cold} fresh processes reading the parse cache a previous start saved (every later start)`,
  );

  const userDir = join(temp, 'user-runbooks');
  await mkdir(userDir);

  // `npm run bench -- --only=reader` measures just the reader and bundle (a quicker loop while tuning).
  if (process.argv.includes('--only=reader')) {
    const browser = await chromium.launch(CHROMIUM);
    cleanups.push(() => browser.close());
    await benchReader(browser, temp, await loadAndIndex(BUNDLED_DIR, userDir), css);
    await benchFirstScreen(browser, temp);
    await benchBundle(js);
    printChecks(true);
    return;
  }

  // `npm run bench -- --only=search-paint` times just the search box over the 1,000 library.
  if (process.argv.includes('--only=search-paint')) {
    const largeDir = join(temp, 'library-1000');
    await writeLargeLibrary(largeDir, await loadAndIndex(BUNDLED_DIR, userDir));
    const browser = await chromium.launch(CHROMIUM);
    cleanups.push(() => browser.close());
    await benchSearchPaint(browser, temp, largeDir);
    printChecks(true);
    return;
  }

  const bundled = await benchLoad('load_index_bundled', BUNDLED_DIR, userDir, RUNS.bundled, temp);
  if (bundled.library.problems.some((p) => p.severity === 'error'))
    note('warning: the bundled runbooks have errors; run "npm run runbooks:check -- runbooks"');

  const largeDir = join(temp, 'library-1000');
  await writeLargeLibrary(largeDir, bundled);
  const large = await benchLoad('load_index_1000', largeDir, userDir, RUNS.large, temp);
  const errors = large.library.problems.filter((p) => p.severity === 'error');
  if (large.library.runbooks.size !== LIBRARY_SIZE || errors.length > 0) {
    throw new Error(
      `the generated library did not load cleanly: ${large.library.runbooks.size} runbooks, first error: ${JSON.stringify(errors[0])}`,
    );
  }
  await benchBreakdown(largeDir);
  benchSearch(large);

  const browser = await chromium.launch(CHROMIUM);
  cleanups.push(() => browser.close());
  await benchSearchPaint(browser, temp, largeDir);
  await benchReader(browser, temp, bundled, css);
  await benchFirstScreen(browser, temp);
  await benchBundle(js);
  await benchEvidenceLog(temp);
  await benchIncidentRecord(temp);
  benchMarkdownWorstCase();

  printChecks();
  note(`finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
// A hung browser or server must not hang CI for ever.
const watchdog = setTimeout(() => {
  console.error('# bench: gave up after 5 minutes');
  void cleanUp().finally(() => process.exit(1));
}, 5 * 60_000);

try {
  await main();
} catch (error: unknown) {
  console.error(`# bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanUp();
}
