import { useEffect } from 'react';
import { formatLondonTime } from '../../../main/shared/dates';
import { LoadFailed } from '../../ui/LoadFailed';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { ReadinessList } from './ReadinessList';

/** The whole "Getting ready" checklist, with what to fix named under each line; prints on one page. */
export function ReadinessScreen() {
  const [state, retry] = useCall('readiness.get', {});
  useEffect(() => {
    if (state.status !== 'loading') document.getElementById('page-title')?.focus();
  }, [state.status]);
  if (state.status === 'loading') return <p role="status">Checking…</p>;
  if (state.status === 'failed')
    return (
      <LoadFailed title="The checklist could not be made" error={state.error} onRetry={retry} />
    );
  const { lines, at, organisationName } = state.value;
  const toDo = lines.filter((line) => !line.ready).length;
  return (
    <div className="readiness-page">
      <p className="no-print">
        <a href={href.home}>Back to home</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Getting ready
        {organisationName ? (
          <>
            {' '}
            — <bdi>{organisationName}</bdi>
          </>
        ) : null}
      </h1>
      <p className="lead">
        {toDo === 0
          ? 'Everything on this checklist is done.'
          : `${toDo} of the ${lines.length} checks need something doing. Each one links to where you fix it.`}{' '}
        Checked {formatLondonTime(at)}.
      </p>
      <p className="no-print">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          Print the checklist
        </button>
      </p>
      <p className="no-print">
        Getting ready for a CQC inspection or the Data Security and Protection Toolkit?{' '}
        <a href={href.evidence}>Evidence for an assessor</a> puts your plan, exercises and incidents
        of the last 12 months in one document.
      </p>
      <ReadinessList lines={lines} detailed headingLevel={2} />
    </div>
  );
}
