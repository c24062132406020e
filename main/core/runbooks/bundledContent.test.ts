import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runbook, Step } from '../../contract/types';
import {
  plainSentences,
  readingGrade,
  spokenSyllables,
  stepText,
} from './__fixtures__/readingGrade';
import type { LoadedLibrary } from './library';
import { loadRunbooks } from './loadRunbooks';

/**
 * What the bundled advice must stay like for a stressed reader at 2 a.m.: short first phases,
 * plain words, and the safety rules that were easy to get wrong (cutting off an infected
 * computer, the 72-hour report, when the police make a CQC notification necessary).
 */
const BUNDLED = resolve(import.meta.dirname, '../../../runbooks');

let library: LoadedLibrary;
let runbooks: Runbook[];
beforeAll(async () => {
  ({ library } = await loadRunbooks({
    bundledDir: BUNDLED,
    userDir: join(BUNDLED, 'no-user-folder'),
  }));
  runbooks = [...library.runbooks.values()].sort((a, b) => a.id.localeCompare(b.id));
});

const fileOf = (runbook: Runbook) => readFileSync(join(BUNDLED, `${runbook.id}.md`), 'utf8');
const steps = (runbook: Runbook): Step[] => runbook.phases.flatMap((phase) => phase.steps);
const stepMarkdown = (step: Step) =>
  [step.text, step.details, ...step.options.map((option) => option.text)].join('\n');

describe('the reading-grade measure', () => {
  it('scores a short plain sentence below grade 1 and a long, many-syllable one far above', () => {
    expect(readingGrade('## A {#a}\n\n1. The cat sat on the mat. {#b}').grade).toBeLessThan(1);
    const hard = readingGrade(
      'Organisational accountability necessitates comprehensive documentation of administrative notifications.',
    );
    expect(hard.grade).toBeGreaterThan(15);
  });

  it('reads acronyms letter by letter and a placeholder as one plain word', () => {
    expect(spokenSyllables('CQC')).toBe(3);
    expect(spokenSyllables('DSPT')).toBe(4);
    expect(spokenSyllables('paper')).toBe(2);
    expect(plainSentences('Phone {{contact:csoc}} now. {#call}')).toEqual([
      ['Phone', 'this', 'now'],
    ]);
  });

  it('counts only the steps, from the first phase heading on', () => {
    const file =
      '---\nid: x\n---\n\nAn intro that is not counted.\n\n## Do {#do}\n\n1. Act now. {#act}\n';
    expect(plainSentences(stepText(file))).toEqual([['Do'], ['Act', 'now']]);
  });
});

describe('bundled runbooks under stress', () => {
  it('keep every runbook at Flesch-Kincaid grade 7 or below, and the library at 6 or below on average', () => {
    const grades = runbooks.map((runbook) => ({
      id: runbook.id,
      grade: readingGrade(stepText(fileOf(runbook))).grade,
    }));
    expect(grades.length).toBeGreaterThanOrEqual(20);
    for (const { id, grade } of grades) expect(grade, id).toBeLessThanOrEqual(7);
    const average = grades.reduce((sum, entry) => sum + entry.grade, 0) / grades.length;
    expect(average).toBeLessThanOrEqual(6);
  });

  it('put at most 6 steps in the first phase of every incident runbook (guides are exempt)', () => {
    const incidents = runbooks.filter((runbook) => runbook.category !== 'guide');
    expect(incidents.length).toBeGreaterThanOrEqual(15);
    for (const runbook of incidents) {
      expect(runbook.phases[0]?.steps.length ?? 0, runbook.id).toBeGreaterThan(0);
      expect(runbook.phases[0]?.steps.length ?? 0, runbook.id).toBeLessThanOrEqual(6);
    }
  });

  it('keep the ransomware runbook under 1,300 words', () => {
    const ransomware = library.runbooks.get('ransomware');
    expect(ransomware).toBeDefined();
    const body = fileOf(ransomware as Runbook).replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(plainSentences(body).flat().length).toBeLessThan(1300);
  });
});

describe('cutting off an affected computer', () => {
  it('is a default in every step that shows the supplier instruction: cable and Wi-Fi out, left switched on', () => {
    const isolationSteps = runbooks.flatMap((runbook) =>
      steps(runbook)
        .filter((step) => stepMarkdown(step).includes('{{setting:isolation-instruction}}'))
        .map((step) => ({ where: `${runbook.id}#${step.id}`, markdown: stepMarkdown(step) })),
    );
    expect(isolationSteps.map((step) => step.where)).toEqual(
      expect.arrayContaining([
        'first-15-minutes#hands-off',
        'ransomware#isolate-devices',
        'malware-one-device#isolate-device',
        'clicked-link#isolate-device',
        'national-outage#hands-off',
      ]),
    );
    for (const { where, markdown } of isolationSteps) {
      expect(markdown, where).toMatch(/network cable/i);
      expect(markdown, where).toMatch(/Wi-Fi/);
      expect(markdown, where).toMatch(/leave (it|them|the (computer|device)) switched on/i);
      // The supplier's instruction stands on a line of its own, so it never runs into a sentence.
      expect(markdown, where).toMatch(/^\s*\{\{setting:isolation-instruction\}\}\s*$/m);
    }
  });

  it('never tells staff to wait for, or ask, the IT supplier before disconnecting', () => {
    const waiting = [
      /(ask|phone|call|wait for)[^.\n]*before (you )?(do anything|switch|unplug|disconnect)/i,
      /\b(do not|don't)\b[^.\n]*\bunplug (it|them|the|computers)/i,
      /unless your IT supplier has told you/i,
      /advice differs/i,
    ];
    for (const runbook of runbooks) {
      const body = stepText(fileOf(runbook));
      for (const pattern of waiting) expect(body, `${runbook.id}: ${pattern}`).not.toMatch(pattern);
    }
  });

  it('unplugs a connected backup drive or NAS in the ransomware runbook', () => {
    const step = steps(library.runbooks.get('ransomware') as Runbook).find(
      (candidate) => candidate.id === 'isolate-devices',
    );
    expect(step && stepMarkdown(step)).toMatch(
      /Unplug any backup drive or network storage box \(NAS\)/,
    );
  });
});

describe('reporting duties in the steps', () => {
  it('says in every breach-report step: as soon as you can, 72 hours is the latest, and report late with the reason', () => {
    const reportSteps = runbooks.flatMap((runbook) =>
      steps(runbook)
        .filter((step) => step.id === 'report-dspt')
        .map((step) => ({ where: runbook.id, markdown: stepMarkdown(step) })),
    );
    expect(reportSteps.length).toBeGreaterThanOrEqual(10);
    for (const { where, markdown } of reportSteps) {
      expect(markdown, where).toMatch(/as soon as you can|Report what you know now/);
      expect(markdown, where).toMatch(/72 hours from finding out is the latest/);
      expect(markdown, where).toMatch(/past 72 hours, still report it, and say why it is late/);
    }
  });

  it('never says that any police report means CQC must be told', () => {
    for (const runbook of runbooks) {
      const body = stepText(fileOf(runbook));
      expect(body, runbook.id).not.toMatch(/(police know|to the police)[^.\n]*, CQC must be told/i);
      expect(body, runbook.id).not.toMatch(/that the police have been told/i);
      expect(body, runbook.id).not.toMatch(/has it been reported to the police\?/i);
    }
  });

  it('checks a printed MAR chart for changes since printing wherever the paper MAR fallback appears', () => {
    const marSteps = runbooks.flatMap((runbook) =>
      steps(runbook)
        .filter((step) => /printed (MAR|medicines) chart/i.test(stepMarkdown(step)))
        .map((step) => ({ where: `${runbook.id}#${step.id}`, markdown: stepMarkdown(step) })),
    );
    expect(marSteps.map((step) => step.where)).toEqual(
      expect.arrayContaining([
        'care-on-paper#paper-mar',
        'care-record-system-down#paper-mar',
        'ransomware#paper-mar',
      ]),
    );
    for (const { where, markdown } of marSteps) {
      expect(markdown, where).toMatch(/changed since it was printed|changes since it was printed/);
      expect(markdown, where).toMatch(/discharge letters/);
      expect(markdown, where).toMatch(/communication book/);
      expect(markdown, where).toMatch(/Write (on the chart |down )what you checked/);
    }
  });
});
