// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../main/contract/result';
import { runbookOfSteps } from '../../../main/contract/__fixtures__/oneStepPerText';
import type { Runbook, SearchIndexAnswer } from '../../../main/contract/types';
import { indexLibrary } from '../../../main/shared/search/indexLibrary';
import { searchLibraryOf } from '../../../main/shared/search/searchLibrary';
import { request } from '../../api';
import { announceLibraryChanged } from '../../lib/useReloadOnFocus';

vi.mock('../../api', () => ({ request: vi.fn(), earlyAnswers: () => new Promise(() => {}) }));
afterEach(cleanup);

/** A published bundled runbook with one phase of one step per text. */
const runbook = (id: string, title: string, steps: string[]): Runbook =>
  runbookOfSteps(id, steps, {
    title,
    category: 'ransom-or-locked',
    summary: `About ${title}`,
    phaseTitle: 'Act now',
    stepId: (index) => `step-${index + 1}`,
    contacts: [
      { role: 'it-supplier', label: 'IT supplier', national: false, channels: null, stale: false },
    ],
  });

const RANSOMWARE = runbook('ransomware', 'Ransomware', [
  'Unplug the network cable.',
  'Phone {{contact:it-supplier}} and do not pay the ransom.',
]);
const LOST_PHONE = runbook('lost-phone', 'Lost phone', ['Ask the network to block the phone.']);

/** The core's answer to `runbooks.searchIndex` for these runbooks, as revision `revision`. */
const indexAnswer = (revision: string, runbooks: Runbook[]): Result<SearchIndexAnswer> => ({
  ok: true,
  value: { revision, library: searchLibraryOf(indexLibrary(runbooks)) },
});

/** A fresh box, with none of an earlier test's search held. */
async function renderBox(): Promise<HTMLInputElement> {
  vi.resetModules();
  const { SearchBox } = await import('./SearchBox');
  render(<SearchBox />);
  return screen.getByRole('searchbox', { name: /Search runbooks/ });
}

const searchCalls = (): unknown[] =>
  vi
    .mocked(request)
    .mock.calls.filter(([name]) => name === 'runbooks.search')
    .map(([, input]) => input);

const shownTitles = (): string[] =>
  [...document.querySelectorAll('.search-result-title')].map((link) => link.textContent ?? '');

beforeEach(() => {
  vi.mocked(request).mockReset();
  performance.clearMarks();
});

describe('SearchBox searching here', () => {
  it('once focused and loaded, shows the results in the keystroke itself, asking the core nothing', async () => {
    vi.mocked(request).mockResolvedValue(indexAnswer('a.1', [RANSOMWARE, LOST_PHONE]));
    const box = await renderBox();
    box.focus();
    expect(vi.mocked(request)).toHaveBeenCalledWith('runbooks.searchIndex', {});
    await waitFor(() =>
      expect(performance.getEntriesByName('holdfast-search-ready')).not.toEqual([]),
    );
    fireEvent.change(box, { target: { value: 'ransom' } });
    // No waiting: the list already answers these words.
    expect(document.querySelector('.search-results')?.getAttribute('data-query')).toBe('ransom');
    expect(shownTitles()).toEqual(['Ransomware']);
    expect(
      screen.getByText(/Act now, step 2: Phone IT supplier and do not pay the ransom\./),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('1 runbook found');
    expect(searchCalls()).toEqual([]);
  });

  it('asks the core while its own search is not in yet', async () => {
    vi.mocked(request).mockImplementation(((name: string) =>
      name === 'runbooks.searchIndex'
        ? new Promise(() => {})
        : Promise.resolve({ ok: true, value: [] })) as never);
    const box = await renderBox();
    box.focus();
    fireEvent.change(box, { target: { value: 'phone' } });
    expect(searchCalls()).toEqual([{ query: 'phone', limit: 8 }]);
    await waitFor(() =>
      expect(document.querySelector('.search-results')?.getAttribute('data-query')).toBe('phone'),
    );
  });

  it('drops its search when the library changes, asks the core meanwhile, then searches the new library', async () => {
    let answer = indexAnswer('a.1', [RANSOMWARE]);
    vi.mocked(request).mockImplementation(((name: string) =>
      Promise.resolve(
        name === 'runbooks.searchIndex' ? answer : { ok: true, value: [] },
      )) as never);
    const box = await renderBox();
    box.focus();
    await waitFor(() =>
      expect(performance.getEntriesByName('holdfast-search-ready')).not.toEqual([]),
    );
    fireEvent.change(box, { target: { value: 'phone' } });
    expect(shownTitles()).toEqual(['Ransomware']);

    let reloaded: ((value: Result<SearchIndexAnswer>) => void) | undefined;
    vi.mocked(request).mockImplementation(((name: string) =>
      name === 'runbooks.searchIndex'
        ? new Promise((resolve) => (reloaded = resolve))
        : Promise.resolve({ ok: true, value: [] })) as never);
    announceLibraryChanged();
    fireEvent.change(box, { target: { value: 'phone block' } });
    expect(searchCalls()).toEqual([{ query: 'phone block', limit: 8 }]);

    // Fetched again at once, as it was in use: nothing is held meanwhile.
    await waitFor(() => expect(reloaded).toBeDefined());
    expect(vi.mocked(request)).toHaveBeenLastCalledWith('runbooks.searchIndex', {});
    answer = indexAnswer('a.2', [RANSOMWARE, LOST_PHONE]);
    reloaded?.(answer);
    await waitFor(() =>
      expect(performance.getEntriesByName('holdfast-search-ready')).toHaveLength(2),
    );
    fireEvent.change(box, { target: { value: 'phone' } });
    expect(shownTitles()).toEqual(['Lost phone', 'Ransomware']);
  });
});
