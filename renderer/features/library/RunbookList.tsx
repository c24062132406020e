import type { RunbookSummary } from '../../../main/contract/types';
import { href } from '../../useRoute';

/** A list of runbooks as large links with their summaries. */
export function RunbookList({ runbooks }: { runbooks: RunbookSummary[] }) {
  if (runbooks.length === 0)
    return <p>No runbooks here yet. Try the search at the top of the page.</p>;
  return (
    <ul className="runbook-list">
      {runbooks.map((runbook) => (
        <li key={runbook.id}>
          <a className="runbook-link" href={href.runbook(runbook.id)}>
            <span className="runbook-link-title">{runbook.title}</span>
            <span className="runbook-link-summary">{runbook.summary}</span>
            {runbook.source === 'user' && <span className="tag">Your version</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
