import { useEffect } from 'react';
import { describeError } from '../../errors';
import { SafeHtml } from '../../ui/SafeHtml';
import { useCall } from '../../useCall';
import { ExerciseBanner } from './ExerciseBanner';

/** How often the projector asks the core for the current inject. */
const PROJECTOR_POLL_MS = 2000;

/**
 * The participants' screen: the current inject in large type. It asks only for the projector's
 * share of the exercise, so a window opened with the projector's own key can show it.
 */
export function ProjectorView({ id }: { id: string }) {
  const [state, , refresh] = useCall('exercises.projector', { id });
  useEffect(() => {
    const timer = setInterval(refresh, PROJECTOR_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const opened = state.status === 'ready';
  // The title takes focus so a screen reader starts there, but without a focus ring: this
  // screen is shown on a wall, and nobody there is using a keyboard on it.
  useEffect(() => {
    if (opened) document.getElementById('page-title')?.focus({ focusVisible: false });
  }, [opened]);
  if (state.status === 'failed')
    return (
      <div role="alert">
        <ExerciseBanner />
        <h1 id="page-title" tabIndex={-1}>
          This exercise could not be shown
        </h1>
        <p>{describeError(state.error)}</p>
      </div>
    );
  if (state.status === 'loading')
    return (
      <>
        <ExerciseBanner />
        <p role="status">Opening…</p>
      </>
    );
  const screen = state.value;
  return (
    <div className="projector">
      <ExerciseBanner />
      <p className="projector-scenario">
        <bdi>{screen.title}</bdi>
      </p>
      {/* A live region, so people using a screen reader hear each new inject too. */}
      <div aria-live="polite">
        {screen.current ? (
          <>
            <h1 id="page-title" tabIndex={-1}>
              {screen.current.number}. <bdi>{screen.current.title}</bdi>
            </h1>
            <SafeHtml className="projector-text" html={screen.current.textHtml} />
          </>
        ) : (
          <h1 id="page-title" tabIndex={-1}>
            {screen.status === 'finished'
              ? 'The exercise has finished'
              : 'Waiting for the first inject'}
          </h1>
        )}
      </div>
      {screen.status === 'paused' && (
        <p className="projector-paused">
          <strong>Paused</strong>
        </p>
      )}
      <ExerciseBanner />
    </div>
  );
}
