import type {
  ExerciseView,
  InjectProgress,
  InjectView,
} from '../../../main/contract/exerciseTypes';
import { request } from '../../api';
import { describeError } from '../../errors';
import { ensureRecorder, SAY_WHO_FIRST } from '../../ui/recordingAs/recordingSession';
import { SafeHtml } from '../../ui/SafeHtml';
import { href } from '../../useRoute';
import { formatMoment } from '../../lib/time';
import { QuickForm } from './QuickForm';
import type { ExerciseAct } from './useExercise';
import { isolatedText } from '../../../main/shared/documentText';

/** What happened to an inject, in words (never by colour alone). */
export function progressWords(progress: InjectProgress | undefined): string {
  if (!progress || progress.status === 'pending') return 'Not released yet';
  const at = progress.at ? ` ${formatMoment(progress.at)}` : '';
  if (progress.status === 'skipped')
    // The reason is typed; the status is one string, so it is isolated in it (see isolatedText).
    return `Skipped${at}${progress.reason ? `: ${isolatedText(progress.reason)}` : ''}`;
  return `Released${at}${progress.trigger === 'timer' ? ' on its timer' : ' by hand'}`;
}

/** Every inject with its status, its text and prompts for the facilitator, notes, and a practice incident on its runbook. */
export function InjectList({
  view,
  act,
  saving,
  onError,
}: {
  view: ExerciseView;
  act: ExerciseAct;
  saving: boolean;
  onError: (message: string) => void;
}) {
  const isLive = view.status === 'running' || view.status === 'paused';
  return (
    <ol className="inject-list">
      {view.injects.map((inject) => (
        <InjectItem
          key={inject.id}
          inject={inject}
          view={view}
          act={act}
          saving={saving}
          isLive={isLive}
          onError={onError}
        />
      ))}
    </ol>
  );
}

function InjectItem({
  inject,
  view,
  act,
  saving,
  isLive,
  onError,
}: {
  inject: InjectView;
  view: ExerciseView;
  act: ExerciseAct;
  saving: boolean;
  isLive: boolean;
  onError: (message: string) => void;
}) {
  const progress = view.progress[inject.id];
  const isPending = !progress || progress.status === 'pending';
  const notes = view.notes.filter((note) => note.inject === inject.id);
  const isCurrent = view.current === inject.id;
  const practise = async (runbook: string): Promise<void> => {
    const who = await ensureRecorder();
    if (!who) return onError(`Not started. ${SAY_WHO_FIRST}`);
    // The person practising leads the practice incident, and records it.
    const started = await request('incidents.start', {
      name: `Exercise: ${inject.title}`.slice(0, 120),
      runbook,
      lead: who,
      author: who,
      exercise: true,
    });
    if (!started.ok) return onError(describeError(started.error));
    if (await act({ type: 'practice', incident: started.value.id, runbook }))
      window.location.hash = href.incident(started.value.id);
  };
  return (
    <li
      className={`inject${isCurrent ? ' inject-current' : ''}`}
      aria-labelledby={`inject-${inject.id}`}
    >
      <h3 id={`inject-${inject.id}`}>
        {inject.number}. <bdi>{inject.title}</bdi>
      </h3>
      <p className="inject-status">
        <strong>
          {isCurrent ? 'On screen now · ' : ''}
          {progressWords(progress)}
        </strong>
        {' · '}
        {inject.adHoc
          ? 'Added during the exercise'
          : inject.releaseAfterMinutes === null
            ? 'Released by hand'
            : `Timed: ${inject.releaseAfterMinutes} minutes after the start`}
      </p>
      {isLive && isPending && (
        <p className="inject-actions">
          <button
            type="button"
            disabled={saving}
            onClick={() => void act({ type: 'release', inject: inject.id, trigger: 'hand' })}
          >
            Release now: <bdi>{inject.title}</bdi>
          </button>{' '}
          <button
            type="button"
            disabled={saving}
            onClick={() => void act({ type: 'skip', inject: inject.id })}
          >
            Skip: <bdi>{inject.title}</bdi>
          </button>
        </p>
      )}
      <details>
        <summary>Text, expected actions and questions</summary>
        <SafeHtml className="inject-text" html={inject.textHtml} />
        {inject.expectedHtml && (
          <>
            <h4>Expected actions</h4>
            <SafeHtml html={inject.expectedHtml} />
          </>
        )}
        {inject.questionsHtml && (
          <>
            <h4>Discussion questions</h4>
            <SafeHtml html={inject.questionsHtml} />
          </>
        )}
      </details>
      {inject.runbook && (
        <p>
          Runbook: <a href={href.runbook(inject.runbook.id)}>{inject.runbook.title}</a>{' '}
          {/* A read-only exercise records nothing more, so it offers no practice incident. */}
          {!view.log.readOnly && (
            <button
              type="button"
              disabled={saving}
              onClick={() => void practise(inject.runbook?.id ?? '')}
            >
              Practise this runbook as an exercise incident
            </button>
          )}
        </p>
      )}
      {notes.length > 0 && (
        <ul className="inject-notes">
          {notes.map((note) => (
            <li key={note.seq}>
              <bdi>{note.text}</bdi> (<bdi>{note.by}</bdi>, {formatMoment(note.at)})
            </li>
          ))}
        </ul>
      )}
      <QuickForm
        id={`note-${inject.id}`}
        label={`Note on "${inject.title}"`}
        button="Add note"
        whenEmpty={`Enter a note on "${inject.title}"`}
        saving={saving}
        onSave={(text) => act({ type: 'note', inject: inject.id, text })}
      />
    </li>
  );
}
