// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Phase, RunbookView, Step } from '../../../main/contract/types';
import { GuidedSteps } from './GuidedSteps';
import { openIncidentView } from './__fixtures__/incidentView';

// Guided mode asks the core for little else (the library, for runbooks to add): nothing here.
vi.mock('../../api', () => ({
  request: vi.fn(async () => ({ ok: false, error: { code: 'NOT_FOUND', message: '' } })),
  takeSettled: () => undefined,
}));
afterEach(cleanup);

const step = (id: string, number: number, text: string, after?: string): Step => ({
  id,
  number,
  kind: 'action',
  text,
  details: '',
  options: [],
  contacts: [],
  line: number,
  ...(after ? { after } : {}),
});

const phase: Phase = {
  id: 'safe',
  title: 'Make it safe',
  intro: 'Water and electricity can kill.',
  steps: [step('keep-away', 1, 'Keep everyone away.', 'Only an electrician turns the power on.')],
  line: 3,
};

// Only the parts of a runbook guided mode reads.
const runbookView = {
  id: 'flood',
  title: 'Server room flooded',
  phases: [phase],
  contacts: [],
  clocks: [],
  html: {
    intro: '',
    phases: { safe: '<p>Water and electricity can kill.</p>' },
    steps: {
      'keep-away': {
        text: 'Keep everyone away.',
        details: '',
        options: [],
        after: '<p>Only an electrician turns the power on.</p>',
      },
    },
  },
} as unknown as RunbookView;

describe('guided mode', () => {
  it('shows the phase introduction at its first step and the text written after the step', () => {
    const view = openIncidentView({
      runbooks: [
        {
          id: 'flood',
          title: 'Server room flooded',
          version: 1,
          sha256: 'abc',
          view: runbookView,
          newerVersionAvailable: false,
        },
      ],
    });
    render(<GuidedSteps view={view} act={async () => true} saving={false} />);
    const current = screen.getByRole('region', { name: 'Keep everyone away.' });
    const intro = within(current).getByText('About “Make it safe”').closest('details');
    expect(intro?.textContent).toContain('Water and electricity can kill.');
    expect(within(current).getByText('Only an electrician turns the power on.')).toBeTruthy();
  });
});
