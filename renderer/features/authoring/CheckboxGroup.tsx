/** A set of choices as checkboxes; values already in the file but not offered are kept and shown. */
export function CheckboxGroup({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: Array<[string, string]>;
  value: string[];
  onChange: (next: string[]) => void;
}) {
  const offered = new Set(options.map(([id]) => id));
  const all = [
    ...options,
    ...value.filter((id) => !offered.has(id)).map((id): [string, string] => [id, id]),
  ];
  const id = `fm-${legend.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <fieldset
      className="checkbox-group"
      {...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {})}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {all.map(([option, label]) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(option)}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...value, option] : value.filter((v) => v !== option),
              )
            }
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
