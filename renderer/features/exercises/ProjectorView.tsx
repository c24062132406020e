import { useEffect } from 'react';
import { describeError } from '../../errors';
import { SafeHtml } from '../../ui/SafeHtml';
import { ExerciseBanner } from './ExerciseBanner';
import { useExercise } from './useExercise';

/** How often the projector asks the core for the current inject. */
const PROJECTOR_POLL_MS = 2000;

/** The participants' screen: the current inject in large type, and nothing the facilitator keeps back. */
export function ProjectorView({ id }: { id: string }) {
  const { view, loadError } = useExercise(id, PROJECTOR_POLL_MS);
  const opened = view !== null;
  useEffect(() => {
    if (opened) document.getElementById('page-title')?.focus();
  }, [opened]);
  if (loadError)
    return (
      <div role="alert">
        <ExerciseBanner />
        <h1 id="page-title" tabIndex={-1}>
          This exercise could not be shown
        </h1>
        <p>{describeError(loadError)}</p>
      </div>
    );
  if (!view)
    return (
      <>
        <ExerciseBanner />
        <p role="status">Opening…</p>
      </>
    );
  const current = view.injects.find((inject) => inject.id === view.current);
  return (
    <div className="projector">
      <ExerciseBanner />
      <p className="projector-scenario">{view.title}</p>
      {/* A live region, so people using a screen reader hear each new inject too. */}
      <div aria-live="polite">
        {current && view.status !== 'finished' ? (
          <>
            <h1 id="page-title" tabIndex={-1}>
              {current.number}. {current.title}
            </h1>
            <SafeHtml className="projector-text" html={current.textHtml} />
          </>
        ) : (
          <h1 id="page-title" tabIndex={-1}>
            {view.status === 'finished'
              ? 'The exercise has finished'
              : 'Waiting for the first inject'}
          </h1>
        )}
      </div>
      {view.status === 'paused' && (
        <p className="projector-paused">
          <strong>Paused</strong>
        </p>
      )}
      <ExerciseBanner />
    </div>
  );
}
