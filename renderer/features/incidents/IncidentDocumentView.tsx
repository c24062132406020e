import { useEffect } from 'react';
import { offerDownload } from '../../download';
import { describeError } from '../../errors';
import { SafeHtml } from '../../markdown/SafeHtml';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';

/** The report or handover as a printable page: print, or save the markdown. */
export function IncidentDocumentView({ id, kind }: { id: string; kind: 'report' | 'handover' }) {
  const [state, retry] = useCall('incidents.document', { id, kind });
  useEffect(() => {
    if (state.status === 'ready') document.getElementById('page-title')?.focus();
  }, [state.status]);
  if (state.status === 'loading') return <p role="status">Preparing the document…</p>;
  if (state.status === 'failed') {
    return (
      <div role="alert">
        <h1 id="page-title" tabIndex={-1}>The document could not be prepared</h1>
        <p>{describeError(state.error)}</p>
        <button type="button" onClick={retry}>Try again</button>
      </div>
    );
  }
  const document_ = state.value;
  return (
    <>
      <div className="document-actions no-print">
        <p><a href={href.incident(id, kind === 'report' ? 'reports' : 'roles')}>← Back to the incident</a></p>
        <p>
          <button type="button" className="button-primary" onClick={() => window.print()}>Print</button>{' '}
          <button type="button" onClick={() => offerDownload({ filename: document_.filename, mimeType: 'text/markdown;charset=utf-8', text: document_.markdown })}>Save as a markdown file</button>
        </p>
      </div>
      {/* The document's own first heading is the page's h1; focus lands on the document itself. */}
      <div id="page-title" tabIndex={-1} aria-label={document_.title}>
        <SafeHtml className="print-document incident-document" html={document_.html} />
      </div>
    </>
  );
}
