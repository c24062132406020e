import type { Problem } from '../../../main/contract/types';
import { pluralise } from '../../../main/shared/pluralise';

/** Lists content problems as `file:line: message`, so one bad file is visible, not silently dropped. */
export function ProblemsPanel({
  problems,
  title = 'Problems in runbook files',
  headingId = 'problems-title',
}: {
  problems: Problem[];
  title?: string;
  headingId?: string;
}) {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p>
        {errors > 0
          ? `${pluralise(errors, 'file problem stops', 'file problems stop')} a runbook from loading. Other runbooks still work.`
          : 'Some runbooks have content that Holdfast changed for safety. They still work.'}
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} className={`problem problem-${problem.severity}`}>
            <span className="problem-severity">
              {problem.severity === 'error' ? 'Error' : 'Warning'}
            </span>{' '}
            <code>{`${problem.file}:${problem.line}`}</code> {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
