import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ExerciseView } from '../../../main/contract/exerciseTypes';
import { describeError } from '../../errors';
import { RecordingAs } from '../../ui/recordingAs/RecordingAs';
import { SafeHtml } from '../../ui/SafeHtml';
import { useRequiredFields } from '../../ui/useRequiredFields';
import { href } from '../../useRoute';
import { formatMoment } from '../../lib/time';
import { ExportFilesButton } from '../incidents/ExportFilesButton';
import { DebriefPanel } from './DebriefPanel';
import { ClockControls, ProjectorControls } from './ExerciseControls';
import { FinishExercise } from './FinishExercise';
import { LiveInject } from './LiveInject';
import { ReopenExercise } from './ReopenExercise';
import { ExerciseBanner } from './ExerciseBanner';
import { ExerciseClockPanel } from './ExerciseClockPanel';
import { InjectList } from './InjectList';
import { QuickForm } from './QuickForm';
import { useExercise, type ExerciseAct } from './useExercise';

/** Where focus goes after the view changes: the debrief once finished, Resume once reopened. */
type FocusNext = 'debrief' | 'resume' | null;

/**
 * The facilitator's console. At 1024 px and wider it has two panes: the clock, the inject shown
 * and the release controls stay in view on one side while notes, decisions and who took part
 * scroll on the other. Narrower, it is one column with the live pane first.
 */
export function ExerciseConsole({ id }: { id: string }) {
  const exercise = useExercise(id);
  const { view, loadError } = exercise;
  const [error, setError] = useState<string | null>(null);
  const [focusNext, setFocusNext] = useState<FocusNext>(null);
  const opened = view !== null;
  useEffect(() => {
    if (opened) document.getElementById('page-title')?.focus();
  }, [opened]);
  const status = view?.status;
  useEffect(() => {
    const target =
      focusNext === 'debrief' && status === 'finished'
        ? document.getElementById('debrief-title')
        : focusNext === 'resume' && status === 'paused'
          ? document.getElementById('exercise-resume')
          : null;
    if (!target) return;
    target.focus();
    target.scrollIntoView?.({ block: 'start' });
    setFocusNext(null);
  }, [focusNext, status]);

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
  const isLive = view.status === 'running' || view.status === 'paused';
  const saveCopy = (
    <ExportFilesButton
      call="exercises.exportFiles"
      id={view.id}
      label="Save a copy of this exercise"
    />
  );
  return (
    <div className="exercise">
      <ExerciseBanner />
      <p>
        <a href={href.exercises}>← Exercises</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        <bdi>{view.title}</bdi>
      </h1>
      <p>
        Scenario: <bdi>{view.scenario.title}</bdi>
        {view.scenario.version > 0 ? ` (version ${view.scenario.version})` : ''} · Facilitator:{' '}
        <strong>
          <bdi>{view.facilitator}</bdi>
        </strong>
      </p>
      {view.log.problem && (
        <p className="notice" role="alert">
          {view.log.problem}
        </p>
      )}
      {view.log.readOnly ? (
        <ReadOnlyExercise view={view} saveCopy={saveCopy} />
      ) : (
        <>
          <RecordingAs />
          <div className="exercise-panes">
            <section className="exercise-live" aria-labelledby="live-title">
              <h2 id="live-title" className="visually-hidden">
                Run the exercise
              </h2>
              <ExerciseClockPanel view={view} act={act} isFacilitator />
              <ClockControls view={view} act={act} saving={saving} />
              <div aria-live="polite" className="save-state">
                {saving ? 'Saving…' : ''}
              </div>
              {(exercise.saveError ?? error) && (
                <p className="save-failed" role="alert">
                  {exercise.saveError ?? error}
                </p>
              )}
              {view.status !== 'finished' && <LiveInject view={view} />}
              <ProjectorControls view={view} onError={setError} />
              {isLive && (
                <FinishExercise
                  act={act}
                  saving={saving}
                  onFinished={() => setFocusNext('debrief')}
                />
              )}
            </section>

            <div className="exercise-record">
              {view.status === 'finished' && (
                <>
                  <DebriefPanel view={view} act={act} saving={saving} />
                  <ReopenExercise
                    act={act}
                    saving={saving}
                    onReopened={() => setFocusNext('resume')}
                  />
                </>
              )}
              <details className="exercise-brief">
                <summary>Background, objectives and roles</summary>
                <Brief view={view} />
              </details>

              <section aria-labelledby="injects-title">
                <h2 id="injects-title">Injects</h2>
                <InjectList view={view} act={act} saving={saving} onError={setError} />
                {isLive && <AdHocForm act={act} saving={saving} />}
              </section>

              <section aria-labelledby="decisions-title">
                <h2 id="decisions-title">Decisions</h2>
                <Decisions view={view} />
                <QuickForm
                  id="decision-text"
                  label="The group's decision"
                  button="Record decision"
                  whenEmpty="Enter the group's decision"
                  saving={saving}
                  multiline
                  onSave={(text) =>
                    act({
                      type: 'decision',
                      text,
                      ...(view.current ? { inject: view.current } : {}),
                    })
                  }
                />
              </section>

              <Attendees view={view} act={act} saving={saving} />
              <p>
                <a className="button-link" href={href.exerciseReport(view.id)}>
                  After-action report (print or save)
                </a>
              </p>
              {saveCopy}
            </div>
          </div>
        </>
      )}
      <ExerciseBanner />
    </div>
  );
}

function Decisions({ view }: { view: ExerciseView }) {
  return view.decisions.length === 0 ? (
    <p>No decisions recorded yet.</p>
  ) : (
    <ul>
      {view.decisions.map((decision) => (
        <li key={decision.seq}>
          <bdi>{decision.text}</bdi> (<bdi>{decision.by}</bdi>, {formatMoment(decision.at)})
        </li>
      ))}
    </ul>
  );
}

/**
 * An exercise whose log is damaged: what can still be read, and a way to save its files as they
 * are for whoever looks after your IT. Nothing can be recorded into it.
 */
function ReadOnlyExercise({ view, saveCopy }: { view: ExerciseView; saveCopy: ReactNode }) {
  return (
    <>
      <p>
        This exercise can only be read: nothing more can be recorded in it.
        {view.log.breaksAtLine !== undefined &&
          ` Its log stops checking out at line ${view.log.breaksAtLine}.`}
      </p>
      {saveCopy}
      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">Decisions</h2>
        <Decisions view={view} />
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">What the log says</h2>
        {view.timeline.length === 0 ? (
          <p>Not one entry of the log can be read.</p>
        ) : (
          <ol>
            {view.timeline.map((entry) => (
              <li key={entry.seq}>
                {formatMoment(entry.at)} · <bdi>{entry.author}</bdi>: <bdi>{entry.text}</bdi>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
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

function AdHocForm({ act, saving }: { act: ExerciseAct; saving: boolean }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const filled = required.check([
      { id: 'adhoc-name', filled: !!title.trim(), message: 'Enter a title for the inject' },
      { id: 'adhoc-text', filled: !!text.trim(), message: 'Enter what the group is told' },
    ]);
    if (!filled) return;
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
      noValidate
    >
      <h3 id="adhoc-title">Add an inject of your own</h3>
      {required.summary}
      <div className="field">
        <label htmlFor="adhoc-name">Title</label>
        {required.errorFor('adhoc-name')}
        <input
          id="adhoc-name"
          value={title}
          maxLength={120}
          {...required.controlProps('adhoc-name')}
          onChange={(event) => {
            setTitle(event.target.value);
            required.clear('adhoc-name');
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="adhoc-text">What the group is told</label>
        {required.errorFor('adhoc-text')}
        <textarea
          id="adhoc-text"
          rows={3}
          value={text}
          maxLength={4000}
          {...required.controlProps('adhoc-text')}
          onChange={(event) => {
            setText(event.target.value);
            required.clear('adhoc-text');
          }}
        />
      </div>
      <button type="submit" disabled={saving}>
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
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const filled = required.check([
      { id: 'attendee-name', filled: !!name.trim(), message: 'Enter the name of who took part' },
    ]);
    if (!filled) return;
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
              <bdi>{person.name}</bdi>
              {person.role ? (
                <>
                  {' — '}
                  <bdi>{person.role}</bdi>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form className="attendee-form" onSubmit={(event) => void submit(event)} noValidate>
        {required.summary}
        <div className="field">
          <label htmlFor="attendee-name">Name</label>
          {required.errorFor('attendee-name')}
          <input
            id="attendee-name"
            value={name}
            maxLength={120}
            autoComplete="off"
            {...required.controlProps('attendee-name')}
            onChange={(event) => {
              setName(event.target.value);
              required.clear('attendee-name');
            }}
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
        <button type="submit" disabled={saving}>
          Add to who took part
        </button>
      </form>
    </section>
  );
}
