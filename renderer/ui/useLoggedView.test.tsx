// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../main/contract/result';
import { useLoggedView, type LoggedViewSource } from './useLoggedView';

/** A log-backed view as small as can be: the entries so far. */
interface View {
  entries: string[];
}
type Action = { text: string };
type Change = { after: number; added: string[] };

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

function source(overrides: Partial<LoggedViewSource<View, Action, Change>> = {}) {
  const log: string[] = ['opened'];
  return {
    log,
    source: {
      authorKey: 'holdfast-author-test',
      load: vi.fn(async () => ok({ entries: [...log] })),
      record: vi.fn(async (author: string, action: Action) => {
        log.push(`${author}: ${action.text}`);
        return ok({ after: log.length - 1, added: [log.at(-1)!] });
      }),
      // Merges only when the held view has every entry before the change, as the real merge does.
      merge: (view: View, change: Change) =>
        view.entries.length === change.after
          ? { entries: [...view.entries, ...change.added] }
          : null,
      defaultAuthor: () => 'Lead',
      ...overrides,
    } satisfies LoggedViewSource<View, Action, Change>,
  };
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('useLoggedView', () => {
  it('shows what a recorded action changed without loading the whole view again', async () => {
    const { source: from } = source();
    const { result } = renderHook(() => useLoggedView(from));
    await waitFor(() => expect(result.current.view?.entries).toEqual(['opened']));
    act(() => result.current.setAuthor('Night carer'));
    let saved = false;
    await act(async () => {
      saved = await result.current.act({ text: 'Unplugged the office PC' });
    });
    expect(saved).toBe(true);
    expect(from.record).toHaveBeenCalledWith(
      'Night carer',
      { text: 'Unplugged the office PC' },
      undefined,
    );
    expect(result.current.view?.entries).toEqual([
      'opened',
      'Night carer: Unplugged the office PC',
    ]);
    expect(from.load).toHaveBeenCalledTimes(1);
    expect(result.current.saving).toBe(false);
  });

  it('loads the whole view again when the change cannot be merged (another window recorded first)', async () => {
    const { source: from, log } = source();
    const { result } = renderHook(() => useLoggedView(from));
    await waitFor(() => expect(result.current.view).not.toBeNull());
    log.push('Deputy: Rang the IT supplier');
    await act(async () => {
      await result.current.act({ text: 'Rang 111' });
    });
    await waitFor(() =>
      expect(result.current.view?.entries).toEqual([
        'opened',
        'Deputy: Rang the IT supplier',
        'Lead: Rang 111',
      ]),
    );
    expect(from.load).toHaveBeenCalledTimes(2);
  });

  it('says "Not saved" with the reason, and keeps the view as it was, when the core refuses', async () => {
    const { source: from } = source({
      record: vi.fn(async () => ({
        ok: false as const,
        error: { code: 'STORAGE_FAILED' as const, message: 'Not saved: the disk is full.' },
      })),
    });
    const { result } = renderHook(() => useLoggedView(from));
    await waitFor(() => expect(result.current.view).not.toBeNull());
    let saved = true;
    await act(async () => {
      saved = await result.current.act({ text: 'Called the police' });
    });
    expect(saved).toBe(false);
    expect(result.current.saveError).toBe('Not saved. Not saved: the disk is full.');
    expect(result.current.view?.entries).toEqual(['opened']);
    expect(result.current.saving).toBe(false);
  });

  it('remembers who is typing for this record in this browser session only', async () => {
    const { source: from } = source();
    const first = renderHook(() => useLoggedView(from));
    act(() => first.result.current.setAuthor('Sam'));
    expect(sessionStorage.getItem('holdfast-author-test')).toBe('Sam');
    first.unmount();
    const again = renderHook(() => useLoggedView(from));
    expect(again.result.current.author).toBe('Sam');
    const other = renderHook(() => useLoggedView({ ...from, authorKey: 'holdfast-author-other' }));
    expect(other.result.current.author).toBe('');
    await waitFor(() => expect(other.result.current.view).not.toBeNull());
  });
});
