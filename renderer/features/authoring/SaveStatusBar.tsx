import type { Problem } from '../../../main/contract/types';

/** A time of day as people say it on a shift: "14:02". */
const clock = (at: Date): string =>
  `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The editor's save area, kept in view while the page scrolls: Save, whether there are changes
 * that are not saved, how many problems the checks found, and what the last save said.
 */
export function SaveStatusBar({
  isDirty,
  savedAt,
  problems,
  checking,
  outcome,
  onSave,
}: {
  isDirty: boolean;
  savedAt: Date | null;
  problems: Problem[];
  checking: boolean;
  outcome: { ok: boolean; message: string } | null;
  onSave: () => void;
}) {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="editor-save-status" aria-label="Save and status">
      <div className="editor-save-row">
        <button type="button" className="button-primary" onClick={onSave}>
          Save
        </button>
        <p className="editor-save-state">
          {isDirty
            ? 'You have changes that are not saved.'
            : savedAt
              ? `Saved at ${clock(savedAt)}.`
              : 'No changes yet.'}
        </p>
        <p className="editor-problem-count">
          {/* A button, not an in-page link: the address names the screen, not a place on it. */}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const checks = document.getElementById('lint-title');
              checks?.scrollIntoView({ block: 'start' });
              checks?.focus();
            }}
          >
            {checking
              ? 'Checking…'
              : problems.length === 0
                ? 'No problems found'
                : `${count(errors, 'error', 'errors')}, ${count(warnings, 'warning', 'warnings')}`}
          </button>
        </p>
      </div>
      {outcome && (
        <p
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? 'editor-outcome' : 'editor-outcome save-failed'}
        >
          {outcome.message}
        </p>
      )}
    </section>
  );
}
