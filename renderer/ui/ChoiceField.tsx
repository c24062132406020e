import type { ReactNode } from 'react';

/**
 * One checkbox or radio button with its label beside it, the box first and a large target. The
 * forms' single yes/no choices and small radio sets all take this shape; `inField` spaces it as
 * a field of its own when it stands among other fields.
 */
export function ChoiceField({
  id,
  type = 'checkbox',
  name,
  checked,
  onChange,
  inField = false,
  children,
}: {
  id: string;
  type?: 'checkbox' | 'radio';
  /** A radio set's shared name. */
  name?: string;
  checked: boolean;
  /** Told whether the box is now ticked (a radio button is only ever ticked by a click). */
  onChange: (checked: boolean) => void;
  inField?: boolean;
  /** The label. */
  children: ReactNode;
}) {
  return (
    <div className={inField ? 'field field-checkbox' : 'field-checkbox'}>
      <input
        id={id}
        type={type}
        {...(name === undefined ? {} : { name })}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{children}</label>
    </div>
  );
}
