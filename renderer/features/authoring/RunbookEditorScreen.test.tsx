// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HeaderFieldProblem } from '../../../main/contract/headerFields';
import { request } from '../../api';
import { isLeavingGuarded } from '../../lib/leaveGuard';
import { RunbookEditorScreen } from './RunbookEditorScreen';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
afterEach(() => {
  cleanup();
  vi.mocked(request).mockReset();
});

const file = (title: string, version = 3): string =>
  [
    '---',
    'id: lost-device',
    `title: ${title}`,
    'category: lost-device',
    'summary: When a laptop is lost.',
    'reviewed: 2026-12-05',
    'owner: Manager',
    `version: ${version}`,
    '---',
    '',
    '## Act',
    '',
    '1. Ring the office. {#ring}',
    '',
  ].join('\n');

interface Answers {
  draft?: { text: string; savedAt: string } | null;
  headerProblems?: HeaderFieldProblem[];
  overridesBundled?: boolean;
}

/** Answers every call the editor makes, as the core would for the bundled lost-device runbook. */
function core(answers: Answers = {}) {
  let text = file('Laptop lost');
  vi.mocked(request).mockImplementation(async (name, input) => {
    const given = input as { text?: string };
    const value = ((): unknown => {
      switch (name) {
        case 'runbooks.history':
          return [];
        case 'runbooks.source':
          return {
            id: 'lost-device',
            text,
            source: answers.overridesBundled ? 'user' : 'bundled',
            hasBundled: true,
            overridesBundled: answers.overridesBundled ?? false,
            openIncidents: [],
          };
        case 'runbooks.preview':
          return {
            view: null,
            problems: [],
            textWithIds: given.text,
            headerProblems: answers.headerProblems ?? [],
          };
        case 'runbooks.unsavedDraft':
          return { draft: answers.draft ?? null };
        case 'runbooks.save':
          text = file('Laptop or phone lost', 4);
          return { id: 'lost-device', revision: { seq: 2, version: 4 }, library: {} };
        case 'runbooks.resetToBundled':
          return { id: 'lost-device', revision: { seq: 3 }, library: {} };
        case 'contacts.list':
          return {
            roles: [{ role: 'it-supplier', label: 'IT supplier' }],
            national: [{ id: 'csoc', name: 'NHS England Cyber Security Operations Centre' }],
          };
        case 'runbooks.list':
          return {
            runbooks: [{ id: 'ransomware', title: 'Ransomware' }],
            problems: [],
          };
        default:
          return { discarded: true };
      }
    })();
    return { ok: true, value } as never;
  });
}

const calls = (name: string) => vi.mocked(request).mock.calls.filter(([call]) => call === name);
const previewed = (): string[] =>
  calls('runbooks.preview').map(([, input]) => (input as { text: string }).text);

describe('the runbook editor', () => {
  it('shows header problems in plain words beside the field they are about', async () => {
    core({ headerProblems: [{ field: 'owner', message: 'Looked after by must be filled in.' }] });
    render(<RunbookEditorScreen id="lost-device" />);
    const owner = await screen.findByLabelText('Looked after by');
    await waitFor(() => expect(owner.getAttribute('aria-describedby')).toBe('fm-owner-error'));
    expect(document.getElementById('fm-owner-error')?.textContent).toBe(
      'Looked after by must be filled in.',
    );
    expect(owner.getAttribute('aria-invalid')).toBe('true');
  });

  it('says what the short name after a new step is for, in words rather than "id"', async () => {
    core();
    render(<RunbookEditorScreen id="lost-device" />);
    await screen.findByLabelText('Title');
    const hint = document.getElementById('text-hint')?.textContent ?? '';
    expect(hint).toContain('each new step gets a short name at the end of its first line');
    expect(hint).toContain('incidents use it to keep their place');
    expect(hint).not.toMatch(/\bid\b/);
  });
  it('guards leaving once something is changed, and the save bar says so', async () => {
    core();
    render(<RunbookEditorScreen id="lost-device" />);
    const title = await screen.findByLabelText('Title');
    expect(isLeavingGuarded()).toBe(false);
    fireEvent.change(title, { target: { value: 'Laptop or phone lost' } });
    expect(isLeavingGuarded()).toBe(true);
    expect(screen.getByText('You have changes that are not saved.')).toBeTruthy();
  });

  it('saves, says which version it is now, and stops guarding', async () => {
    core();
    render(<RunbookEditorScreen id="lost-device" />);
    fireEvent.change(await screen.findByLabelText('Title'), {
      target: { value: 'Laptop or phone lost' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(
      await screen.findByText('Saved as revision 2, version 4.', { exact: false }),
    ).toBeTruthy();
    expect(isLeavingGuarded()).toBe(false);
    expect(screen.getByText(/^Saved at \d\d:\d\d\.$/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Version').value).toBe('4');
  });

  it('offers back unsaved text kept from before, and restores it', async () => {
    core({ draft: { text: file('Typed before the power cut'), savedAt: '2026-12-05T02:00:00Z' } });
    render(<RunbookEditorScreen id="lost-device" />);
    expect(
      await screen.findByRole('heading', { name: /^You have unsaved changes from / }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restore them' }));
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe(
      'Typed before the power cut',
    );
    expect(isLeavingGuarded()).toBe(true);
    expect(screen.queryByRole('button', { name: 'Restore them' })).toBeNull();
  });

  it('forgets the kept text when the person discards it', async () => {
    core({ draft: { text: file('Old typing'), savedAt: '2026-12-05T02:00:00Z' } });
    render(<RunbookEditorScreen id="lost-device" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard them' }));
    expect(calls('runbooks.discardDraft')).toEqual([
      ['runbooks.discardDraft', { id: 'lost-device' }],
    ]);
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Laptop lost');
  });

  it('asks before resetting to the version that comes with Holdfast, saying what is lost', async () => {
    core({ overridesBundled: true });
    render(<RunbookEditorScreen id="lost-device" />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Reset to the version that comes with Holdfast' }),
    );
    expect(screen.getByText(/A copy of your edited version stays in the history/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls('runbooks.resetToBundled')).toHaveLength(0);

    fireEvent.click(
      screen.getByRole('button', { name: 'Reset to the version that comes with Holdfast' }),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, reset it' }));
    });
    expect(calls('runbooks.resetToBundled')).toHaveLength(1);
  });

  it('inserts a chosen contact where the cursor is, written as Holdfast reads it', async () => {
    core();
    render(<RunbookEditorScreen id="lost-device" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Insert contact…' }));
    const list = screen.getByLabelText<HTMLSelectElement>('Contact to insert');
    expect([...list.options].map((option) => option.textContent)).toEqual([
      'IT supplier',
      'NHS England Cyber Security Operations Centre',
    ]);
    fireEvent.change(list, { target: { value: 'csoc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
    await waitFor(() =>
      expect(previewed().some((text) => text.includes('{{contact:csoc}}'))).toBe(true),
    );
    expect(screen.queryByLabelText('Contact to insert')).toBeNull();
  });
});
