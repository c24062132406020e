import type { ExerciseAct } from './useExercise';

/** Undoes a finish made by mistake: the exercise comes back paused, and the log keeps both moments. */
export function ReopenExercise({
  act,
  saving,
  onReopened,
}: {
  act: ExerciseAct;
  saving: boolean;
  onReopened: () => void;
}) {
  return (
    <div className="exercise-reopen">
      <p>
        Finished too soon? Reopen it. It comes back paused, so you can resume when the group is
        ready. The log keeps both the finish and the reopening.
      </p>
      <button
        type="button"
        disabled={saving}
        onClick={() => void act({ type: 'reopen' }).then((done) => done && onReopened())}
      >
        Reopen the exercise
      </button>
    </div>
  );
}
