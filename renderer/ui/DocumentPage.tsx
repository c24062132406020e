import { useEffect, type ReactNode } from 'react';
import type { IncidentDocument } from '../../main/contract/incidentTypes';
import { describeError } from '../errors';
import type { CallState } from '../useCall';
import { DocumentActions } from './DocumentActions';
import { SafeHtml } from './SafeHtml';

/** A document made in the core (report, handover, inject cards) as a printable page: print, save as PDF, or save the markdown. */
export function DocumentPage({
  state,
  retry,
  back,
  banner,
  className,
}: {
  state: CallState<IncidentDocument>;
  retry: () => void;
  back: ReactNode;
  banner?: ReactNode;
  className?: string;
}) {
  // Chromium places a fixed element (the page footer) on printed pages relative to the scroll
  // position: scrolled down, the footer lands off the paper. So focusing the document does not
  // scroll, and the page is back at the top whenever it prints or is saved as a PDF.
  useEffect(() => {
    if (state.status === 'ready')
      document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [state.status]);
  useEffect(() => {
    const toTop = (): void => window.scrollTo(0, 0);
    window.addEventListener('beforeprint', toTop);
    return () => window.removeEventListener('beforeprint', toTop);
  }, []);
  if (state.status === 'loading')
    return (
      <>
        {banner}
        <p role="status">Preparing the document…</p>
      </>
    );
  if (state.status === 'failed') {
    return (
      <div role="alert">
        {banner}
        <h1 id="page-title" tabIndex={-1}>
          The document could not be prepared
        </h1>
        <p>{describeError(state.error)}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  const document_ = state.value;
  return (
    <>
      <div className="document-actions no-print">
        {banner}
        <p>{back}</p>
        <DocumentActions filename={document_.filename} markdown={document_.markdown} />
      </div>
      {/* The document's own first heading is the page's h1; focus lands on the document itself. */}
      <div
        id="page-title"
        tabIndex={-1}
        aria-label={document_.title}
        {...(className ? { className } : {})}
      >
        {document_.pageFooter ? (
          // The footer repeats on every printed page (see `.print-footer` in styles.css).
          <div className="print-document">
            <div className="print-body">
              <SafeHtml className="incident-document" html={document_.html} />
            </div>
            <div className="print-footer-space" aria-hidden="true" />
            <footer className="print-footer">{document_.pageFooter}</footer>
          </div>
        ) : (
          <SafeHtml className="print-document incident-document" html={document_.html} />
        )}
      </div>
    </>
  );
}
