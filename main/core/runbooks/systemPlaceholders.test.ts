import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runbook, SystemEntry } from '../../contract/types';
import { checkFolder } from './checkFolder';
import { runbookSource } from './__fixtures__/runbookSource';
import { toRunbook } from './library';
import { parseRunbook } from './parseRunbook';
import { renderRunbook, type SystemLookup } from './renderRunbook';

const BUNDLED = resolve(import.meta.dirname, '../../../runbooks');
const encode = (text: string) => new TextEncoder().encode(text);

/** A runbook with `systems: [...]` in front matter (file line 9) and a phase heading on line 12: its first step is on line 14. */
const source = (systems: string[], body: string[]) =>
  runbookSource({
    extraFront: [`systems: [${systems.join(', ')}]`],
    body: ['', '## Keep care going {#care}', '', ...body],
  });

function runbookFrom(systems: string[], body: string[]): Runbook {
  const { runbook, problems } = parseRunbook(encode(source(systems, body)), 'runbooks/t.md');
  if (!runbook) throw new Error(JSON.stringify(problems));
  return toRunbook(
    { parsed: runbook, file: 'runbooks/t.md', source: 'bundled', overridesBundled: false },
    new Map(),
  );
}

const entry = (
  system: string,
  record: Partial<NonNullable<SystemEntry['record']>> | null,
): SystemEntry => ({
  system,
  label: system === 'emar' ? 'eMAR (electronic medicines records)' : 'Rota and staff scheduling',
  isCustom: false,
  suggestedSupplierRole: null,
  record: record && {
    system,
    inUse: true,
    supplierRole: null,
    impact: 9,
    fallback: '',
    paperLocation: '',
    notes: '',
    lastReviewed: '2026-01-01',
    ...record,
  },
  status: 'recorded',
  isStale: false,
  supplier: null,
});

const SETTINGS = {
  organisationName: '',
  providerType: null,
  pharmacyCqcRegistered: false,
  isolationInstruction: '',
  contractClocks: [],
};

describe('{{system:<id>.<field>}} placeholders', () => {
  const body = [
    '1. Get the paper charts. {#charts}',
    '',
    '   Your paper medicines sheets are kept in: {{system:emar.paper-location}}',
    '',
    '   Rota: {{system:rota.paper-location}}. Fallback: {{system:emar.fallback}}. Impact: {{system:emar.impact}}.',
  ];

  it('shows the paper location the provider recorded, in the step', () => {
    const systems: SystemLookup = (id) =>
      id === 'emar'
        ? entry('emar', { paperLocation: 'Red folder, clinic room', fallback: 'Paper MAR' })
        : undefined;
    const view = renderRunbook(runbookFrom(['emar', 'rota'], body), SETTINGS, systems);
    const details = view.html.steps.charts?.details ?? '';
    expect(details).toContain(
      'Your paper medicines sheets are kept in: <span class="system-ref"><bdi>Red folder, clinic room</bdi></span>',
    );
    expect(details).toContain('Fallback: <span class="system-ref"><bdi>Paper MAR</bdi></span>');
    expect(details).toContain('Impact: <span class="system-ref"><bdi>9 out of 10</bdi></span>');
    expect(view.systemEntries.map((shown) => shown.system)).toEqual(['emar']);
  });

  it('says plainly when nothing is recorded yet, with a link to add it in Systems', () => {
    const systems: SystemLookup = (id) => entry(id, id === 'emar' ? { paperLocation: '' } : null);
    const details =
      renderRunbook(runbookFrom(['emar', 'rota'], body), SETTINGS, systems).html.steps.charts
        ?.details ?? '';
    expect(details).toContain(
      'kept in: <span class="system-ref system-ref-missing">not recorded yet — <a href="#/systems/emar" data-system="emar">add it in Systems<span class="visually-hidden"> (eMAR (electronic medicines records): where the paper copy is kept)</span></a></span>',
    );
    expect(details).toContain(
      'Rota: <span class="system-ref system-ref-missing">not recorded yet — <a href="#/systems/rota"',
    );
  });

  it('says "not used here" for a system the provider does not use', () => {
    const systems: SystemLookup = (id) => entry(id, { inUse: false, impact: null });
    expect(
      renderRunbook(runbookFrom(['emar', 'rota'], body), SETTINGS, systems).html.steps.charts
        ?.details,
    ).toContain('kept in: <span class="system-ref"><bdi>not used here</bdi></span>');
  });

  it('checks each placeholder and the front matter list: an unknown field is an error, an unknown system a warning', () => {
    const { runbook, problems } = parseRunbook(
      encode(
        source(
          ['emar', 'laptops'],
          [
            '1. Find the charts: {{system:emar.paper-location}} {#charts}', // file 14
            '2. Lift: {{system:lift.paper-location}} {#lift}', // file 15
            '3. Colour: {{system:emar.colour}} {#colour}', // file 16
            '4. No field: {{system:emar}} {#nofield}', // file 17
            '5. Rota: {{system:rota.fallback}} {#rota}', // file 18
          ],
        ),
      ),
      'runbooks/t.md',
    );
    expect(runbook).toBeNull();
    expect(
      problems.map(({ line, severity, message }) => `${line}: ${severity}: ${message}`),
    ).toEqual([
      '9: warning: front matter: unknown system "laptops" in "systems" (Holdfast\'s systems are: care-records, emar, rota, call-monitoring, email, phones, call-bells, internet, payroll, door-entry)',
      '15: warning: unknown system "lift" in {{system:lift.paper-location}}. (Holdfast\'s systems are: care-records, emar, rota, call-monitoring, email, phones, call-bells, internet, payroll, door-entry)',
      '16: error: "colour" in {{system:emar.colour}} is not something Holdfast records for a system. (It records: paper-location, fallback, impact.)',
      '17: error: {{system:emar}} needs a field after a dot, such as {{system:emar.paper-location}} (fields: paper-location, fallback, impact)',
      '18: warning: system "rota" is used but not listed in the front matter "systems"',
    ]);
  });

  it('finds the line of a bad system in a block list in front matter', () => {
    const text = runbookSource({
      extraFront: ['systems:', '  - emar', '  - backups'],
      body: ['', '## Care {#care}', '', '1. Do it. {#do}'],
    });
    const { problems } = parseRunbook(encode(text), 'runbooks/t.md');
    expect(problems).toEqual([
      expect.objectContaining({
        line: 11,
        severity: 'warning',
        message: expect.stringContaining('unknown system "backups"') as unknown,
      }),
    ]);
  });

  describe('npm run runbooks:check', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'holdfast-check-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reports an unknown system or field as file:line problems', async () => {
      await writeFile(
        join(dir, 'ours.md'),
        source(
          ['emar'],
          ['1. Charts: {{system:emar.shelf}} and {{system:emr.paper-location}} {#charts}'],
        ),
      );
      const { problems, count } = await checkFolder(dir, BUNDLED);
      expect(count).toBe(0);
      expect(
        problems.map(
          (problem) =>
            `${problem.file.split('/').at(-1)}:${problem.line}: ${problem.message.split(' (')[0]}`,
        ),
      ).toEqual([
        'ours.md:14: "shelf" in {{system:emar.shelf}} is not something Holdfast records for a system.',
        'ours.md:14: unknown system "emr" in {{system:emr.paper-location}}. Did you mean "emar"?',
      ]);
    });
  });
});
