import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../main/contract/result';
import { describeError } from '../errors';
import { ensureRecorder, SAY_WHO_FIRST } from './recordingAs/recordingSession';

export interface LoggedViewSource<V, A, C> {
  /** Names the record shown: a new key loads a new record afresh. */
  key: string;
  load: () => Promise<Result<V>>;
  /** Records an action; resolves with what it changed. */
  record: (author: string, action: A, eventAt?: string) => Promise<Result<C>>;
  /** The view with a recorded change merged in; null when it cannot be (the whole view is loaded again). */
  merge: (view: V, change: C) => V | null;
  /** Reload this often, to keep a second window in step. */
  pollMs?: number;
}

/**
 * A view rebuilt by the core from an evidence log (an incident or an exercise), and `act`, which
 * resolves true only once the core says every entry is on disk. Each entry is recorded under the
 * name of the person recording; when no one has said yet, `act` asks first, and never falls back
 * to anyone else's name.
 */
export function useLoggedView<V, A, C>(source: LoggedViewSource<V, A, C>) {
  const latest = useRef(source);
  latest.current = source;
  const { key, pollMs } = source;
  const [view, setViewState] = useState<V | null>(null);
  // The view as last set, for merging a change into without waiting for a render.
  const shown = useRef<V | null>(null);
  const setView = useCallback((next: V) => {
    shown.current = next;
    setViewState(next);
  }, []);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const reload = useCallback(() => {
    void latest.current.load().then((result) => {
      if (result.ok) {
        setView(result.value);
        setLoadError(null);
      } else setLoadError(result.error);
    });
    // key names the record being shown: a new one is loaded afresh.
  }, [key, setView]);
  useEffect(reload, [reload]);
  useEffect(() => {
    if (!pollMs) return undefined;
    const timer = setInterval(reload, pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);

  const act = async (action: A, eventAt?: string): Promise<boolean> => {
    setSaveError(null);
    const who = await ensureRecorder();
    if (!who) {
      setSaveError(`Not saved. ${SAY_WHO_FIRST}`);
      return false;
    }
    setSaving(true);
    const result = await source.record(who, action, eventAt);
    setSaving(false);
    if (result.ok) {
      const merged = shown.current ? source.merge(shown.current, result.value) : null;
      if (merged) setView(merged);
      else reload();
      return true;
    }
    setSaveError(
      `Not saved. ${result.error.code === 'INVALID_INPUT' ? result.error.message : describeError(result.error)}`,
    );
    return false;
  };

  return { view, loadError, reload, saveError, saving, act };
}
