import type { ReactNode } from 'react';

/** What a field's control needs so its label, hint and error are read with it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * One form field: label, optional hint, the control (given its id and aria links) and the
 * mistake beside it. The error replaces the hint as the control's description.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const control: FieldControlProps = error
    ? { id, 'aria-invalid': true, 'aria-describedby': `${id}-error` }
    : hint
      ? { id, 'aria-describedby': `${id}-hint` }
      : { id };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children(control)}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
