import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * A delete button that asks first: "Yes" takes focus when the question appears, "No" puts focus
 * back on the button, and a failure is shown beside it. Used for contacts and systems.
 */
export function DeleteWithConfirm({
  id,
  canDelete,
  button,
  question,
  confirmLabel,
  onConfirm,
  actions,
}: {
  /** Unique per entry, for the question's id. */
  id: string;
  /** False when there is nothing to delete: only the other actions are shown. */
  canDelete: boolean;
  /** The button's content (visible word plus any visually hidden context). */
  button: ReactNode;
  question: string;
  confirmLabel: string;
  /** Deletes; resolves to a plain-words failure, or null when done. */
  onConfirm: () => Promise<string | null>;
  /** Links shown before the button (Edit, Add), in the same row. */
  actions: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const focus = (ref: RefObject<HTMLButtonElement | null>) =>
    requestAnimationFrame(() => ref.current?.focus());
  return (
    <>
      <div className="directory-actions">
        {actions}
        {canDelete && !confirming && (
          <button ref={deleteRef} type="button" onClick={() => setConfirming(true)}>
            {button}
          </button>
        )}
      </div>
      {canDelete && confirming && (
        <div className="confirm" role="group" aria-labelledby={`confirm-${id}`}>
          <p id={`confirm-${id}`}>{question} This cannot be undone.</p>
          <button
            ref={confirmRef}
            type="button"
            onClick={() => {
              void onConfirm().then((failed) => {
                setConfirming(false);
                setError(failed ?? '');
              });
            }}
          >
            {confirmLabel}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              focus(deleteRef);
            }}
          >
            No, keep it
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="save-failed">
          Not deleted. {error}
        </p>
      )}
    </>
  );
}
