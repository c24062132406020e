import { useCallback, useEffect, useState } from 'react';
import type { ExerciseAction } from '../../../main/contract/exerciseSchemas';
import type { ExerciseView } from '../../../main/contract/exerciseTypes';
import type { ApiError } from '../../../main/contract/result';
import { request } from '../../api';
import { describeError } from '../../errors';

export type ExerciseAct = (action: ExerciseAction) => Promise<boolean>;

const authorKey = (id: string): string => `holdfast-exercise-author-${id}`;

/**
 * One exercise as the screens use it: the view from the core, who is typing, and `act`, which
 * resolves true only once the core has the entry on disk. `pollMs` keeps a second window in step.
 */
export function useExercise(id: string, pollMs?: number) {
  const [view, setView] = useState<ExerciseView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [author, setAuthorState] = useState(() => sessionStorage.getItem(authorKey(id)) ?? '');

  const reload = useCallback(() => {
    void request('exercises.get', { id }).then((result) => {
      if (result.ok) {
        setView(result.value);
        setLoadError(null);
      } else setLoadError(result.error);
    });
  }, [id]);
  useEffect(reload, [reload]);
  useEffect(() => {
    if (!pollMs) return undefined;
    const timer = setInterval(reload, pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);

  const setAuthor = (name: string): void => {
    sessionStorage.setItem(authorKey(id), name);
    setAuthorState(name);
  };
  const who = author.trim() || view?.facilitator || 'Facilitator';

  const act: ExerciseAct = async (action) => {
    setSaving(true);
    setSaveError(null);
    const result = await request('exercises.record', { id, author: who, action });
    setSaving(false);
    if (result.ok) {
      setView(result.value);
      return true;
    }
    setSaveError(`Not saved. ${result.error.code === 'INVALID_INPUT' ? result.error.message : describeError(result.error)}`);
    return false;
  };

  return { view, loadError, reload, saveError, saving, act, author, setAuthor, who };
}
