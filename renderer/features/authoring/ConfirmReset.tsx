import { useEffect, useRef, useState } from 'react';

/**
 * "Reset to the version that comes with Holdfast" (or "Move to the trash") that says what will
 * be lost and asks first. The question takes focus when it appears; "Cancel" puts it back.
 */
export function ConfirmReset({
  button,
  question,
  consequence,
  confirmLabel,
  onConfirm,
}: {
  button: string;
  question: string;
  /** What will be lost, and that a copy stays in the history. */
  consequence: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);

  if (!asking)
    return (
      <button ref={opener} type="button" onClick={() => setAsking(true)}>
        {button}
      </button>
    );
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby="confirm-reset-question"
      aria-describedby="confirm-reset-consequence"
    >
      <p id="confirm-reset-question" ref={heading} tabIndex={-1}>
        <strong>{question}</strong>
      </p>
      <p id="confirm-reset-consequence">{consequence}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onConfirm().finally(() => {
            setBusy(false);
            setAsking(false);
          });
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setAsking(false);
          requestAnimationFrame(() => opener.current?.focus());
        }}
      >
        Cancel
      </button>
    </div>
  );
}
