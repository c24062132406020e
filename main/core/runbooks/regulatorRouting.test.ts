import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runbook, Settings, Step } from '../../contract/types';
import type { ProviderType } from '../../contract/vocabulary';
import { cqcApplies, regulatorSummary } from '../../shared/regulators';
import type { LoadedLibrary } from './library';
import { loadRunbooks } from './loadRunbooks';
import { renderRunbook } from './renderRunbook';

const BUNDLED = resolve(import.meta.dirname, '../../../runbooks');

let whoDoITell: Runbook;
beforeAll(async () => {
  const { library }: { library: LoadedLibrary } = await loadRunbooks({
    bundledDir: BUNDLED,
    userDir: join(BUNDLED, 'no-user-folder'),
  });
  const found = library.runbooks.get('who-do-i-tell');
  if (!found) throw new Error('who-do-i-tell is not bundled');
  whoDoITell = found;
});

const step = (id: string): Step => {
  const found = whoDoITell.phases.flatMap((phase) => phase.steps).find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};

/** Where the option whose label starts with `label` leads, as a step id in this runbook. */
const leadsTo = (stepId: string, label: string): string | undefined =>
  step(stepId).options.find((option) => option.label.startsWith(label))?.goto?.step;

const settingsFor = (
  providerType: ProviderType | null,
  pharmacyCqcRegistered = false,
): Settings => ({
  organisationName: '',
  providerType,
  pharmacyCqcRegistered,
  isolationInstruction: '',
  contractClocks: [],
});

describe('"Who do I tell?" sends each kind of provider to its own regulator', () => {
  it.each([
    ['Care home', 'cqc-question'],
    ['Dental practice', 'cqc-question'],
    ['GP practice', 'cqc-question'],
    ['Pharmacy', 'tell-icb-pharmacy'],
  ])('%s goes to %s', (label, target) => {
    expect(leadsTo('provider-type-question', label)).toBe(target);
  });

  it('a pharmacy tells its ICB, then reaches the CQC question only if it is also registered with CQC', () => {
    const phases = whoDoITell.phases.flatMap((phase) => phase.steps.map((s) => s.id));
    // Straight after the ICB step comes the pharmacy's own CQC question, never "tell CQC".
    expect(phases[phases.indexOf('tell-icb-pharmacy') + 1]).toBe('pharmacy-cqc-question');
    expect(step('tell-icb-pharmacy').details).toMatch(/phone them/);
    expect(step('tell-icb-pharmacy').details).toMatch(/General Pharmaceutical Council/);
    expect(leadsTo('pharmacy-cqc-question', 'Yes')).toBe('cqc-question');
    expect(leadsTo('pharmacy-cqc-question', 'No')).toBe('harm-question');
  });

  it('tells GP practices that a notification already made to NHS England is enough', () => {
    expect(step('notify-cqc').details).toContain(
      'GP practices: you do not need to send this to CQC if you have already told NHS England',
    );
  });

  it.each([
    ['care-home', false, /Care home, registered with CQC/],
    ['home-care', false, /Home care, registered with CQC/],
    ['dental', false, /Dental practice, registered with CQC/],
    ['gp', false, /already told NHS England/],
    ['pharmacy', false, /not with CQC\. Tell your ICB pharmacy contract team/],
    ['pharmacy', true, /and also with CQC/],
  ] as const)(
    'shows a %s (also CQC: %s) its regulator from Settings at the provider question',
    (type, cqc, expected) => {
      const view = renderRunbook(whoDoITell, settingsFor(type, cqc));
      expect(view.html.steps['provider-type-question']?.details).toMatch(expected);
    },
  );

  it('asks for the type of service in Settings until it is chosen', () => {
    const view = renderRunbook(whoDoITell, settingsFor(null));
    expect(view.html.steps['provider-type-question']?.details).toContain(
      'not recorded yet — choose your type of service in Settings',
    );
  });
});

describe('which providers CQC regulates', () => {
  it.each([
    ['care-home', false, true],
    ['home-care', false, true],
    ['gp', false, true],
    ['dental', false, true],
    ['pharmacy', false, false],
    ['pharmacy', true, true],
    [null, false, true],
  ] as const)('%s (pharmacy also CQC: %s): CQC applies = %s', (type, cqc, expected) => {
    expect(cqcApplies(settingsFor(type, cqc))).toBe(expected);
  });

  it('has a plain sentence for every type of service, and none until one is chosen', () => {
    expect(regulatorSummary(settingsFor(null))).toBeNull();
    for (const type of ['care-home', 'home-care', 'gp', 'dental', 'pharmacy'] as const)
      expect(regulatorSummary(settingsFor(type))).toMatch(/registered with/);
  });
});
