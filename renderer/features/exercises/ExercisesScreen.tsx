import { ExportFilesButton } from '../incidents/ExportFilesButton';
import { useState, type FormEvent } from 'react';
import type { ExerciseSummary, ScenarioSummary } from '../../../main/contract/exerciseTypes';
import { request } from '../../api';
import { describeError } from '../../errors';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { ProblemsPanel } from '../library/ProblemsPanel';
import { formatMoment } from '../../lib/time';
import { RecordingAs } from '../../ui/recordingAs/RecordingAs';
import { ensureRecorder, SAY_WHO_FIRST } from '../../ui/recordingAs/recordingSession';
import { ExerciseBanner } from './ExerciseBanner';
import { pluralise } from '../../../main/shared/pluralise';
import { useRequiredFields } from '../../ui/useRequiredFields';

const STATUS_WORDS = {
  ready: 'Set up, not started',
  running: 'Running',
  paused: 'Paused',
  finished: 'Finished',
} as const;

/** Tabletop exercises: choose a scenario and set one up, print its cards, or go back to one already run. */
export function ExercisesScreen() {
  const [library, retry] = useCall('exercises.scenarios', {});
  const [exercises] = useCall('exercises.list', {});
  return (
    <>
      <ExerciseBanner />
      <h1 id="page-title" tabIndex={-1}>
        Exercises
      </h1>
      <p className="lead">
        Test your continuity plan by talking through a made-up incident. What you record is kept
        apart from real incidents and never counted as one.
      </p>
      {exercises.status === 'ready' && exercises.value.length > 0 && (
        <ExerciseList exercises={exercises.value} />
      )}
      <h2>Set up an exercise</h2>
      {library.status === 'loading' && <p role="status">Loading scenarios…</p>}
      {library.status === 'failed' && (
        <div role="alert">
          <p>{describeError(library.error)}</p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
      {library.status === 'ready' && (
        <>
          <SetUpForm scenarios={library.value.scenarios} />
          <h2>Scenarios</h2>
          <ul className="scenario-list">
            {library.value.scenarios.map((scenario) => (
              <li key={scenario.id}>
                <h3>
                  <bdi>{scenario.title}</bdi>
                  {scenario.source === 'user' && (
                    <>
                      {' '}
                      <span className="tag">
                        {scenario.overridesBundled ? 'Yours (edited)' : 'Yours'}
                      </span>
                    </>
                  )}
                </h3>
                <p>{scenario.summary}</p>
                <p>
                  About {scenario.durationMinutes} minutes · {scenario.injectCount} injects ·{' '}
                  <a href={href.injectCards(scenario.id)}>
                    Print inject cards for “{scenario.title}”
                  </a>{' '}
                  · <a href={href.editScenario(scenario.id)}>Edit “{scenario.title}”</a>
                </p>
              </li>
            ))}
          </ul>
          <p>
            <a href={href.newScenario}>Write a new scenario</a>
          </p>
          <ProblemsPanel problems={library.value.problems} />
        </>
      )}
      <ExerciseBanner />
    </>
  );
}

function ExerciseList({ exercises }: { exercises: ExerciseSummary[] }) {
  return (
    <section aria-labelledby="exercise-list-title">
      <h2 id="exercise-list-title">Your exercises</h2>
      <ul>
        {exercises.map((exercise) => (
          <li key={exercise.id}>
            <a href={href.exercise(exercise.id)}>
              <bdi>{exercise.title}</bdi>
            </a>{' '}
            — {STATUS_WORDS[exercise.status]}
            {exercise.startedAt ? `, started ${formatMoment(exercise.startedAt)}` : ''}
            {exercise.openActions.length > 0
              ? `, ${pluralise(exercise.openActions.length, 'open action', 'open actions')}`
              : ''}
            {exercise.problem && (
              <>
                <p className="incident-problem">{exercise.problem}</p>
                <ExportFilesButton
                  call="exercises.exportFiles"
                  id={exercise.id}
                  label={`Save a copy of the files of “${exercise.title}” for investigation`}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SetUpForm({ scenarios }: { scenarios: ScenarioSummary[] }) {
  const [scenario, setScenario] = useState(scenarios[0]?.id ?? '');
  const [facilitator, setFacilitator] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    const filled = required.check([
      { id: 'setup-scenario', filled: !!scenario, message: 'Choose a scenario' },
      {
        id: 'setup-facilitator',
        filled: !!facilitator.trim(),
        message: "Enter the facilitator's name",
      },
    ]);
    if (!filled) return;
    // A scribe may set it up for the facilitator: the first entry names whoever is recording.
    const author = await ensureRecorder();
    if (!author) return setError(`Not set up. ${SAY_WHO_FIRST}`);
    setSaving(true);
    const result = await request('exercises.create', {
      scenario,
      facilitator: facilitator.trim(),
      author,
    });
    setSaving(false);
    if (!result.ok)
      return setError(
        result.error.code === 'INVALID_INPUT' ? result.error.message : describeError(result.error),
      );
    window.location.hash = href.exercise(result.value.id);
  };
  return (
    <form className="exercise-setup" onSubmit={(event) => void submit(event)} noValidate>
      {required.summary}
      <div className="field">
        <label htmlFor="setup-scenario">Scenario</label>
        {required.errorFor('setup-scenario')}
        <select
          id="setup-scenario"
          value={scenario}
          {...required.controlProps('setup-scenario')}
          onChange={(event) => {
            setScenario(event.target.value);
            required.clear('setup-scenario');
          }}
        >
          {scenarios.map((each) => (
            <option key={each.id} value={each.id}>
              {each.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="setup-facilitator">Facilitator's name</label>
        {required.errorFor('setup-facilitator')}
        <input
          id="setup-facilitator"
          value={facilitator}
          maxLength={120}
          autoComplete="name"
          {...required.controlProps('setup-facilitator')}
          onChange={(event) => {
            setFacilitator(event.target.value);
            required.clear('setup-facilitator');
          }}
        />
      </div>
      {error && (
        <p className="save-failed" role="alert">
          {error}
        </p>
      )}
      <RecordingAs />
      <button type="submit" className="button-primary" disabled={saving}>
        Set up the exercise
      </button>
    </form>
  );
}
