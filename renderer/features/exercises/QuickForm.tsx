import { useState, type FormEvent } from 'react';

/** One labelled text box and a button; cleared only once the core says the entry is saved. */
export function QuickForm({
  id,
  label,
  button,
  onSave,
  saving,
  multiline = false,
}: {
  id: string;
  label: string;
  button: string;
  onSave: (text: string) => Promise<boolean>;
  saving: boolean;
  multiline?: boolean;
}) {
  const [text, setText] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!text.trim()) return;
    if (await onSave(text.trim())) setText('');
  };
  return (
    <form className="quick-form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {multiline ? (
          <textarea
            id={id}
            value={text}
            rows={3}
            maxLength={4000}
            onChange={(event) => setText(event.target.value)}
          />
        ) : (
          <input
            id={id}
            value={text}
            maxLength={4000}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </div>
      <button type="submit" disabled={saving || !text.trim()}>
        {button}
      </button>
    </form>
  );
}
