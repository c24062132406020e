import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { actionStatusWords } from '../exercises/actionStatus';

/** Actions from exercise debriefs stay on the home screen until they are marked done. */
export function OpenActionsPanel() {
  const [state] = useCall('exercises.list', {});
  if (state.status !== 'ready') return null;
  const open = state.value.flatMap((exercise) =>
    exercise.openActions.map((action) => ({ exercise, action })),
  );
  if (open.length === 0) return null;
  return (
    <section className="open-actions" aria-labelledby="open-actions-title">
      <h2 id="open-actions-title">Actions from exercises</h2>
      <ul>
        {open.map(({ exercise, action }) => {
          const status = actionStatusWords(action);
          return (
            <li
              key={`${exercise.id}-${action.number}`}
              className={status.isOverdue ? 'action-overdue' : undefined}
            >
              <strong>{status.words}</strong> — <bdi>{action.text}</bdi> (owner{' '}
              <bdi>{action.owner}</bdi>) ·{' '}
              <a href={href.exercise(exercise.id)}>
                <bdi>{exercise.title}</bdi>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
