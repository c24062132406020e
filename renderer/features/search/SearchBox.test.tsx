// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../../main/contract/types';
import { request } from '../../api';
import { SearchBox } from './SearchBox';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
// These tests cover the box asking the core, its way until its own search is in (see
// SearchBox.local.test.tsx for searching here).
vi.mock('./localSearch', () => ({
  localSearch: () => null,
  loadLocalSearch: async () => {},
  loadWhenIdle: () => () => {},
  RESULTS_SHOWN: 8,
}));
afterEach(cleanup);

const hit = (id: string, title: string, stepId?: string): SearchHit => ({
  id,
  title,
  summary: `About ${title}`,
  category: 'ransom-or-locked',
  score: 1,
  matches: stepId
    ? [{ phaseTitle: 'Contain', stepId, stepNumber: 3, text: 'Do not pay. Phone IT supplier.' }]
    : [],
});

beforeEach(() => {
  window.location.hash = '#/';
  vi.mocked(request).mockResolvedValue({
    ok: true,
    value: [hit('ransomware', 'Ransomware', 'do-not-pay'), hit('lost-device', 'Lost device')],
  } as never);
});

async function typeQuery(text: string): Promise<HTMLElement> {
  render(<SearchBox />);
  const box = screen.getByRole('searchbox', { name: /Search runbooks/ });
  box.focus();
  fireEvent.change(box, { target: { value: text } });
  await waitFor(() => expect(screen.getByRole('list', { name: 'Matching runbooks' })).toBeTruthy());
  return box;
}

describe('SearchBox', () => {
  it('shows each runbook as a link to its top, the matching step as words and as a second link', async () => {
    await typeQuery('screen says pay');
    const results = within(screen.getByRole('list', { name: 'Matching runbooks' }));
    const [first, second] = results.getAllByRole('listitem');
    const links = within(first as HTMLElement).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '#/runbooks/ransomware',
      '#/runbooks/ransomware/do-not-pay',
    ]);
    expect(links[1]?.textContent).toBe('Go to step 3 of Contain in Ransomware');
    expect(first?.textContent).toContain('Contain, step 3: Do not pay. Phone IT supplier.');
    // The snippet describes the title link for a screen reader.
    const describedBy = links[0]?.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toContain('Contain, step 3');
    // A runbook matched only by its title or summary shows the summary and no step link.
    expect(within(second as HTMLElement).getAllByRole('link')).toHaveLength(1);
    expect(second?.textContent).toContain('About Lost device');
  });

  it('asks as each key is typed and shows only the answer to the words in the box, whatever order answers come in', async () => {
    const answers: Array<(value: unknown) => void> = [];
    vi.mocked(request).mockImplementation(
      () => new Promise((resolve) => answers.push(resolve)) as never,
    );
    render(<SearchBox />);
    const box = screen.getByRole('searchbox', { name: /Search runbooks/ });
    box.focus();
    fireEvent.change(box, { target: { value: 'ran' } });
    fireEvent.change(box, { target: { value: 'ransom' } });
    // Asked straight from each change, before any answer.
    expect(vi.mocked(request).mock.calls.map(([, input]) => input)).toEqual([
      { query: 'ran', limit: 8 },
      { query: 'ransom', limit: 8 },
    ]);
    answers[1]?.({ ok: true, value: [hit('ransomware', 'Ransomware')] });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Ransomware' })).toBeTruthy());
    // The slower answer to the earlier words arrives last and is dropped.
    answers[0]?.({ ok: true, value: [hit('lost-device', 'Lost device')] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('link', { name: 'Lost device' })).toBeNull();
    expect(document.querySelector('.search-results')?.getAttribute('data-query')).toBe('ransom');
  });

  it('opens the first runbook at its top on Enter', async () => {
    const box = await typeQuery('screen says pay');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(window.location.hash).toBe('#/runbooks/ransomware');
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('a click on the step link opens the runbook at that step', async () => {
    await typeQuery('screen says pay');
    fireEvent.click(screen.getByRole('link', { name: /^Go to step 3/ }));
    expect(window.location.hash).toBe('#/runbooks/ransomware/do-not-pay');
  });

  it('moves between runbooks with the arrow keys and back to the box; Escape closes the list', async () => {
    const box = await typeQuery('screen says pay');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const ransomware = screen.getByRole('link', { name: 'Ransomware' });
    await waitFor(() => expect(document.activeElement).toBe(ransomware));
    fireEvent.keyDown(ransomware, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Lost device' }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(ransomware);
    fireEvent.keyDown(ransomware, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(ransomware));
    fireEvent.keyDown(ransomware, { key: 'Escape' });
    expect(document.activeElement).toBe(box);
    expect(document.querySelector('.search-results')?.hasAttribute('hidden')).toBe(true);
  });
});
