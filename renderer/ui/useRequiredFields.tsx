import { useId, useRef, useState, type ReactNode } from 'react';

/** A field a form needs before it can be sent, and what to say when it is left empty. */
export interface RequiredField {
  id: string;
  filled: boolean;
  /** Says what to do, as GOV.UK does: "Enter what was decided". */
  message: string;
}

/**
 * Check-on-submit for small forms, in place of a submit button that stays disabled until the
 * form is filled in (a pale full-width button reads as broken, and says nothing about why).
 * On submit with a field empty: a "There is a problem" box at the top of the form, linking to
 * each field, takes focus, and each field shows its own message under its label. A field's
 * message goes as soon as it is typed in.
 */
export function useRequiredFields() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  const check = (fields: RequiredField[]): boolean => {
    const found = Object.fromEntries(
      fields.filter((field) => !field.filled).map((field) => [field.id, field.message]),
    );
    setErrors(found);
    if (Object.keys(found).length === 0) return true;
    requestAnimationFrame(() => summaryRef.current?.focus());
    return false;
  };

  const clear = (id: string): void => {
    if (!(id in errors)) return;
    const rest = { ...errors };
    delete rest[id];
    setErrors(rest);
  };

  const ids = Object.keys(errors);
  const summary: ReactNode =
    ids.length === 0 ? null : (
      <div
        className="error-summary"
        role="alert"
        tabIndex={-1}
        ref={summaryRef}
        aria-labelledby={titleId}
      >
        <h2 id={titleId}>There is a problem</h2>
        <ul>
          {ids.map((id) => (
            <li key={id}>
              <a
                href={`#${id}`}
                onClick={(event) => {
                  // The app's routes live in the address's #: move focus, not the route.
                  event.preventDefault();
                  document.getElementById(id)?.focus();
                }}
              >
                {errors[id]}
              </a>
            </li>
          ))}
        </ul>
      </div>
    );

  /** The field's own message, to sit between its label and its control. */
  const errorFor = (id: string): ReactNode =>
    errors[id] ? (
      <p id={`${id}-error`} className="field-error">
        <span className="visually-hidden">Error: </span>
        {errors[id]}
      </p>
    ) : null;

  /** aria links for the control, so its message is read with it. */
  const controlProps = (id: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } =>
    errors[id] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};

  return { check, clear, summary, errorFor, controlProps };
}
