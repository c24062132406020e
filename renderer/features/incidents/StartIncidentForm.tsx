import { useEffect, useRef, useState, type FormEvent } from 'react';
import { request } from '../../api';
import { describeError } from '../../errors';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { fromLocalInput, toLocalInput } from '../../lib/time';
import { RECORDING_AS_BUTTON_ID, RecordingAs } from '../../ui/recordingAs/RecordingAs';
import { ensureRecorder, SAY_WHO_FIRST } from '../../ui/recordingAs/recordingSession';
import { ChoiceField } from '../../ui/ChoiceField';

const DEFAULT_RUNBOOK = 'first-15-minutes';

/** Starting an incident: a short name, the runbook, when we became aware, and the lead. */
export function StartIncidentForm({ runbook }: { runbook?: string }) {
  const [library] = useCall('runbooks.list', {});
  const [name, setName] = useState('');
  const [lead, setLead] = useState('');
  const [chosen, setChosen] = useState(runbook ?? DEFAULT_RUNBOOK);
  const [awareAt, setAwareAt] = useState(() => toLocalInput(new Date()));
  const [exercise, setExercise] = useState(false);
  // The CQC 24-hour clock starts only on a "yes" here, from when it stopped working.
  const [equipmentDown, setEquipmentDown] = useState<'yes' | 'no' | null>(null);
  const [downSince, setDownSince] = useState(() => toLocalInput(new Date()));
  const [errors, setErrors] = useState<Array<{ field: string; message: string }>>([]);
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  // Loaded on demand, so the app's own focus move ran before this screen existed.
  useEffect(() => document.getElementById('page-title')?.focus(), []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found: Array<{ field: string; message: string }> = [];
    if (!name.trim())
      found.push({
        field: 'incident-name',
        message: 'Give the incident a short name, for example "Ransom note on office PC".',
      });
    if (!lead.trim())
      found.push({ field: 'incident-lead', message: 'Enter the name of the incident lead.' });
    const aware = fromLocalInput(awareAt);
    if (!aware)
      found.push({
        field: 'incident-aware',
        message: 'Enter when you became aware, as a date and time.',
      });
    else if (Date.parse(aware) > Date.now() + 60_000)
      found.push({
        field: 'incident-aware',
        message: 'The time you became aware cannot be in the future.',
      });
    const down = equipmentDown === 'yes' ? fromLocalInput(downSince) : null;
    if (equipmentDown === 'yes' && !down)
      found.push({
        field: 'equipment-down-since',
        message: 'Enter when it stopped working, as a date and time.',
      });
    else if (down && Date.parse(down) > Date.now() + 60_000)
      found.push({
        field: 'equipment-down-since',
        message: 'When it stopped working cannot be in the future.',
      });
    setErrors(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    // The opening entries name whoever is recording, who may not be the lead.
    const author = await ensureRecorder();
    if (!author) {
      setErrors([{ field: RECORDING_AS_BUTTON_ID, message: `Not started. ${SAY_WHO_FIRST}` }]);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSaving(true);
    const result = await request('incidents.start', {
      name: name.trim(),
      lead: lead.trim(),
      author,
      runbook: chosen,
      ...(aware ? { awareAt: aware } : {}),
      ...(down ? { equipmentDownSince: down } : {}),
      exercise,
    });
    setSaving(false);
    if (result.ok) {
      // Already answered "nothing is down": guided mode does not ask again (the Clocks tab still can).
      if (equipmentDown === 'no')
        sessionStorage.setItem(`holdfast-nothing-down-${result.value.id}`, 'yes');
      window.location.hash = href.incident(result.value.id);
    } else {
      setErrors([
        {
          field: 'incident-name',
          message: `Not started. ${result.error.code === 'INVALID_INPUT' ? result.error.message : describeError(result.error)}`,
        },
      ]);
      requestAnimationFrame(() => summary.current?.focus());
    }
  };
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;

  return (
    <>
      <p>
        <a href={href.incidents}>← Incidents</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Start an incident
      </h1>
      <p className="lead">
        Holdfast will keep a log of everything you do from now on. You can change the details later
        by adding notes.
      </p>
      {errors.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>There is a problem</h2>
          <ul>
            {errors.map((error) => (
              <li key={error.field + error.message}>
                <a
                  href={`#${error.field}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(error.field)?.focus();
                  }}
                >
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="incident-name">Short name for this incident</label>
          <p className="hint" id="incident-name-hint">
            For example: "Ransom note on office PC".
          </p>
          <input
            id="incident-name"
            value={name}
            maxLength={120}
            aria-describedby="incident-name-hint"
            aria-invalid={errorFor('incident-name') ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {errorFor('incident-name') && <p className="field-error">{errorFor('incident-name')}</p>}
        </div>
        <div className="field">
          <label htmlFor="incident-runbook">Runbook to follow</label>
          <p className="hint" id="incident-runbook-hint">
            Not sure? Start with "First 15 minutes"; you can add others as you go.
          </p>
          <select
            id="incident-runbook"
            value={chosen}
            aria-describedby="incident-runbook-hint"
            onChange={(e) => setChosen(e.target.value)}
          >
            {library.status === 'ready' ? (
              library.value.runbooks.map((summary) => (
                <option key={summary.id} value={summary.id}>
                  {summary.title}
                </option>
              ))
            ) : (
              <option value={chosen}>{chosen}</option>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor="incident-aware">When did you become aware?</label>
          <p className="hint" id="incident-aware-hint">
            Regulator clocks run from this moment. If you found out earlier, change it.
          </p>
          <input
            id="incident-aware"
            type="datetime-local"
            value={awareAt}
            aria-describedby="incident-aware-hint"
            aria-invalid={errorFor('incident-aware') ? true : undefined}
            onChange={(e) => setAwareAt(e.target.value)}
          />
          {errorFor('incident-aware') && (
            <p className="field-error">{errorFor('incident-aware')}</p>
          )}
        </div>
        <fieldset className="field field-group" aria-describedby="equipment-down-hint">
          <legend>
            Are call bells, phones, power, water, heating, a fire alarm or other safety equipment
            down?
          </legend>
          <p className="hint" id="equipment-down-hint">
            If yes, the CQC 24-hour clock starts from when it stopped working. If you find out
            later, start it on the Clocks tab.
          </p>
          <ChoiceField
            id="equipment-down-yes"
            type="radio"
            name="equipment-down"
            checked={equipmentDown === 'yes'}
            onChange={() => setEquipmentDown('yes')}
          >
            Yes, something is down
          </ChoiceField>
          <ChoiceField
            id="equipment-down-no"
            type="radio"
            name="equipment-down"
            checked={equipmentDown === 'no'}
            onChange={() => setEquipmentDown('no')}
          >
            No, they all work
          </ChoiceField>
          {equipmentDown === 'yes' && (
            <div className="field">
              <label htmlFor="equipment-down-since">When did it stop working?</label>
              <p className="hint" id="equipment-down-since-hint">
                Your best guess if nobody saw it happen. You can change it later, with the reason.
              </p>
              <input
                id="equipment-down-since"
                type="datetime-local"
                value={downSince}
                aria-describedby="equipment-down-since-hint"
                aria-invalid={errorFor('equipment-down-since') ? true : undefined}
                onChange={(e) => setDownSince(e.target.value)}
              />
              {errorFor('equipment-down-since') && (
                <p className="field-error">{errorFor('equipment-down-since')}</p>
              )}
            </div>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="incident-lead">Incident lead</label>
          <p className="hint" id="incident-lead-hint">
            The person making decisions. Other roles can be named later.
          </p>
          <input
            id="incident-lead"
            value={lead}
            maxLength={120}
            autoComplete="name"
            aria-describedby="incident-lead-hint"
            aria-invalid={errorFor('incident-lead') ? true : undefined}
            onChange={(e) => setLead(e.target.value)}
          />
          {errorFor('incident-lead') && <p className="field-error">{errorFor('incident-lead')}</p>}
        </div>
        <ChoiceField id="incident-exercise" checked={exercise} onChange={setExercise}>
          This is a practice exercise, not a real incident
        </ChoiceField>
        <RecordingAs />
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Starting…' : 'Start the incident'}
        </button>
      </form>
    </>
  );
}
