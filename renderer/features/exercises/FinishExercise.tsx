import { useEffect, useRef, useState } from 'react';
import type { ExerciseAct } from './useExercise';

/**
 * "Finish and go to the debrief", kept apart from the release controls and asking first: finishing
 * stops the clock and no more injects come. `onFinished` runs once the core has the finish on disk.
 */
export function FinishExercise({
  act,
  saving,
  onFinished,
}: {
  act: ExerciseAct;
  saving: boolean;
  onFinished: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const keepGoingRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    // The question takes focus on its safe answer (the group's label is read out with it), so a
    // second Enter never finishes by accident; "Keep going" hands focus back to the button.
    if (asking) keepGoingRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const finish = async (): Promise<void> => {
    if (await act({ type: 'finish' })) onFinished();
    else setAsking(false);
  };
  return (
    <div className="exercise-finish">
      {asking ? (
        <div className="confirm" role="group" aria-labelledby="finish-question">
          <p id="finish-question">
            <strong>Finish the exercise?</strong> Injects not yet released will not be shown. You
            can reopen it from the debrief.
          </p>
          <button type="button" disabled={saving} onClick={() => void finish()}>
            Finish
          </button>{' '}
          <button
            ref={keepGoingRef}
            type="button"
            className="button-primary"
            onClick={() => setAsking(false)}
          >
            Keep going
          </button>
        </div>
      ) : (
        <button ref={askRef} type="button" disabled={saving} onClick={() => setAsking(true)}>
          Finish and go to the debrief
        </button>
      )}
    </div>
  );
}
