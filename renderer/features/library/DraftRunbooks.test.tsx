// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunbookLibrary, RunbookSummary } from '../../../main/contract/types';
import { CATEGORIES } from '../../../main/contract/vocabulary';
import { request } from '../../api';
import { HomeScreen } from '../home/HomeScreen';
import { SituationScreen } from './SituationScreen';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
afterEach(() => {
  cleanup();
  vi.mocked(request).mockReset();
});

const summary = (id: string, title: string, status: RunbookSummary['status']): RunbookSummary => ({
  id,
  title,
  category: 'ransom-or-locked',
  summary: `${title} summary`,
  providerTypes: ['care-home'],
  reviewed: '2026-12-01',
  owner: 'Sam',
  version: 1,
  source: status === 'draft' ? 'user' : 'bundled',
  overridesBundled: false,
  status,
});

const LIBRARY: RunbookLibrary = {
  runbooks: [summary('ransomware', 'Ransomware', 'published')],
  problems: [],
  drafts: [summary('imported-plan', 'Imported ransomware plan', 'draft')],
  draftProblems: [
    {
      file: 'your runbooks/imported-plan.md',
      line: 14,
      severity: 'warning',
      message: 'Lines 14–19 are a bulleted list under "Contain".',
    },
  ],
};

describe('drafts', () => {
  it('are listed where runbooks are written, marked as not in use, with Publish', async () => {
    vi.mocked(request).mockImplementation(async (name) =>
      name === 'runbooks.publish'
        ? {
            ok: true,
            value: {
              id: 'imported-plan',
              revision: {
                seq: 2,
                kind: 'save',
                savedAt: '',
                author: 'Sam',
                message: '',
                sha256: '',
              },
              library: LIBRARY,
            },
          }
        : { ok: true, value: [] },
    );
    render(<SituationScreen library={LIBRARY} category="all" />);
    const drafts = screen.getByRole('region', { name: 'Drafts' });
    const link = within(drafts).getByRole('link', { name: /^Imported ransomware plan/ });
    expect(link.textContent).toContain('Draft — not yet in use');
    expect(within(drafts).getByText(/Lines 14–19 are a bulleted list/)).toBeTruthy();
    // The published runbook is not among the drafts, and the draft is not among the situations.
    expect(within(drafts).queryByRole('link', { name: /^Ransomware/ })).toBeNull();
    const situations = screen.getByRole('region', { name: CATEGORIES['ransom-or-locked'] });
    expect(within(situations).queryByText('Imported ransomware plan')).toBeNull();

    fireEvent.click(
      within(drafts).getByRole('button', { name: 'Publish “Imported ransomware plan”' }),
    );
    // Said once, by the section, so it stays when the list reloads without the draft.
    await waitFor(() =>
      expect(
        within(drafts)
          .getAllByRole('status')
          .map((status) => status.textContent)
          .filter((text) => text?.includes('is now in use')),
      ).toEqual(['Published: “Imported ransomware plan” is now in use.']),
    );
    expect(request).toHaveBeenCalledWith('runbooks.publish', { id: 'imported-plan' });
  });

  it('are not counted on home, and their problems are not listed there', () => {
    vi.mocked(request).mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: '' } });
    render(<HomeScreen library={LIBRARY} />);
    expect(screen.queryByText(/Lines 14–19/)).toBeNull();
    expect(screen.queryByText('Imported ransomware plan')).toBeNull();
    const notSure = screen
      .getAllByRole('link')
      .find((link) => link.textContent?.includes('Not sure'));
    expect(notSure?.textContent).toContain('1 runbook');
  });
});
