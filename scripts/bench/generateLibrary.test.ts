import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runbook } from '../../main/contract/types';
import { buildCorpus, type Corpus } from './corpus';
import { generateRunbooks } from './generateLibrary';
import { loadAndIndex } from './loadIndex';
import { renderStaticReader } from './staticReader';

const BUNDLED = resolve(import.meta.dirname, '..', '..', 'runbooks');
let temp: string;
let bundled: Map<string, Runbook>;
let corpus: Corpus;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'holdfast-bench-test-'));
  await mkdir(join(temp, 'user'));
  bundled = (await loadAndIndex(BUNDLED, join(temp, 'user'))).library.runbooks;
  corpus = buildCorpus(bundled.values());
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe('generateRunbooks', () => {
  it('is the same for the same seed', () => {
    expect(generateRunbooks(corpus, 5, 1)).toEqual(generateRunbooks(corpus, 5, 1));
    expect(generateRunbooks(corpus, 5, 2)).not.toEqual(generateRunbooks(corpus, 5, 1));
  });

  it('writes runbooks the app loads without a single problem, in the documented shape', async () => {
    const dir = join(temp, 'generated');
    await mkdir(dir);
    const files = generateRunbooks(corpus, 60, 7);
    await Promise.all(files.map((file) => writeFile(join(dir, file.name), file.text)));
    // The national contacts pack lives with the bundled runbooks; load it from there.
    await copyFile(join(BUNDLED, 'national-contacts.json'), join(dir, 'national-contacts.json'));

    const { library } = await loadAndIndex(dir, join(temp, 'user'));
    expect(library.problems).toEqual([]);
    expect(library.runbooks.size).toBe(60);
    const runbooks = [...library.runbooks.values()];
    for (const runbook of runbooks) {
      const steps = runbook.phases.flatMap((phase) => phase.steps);
      expect(runbook.phases.length).toBeGreaterThanOrEqual(4);
      expect(runbook.phases.length).toBeLessThanOrEqual(5);
      expect(steps.length).toBeGreaterThanOrEqual(10);
      expect(steps.length).toBeLessThanOrEqual(25);
      expect(
        runbook.phases.every((phase) => phase.steps.length >= 1 && phase.steps.length <= 9),
      ).toBe(true);
    }
    const allSteps = runbooks.flatMap((runbook) => runbook.phases.flatMap((phase) => phase.steps));
    expect(
      allSteps.some(
        (step) => step.kind === 'decision' && step.options.some((option) => option.goto?.step),
      ),
    ).toBe(true);
    expect(allSteps.some((step) => step.contacts.length > 0)).toBe(true);
    expect(runbooks.some((runbook) => runbook.links.length > 0)).toBe(true);
  });
});

describe('renderStaticReader', () => {
  it('renders the reader markup the benchmark waits for, one li.step per step', () => {
    const runbook = bundled.get('ransomware') ?? [...bundled.values()][0];
    if (!runbook) throw new Error('no bundled runbook');
    const html = renderStaticReader(runbook, '/assets/app.css');
    const steps = runbook.phases.reduce((sum, phase) => sum + phase.steps.length, 0);
    expect(html.match(/<li id="step-[^"]+" class="step /g)).toHaveLength(steps);
    expect(html).toContain('<article class="reader"');
    expect(html).toContain('<h1 id="page-title"');
    expect(html).toContain('<link rel="stylesheet" href="/assets/app.css">');
    expect(html).not.toMatch(/<script/i);
  });
});
