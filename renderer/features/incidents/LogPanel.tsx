import { useState, type FormEvent } from 'react';
import type { ChainCheck, IncidentView } from '../../../main/contract/incidentTypes';
import { describeDevice } from '../../../main/shared/deviceWords';
import { request } from '../../api';
import { describeError } from '../../errors';
import type { Act } from './useIncident';
import { formatMoment, fromLocalInput, toLocalInput } from '../../lib/time';
import { LOG_CHECK_CODE_LABEL, logCheckCode } from '../../../main/shared/logCheckCode';
import { ExportFilesButton } from './ExportFilesButton';
import { pluralise } from '../../../main/shared/pluralise';
import { neutralisedText } from '../../../main/shared/documentText';
import { useRequiredFields } from '../../ui/useRequiredFields';
import { ChoiceField } from '../../ui/ChoiceField';

/** The evidence log: timeline by event time, notes (backfilled from paper if need be), corrections, and the chain check. */
export function LogPanel({ view, act, saving }: { view: IncidentView; act: Act; saving: boolean }) {
  const closed = view.status === 'closed' || view.log.readOnly;
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Log</h2>
      {!closed && <NoteForm act={act} saving={saving} />}
      {!closed && <DecisionForm act={act} saving={saving} />}
      <ChainCheckPanel view={view} />
      <table className="timeline">
        <caption>
          Every entry, in the order things happened. Entries are never changed: corrections are
          added as new entries.
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When it happened</th>
            <th scope="col">Recorded</th>
            <th scope="col">Who and device</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {view.timeline.map((entry) => (
            <tr key={entry.seq}>
              <td>{entry.seq}</td>
              <td>
                {formatMoment(entry.eventAt)}
                {entry.backfilled && <span className="tag">filled in later</span>}
              </td>
              <td>{formatMoment(entry.recordedAt)}</td>
              <td>
                <bdi>{entry.author}</bdi>
                <span className="entry-device">Device: {describeDevice(entry.device)}</span>
              </td>
              <td>
                {entry.unverified && <span className="tag tag-unverified">not checked</span>}{' '}
                <bdi>{entry.text}</bdi>
                {entry.correctedBy.length > 0 && (
                  <span className="corrected">
                    {' '}
                    (corrected by entry {entry.correctedBy.join(', ')})
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!view.log.readOnly && <CorrectionForm view={view} act={act} saving={saving} />}
    </section>
  );
}

function NoteForm({ act, saving }: { act: Act; saving: boolean }) {
  const [text, setText] = useState('');
  const [earlier, setEarlier] = useState(false);
  const [when, setWhen] = useState(() => toLocalInput(new Date()));
  const [saved, setSaved] = useState<string | null>(null);
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(null);
    if (!required.check([{ id: 'note-text', filled: !!text.trim(), message: 'Enter the note' }]))
      return;
    const eventAt = earlier ? fromLocalInput(when) : null;
    if (await act({ type: 'note', text: text.trim() }, eventAt ?? undefined)) {
      setText('');
      setSaved('Note saved to the log.');
    }
  };
  return (
    <form className="note-form" onSubmit={(event) => void submit(event)} noValidate>
      {required.summary}
      <div className="field">
        <label htmlFor="note-text">Add a note</label>
        {required.errorFor('note-text')}
        <textarea
          id="note-text"
          rows={3}
          maxLength={4000}
          value={text}
          {...required.controlProps('note-text')}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(null);
            required.clear('note-text');
          }}
        />
      </div>
      <ChoiceField id="note-earlier" checked={earlier} onChange={setEarlier}>
        This happened earlier (copying from paper notes)
      </ChoiceField>
      {earlier && (
        <div className="field">
          <label htmlFor="note-when">When did it happen?</label>
          <input
            id="note-when"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
        </div>
      )}
      <button type="submit" className="button-primary" disabled={saving}>
        {saving ? 'Saving…' : 'Save note'}
      </button>
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}

function DecisionForm({ act, saving }: { act: Act; saving: boolean }) {
  const [text, setText] = useState('');
  const [rationale, setRationale] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(null);
    const filled = required.check([
      { id: 'decision-text', filled: !!text.trim(), message: 'Enter what was decided' },
      { id: 'decision-rationale', filled: !!rationale.trim(), message: 'Enter why it was decided' },
    ]);
    if (!filled) return;
    if (await act({ type: 'decision', text: text.trim(), rationale: rationale.trim() })) {
      setText('');
      setRationale('');
      setSaved('Decision saved to the log.');
    }
  };
  return (
    <details className="decision-record">
      <summary>Record a decision and why</summary>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {required.summary}
        <div className="field">
          <label htmlFor="decision-text">What was decided</label>
          {required.errorFor('decision-text')}
          <textarea
            id="decision-text"
            rows={2}
            maxLength={4000}
            value={text}
            {...required.controlProps('decision-text')}
            onChange={(e) => {
              setText(e.target.value);
              setSaved(null);
              required.clear('decision-text');
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="decision-rationale">Why</label>
          {required.errorFor('decision-rationale')}
          <textarea
            id="decision-rationale"
            rows={2}
            maxLength={1000}
            value={rationale}
            {...required.controlProps('decision-rationale')}
            onChange={(e) => {
              setRationale(e.target.value);
              setSaved(null);
              required.clear('decision-rationale');
            }}
          />
        </div>
        <button type="submit" disabled={saving}>
          Save decision
        </button>
        {saved && <p role="status">{saved}</p>}
      </form>
    </details>
  );
}

function CorrectionForm({ view, act, saving }: { view: IncidentView; act: Act; saving: boolean }) {
  const [seq, setSeq] = useState('');
  const [text, setText] = useState('');
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const amends = Number(seq);
    const filled = required.check([
      {
        id: 'correction-seq',
        filled: Number.isInteger(amends) && amends >= 1,
        message: 'Choose the entry to correct',
      },
      { id: 'correction-text', filled: !!text.trim(), message: 'Enter what the entry should say' },
    ]);
    if (!filled) return;
    if (await act({ type: 'correction', amends, text: text.trim() })) {
      setSeq('');
      setText('');
    }
  };
  return (
    <details className="correction">
      <summary>Correct an entry</summary>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {required.summary}
        <div className="field">
          <label htmlFor="correction-seq">Entry number</label>
          {required.errorFor('correction-seq')}
          <select
            id="correction-seq"
            value={seq}
            {...required.controlProps('correction-seq')}
            onChange={(e) => {
              setSeq(e.target.value);
              required.clear('correction-seq');
            }}
          >
            <option value="">Choose an entry</option>
            {view.timeline.map((entry) => (
              <option key={entry.seq} value={entry.seq}>
                {/* An option holds only text: the words are neutralised instead (see neutralisedText). */}
                {entry.seq}: {neutralisedText(entry.text.slice(0, 80))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="correction-text">What should it say?</label>
          {required.errorFor('correction-text')}
          <textarea
            id="correction-text"
            rows={2}
            maxLength={4000}
            value={text}
            {...required.controlProps('correction-text')}
            onChange={(e) => {
              setText(e.target.value);
              required.clear('correction-text');
            }}
          />
        </div>
        <button type="submit" disabled={saving}>
          Add correction
        </button>
      </form>
    </details>
  );
}

function ChainCheckPanel({ view }: { view: IncidentView }) {
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (): Promise<void> => {
    setError(null);
    const result = await request('incidents.verify', { id: view.id });
    if (result.ok) setCheck(result.value);
    else setError(describeError(result.error));
  };
  return (
    <div className="chain-check">
      {view.log.problem && (
        <p className="notice" role="alert">
          {view.log.problem}
        </p>
      )}
      {view.log.problem && view.log.readOnly && (
        <ExportFilesButton
          call="incidents.exportFiles"
          id={view.id}
          label="Save a copy of this incident's files for investigation"
        />
      )}
      {view.log.recovered && <p className="notice">{view.log.recovered}</p>}
      {view.log.timeWarnings && (
        <ul className="notice time-warnings" aria-label="Recorded times that go back">
          {view.log.timeWarnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {view.log.damaged ? (
        <p className="log-check-code">
          {LOG_CHECK_CODE_LABEL}: none, as this log does not verify. Compare the entries with the
          code on your last printout or handover instead.
        </p>
      ) : (
        <>
          <p className="log-check-code">
            {LOG_CHECK_CODE_LABEL}: <strong className="check-code">{view.log.checkCode}</strong>
          </p>
          <p>
            Write this code on any paper notes or handover you make now: it changes with every
            entry, and shows later that the log still holds what it held then.{' '}
            {pluralise(view.log.entries, 'entry', 'entries')} saved.
          </p>
          <details className="log-full-code">
            <summary>The full check code, for IT staff</summary>
            <code className="hash">{view.log.head}</code>
          </details>
        </>
      )}
      <button type="button" onClick={() => void run()}>
        Check the log against its check record
      </button>
      <div role="status">
        {check &&
          (check.ok ? (
            <p>
              <strong>
                Log checked: all {check.entries} entries are intact, none added, removed or
                rewritten since they were saved.
              </strong>{' '}
              {LOG_CHECK_CODE_LABEL} {logCheckCode(check.head)}.
            </p>
          ) : (
            <p>
              <strong>⚠ The log does not check out.</strong> {check.problem}
            </p>
          ))}
        {error && <p>{error}</p>}
      </div>
    </div>
  );
}
