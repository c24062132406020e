import type { ExerciseAction } from '../../../main/contract/exerciseSchemas';
import type { ExerciseView } from '../../../main/contract/exerciseTypes';
import { request } from '../../api';
import { useLoggedView } from '../../ui/useLoggedView';

export type ExerciseAct = (action: ExerciseAction) => Promise<boolean>;

/** One exercise as the screens use it (see useLoggedView); `pollMs` keeps a second window in step. */
export function useExercise(id: string, pollMs?: number) {
  return useLoggedView<ExerciseView, ExerciseAction, ExerciseView>({
    key: id,
    load: () => request('exercises.get', { id }),
    record: (author, action) => request('exercises.record', { id, author, action }),
    // A tabletop's log stays short, far from an incident's thousands of entries: recording
    // returns the whole view, which replaces the one shown.
    merge: (_view, next) => next,
    ...(pollMs ? { pollMs } : {}),
  });
}
