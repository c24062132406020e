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

/**
 * Reset an edited built-in runbook or scenario, or move one of the provider's own to the trash:
 * asked first, in the same words for both kinds.
 */
export function ResetOrTrash({
  noun,
  hasBundled,
  unsaved,
  onConfirm,
}: {
  noun: 'runbook' | 'scenario';
  hasBundled: boolean;
  /** Whether there are edits not yet saved, which the reset or trash loses. */
  unsaved: boolean;
  onConfirm: () => Promise<void>;
}) {
  const lost = unsaved ? ', and the changes you have not saved are lost' : '';
  return (
    <ConfirmReset
      button={hasBundled ? 'Reset to the version that comes with Holdfast' : 'Move to the trash'}
      question={
        hasBundled
          ? 'Reset to the version that comes with Holdfast?'
          : `Move this ${noun} to the trash?`
      }
      consequence={
        hasBundled
          ? `Your edited version stops being used, with every change you made to it${lost}. A copy of your edited version stays in the history below, so you can bring it back.`
          : `Nobody can ${noun === 'runbook' ? 'open' : 'run'} this ${noun} until it is brought back${lost}. A copy stays in the history below, so you can bring it back.`
      }
      confirmLabel={hasBundled ? 'Yes, reset it' : 'Yes, move it to the trash'}
      onConfirm={onConfirm}
    />
  );
}
