import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isReservedAuthor, RESERVED_AUTHOR } from '../../../main/contract/recorder';
import { answerWhoIsRecording, cancelWhoIsRecording, useOpenQuestion } from './recordingSession';

/** What is wrong with a name typed into the dialog, or null when it can be used. */
function problemWith(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter your name. Everything you save is marked with it.';
  if (isReservedAuthor(trimmed))
    return `"${RESERVED_AUTHOR}" is the app's own name. Enter your name.`;
  return null;
}

/**
 * "Who is recording?": one required field, asked before the first entry in each run of the app
 * and whenever someone chooses to change it. Mounted once; opens when a question is waiting.
 */
export function WhoIsRecordingDialog() {
  const question = useOpenQuestion();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (question && !element.open) {
      setName('');
      setProblem(null);
      element.showModal();
      input.current?.focus();
    } else if (!question && element.open) element.close();
  }, [question]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = problemWith(name);
    setProblem(found);
    if (found) {
      input.current?.focus();
      return;
    }
    answerWhoIsRecording(name);
  };

  return (
    <dialog
      ref={dialog}
      className="who-dialog"
      aria-labelledby="who-dialog-title"
      aria-describedby="who-dialog-why"
      // Escape closes a modal dialog by itself; the question then has no answer.
      onClose={() => cancelWhoIsRecording()}
    >
      {/* Empty while closed, so the page holds no second "Your name" field. */}
      {question && (
        <form noValidate onSubmit={submit}>
          <h2 id="who-dialog-title">Who is recording?</h2>
          <p id="who-dialog-why" className="hint">
            {question.reason === 'change' && question.current
              ? `Recording now: ${question.current}. `
              : ''}
            Everything you save on this computer is marked with your name. Holdfast asks again each
            time it starts.
          </p>
          <div className="field">
            <label htmlFor="who-dialog-name">Your name</label>
            <input
              ref={input}
              id="who-dialog-name"
              value={name}
              required
              maxLength={120}
              autoComplete="name"
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'who-dialog-problem' : undefined}
              onChange={(event) => {
                setName(event.target.value);
                if (problem) setProblem(null);
              }}
            />
            {problem && (
              <p id="who-dialog-problem" className="field-error">
                {problem}
              </p>
            )}
          </div>
          <div className="who-dialog-actions">
            <button type="submit" className="button-primary">
              Continue
            </button>
            <button type="button" onClick={() => cancelWhoIsRecording()}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
