import { describe, expect, it } from 'vitest';
import { href, INCIDENT_TABS, parseRoute, SETTINGS_SECTIONS, type Route } from './useRoute';

const INCIDENT = '20260301-0215-a1b2c3';

/** Every link the app makes, and the screen it must open. */
const LINKS: Array<[string, string, Route]> = [
  ['home', href.home, { name: 'home' }],
  [
    'a file to fix',
    href.fixRunbook('Our plan #2.md'),
    { name: 'fix-runbook', file: 'Our plan #2.md' },
  ],
  ['all runbooks', href.all, { name: 'all' }],
  ['not sure', href.notSure, { name: 'not-sure' }],
  ['settings', href.settings, { name: 'settings' }],
  ...SETTINGS_SECTIONS.map((section): [string, string, Route] => [
    `settings at ${section}`,
    href.settingsSection(section),
    { name: 'settings', section },
  ]),
  [
    'a situation',
    href.situation('ransom-or-locked'),
    { name: 'situation', category: 'ransom-or-locked' },
  ],
  ['a runbook', href.runbook('ransomware'), { name: 'runbook', id: 'ransomware' }],
  [
    'a runbook step',
    href.runbook('ransomware', 'isolate'),
    { name: 'runbook', id: 'ransomware', stepId: 'isolate' },
  ],
  ['incidents', href.incidents, { name: 'incidents' }],
  ['start an incident', href.startIncident(), { name: 'start-incident' }],
  [
    'start an incident from a runbook',
    href.startIncident('ransomware'),
    { name: 'start-incident', runbook: 'ransomware' },
  ],
  ...INCIDENT_TABS.map((tab): [string, string, Route] => [
    `an incident's ${tab} tab`,
    href.incident(INCIDENT, tab),
    { name: 'incident', id: INCIDENT, tab },
  ]),
  [
    'an incident step',
    href.incidentStep(INCIDENT, 'ransomware', 'isolate'),
    { name: 'incident', id: INCIDENT, tab: 'steps', runbook: 'ransomware', step: 'isolate' },
  ],
  [
    'a runbook in an incident, at its first step still to do',
    href.incidentStep(INCIDENT, 'ransomware'),
    { name: 'incident', id: INCIDENT, tab: 'steps', runbook: 'ransomware' },
  ],
  [
    'an incident report to print',
    href.incidentDocument(INCIDENT, 'report'),
    { name: 'incident-document', id: INCIDENT, kind: 'report' },
  ],
  [
    'a handover to print',
    href.incidentDocument(INCIDENT, 'handover'),
    { name: 'incident-document', id: INCIDENT, kind: 'handover' },
  ],
  ['exercises', href.exercises, { name: 'exercises' }],
  ['an exercise', href.exercise(INCIDENT), { name: 'exercise', id: INCIDENT }],
  ['the projector', href.projector(INCIDENT), { name: 'exercise-projector', id: INCIDENT }],
  [
    'an after-action report',
    href.exerciseReport(INCIDENT),
    { name: 'exercise-report', id: INCIDENT },
  ],
  [
    'inject cards',
    href.injectCards('ransomware-supplier'),
    { name: 'inject-cards', scenario: 'ransomware-supplier' },
  ],
  ['contacts', href.contacts(), { name: 'contacts' }],
  ['one contact', href.contacts('it-supplier'), { name: 'contacts', role: 'it-supplier' }],
  ['systems', href.systems(), { name: 'systems' }],
  ['one system', href.systems('emar'), { name: 'systems', system: 'emar' }],
  ['the grab-bag pack', href.grabBag, { name: 'grab-bag' }],
  ['the readiness checklist', href.readiness, { name: 'readiness' }],
  ['evidence for an assessor', href.evidence, { name: 'evidence' }],
  ['edit a runbook', href.editRunbook('ransomware'), { name: 'edit-runbook', id: 'ransomware' }],
  ['a new runbook', href.newRunbook(), { name: 'new-runbook' }],
  [
    'a copy of a runbook',
    href.newRunbook('ransomware'),
    { name: 'new-runbook', from: 'ransomware' },
  ],
  ['runbook packs', href.runbookPacks, { name: 'runbook-packs' }],
  ['import a plan', href.importPlan, { name: 'import-plan' }],
  ['a new scenario', href.newScenario, { name: 'edit-scenario', id: null }],
  [
    'edit a scenario',
    href.editScenario('lost-tablet'),
    { name: 'edit-scenario', id: 'lost-tablet' },
  ],
];

describe('every link opens the screen it names', () => {
  it.each(LINKS)('%s (%s)', (_name, link, route) => {
    expect(parseRoute(link)).toEqual(route);
  });

  it('covers every kind of route the app has', () => {
    // A Record over Route['name']: a new kind of route does not compile until it is listed here.
    const every: Record<Route['name'], true> = {
      home: true,
      situation: true,
      runbook: true,
      all: true,
      'not-sure': true,
      settings: true,
      readiness: true,
      evidence: true,
      contacts: true,
      incidents: true,
      'start-incident': true,
      incident: true,
      'incident-document': true,
      systems: true,
      'grab-bag': true,
      exercises: true,
      exercise: true,
      'exercise-projector': true,
      'exercise-report': true,
      'inject-cards': true,
      'edit-runbook': true,
      'new-runbook': true,
      'edit-scenario': true,
      'runbook-packs': true,
      'import-plan': true,
      'fix-runbook': true,
    };
    expect(new Set(LINKS.map(([, , route]) => route.name))).toEqual(new Set(Object.keys(every)));
  });

  it('keeps a name with a slash, a hash or spaces in one piece', () => {
    const role = 'out of hours / GP #2';
    expect(parseRoute(href.contacts(role))).toEqual({ name: 'contacts', role });
    expect(parseRoute(href.runbook('a/b', 'c#d'))).toEqual({
      name: 'runbook',
      id: 'a/b',
      stepId: 'c#d',
    });
  });
});

describe('addresses the app did not make', () => {
  it.each([
    ['an empty hash', ''],
    ['a bare #', '#'],
    ['an unknown screen', '#/nowhere'],
    ['a runbook with no id', '#/runbooks'],
    ['a situation with no category', '#/situations/'],
    ['edit with no runbook', '#/edit'],
    ['broken percent-encoding', '#/runbooks/%E0%A4%A'],
    ['a lone percent sign', '#/contacts/100%'],
  ])('opens the home screen for %s (%s)', (_name, hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'home' });
  });

  it('reads a route without the leading slash, and ignores doubled and trailing slashes', () => {
    expect(parseRoute('#settings')).toEqual({ name: 'settings' });
    // A part Settings does not have opens Settings at the top.
    expect(parseRoute('#/settings/nonsense')).toEqual({ name: 'settings' });
    expect(parseRoute('#//runbooks//ransomware/')).toEqual({ name: 'runbook', id: 'ransomware' });
  });

  it('opens an incident on its steps tab when the tab is unknown', () => {
    expect(parseRoute(`#/incidents/${INCIDENT}/nonsense`)).toEqual({
      name: 'incident',
      id: INCIDENT,
      tab: 'steps',
    });
  });

  it('opens a runbook of an incident for a step address whose step id is empty', () => {
    // An older build wrote this address for "go to the ransomware runbook".
    expect(parseRoute(`#/incidents/${INCIDENT}/steps/ransomware/`)).toEqual({
      name: 'incident',
      id: INCIDENT,
      tab: 'steps',
      runbook: 'ransomware',
    });
  });

  it('opens the incident itself for a print address of an unknown kind', () => {
    expect(parseRoute(`#/incidents/${INCIDENT}/print/everything`)).toEqual({
      name: 'incident',
      id: INCIDENT,
      tab: 'steps',
    });
  });
});
