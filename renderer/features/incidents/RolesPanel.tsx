import { useState, type FormEvent } from 'react';
import type { IncidentView } from '../../../main/contract/incidentTypes';
import { INCIDENT_ROLES, type IncidentRole } from '../../../main/contract/vocabulary';
import { setRecorder } from '../../ui/recordingAs/recordingSession';
import { href } from '../../useRoute';
import type { Act } from './useIncident';
import { inSentence } from '../../../main/shared/inSentence';
import { useRequiredFields } from '../../ui/useRequiredFields';

/** Who holds each role, with its role card, and the shift-change handover. */
export function RolesPanel({
  view,
  act,
  saving,
}: {
  view: IncidentView;
  act: Act;
  saving: boolean;
}) {
  const closed = view.status === 'closed' || view.log.readOnly;
  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">Roles</h2>
      <p className="hint">
        In a small service one person may hold several roles. Only the incident lead is required.
      </p>
      <ul className="role-cards">
        {(Object.keys(INCIDENT_ROLES) as IncidentRole[]).map((role) => (
          <RoleCard
            key={role}
            role={role}
            holder={view.roles[role]}
            act={act}
            saving={saving}
            closed={closed}
          />
        ))}
      </ul>
      <Handover view={view} act={act} saving={saving} closed={closed} />
    </section>
  );
}

function RoleCard({
  role,
  holder,
  act,
  saving,
  closed,
}: {
  role: IncidentRole;
  holder: string | undefined;
  act: Act;
  saving: boolean;
  closed: boolean;
}) {
  const [person, setPerson] = useState('');
  const { label, card } = INCIDENT_ROLES[role];
  const required = useRequiredFields();
  const fieldId = `role-${role}`;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const filled = required.check([
      { id: fieldId, filled: !!person.trim(), message: `Enter who is the ${inSentence(label)}` },
    ]);
    if (filled && (await act({ type: 'role', role, person: person.trim() }))) setPerson('');
  };
  return (
    <li className="role-card">
      <h3>{label}</h3>
      <p>
        <strong>
          {holder ? (
            <>
              Held by <bdi>{holder}</bdi>
            </>
          ) : (
            'Not named yet'
          )}
        </strong>
      </p>
      <ul>
        {card.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {!closed && (
        <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
          {required.summary}
          <label htmlFor={fieldId}>
            {holder ? `Hand ${inSentence(label)} to` : `Name the ${inSentence(label)}`}
          </label>
          {required.errorFor(fieldId)}
          <input
            id={fieldId}
            value={person}
            maxLength={120}
            {...required.controlProps(fieldId)}
            onChange={(e) => {
              setPerson(e.target.value);
              required.clear(fieldId);
            }}
          />
          <button type="submit" disabled={saving}>
            Save
          </button>
        </form>
      )}
    </li>
  );
}

function Handover({
  view,
  act,
  saving,
  closed,
}: {
  view: IncidentView;
  act: Act;
  saving: boolean;
  closed: boolean;
}) {
  const [to, setTo] = useState('');
  const [notes, setNotes] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setDone(null);
    if (
      !required.check([
        { id: 'handover-to', filled: !!to.trim(), message: 'Enter who you are handing over to' },
      ])
    )
      return;
    if (await act({ type: 'handover', from: view.lead, to: to.trim(), notes: notes.trim() })) {
      // The person taking over now holds the laptop: what they record is theirs, not the last shift's.
      setRecorder(to.trim());
      setDone(`Handover to ${to.trim()} recorded. ${to.trim()} is now recording on this computer.`);
      setTo('');
      setNotes('');
    }
  };
  return (
    <section aria-labelledby="handover-heading">
      <h2 id="handover-heading">Shift handover</h2>
      <p>
        Print the handover summary (done, still to do, clocks, who was called) and go through it in
        person.
      </p>
      <p>
        <a className="button-link" href={href.incidentDocument(view.id, 'handover')}>
          Open the handover summary
        </a>
      </p>
      {!closed && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          {required.summary}
          <div className="field">
            <label htmlFor="handover-to">Handing over to</label>
            {required.errorFor('handover-to')}
            <input
              id="handover-to"
              value={to}
              maxLength={120}
              {...required.controlProps('handover-to')}
              onChange={(e) => {
                setTo(e.target.value);
                setDone(null);
                required.clear('handover-to');
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="handover-notes">Anything to add</label>
            <textarea
              id="handover-notes"
              rows={2}
              maxLength={4000}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          </div>
          <button type="submit" disabled={saving}>
            Record the handover
          </button>
          {done && <p role="status">{done}</p>}
        </form>
      )}
    </section>
  );
}
