import { useState } from 'react';
import type { ExerciseView } from '../../../main/contract/exerciseTypes';
import { request } from '../../api';
import { describeError } from '../../errors';
import { href } from '../../useRoute';
import type { ExerciseAct } from './useExercise';

/**
 * Opens the projector view in a new browser window that this one opened. In the web harness the
 * address carries a one-time code for the projector alone, so it also works in a fresh browser.
 */
function openInAnotherWindow(address: string): void {
  window.open(address, 'holdfast-projector', 'popup');
}

/** Start, pause or resume, and release the next inject: what the facilitator reaches for most. */
export function ClockControls({
  view,
  act,
  saving,
}: {
  view: ExerciseView;
  act: ExerciseAct;
  saving: boolean;
}) {
  const next = view.clock.next
    ? view.injects.find((inject) => inject.id === view.clock.next?.inject)
    : undefined;
  const isLive = view.status === 'running' || view.status === 'paused';
  if (view.status === 'finished') return null;
  return (
    <p className="exercise-controls">
      {view.status === 'ready' && (
        <button
          type="button"
          className="button-primary"
          disabled={saving}
          onClick={() => void act({ type: 'start' })}
        >
          Start the exercise
        </button>
      )}
      {view.status === 'running' && (
        <button type="button" disabled={saving} onClick={() => void act({ type: 'pause' })}>
          Pause
        </button>
      )}
      {view.status === 'paused' && (
        <button
          id="exercise-resume"
          type="button"
          className="button-primary"
          disabled={saving}
          onClick={() => void act({ type: 'resume' })}
        >
          Resume
        </button>
      )}
      {isLive && next && (
        <button
          type="button"
          className="button-primary"
          disabled={saving}
          onClick={() => void act({ type: 'release', inject: next.id, trigger: 'hand' })}
        >
          Release the next inject: <bdi>{next.title}</bdi>
        </button>
      )}
    </p>
  );
}

/** The projector and the paper cards: the two ways the group sees the injects. */
export function ProjectorControls({
  view,
  onError,
}: {
  view: ExerciseView;
  onError: (message: string | null) => void;
}) {
  const [projector, setProjector] = useState<string | null>(null);
  const openProjector = async (): Promise<void> => {
    const result = await request('exercises.openProjector', { id: view.id });
    if (!result.ok) return onError(describeError(result.error));
    onError(null);
    setProjector(
      result.value.opened
        ? null
        : `${window.location.origin}${window.location.pathname}${result.value.address ?? href.projector(view.id)}`,
    );
  };
  return (
    <div className="exercise-projector">
      <p className="exercise-controls">
        <button type="button" onClick={() => void openProjector()}>
          Open the projector view
        </button>
        <a href={href.injectCards(view.scenario.id)}>Print inject cards</a>
      </p>
      {projector && (
        <p className="projector-address" role="status">
          Open this address in another browser window on the projector:{' '}
          <a
            href={href.projector(view.id)}
            onClick={(event) => {
              event.preventDefault();
              openInAnotherWindow(projector);
            }}
          >
            {projector}
          </a>{' '}
          It opens one window, once. For another window, choose “Open the projector view” again.
        </p>
      )}
    </div>
  );
}
