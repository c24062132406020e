import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../main/contract/result';
import { describeError } from '../errors';

/**
 * A one-field form that adds something of the provider's own by name (a contact role, a
 * system): an empty name is refused here, and the core's reason is shown beside the field.
 */
export function AddByNameForm({
  title,
  fieldLabel,
  id,
  emptyMessage,
  submitLabel,
  maxLength,
  callPrefix,
  onAdd,
}: {
  title: string;
  fieldLabel: string;
  id: string;
  emptyMessage: string;
  submitLabel: string;
  maxLength: number;
  /** The start of the core's INVALID_INPUT message for this field, replaced by the field's label. */
  callPrefix: string;
  /** Adds the name; resolves to the core's error, or null when it was added. */
  onAdd: (name: string) => Promise<ApiError | null>;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (name.trim() === '') {
      setError(emptyMessage);
      return;
    }
    void onAdd(name).then((failed) => {
      if (!failed) return;
      setError(
        failed.code === 'INVALID_INPUT'
          ? failed.message.replace(callPrefix, `${fieldLabel}: `)
          : describeError(failed),
      );
    });
  };
  return (
    <form className="add-role" onSubmit={submit} noValidate>
      <h3>{title}</h3>
      <div className="field">
        <label htmlFor={id}>{fieldLabel}</label>
        <input
          id={id}
          value={name}
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError('');
          }}
        />
        {error && (
          <p id={`${id}-error`} role="alert" className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
