import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallName } from '../main/contract/calls';
import type { CallInput, CallOutput } from '../main/contract/contract';
import type { ApiError } from '../main/contract/result';
import { request, takeSettled } from './api';

export type CallState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: ApiError };

/**
 * Runs a call when its input changes and tracks loading, value and failure. `refresh` asks again
 * while the current value stays on screen (no loading state), for data that changed elsewhere.
 */
export function useCall<K extends CallName>(
  name: K,
  input: CallInput<K>,
): [CallState<CallOutput<K>>, () => void, () => void] {
  const [state, setState] = useState<CallState<CallOutput<K>>>(() => {
    const early = takeSettled(name, input);
    if (!early) return { status: 'loading' };
    return early.ok
      ? { status: 'ready', value: early.value }
      : { status: 'failed', error: early.error };
  });
  const [attempt, setAttempt] = useState(0);
  const isQuiet = useRef(false);
  // An answer the first render already showed (see takeSettled) needs no second asking.
  const hasFirstAnswer = useRef(state.status !== 'loading');
  const key = JSON.stringify(input);
  useEffect(() => {
    if (hasFirstAnswer.current) {
      hasFirstAnswer.current = false;
      return;
    }
    let current = true;
    if (!isQuiet.current) setState({ status: 'loading' });
    isQuiet.current = false;
    void request(name, JSON.parse(key) as CallInput<K>).then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { status: 'ready', value: result.value }
          : { status: 'failed', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [name, key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => {
    isQuiet.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return [state, retry, refresh];
}
