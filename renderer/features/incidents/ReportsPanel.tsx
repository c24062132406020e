import { useEffect, useState, type FormEvent } from 'react';
import type {
  IncidentView,
  Impact,
  Likelihood,
  ReportDraft,
} from '../../../main/contract/incidentTypes';
import { describeError } from '../../errors';
import { request } from '../../api';
import type { CallState } from '../../useCall';
import { useRequiredFields } from '../../ui/useRequiredFields';
import { href } from '../../useRoute';
import type { Act } from './useIncident';

const LIKELIHOOD: Record<Likelihood, string> = {
  'not-likely': 'Not likely',
  likely: 'Likely',
  'highly-likely': 'Highly likely',
  occurred: 'It has happened',
};
const IMPACT: Record<Impact, string> = {
  none: 'No adverse effect',
  minor: 'Minor adverse effect',
  adverse: 'Adverse effect',
  serious: 'Serious harm (pain and suffering)',
  catastrophic: 'Catastrophic (death or lasting harm)',
};

/** Report drafts to read out or paste, the reportability decision, the report and closing. */
export function ReportsPanel({
  view,
  act,
  saving,
}: {
  view: IncidentView;
  act: Act;
  saving: boolean;
}) {
  const closed = view.status === 'closed' || view.log.readOnly;
  return (
    <>
      <Reportability view={view} act={act} saving={saving} closed={closed} />
      <Drafts id={view.id} entries={view.log.entries} />
      <section aria-labelledby="report-heading">
        <h2 id="report-heading">Incident report</h2>
        <p>
          The full report: timeline, decisions, clocks, steps and contacts called, with the log's
          last hash.
        </p>
        <p>
          <a className="button-link" href={href.incidentDocument(view.id, 'report')}>
            Open the incident report
          </a>
        </p>
      </section>
      {!closed && <CloseIncident act={act} saving={saving} />}
      {view.status === 'closed' && (
        <p className="notice">
          This incident was closed. Summary: <bdi>{view.summary}</bdi>
        </p>
      )}
    </>
  );
}

function Reportability({
  view,
  act,
  saving,
  closed,
}: {
  view: IncidentView;
  act: Act;
  saving: boolean;
  closed: boolean;
}) {
  const [likelihood, setLikelihood] = useState<Likelihood | ''>('');
  const [impact, setImpact] = useState<Impact | ''>('');
  const [reason, setReason] = useState('');
  const required = useRequiredFields();
  const suggests = likelihood && impact ? likelihood !== 'not-likely' && impact !== 'none' : null;
  const submit = async (decision: 'report' | 'not-report'): Promise<void> => {
    const filled = required.check([
      {
        id: 'assess-likelihood',
        filled: !!likelihood,
        message: 'Choose how likely harm is to the people whose data it is',
      },
      { id: 'assess-impact', filled: !!impact, message: 'Choose how bad it would be for them' },
      {
        id: 'assess-reason',
        filled: !!reason.trim(),
        message: 'Enter the reason for your decision',
      },
    ]);
    if (!filled || !likelihood || !impact) return;
    if (await act({ type: 'assessment', likelihood, impact, decision, reason: reason.trim() }))
      setReason('');
  };
  return (
    <section aria-labelledby="reportability-heading">
      <h2 id="reportability-heading">Does the personal data breach need reporting?</h2>
      <p>
        A breach is reported (through the DSPT incident reporting tool, which passes it to the ICO)
        when harm to people is at least likely and the impact at least minor. Record the decision
        either way: the ICO expects a record of why a breach was not reported.
      </p>
      {view.assessment && (
        <p className="notice">
          Recorded: {view.assessment.decision === 'report' ? 'to be reported' : 'not reported'}{' '}
          (likelihood: {LIKELIHOOD[view.assessment.likelihood]}; impact:{' '}
          {IMPACT[view.assessment.impact]}). Reason: <bdi>{view.assessment.reason}</bdi> —{' '}
          <bdi>{view.assessment.by}</bdi>
        </p>
      )}
      {!closed && (
        <form onSubmit={(event) => event.preventDefault()} noValidate>
          {required.summary}
          <div className="field">
            <label htmlFor="assess-likelihood">
              How likely is harm to the people whose data it is?
            </label>
            {required.errorFor('assess-likelihood')}
            <select
              id="assess-likelihood"
              value={likelihood}
              {...required.controlProps('assess-likelihood')}
              onChange={(e) => {
                setLikelihood(e.target.value as Likelihood);
                required.clear('assess-likelihood');
              }}
            >
              <option value="">Choose</option>
              {Object.entries(LIKELIHOOD).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="assess-impact">How bad would it be for them?</label>
            {required.errorFor('assess-impact')}
            <select
              id="assess-impact"
              value={impact}
              {...required.controlProps('assess-impact')}
              onChange={(e) => {
                setImpact(e.target.value as Impact);
                required.clear('assess-impact');
              }}
            >
              <option value="">Choose</option>
              {Object.entries(IMPACT).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          {suggests !== null && (
            <p role="status">
              <strong>
                {suggests
                  ? 'This suggests reporting it.'
                  : 'This suggests it does not need reporting.'}
              </strong>
            </p>
          )}
          <div className="field">
            <label htmlFor="assess-reason">Reason for your decision</label>
            {required.errorFor('assess-reason')}
            <textarea
              id="assess-reason"
              rows={2}
              maxLength={1000}
              value={reason}
              {...required.controlProps('assess-reason')}
              onChange={(e) => {
                setReason(e.target.value);
                required.clear('assess-reason');
              }}
            />
          </div>
          <button type="button" disabled={saving} onClick={() => void submit('report')}>
            Record: we will report it
          </button>{' '}
          <button type="button" disabled={saving} onClick={() => void submit('not-report')}>
            Record: we will not report it
          </button>
        </form>
      )}
    </section>
  );
}

function Drafts({ id, entries }: { id: string; entries: number }) {
  const [state, setState] = useState<CallState<ReportDraft[]>>({ status: 'loading' });
  const [copied, setCopied] = useState<string | null>(null);
  // Fetched again whenever the log grows, so the drafts always reflect the latest entries.
  useEffect(() => {
    let current = true;
    void request('incidents.drafts', { id }).then((result) => {
      if (current)
        setState(
          result.ok
            ? { status: 'ready', value: result.value }
            : { status: 'failed', error: result.error },
        );
    });
    return () => {
      current = false;
    };
  }, [id, entries]);
  if (state.status === 'loading') return <p role="status">Preparing report drafts…</p>;
  if (state.status === 'failed') return <p role="alert">{describeError(state.error)}</p>;
  // Closed sections do not print: open them all, print, and leave them open.
  const printDrafts = (): void => {
    document.querySelectorAll<HTMLDetailsElement>('details.draft').forEach((details) => {
      details.open = true;
    });
    window.print();
  };
  const copy = (draft: ReportDraft): void => {
    void navigator.clipboard.writeText(draft.text).then(
      () => setCopied(`${draft.title} copied.`),
      () => setCopied('Copying is not available here: select the text and copy it instead.'),
    );
  };
  return (
    <section aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">Report drafts</h2>
      <p>
        Filled in from this incident, to read out on the phone or paste into a form. Gaps in square
        brackets are for you to add.
      </p>
      <p className="no-print">
        <button type="button" onClick={printDrafts}>
          Print all drafts
        </button>
      </p>
      <div role="status">{copied}</div>
      {state.value.map((draft) => (
        <details key={draft.id} className="draft">
          <summary>{draft.title}</summary>
          <p className="hint">{draft.howToSend}</p>
          <dl>
            {draft.fields.map((field) => (
              <div key={field.label} className="draft-field">
                <dt>{field.label}</dt>
                <dd>
                  {field.value ? (
                    <bdi className="draft-value">{field.value}</bdi>
                  ) : (
                    <span className="draft-gap">[{field.hint}]</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => copy(draft)}>
            Copy this draft
          </button>
        </details>
      ))}
    </section>
  );
}

function CloseIncident({ act, saving }: { act: Act; saving: boolean }) {
  const [summary, setSummary] = useState('');
  const [confirming, setConfirming] = useState(false);
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const filled = required.check([
      {
        id: 'close-summary',
        filled: !!summary.trim(),
        message: 'Enter a summary of what happened and how it ended',
      },
    ]);
    if (!filled) return;
    if (!confirming) return setConfirming(true);
    await act({ type: 'close', summary: summary.trim() });
  };
  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">Close the incident</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {required.summary}
        <div className="field">
          <label htmlFor="close-summary">Summary: what happened and how it ended</label>
          {required.errorFor('close-summary')}
          <textarea
            id="close-summary"
            rows={3}
            maxLength={4000}
            value={summary}
            {...required.controlProps('close-summary')}
            onChange={(e) => {
              setSummary(e.target.value);
              setConfirming(false);
              required.clear('close-summary');
            }}
          />
        </div>
        {confirming && (
          <p className="confirm" role="alert">
            After closing, only corrections can be added. Press "Close the incident" again to
            confirm.
          </p>
        )}
        <button type="submit" disabled={saving}>
          Close the incident
        </button>
      </form>
    </section>
  );
}
