import { DocumentPage } from '../../ui/DocumentPage';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';

/** The report or handover as a printable page: print, or save the markdown. */
export function IncidentDocumentView({ id, kind }: { id: string; kind: 'report' | 'handover' }) {
  const [state, retry] = useCall('incidents.document', { id, kind });
  return (
    <DocumentPage
      state={state}
      retry={retry}
      back={
        <a href={href.incident(id, kind === 'report' ? 'reports' : 'roles')}>
          ← Back to the incident
        </a>
      }
    />
  );
}
