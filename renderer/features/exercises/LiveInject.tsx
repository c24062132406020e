import type { ExerciseView } from '../../../main/contract/exerciseTypes';
import { SafeHtml } from '../../ui/SafeHtml';

/** The inject the group has in front of them, as the projector shows it, for the facilitator to read out. */
export function LiveInject({ view }: { view: ExerciseView }) {
  const current = view.injects.find((inject) => inject.id === view.current);
  return (
    <section className="live-inject" aria-labelledby="live-inject-title">
      <h2 id="live-inject-title">
        {current ? (
          <>
            Shown to the group: {current.number}. <bdi>{current.title}</bdi>
          </>
        ) : (
          'Shown to the group'
        )}
      </h2>
      {current ? (
        <SafeHtml html={current.textHtml} />
      ) : (
        <p>
          {view.status === 'ready'
            ? 'Nothing yet. Start the exercise to release the first inject.'
            : 'No inject released yet.'}
        </p>
      )}
    </section>
  );
}
