import { useState, type FormEvent } from 'react';
import type { ExerciseView, FollowUpAction } from '../../../main/contract/exerciseTypes';
import { actionStatusWords } from './actionStatus';
import { useRequiredFields } from '../../ui/useRequiredFields';
import { QuickForm } from './QuickForm';
import type { ExerciseAct } from './useExercise';

/** The hot debrief: what went well, what to improve, and actions with an owner and a due date. */
export function DebriefPanel({
  view,
  act,
  saving,
}: {
  view: ExerciseView;
  act: ExerciseAct;
  saving: boolean;
}) {
  const points = (kind: 'went-well' | 'improve') =>
    view.debrief.filter((point) => point.kind === kind);
  return (
    <section aria-labelledby="debrief-title" className="debrief">
      <h2 id="debrief-title" tabIndex={-1}>
        Debrief
      </h2>
      <p>Talk it through while it is fresh. Everything here goes into the after-action report.</p>
      <h3>What went well</h3>
      {points('went-well').length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <ul>
          {points('went-well').map((point, index) => (
            <li key={index}>
              <bdi>{point.text}</bdi>
            </li>
          ))}
        </ul>
      )}
      <QuickForm
        id="went-well"
        label="Something that went well"
        button="Add to what went well"
        whenEmpty="Enter something that went well"
        saving={saving}
        onSave={(text) => act({ type: 'debrief', kind: 'went-well', text })}
      />
      <h3>What to improve</h3>
      {points('improve').length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <ul>
          {points('improve').map((point, index) => (
            <li key={index}>
              <bdi>{point.text}</bdi>
            </li>
          ))}
        </ul>
      )}
      <QuickForm
        id="improve"
        label="Something to improve"
        button="Add to what to improve"
        whenEmpty="Enter something to improve"
        saving={saving}
        onSave={(text) => act({ type: 'debrief', kind: 'improve', text })}
      />
      <h3>Actions</h3>
      <ActionList actions={view.actions} act={act} saving={saving} />
      <ActionForm act={act} saving={saving} />
    </section>
  );
}

function ActionList({
  actions,
  act,
  saving,
}: {
  actions: FollowUpAction[];
  act: ExerciseAct;
  saving: boolean;
}) {
  if (actions.length === 0) return <p>No actions yet.</p>;
  return (
    <ul className="action-list">
      {actions.map((action) => {
        const status = actionStatusWords(action);
        return (
          <li key={action.number} className={status.isOverdue ? 'action-overdue' : undefined}>
            <strong>
              {action.number}. <bdi>{action.text}</bdi>
            </strong>{' '}
            — owner <bdi>{action.owner}</bdi> · <span>{status.words}</span>{' '}
            {action.status === 'open' && (
              <button
                type="button"
                disabled={saving}
                onClick={() => void act({ type: 'actionDone', action: action.number })}
              >
                Mark action {action.number} done
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ActionForm({ act, saving }: { act: ExerciseAct; saving: boolean }) {
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const filled = required.check([
      { id: 'action-text', filled: !!text.trim(), message: 'Enter the action' },
      { id: 'action-owner', filled: !!owner.trim(), message: 'Enter who owns the action' },
      { id: 'action-due', filled: !!due, message: 'Enter the date the action is due' },
    ]);
    if (!filled) return;
    if (await act({ type: 'action', text: text.trim(), owner: owner.trim(), due })) {
      setText('');
      setOwner('');
      setDue('');
    }
  };
  return (
    <form className="action-form" onSubmit={(event) => void submit(event)} noValidate>
      {required.summary}
      <div className="field">
        <label htmlFor="action-text">Action</label>
        {required.errorFor('action-text')}
        <input
          id="action-text"
          value={text}
          maxLength={4000}
          {...required.controlProps('action-text')}
          onChange={(event) => {
            setText(event.target.value);
            required.clear('action-text');
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="action-owner">Owner</label>
        {required.errorFor('action-owner')}
        <input
          id="action-owner"
          value={owner}
          maxLength={120}
          {...required.controlProps('action-owner')}
          onChange={(event) => {
            setOwner(event.target.value);
            required.clear('action-owner');
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="action-due">Due date</label>
        {required.errorFor('action-due')}
        <input
          id="action-due"
          type="date"
          value={due}
          {...required.controlProps('action-due')}
          onChange={(event) => {
            setDue(event.target.value);
            required.clear('action-due');
          }}
        />
      </div>
      <button type="submit" disabled={saving}>
        Add action
      </button>
    </form>
  );
}
