// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../main/contract/result';
import {
  answerWhoIsRecording,
  cancelWhoIsRecording,
  currentRecorder,
  forgetRecorder,
  setRecorder,
} from './recordingAs/recordingSession';
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
      key: 'test',
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
      ...overrides,
    } satisfies LoggedViewSource<View, Action, Change>,
  };
}

afterEach(() => {
  cleanup();
  forgetRecorder();
});

describe('useLoggedView', () => {
  it('shows what a recorded action changed without loading the whole view again', async () => {
    const { source: from } = source();
    const { result } = renderHook(() => useLoggedView(from));
    await waitFor(() => expect(result.current.view?.entries).toEqual(['opened']));
    act(() => setRecorder('Night carer'));
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
    setRecorder('Lead');
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
    setRecorder('Lead');
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

  it('asks who is recording before the first entry, and records it under the name given', async () => {
    const { source: from, log } = source();
    const { result } = renderHook(() => useLoggedView(from));
    await waitFor(() => expect(result.current.view).not.toBeNull());
    let saving: Promise<boolean> = Promise.resolve(false);
    act(() => {
      saving = result.current.act({ text: 'Unplugged the office PC' });
    });
    // Nothing is sent while the question is open.
    expect(from.record).not.toHaveBeenCalled();
    let saved = false;
    await act(async () => {
      answerWhoIsRecording('  Night carer Jo ');
      saved = await saving;
    });
    expect(saved).toBe(true);
    expect(log.at(-1)).toBe('Night carer Jo: Unplugged the office PC');
    expect(currentRecorder()).toBe('Night carer Jo');
    // Asked once: the next entry goes straight through under the same name.
    await act(async () => {
      await result.current.act({ text: 'Rang 111' });
    });
    expect(log.at(-1)).toBe('Night carer Jo: Rang 111');
  });

  it('saves nothing, under no name, when the question is closed without an answer', async () => {
    const { source: from } = source();
    const { result } = renderHook(() => useLoggedView(from));
    await waitFor(() => expect(result.current.view).not.toBeNull());
    let saving: Promise<boolean> = Promise.resolve(true);
    act(() => {
      saving = result.current.act({ text: 'Unplugged the office PC' });
    });
    let saved = true;
    await act(async () => {
      cancelWhoIsRecording();
      saved = await saving;
    });
    expect(saved).toBe(false);
    expect(from.record).not.toHaveBeenCalled();
    expect(result.current.saveError).toMatch(/^Not saved\. Say who is recording first/);
    expect(result.current.view?.entries).toEqual(['opened']);
  });
});
