// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RevisionSummary } from '../../../main/contract/authoringTypes';
import type { Problem } from '../../../main/contract/types';
import { request } from '../../api';
import { ScenarioEditorScreen } from './ScenarioEditorScreen';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
afterEach(() => {
  cleanup();
  vi.mocked(request).mockReset();
});

const TEXT = '---\nid: our-drill\ntitle: Our drill\n---\n';
const revision = (seq: number, kind: RevisionSummary['kind']): RevisionSummary => ({
  seq,
  kind,
  savedAt: `2026-12-0${seq}T10:00:00Z`,
  author: 'Sam',
  message: '',
  sha256: 'x',
});

/** A core holding one scenario; `trashed` once it has been moved to the trash. */
function core(options: { hasBundled?: boolean }) {
  let trashed = false;
  vi.mocked(request).mockImplementation(async (name, input) => {
    const value = (v: unknown) => ({ ok: true, value: v }) as never;
    if (name === 'scenarios.source')
      return trashed
        ? {
            ok: false,
            error: { code: 'NOT_FOUND', message: 'There is no scenario with the id "our-drill".' },
          }
        : value({
            id: 'our-drill',
            text: TEXT,
            source: 'user',
            overridesBundled: options.hasBundled ?? false,
            hasBundled: options.hasBundled ?? false,
          });
    if (name === 'scenarios.history')
      return value(
        trashed
          ? [revision(1, 'save'), revision(2, 'save'), revision(3, 'trash')]
          : [revision(1, 'save'), revision(2, 'save')],
      );
    if (name === 'scenarios.check') return value({ problems: [] });
    if (name === 'scenarios.diff')
      return value([{ change: 'added', text: 'title: Our drill', newLine: 3 }]);
    if (name === 'scenarios.trash') {
      trashed = true;
      return value({ id: 'our-drill', revision: revision(3, 'trash') });
    }
    if (name === 'scenarios.resetToBundled' || name === 'scenarios.restore')
      return value({ id: (input as { id: string }).id, revision: revision(3, 'restore') });
    return { ok: false, error: { code: 'NOT_FOUND', message: name } };
  });
}
const calls = (name: string) => vi.mocked(request).mock.calls.filter(([call]) => call === name);

describe('the scenario editor', () => {
  it('asks before moving a scenario of your own to the trash, then offers it back from history', async () => {
    core({});
    render(<ScenarioEditorScreen id="our-drill" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Move to the trash' }));
    expect(screen.getByText(/Nobody can run this scenario until it is brought back/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls('scenarios.trash')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Move to the trash' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, move it to the trash' }));
    });
    expect(calls('scenarios.trash')).toEqual([['scenarios.trash', { id: 'our-drill' }]]);
    expect(
      await screen.findByRole('heading', { name: '“our-drill” is in the trash' }),
    ).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /Restore\s+revision 2/ }));
    });
    expect(calls('scenarios.restore')).toEqual([
      ['scenarios.restore', { id: 'our-drill', seq: 2 }],
    ]);
  });

  it('asks before resetting an edited bundled scenario to the one that comes with Holdfast', async () => {
    core({ hasBundled: true });
    render(<ScenarioEditorScreen id="our-drill" />);
    const reset = await screen.findByRole('button', {
      name: 'Reset to the version that comes with Holdfast',
    });
    fireEvent.click(reset);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, reset it' }));
    });
    expect(calls('scenarios.resetToBundled')).toEqual([
      ['scenarios.resetToBundled', { id: 'our-drill' }],
    ]);
    expect(await screen.findByText(/^Reset: the scenario that comes with Holdfast/)).toBeTruthy();
  });

  it('compares two revisions from the history', async () => {
    core({});
    render(<ScenarioEditorScreen id="our-drill" />);
    const show = await screen.findByRole('button', { name: /Show changes\s+in revision 2/ });
    await act(async () => {
      fireEvent.click(show);
    });
    expect(calls('scenarios.diff')).toEqual([
      ['scenarios.diff', { id: 'our-drill', from: 1, to: 2 }],
    ]);
    expect(
      screen.getByRole('region', { name: 'Changes from revision 1 to revision 2' }),
    ).toBeTruthy();
  });
});

/** The core, as far as Save needs it: its checks find `problems`. */
function checkingCore(problems: Problem[]): string[] {
  const called: string[] = [];
  vi.mocked(request).mockImplementation(async (name) => {
    called.push(name);
    switch (name) {
      case 'scenarios.check':
        return { ok: true, value: { problems } };
      default:
        return { ok: true, value: [] };
    }
  });
  return called;
}

describe('saving a scenario with errors', () => {
  it('keeps Save enabled and says why the scenario was not saved', async () => {
    const called = checkingCore([
      { file: 'scenario.md', line: 3, severity: 'error', message: 'The title is missing' },
    ]);
    render(<ScenarioEditorScreen id={null} />);
    await waitFor(() => expect(called).toContain('scenarios.check'));
    const save = screen.getByRole('button', { name: 'Save scenario' });
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The scenario was not saved because it has an error. Fix it using the list under Checks, then save again.',
    );
    expect(called).not.toContain('scenarios.save');
  });
});
