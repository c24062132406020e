import type { Problem } from '../../../main/contract/types';

/**
 * The checker's findings as you type, by file line (the same lines the editor numbers). A problem
 * in the text jumps there; one in the header points at the details form.
 */
export function LintPanel({
  problems,
  bodyStartLine,
  onGoTo,
  checking,
}: {
  problems: Problem[];
  bodyStartLine: number;
  onGoTo: (line: number) => void;
  checking: boolean;
}) {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="lint-panel" aria-labelledby="lint-title">
      <h2 id="lint-title" tabIndex={-1}>
        Checks
      </h2>
      <p role="status">
        {checking
          ? 'Checking…'
          : problems.length === 0
            ? 'No problems found.'
            : `${errors} ${errors === 1 ? 'error' : 'errors'} and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.${errors > 0 ? ' Errors must be fixed before saving.' : ''}`}
      </p>
      {problems.length > 0 && (
        <ul className="lint-list">
          {problems.map((problem, index) => (
            <li key={index} className={`problem problem-${problem.severity}`}>
              <span className="problem-severity">
                {problem.severity === 'error' ? 'Error' : 'Warning'}
              </span>{' '}
              {problem.line >= bodyStartLine ? (
                <button type="button" className="link-button" onClick={() => onGoTo(problem.line)}>
                  Line {problem.line}
                </button>
              ) : (
                <span>In the details (line {problem.line})</span>
              )}
              : {problem.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
