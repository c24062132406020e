import { useState, type FormEvent } from 'react';
import { useRequiredFields } from '../../ui/useRequiredFields';

/**
 * One labelled text box and a button; cleared only once the core says the entry is saved.
 * The button stays enabled: an empty box is named on submit, in `whenEmpty`'s words.
 */
export function QuickForm({
  id,
  label,
  button,
  whenEmpty,
  onSave,
  saving,
  multiline = false,
}: {
  id: string;
  label: string;
  button: string;
  /** What to do when the box is empty, as GOV.UK says it: "Enter the group's decision". */
  whenEmpty: string;
  onSave: (text: string) => Promise<boolean>;
  saving: boolean;
  multiline?: boolean;
}) {
  const [text, setText] = useState('');
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!required.check([{ id, filled: !!text.trim(), message: whenEmpty }])) return;
    if (await onSave(text.trim())) setText('');
  };
  const change = (value: string): void => {
    setText(value);
    required.clear(id);
  };
  return (
    <form className="quick-form" onSubmit={(event) => void submit(event)} noValidate>
      {required.summary}
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {required.errorFor(id)}
        {multiline ? (
          <textarea
            id={id}
            value={text}
            rows={3}
            maxLength={4000}
            {...required.controlProps(id)}
            onChange={(event) => change(event.target.value)}
          />
        ) : (
          <input
            id={id}
            value={text}
            maxLength={4000}
            {...required.controlProps(id)}
            onChange={(event) => change(event.target.value)}
          />
        )}
      </div>
      <button type="submit" disabled={saving}>
        {button}
      </button>
    </form>
  );
}
