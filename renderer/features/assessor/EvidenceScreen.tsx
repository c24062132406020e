import { useEffect, useState } from 'react';
import type { AssessorEvidence, EvidencePeriod } from '../../../main/contract/assessorTypes';
import { request } from '../../api';
import { describeError } from '../../errors';
import { fromBase64 } from '../../lib/base64';
import { offerDownload } from '../../lib/download';
import { DocumentActions } from '../../ui/DocumentActions';
import { LoadFailed } from '../../ui/LoadFailed';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { EvidenceDocument } from './EvidenceDocument';
import { PeriodForm } from './PeriodForm';

/** Saves the files under the evidence (runbooks, reports, log files) as one zip, and says what it holds. */
function SaveFilesButton({
  period,
  onOutcome,
}: {
  period: EvidencePeriod;
  onOutcome: (message: string) => void;
}) {
  const save = async (): Promise<void> => {
    onOutcome('Preparing the zip file…');
    const result = await request('assessor.files', period);
    if (!result.ok) {
      onOutcome(`Not saved. ${describeError(result.error)}`);
      return;
    }
    offerDownload({
      filename: result.value.filename,
      mimeType: result.value.mimeType,
      text: fromBase64(result.value.base64),
    });
    onOutcome(
      `Saving ${result.value.count} files in ${result.value.filename}: this document, each runbook, and each exercise's and incident's report and log.`,
    );
  };
  return (
    <>
      {' '}
      <button type="button" onClick={() => void save()}>
        Save the files as a zip
      </button>
    </>
  );
}

/**
 * "Evidence for an assessor": the plan, exercises, incidents and who took part in a period, to
 * print, save as PDF or markdown, or save with its files as a zip for a CQC inspection or the
 * toolkit's yearly return.
 */
export function EvidenceScreen() {
  const [asked, setAsked] = useState<Partial<EvidencePeriod>>({});
  const [state, retry] = useCall('assessor.document', asked);
  // The form stays on screen while a new period loads, with what was chosen.
  const [shown, setShown] = useState<AssessorEvidence | null>(null);
  const [zipMessage, setZipMessage] = useState<string | null>(null);
  useEffect(() => {
    if (state.status === 'ready') setShown(state.value);
  }, [state]);
  useEffect(() => {
    if (state.status !== 'loading') document.getElementById('page-title')?.focus();
  }, [state.status]);
  if (state.status === 'failed')
    return (
      <LoadFailed title="The evidence could not be prepared" error={state.error} onRetry={retry} />
    );
  const evidence = state.status === 'ready' ? state.value : null;
  return (
    <div className="evidence-page">
      <p className="no-print">
        <a href={href.readiness}>← Getting ready</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Evidence for an assessor
        {shown?.organisationName && (
          <>
            : <bdi>{shown.organisationName}</bdi>
          </>
        )}
      </h1>
      <p className="lead no-print">
        What to show a CQC inspector, or keep for the Data Security and Protection Toolkit: your
        plan, the exercises you held, the incidents you recorded and who took part.
      </p>
      {shown && (
        <PeriodForm
          key={`${shown.period.from}-${shown.period.to}`}
          period={shown.period}
          onChoose={(period) => {
            setZipMessage(null);
            setAsked(period);
          }}
        />
      )}
      {state.status === 'loading' && <p role="status">Preparing the evidence…</p>}
      {evidence && (
        <>
          <div className="document-actions no-print">
            <DocumentActions filename={evidence.filename} markdown={evidence.markdown}>
              <SaveFilesButton period={evidence.period} onOutcome={setZipMessage} />
            </DocumentActions>
            <p role="status">{zipMessage}</p>
          </div>
          <EvidenceDocument evidence={evidence} />
        </>
      )}
    </div>
  );
}
