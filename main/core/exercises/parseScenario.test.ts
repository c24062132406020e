import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFolder } from '../runbooks/checkFolder';
import { BUNDLED_DIR } from '../__fixtures__/testCore';
import { loadNationalContacts, loadRunbooks } from '../runbooks/loadRunbooks';
import { parseScenario } from './parseScenario';
import { loadScenarios, scenariosDir } from './scenarioLibrary';
import { runbookSource } from '../runbooks/__fixtures__/runbookSource';

/** Front matter is file lines 1–9, so body line N is file line 9 + N. */
function scenarioSource(body: string[], extraFront: string[] = []): string {
  return [
    '---',
    'id: test-scenario',
    'title: A test scenario',
    'summary: Used only by the tests.',
    'duration: 60',
    'reviewed: 2026-01-15',
    'owner: Holdfast tests',
    'version: 1',
    ...extraFront,
    '---',
    ...body,
  ].join('\n');
}

const SECTIONS = [
  '## Background {#background}',
  '',
  'It is Monday.',
  '',
  '## Objectives {#objectives}',
  '',
  '- Test the plan.',
  '',
  '## Roles {#roles}',
  '',
  '- **Facilitator**: reads the injects.',
  '',
  '## Injects {#injects}',
  '',
];
const INJECT = [
  '### The app is down {#app-down}',
  '',
  'Release: 0 minutes',
  'Runbook: care-record-system-down',
  '',
  'Nobody can log in.',
  '',
  '#### Expected actions',
  '',
  '- Get the paper charts.',
  '',
  '#### Discussion questions',
  '',
  '- Where are they kept?',
  '',
];

const parse = (text: string) => parseScenario(new TextEncoder().encode(text), 'scenarios/test.md');
const errors = (text: string) =>
  parse(text)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.line}: ${p.message}`);

describe('parseScenario', () => {
  it('reads background, objectives, roles and each inject with its release time, runbook, text, actions and questions', () => {
    const manual = [
      '### The supplier rings {#supplier-rings}',
      '',
      'Release: manual',
      '',
      'They say it is an attack.',
    ];
    const { scenario, problems } = parse(scenarioSource([...SECTIONS, ...INJECT, ...manual]));
    expect(problems).toEqual([]);
    expect(scenario?.background).toBe('It is Monday.');
    expect(scenario?.objectives).toEqual(['Test the plan.']);
    expect(scenario?.roles).toEqual(['**Facilitator**: reads the injects.']);
    expect(
      scenario?.injects.map(
        ({ id, title, releaseAfterMinutes, runbook, text, expected, questions, line }) => ({
          id,
          title,
          releaseAfterMinutes,
          runbook,
          text,
          expected,
          questions,
          line,
        }),
      ),
    ).toEqual([
      {
        id: 'app-down',
        title: 'The app is down',
        releaseAfterMinutes: 0,
        runbook: 'care-record-system-down',
        text: 'Nobody can log in.',
        expected: ['Get the paper charts.'],
        questions: ['Where are they kept?'],
        line: 24,
      },
      {
        id: 'supplier-rings',
        title: 'The supplier rings',
        releaseAfterMinutes: null,
        runbook: null,
        text: 'They say it is an attack.',
        expected: [],
        questions: [],
        line: 39,
      },
    ]);
  });

  it('reports a missing or malformed Release line at its file line', () => {
    const noRelease = ['### The app is down {#app-down}', '', 'Nobody can log in.'];
    expect(errors(scenarioSource([...SECTIONS, ...noRelease]))).toEqual([
      '26: inject "app-down" needs a line "Release: 10 minutes" or "Release: manual" straight under its heading',
    ]);
    const badRelease = [
      '### The app is down {#app-down}',
      '',
      'Release: soon',
      '',
      'Nobody can log in.',
    ];
    expect(errors(scenarioSource([...SECTIONS, ...badRelease]))).toEqual([
      '26: release "soon" is not valid: write "manual" or the minutes after the start, such as "15 minutes" (at most 480)',
    ]);
    const textInFields = [
      '### The app is down {#app-down}',
      '',
      'Release: 5 minutes',
      'Nobody can log in.',
      '',
      'More text.',
    ];
    expect(errors(scenarioSource([...SECTIONS, ...textInFields]))[0]).toMatch(
      /^27: "Nobody can log in\." is not an inject field/,
    );
  });

  it('refuses inject headings without an id, duplicate ids, unknown sections and unknown inject parts', () => {
    const body = [
      ...SECTIONS,
      '### No id here',
      '',
      ...INJECT,
      ...INJECT.map((line) => line.replace('The app is down', 'Again')),
      '#### Notes for later',
      '',
      '## Appendix',
    ];
    expect(errors(scenarioSource(body))).toEqual([
      '24: inject "No id here" has no id: add {#a-short-id} at the end of its heading',
      '41: duplicate inject id "app-down" (first used on line 26)',
      '56: unknown part "Notes for later" in an inject: use "#### Expected actions" or "#### Discussion questions"',
      '58: unknown section "Appendix": a scenario has the sections Background, Objectives, Roles and Injects',
    ]);
  });

  it('needs every section, and says which is missing', () => {
    expect(errors(scenarioSource(['## Background {#background}', '', 'It is Monday.']))).toEqual([
      '10: the scenario needs a "## Objectives" section with a bullet list of what the exercise tests',
      '10: the scenario needs a "## Roles" section with a bullet list of who takes part',
      '10: the scenario needs a "## Injects" section with at least one "### Inject title {#id}"',
    ]);
  });

  it('warns about injects timed out of order or after the planned duration', () => {
    const late = INJECT.map((line) =>
      line.replace('0 minutes', '90 minutes').replace('app-down', 'late'),
    );
    const early = INJECT.map((line) =>
      line.replace('0 minutes', '10 minutes').replace('app-down', 'early'),
    );
    const { scenario, problems } = parse(scenarioSource([...SECTIONS, ...late, ...early]));
    expect(scenario).not.toBeNull();
    expect(problems.map((p) => `${p.severity} ${p.line}: ${p.message}`)).toEqual([
      'warning 39: inject "early" is timed earlier (10 minutes) than an inject above it; injects are released in the order they are written',
      'warning 24: inject "late" is released after 90 minutes, later than the scenario\'s duration (60 minutes)',
    ]);
  });

  it('checks the front matter as strictly and safely as a runbook header', () => {
    expect(errors(scenarioSource([...SECTIONS, ...INJECT], ['durations: 60']))).toEqual([
      '9: front matter: "durations" is not a setting Holdfast knows (check the spelling)',
    ]);
    expect(errors(scenarioSource([...SECTIONS, ...INJECT], ['runbooks: &x [a]']))).toEqual([
      '9: front matter: anchors and aliases (&name, *name) are not allowed',
    ]);
    expect(errors(`---js\n${scenarioSource(SECTIONS).slice(4)}`)).toEqual([
      '1: front matter must open with a line of exactly "---" (language tags such as "---js" are not allowed)',
    ]);
  });
});

describe('scenario library', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads the seven bundled scenarios with no problems', async () => {
    const { library, national } = await loadRunbooks({
      bundledDir: BUNDLED_DIR,
      userDir: join(BUNDLED_DIR, 'no-such-folder'),
    });
    const loaded = await loadScenarios({
      folders: [{ dir: scenariosDir(BUNDLED_DIR), label: 'scenarios', source: 'bundled' }],
      runbooks: library.runbooks,
      national: new Map(national.map((c) => [c.id, c])),
    });
    expect(loaded.problems).toEqual([]);
    expect([...loaded.scenarios.keys()].sort()).toEqual([
      'broadband-callbells-overnight',
      'clicked-link-ransomware',
      'gp-practice-outage',
      'invoice-fraud',
      'lost-tablet',
      'nhsmail-compromised',
      'supplier-ransomware',
    ]);
    for (const { parsed } of loaded.scenarios.values()) {
      expect(parsed.injects.length).toBeGreaterThanOrEqual(4);
      expect(parsed.injects.some((inject) => inject.releaseAfterMinutes === null)).toBe(true);
    }
  });

  it('reports a runbook that does not exist at the line naming it, through the runbooks checker', async () => {
    dir = await mkdtemp(join(tmpdir(), 'holdfast-scenarios-'));
    await mkdir(join(dir, 'scenarios'));
    const broken = INJECT.map((line) => line.replace('care-record-system-down', 'no-such-runbook'));
    await writeFile(join(dir, 'scenarios', 'broken.md'), scenarioSource([...SECTIONS, ...broken]));
    const { problems, scenarios } = await checkFolder(dir, BUNDLED_DIR);
    expect(scenarios).toBe(0);
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/scenarios\/broken\.md$/) as string,
        line: 27,
        severity: 'error',
        message: 'inject "app-down" exercises runbook "no-such-runbook", which does not exist',
      },
    ]);
    expect((await loadNationalContacts(BUNDLED_DIR)).problems).toEqual([]);
  });

  it('says when an inject exercises a runbook that is still a draft', async () => {
    dir = await mkdtemp(join(tmpdir(), 'holdfast-scenarios-'));
    await mkdir(join(dir, 'scenarios'));
    await writeFile(
      join(dir, 'draft-plan.md'),
      runbookSource({
        id: 'draft-plan',
        extraFront: ['status: draft'],
        body: ['', '## Contain {#contain}', '', '1. Unplug it. {#unplug}'],
      }),
    );
    const drafted = INJECT.map((line) => line.replace('care-record-system-down', 'draft-plan'));
    await writeFile(
      join(dir, 'scenarios', 'drafted.md'),
      scenarioSource([...SECTIONS, ...drafted]),
    );
    const { problems, scenarios } = await checkFolder(dir, BUNDLED_DIR);
    expect(scenarios).toBe(1);
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/scenarios\/drafted\.md$/) as string,
        line: 27,
        severity: 'warning',
        message:
          'inject "app-down" exercises runbook "draft-plan", which is a draft: it cannot be used in an exercise until it is published',
      },
    ]);
  });
});
