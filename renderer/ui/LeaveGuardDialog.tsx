import { useEffect, useRef, useState } from 'react';
import { leaveWithoutSaving, saveAndLeave, stay, usePendingLeave } from '../lib/leaveGuard';

/**
 * "You have changes that are not saved": asked when someone moves to another screen while the
 * screen they are on has changes that would be lost. Mounted once; opens when a move is waiting.
 */
export function LeaveGuardDialog() {
  const pending = usePendingLeave();
  const dialog = useRef<HTMLDialogElement>(null);
  const stayButton = useRef<HTMLButtonElement>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (pending !== null && !element.open) {
      element.showModal();
      // The safe choice has focus first: Enter keeps the work.
      stayButton.current?.focus();
    } else if (pending === null && element.open) element.close();
  }, [pending]);

  const save = async (): Promise<void> => {
    setSaving(true);
    // A refused save closes the question; the screen says why next to its Save button.
    await saveAndLeave();
    setSaving(false);
  };

  return (
    <dialog
      ref={dialog}
      className="who-dialog leave-dialog"
      aria-labelledby="leave-dialog-title"
      aria-describedby="leave-dialog-why"
      // Escape closes a modal dialog by itself: that is "Stay".
      onClose={() => stay()}
    >
      {pending !== null && (
        <>
          <h2 id="leave-dialog-title">You have changes that are not saved</h2>
          <p id="leave-dialog-why">
            If you leave now, the changes you made on this screen are lost. Save them first, or stay
            to keep working.
          </p>
          <div className="who-dialog-actions">
            <button
              type="button"
              className="button-primary"
              disabled={saving}
              onClick={() => void save()}
            >
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" onClick={() => leaveWithoutSaving()}>
              Leave without saving
            </button>
            <button ref={stayButton} type="button" onClick={() => stay()}>
              Stay
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
