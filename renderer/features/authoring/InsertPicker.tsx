import { useId, useRef, useState } from 'react';

/** One choice in a picker: what is inserted, and what the person reads. */
export interface PickerChoice {
  value: string;
  label: string;
}

/** Choices under a heading ("Your contacts", "National contacts"). */
export interface PickerGroup {
  label: string;
  choices: PickerChoice[];
}

/**
 * A button that opens a short list to choose from, then inserts the choice into the text where
 * the cursor is: "Insert contact…" writes `{{contact:<role>}}` for the chosen role, so nobody
 * has to know or type an id. Closing it puts focus back on the button.
 */
export function InsertPicker({
  button,
  label,
  groups,
  toText,
  onInsert,
}: {
  /** The button's words, ending in "…" because it opens a choice. */
  button: string;
  /** The list's label. */
  label: string;
  groups: PickerGroup[];
  /** The text inserted for a chosen value. */
  toText: (value: string) => string;
  onInsert: (text: string) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const first = groups.flatMap((group) => group.choices)[0]?.value ?? '';
  const [chosen, setChosen] = useState(first);
  const opener = useRef<HTMLButtonElement>(null);
  const select = useRef<HTMLSelectElement>(null);

  const close = (): void => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        aria-expanded={false}
        onClick={() => {
          setChosen(first);
          setOpen(true);
          requestAnimationFrame(() => select.current?.focus());
        }}
      >
        {button}
      </button>
    );
  }
  return (
    <div className="insert-picker">
      <label htmlFor={`${id}-select`}>{label}</label>
      <select
        ref={select}
        id={`${id}-select`}
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      >
        {groups
          .filter((group) => group.choices.length > 0)
          .map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      <button
        type="button"
        className="button-primary"
        disabled={!chosen}
        onClick={() => {
          setOpen(false);
          onInsert(toText(chosen));
        }}
      >
        Insert
      </button>
      <button type="button" onClick={close}>
        Cancel
      </button>
    </div>
  );
}
