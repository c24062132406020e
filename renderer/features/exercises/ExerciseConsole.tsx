import { useEffect, useState, type FormEvent } from 'react';
import type { ExerciseView } from '../../../main/contract/exerciseTypes';
import { request } from '../../api';
import { describeError } from '../../errors';
import { RecordingAs } from '../../ui/recordingAs/RecordingAs';
import { SafeHtml } from '../../ui/SafeHtml';
import { href } from '../../useRoute';
import { formatMoment } from '../../lib/time';
import { DebriefPanel } from './DebriefPanel';
import { ExerciseBanner } from './ExerciseBanner';
import { ExerciseClockPanel } from './ExerciseClockPanel';
import { InjectList } from './InjectList';
import { QuickForm } from './QuickForm';
import { useExercise, type ExerciseAct } from './useExercise';

/** The facilitator's console: clock controls, injects, who was there, decisions, then the debrief. */
export function ExerciseConsole({ id }: { id: string }) {
  const exercise = useExercise(id);
  const { view, loadError } = exercise;
  const [error, setError] = useState<string | null>(null);
  const opened = view !== null;
  useEffect(() => {
    if (opened) document.getElementById('page-title')?.focus();
  }, [opened]);

  if (loadError) {
    return (
      <div role="alert">
        <ExerciseBanner />
        <h1 id="page-title" tabIndex={-1}>
          This exercise could not be opened
        </h1>
        <p>{describeError(loadError)}</p>
        <p>
          <button type="button" onClick={exercise.reload}>
            Try again
          </button>{' '}
          <a href={href.exercises}>All exercises</a>
        </p>
      </div>
    );
  }
  if (!view)
    return (
      <>
        <ExerciseBanner />
        <p role="status">Opening the exercise…</p>
      </>
    );
  const { act, saving } = exercise;
  return (
    <div className="exercise">
      <ExerciseBanner />
      <p>
        <a href={href.exercises}>← Exercises</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {view.title}
      </h1>
      <p>
        Scenario: {view.scenario.title} (version {view.scenario.version}) · Facilitator:{' '}
        <strong>{view.facilitator}</strong>
      </p>
      {view.log.problem && (
        <p className="notice" role="alert">
          {view.log.problem}
        </p>
      )}
      <RecordingAs />
      <ExerciseClockPanel view={view} act={act} isFacilitator />
      <Controls view={view} act={act} saving={saving} onError={setError} />
      <div aria-live="polite" className="save-state">
        {saving ? 'Saving…' : ''}
      </div>
      {(exercise.saveError ?? error) && (
        <p className="save-failed" role="alert">
          {exercise.saveError ?? error}
        </p>
      )}

      <details className="exercise-brief">
        <summary>Background, objectives and roles</summary>
        <Brief view={view} />
      </details>

      <section aria-labelledby="injects-title">
        <h2 id="injects-title">Injects</h2>
        <InjectList view={view} act={act} saving={saving} onError={setError} />
        {(view.status === 'running' || view.status === 'paused') && (
          <AdHocForm act={act} saving={saving} />
        )}
      </section>

      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">Decisions</h2>
        {view.decisions.length === 0 ? (
          <p>No decisions recorded yet.</p>
        ) : (
          <ul>
            {view.decisions.map((decision) => (
              <li key={decision.seq}>
                {decision.text} ({decision.by}, {formatMoment(decision.at)})
              </li>
            ))}
          </ul>
        )}
        <QuickForm
          id="decision-text"
          label="The group's decision"
          button="Record decision"
          saving={saving}
          multiline
          onSave={(text) =>
            act({ type: 'decision', text, ...(view.current ? { inject: view.current } : {}) })
          }
        />
      </section>

      <Attendees view={view} act={act} saving={saving} />
      {view.status === 'finished' && <DebriefPanel view={view} act={act} saving={saving} />}
      <p>
        <a className="button-link" href={href.exerciseReport(view.id)}>
          After-action report (print or save)
        </a>
      </p>
      <ExerciseBanner />
    </div>
  );
}

function Brief({ view }: { view: ExerciseView }) {
  return (
    <>
      <h2>Background</h2>
      <SafeHtml html={view.brief.backgroundHtml} />
      <h2>Objectives</h2>
      <SafeHtml html={view.brief.objectivesHtml} />
      <h2>Roles</h2>
      <SafeHtml html={view.brief.rolesHtml} />
    </>
  );
}

/**
 * Opens the projector view in a new browser window that this one opened: the browser hands it a
 * copy of this tab's session, so the access key never has to appear in an address (and so never in
 * the browser's history).
 */
function openInAnotherWindow(address: string): void {
  window.open(address, 'holdfast-projector', 'popup');
}

function Controls({
  view,
  act,
  saving,
  onError,
}: {
  view: ExerciseView;
  act: ExerciseAct;
  saving: boolean;
  onError: (message: string | null) => void;
}) {
  const [projector, setProjector] = useState<string | null>(null);
  const next = view.clock.next
    ? view.injects.find((inject) => inject.id === view.clock.next?.inject)
    : undefined;
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
  const isLive = view.status === 'running' || view.status === 'paused';
  return (
    <div className="exercise-controls">
      <p>
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
            type="button"
            className="button-primary"
            disabled={saving}
            onClick={() => void act({ type: 'resume' })}
          >
            Resume
          </button>
        )}{' '}
        {isLive && next && (
          <button
            type="button"
            className="button-primary"
            disabled={saving}
            onClick={() => void act({ type: 'release', inject: next.id, trigger: 'hand' })}
          >
            Release the next inject: {next.title}
          </button>
        )}{' '}
        {isLive && (
          <button type="button" disabled={saving} onClick={() => void act({ type: 'finish' })}>
            Finish and go to the debrief
          </button>
        )}
      </p>
      <p>
        <button type="button" onClick={() => void openProjector()}>
          Open the projector view
        </button>{' '}
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
          </a>
        </p>
      )}
    </div>
  );
}

function AdHocForm({ act, saving }: { act: ExerciseAct; saving: boolean }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await act({ type: 'adHoc', title: title.trim(), text: text.trim() })) {
      setTitle('');
      setText('');
    }
  };
  return (
    <form
      className="adhoc-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="adhoc-title"
    >
      <h3 id="adhoc-title">Add an inject of your own</h3>
      <div className="field">
        <label htmlFor="adhoc-name">Title</label>
        <input
          id="adhoc-name"
          value={title}
          maxLength={120}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="adhoc-text">What the group is told</label>
        <textarea
          id="adhoc-text"
          rows={3}
          value={text}
          maxLength={4000}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit" disabled={saving || !title.trim() || !text.trim()}>
        Release this inject now
      </button>
    </form>
  );
}

function Attendees({
  view,
  act,
  saving,
}: {
  view: ExerciseView;
  act: ExerciseAct;
  saving: boolean;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await act({ type: 'attendee', name: name.trim(), role: role.trim() })) {
      setName('');
      setRole('');
    }
  };
  return (
    <section aria-labelledby="attendees-title">
      <h2 id="attendees-title">Who took part</h2>
      {view.attendees.length === 0 ? (
        <p>Nobody recorded yet.</p>
      ) : (
        <ul>
          {view.attendees.map((person, index) => (
            <li key={index}>
              {person.name}
              {person.role ? ` — ${person.role}` : ''}
            </li>
          ))}
        </ul>
      )}
      <form className="attendee-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="attendee-name">Name</label>
          <input
            id="attendee-name"
            value={name}
            maxLength={120}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="attendee-role">Job or role in the exercise (optional)</label>
          <input
            id="attendee-role"
            value={role}
            maxLength={120}
            onChange={(event) => setRole(event.target.value)}
          />
        </div>
        <button type="submit" disabled={saving || !name.trim()}>
          Add to who took part
        </button>
      </form>
    </section>
  );
}
