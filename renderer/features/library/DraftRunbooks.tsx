import { useState } from 'react';
import type { RunbookLibrary } from '../../../main/contract/types';
import { href } from '../../useRoute';
import { ProblemsPanel } from './ProblemsPanel';
import { PublishDraftButton } from './PublishDraftButton';

/**
 * Drafts, where runbooks are written: each clearly marked as not yet in use, with Publish. They
 * appear nowhere else (not on home, in search, in incidents or in the grab-bag pack).
 */
export function DraftRunbooks({ library }: { library: RunbookLibrary }) {
  // Kept here, not in the draft's row: the row goes when the list reloads without the draft.
  const [published, setPublished] = useState<string | null>(null);
  if (library.drafts.length === 0 && library.draftProblems.length === 0 && !published) return null;
  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">Drafts</h2>
      <p>
        Drafts are not used in an incident, in search or in the grab-bag pack until they are
        published.
      </p>
      <div role="status">{published && <p className="notice">{published}</p>}</div>
      {library.drafts.length > 0 && (
        <ul className="runbook-list">
          {library.drafts.map((draft) => (
            <li key={draft.id} className="draft-item">
              <a className="runbook-link" href={href.runbook(draft.id)}>
                <span className="runbook-link-title">{draft.title}</span>
                <span className="runbook-link-summary">{draft.summary}</span>
                <span className="tag tag-draft">Draft — not yet in use</span>
              </a>
              <p className="draft-actions">
                <a href={href.editRunbook(draft.id)}>
                  Edit<span className="visually-hidden"> “{draft.title}”</span>
                </a>{' '}
                <PublishDraftButton
                  id={draft.id}
                  title={draft.title}
                  onPublished={() => setPublished(`Published: “${draft.title}” is now in use.`)}
                />
              </p>
            </li>
          ))}
        </ul>
      )}
      <ProblemsPanel
        problems={library.draftProblems}
        title="Problems in drafts"
        headingId="draft-problems-title"
      />
    </section>
  );
}
