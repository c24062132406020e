import { useEffect, useState } from 'react';
import { PROVIDER_TYPES } from '../../../main/contract/vocabulary';
import { describeError } from '../../errors';
import { formatDate } from '../../lib/formatDate';
import { PublishDraftButton } from '../library/PublishDraftButton';
import { PackOriginNote } from './PackOriginNote';
import { RunbookContent } from './RunbookContent';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';

/** Reads one runbook: title, summary and Start first, then its steps; who looks after it and editing at the end. */
export function RunbookReader({ id, stepId }: { id: string; stepId?: string }) {
  const [state, retry, refresh] = useCall('runbooks.get', { id });
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (state.status !== 'ready') return;
    const target = stepId
      ? document.getElementById(`step-${stepId}`)
      : document.getElementById('page-title');
    target?.scrollIntoView({ block: 'start' });
    // Focus without its own scroll: that would cut the smooth scroll short, short of the top.
    target?.focus({ preventScroll: true });
  }, [state.status, stepId]);

  if (state.status === 'loading') return <p role="status">Opening the runbook…</p>;
  if (state.status === 'failed') {
    return (
      <div role="alert">
        <h1 id="page-title" tabIndex={-1}>
          This runbook could not be opened
        </h1>
        <p>{describeError(state.error)}</p>
        <p>
          <button type="button" onClick={retry}>
            Try again
          </button>{' '}
          <a href={href.home}>Back to the start</a>
        </p>
      </div>
    );
  }
  const runbook = state.value;
  return (
    <article className="reader" aria-labelledby="page-title">
      <p>
        <a href={href.home}>← What's happening?</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {runbook.title}
      </h1>
      <p className="lead">{runbook.summary}</p>
      {runbook.status === 'draft' && (
        <div className="draft-banner" role="note">
          <p>
            <strong>This is a draft.</strong> It is not used in an incident until it is published.
          </p>
          <p>
            <a href={href.editRunbook(runbook.id)}>Edit this draft</a>{' '}
            <PublishDraftButton
              id={runbook.id}
              title={runbook.title}
              onPublished={() => {
                // The banner goes with the draft, so the confirmation is the reader's own.
                setNotice(`Published: “${runbook.title}” is now in use.`);
                refresh();
              }}
            />
          </p>
        </div>
      )}
      {runbook.source === 'user' && (
        <PackOriginNote id={runbook.id} overridesBundled={runbook.overridesBundled} />
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <RunbookContent
        runbook={runbook}
        onNotice={setNotice}
        start={
          runbook.status === 'draft' ? null : (
            <p className="reader-start">
              <a className="button-link button-primary" href={href.startIncident(runbook.id)}>
                Start an incident with this runbook
              </a>
            </p>
          )
        }
      />
      {/* About the runbook, and editing it, come after the steps: not on the crisis path. */}
      <section className="runbook-about" aria-labelledby="about-title">
        <h2 id="about-title">About this runbook</h2>
        <dl className="runbook-meta">
          <div>
            <dt>Last reviewed</dt>
            <dd>{formatDate(runbook.reviewed)}</dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd>{runbook.version}</dd>
          </div>
          <div>
            <dt>Looked after by</dt>
            <dd>
              <bdi>{runbook.owner}</bdi>
            </dd>
          </div>
          <div>
            <dt>For</dt>
            <dd>{runbook.providerTypes.map((type) => PROVIDER_TYPES[type]).join(', ')}</dd>
          </div>
          {runbook.source === 'user' && (
            <div>
              <dt>Source</dt>
              <dd>{runbook.overridesBundled ? 'Your edited version' : 'Your own runbook'}</dd>
            </div>
          )}
        </dl>
        <p>
          <a href={href.editRunbook(runbook.id)}>Edit this runbook</a>
        </p>
      </section>
    </article>
  );
}
