import type {
  AssessorEvidence,
  EvidenceLabel,
  EvidenceLog,
} from '../../../main/contract/assessorTypes';
import { formatLondonTime } from '../../../main/shared/dates';
import {
  BEFORE_PERIOD,
  NEVER_CHANGED,
  actionStateWords,
  planSummaryWords,
  reportWords,
} from '../../../main/shared/evidenceWords';
import { LOG_CHECK_CODE_LABEL } from '../../../main/shared/logCheckCode';
import { pluralise } from '../../../main/shared/pluralise';
import { formatDate } from '../../lib/formatDate';

// Everything a person typed (names, titles, actions, references) is in its own <bdi>: its
// characters keep their direction inside it and cannot reorder Holdfast's words around it.

function PartLabel({ label }: { label: EvidenceLabel }) {
  return (
    <div className="evidence-label">
      <p>
        <strong>Shows: {label.topic}.</strong> {label.shows}
      </p>
      <p className="evidence-fill-in">
        Toolkit evidence item: <span className="evidence-blank" /> CQC quality statement:{' '}
        <span className="evidence-blank" />
      </p>
    </div>
  );
}

function LogLine({ log }: { log: EvidenceLog }) {
  return (
    <>
      {LOG_CHECK_CODE_LABEL}: <strong className="check-code">{log.checkCode}</strong> (
      {pluralise(log.entries, 'entry', 'entries')})
    </>
  );
}

/**
 * The evidence for an assessor as it shows and prints, under the screen's title: the period, then
 * four parts, each labelled by topic with a place to write the toolkit's item number.
 */
export function EvidenceDocument({ evidence }: { evidence: AssessorEvidence }) {
  const { labels, period } = evidence;
  return (
    <article className="print-document evidence-document" aria-label="Evidence, as it prints">
      <p>
        Period: {formatDate(period.from)} to {formatDate(period.to)}.<br />
        Made: {formatLondonTime(evidence.madeAt)}.
      </p>
      <p>{evidence.labelNote}</p>

      <section aria-labelledby="evidence-plan">
        <h2 id="evidence-plan">1. The plan</h2>
        <PartLabel label={labels.plan} />
        <p>{planSummaryWords(evidence.plan)}</p>
        {evidence.plan.length > 0 && (
          <table className="evidence-table">
            <thead>
              <tr>
                <th scope="col">Runbook</th>
                <th scope="col">Version</th>
                <th scope="col">Last reviewed</th>
                <th scope="col">Owner</th>
                <th scope="col">Last change in Holdfast</th>
              </tr>
            </thead>
            <tbody>
              {evidence.plan.map((runbook) => (
                <tr key={runbook.id}>
                  <th scope="row" data-label="Runbook">
                    <bdi>{runbook.title}</bdi>
                  </th>
                  <td data-label="Version">{runbook.version}</td>
                  <td data-label="Last reviewed" className="evidence-date">
                    {formatDate(runbook.reviewed)}
                    {runbook.reviewedBy && (
                      <>
                        , by <bdi>{runbook.reviewedBy}</bdi>
                      </>
                    )}
                    {runbook.reviewedInPeriod ? '' : ` ${BEFORE_PERIOD}`}
                  </td>
                  <td data-label="Owner">
                    <bdi>{runbook.owner}</bdi>
                  </td>
                  <td data-label="Last change in Holdfast">
                    {runbook.lastChange ? (
                      <>
                        {formatLondonTime(runbook.lastChange.at)},{' '}
                        <bdi>{runbook.lastChange.by}</bdi>: <bdi>{runbook.lastChange.what}</bdi>
                      </>
                    ) : (
                      NEVER_CHANGED
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="evidence-exercises">
        <h2 id="evidence-exercises">2. Exercises held</h2>
        <PartLabel label={labels.exercises} />
        {evidence.exercises.length === 0 && <p>No exercise was held in this period.</p>}
        {evidence.exercises.map((exercise) => (
          <section key={exercise.id} aria-labelledby={`exercise-${exercise.id}`}>
            <h3 id={`exercise-${exercise.id}`}>
              <bdi>{exercise.title}</bdi>
            </h3>
            <dl className="evidence-facts">
              <dt>Held</dt>
              <dd>
                {formatLondonTime(exercise.startedAt)}
                {exercise.finishedAt
                  ? ` to ${formatLondonTime(exercise.finishedAt)}`
                  : ' (not finished)'}
              </dd>
              <dt>Scenario</dt>
              <dd>
                <bdi>{exercise.scenario}</bdi> (version {exercise.scenarioVersion})
              </dd>
              <dt>Facilitator</dt>
              <dd>
                <bdi>{exercise.facilitator}</bdi>
              </dd>
              <dt>Who took part</dt>
              <dd>
                {exercise.attendees.length === 0
                  ? 'not recorded'
                  : exercise.attendees.map((person, index) => (
                      <span key={`${person.name}-${index}`}>
                        {index > 0 && ', '}
                        <bdi>{person.name}</bdi>
                        {person.role && (
                          <>
                            {' '}
                            (<bdi>{person.role}</bdi>)
                          </>
                        )}
                      </span>
                    ))}
              </dd>
              <dt>After-action report</dt>
              <dd>in the zip file, {exercise.reportFile}</dd>
              <dt>Log</dt>
              <dd>
                <LogLine log={exercise.log} />
              </dd>
            </dl>
            {exercise.actions.length === 0 ? (
              <p>Actions: none recorded.</p>
            ) : (
              <table className="evidence-table">
                <caption>Actions from the debrief</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Action</th>
                    <th scope="col">Owner</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {exercise.actions.map((action) => (
                    <tr key={action.number}>
                      <td data-label="Number">{action.number}</td>
                      <td data-label="Action">
                        <bdi>{action.text}</bdi>
                      </td>
                      <td data-label="Owner">
                        <bdi>{action.owner}</bdi>
                      </td>
                      <td
                        data-label="State"
                        className={action.state === 'overdue' ? 'evidence-overdue' : undefined}
                      >
                        {actionStateWords(action)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </section>

      <section aria-labelledby="evidence-incidents">
        <h2 id="evidence-incidents">3. Incidents</h2>
        <PartLabel label={labels.incidents} />
        {evidence.incidents.length === 0 && <p>No incident was recorded in this period.</p>}
        {evidence.incidents.map((incident) => (
          <section key={incident.id} aria-labelledby={`incident-${incident.id}`}>
            <h3 id={`incident-${incident.id}`}>
              <bdi>{incident.name}</bdi>
            </h3>
            <dl className="evidence-facts">
              <dt>Aware since</dt>
              <dd>{formatLondonTime(incident.awareAt)}</dd>
              <dt>Opened</dt>
              <dd>{formatLondonTime(incident.openedAt)}</dd>
              <dt>Closed</dt>
              <dd>{incident.closedAt ? formatLondonTime(incident.closedAt) : 'still open'}</dd>
              <dt>Incident lead</dt>
              <dd>
                <bdi>{incident.lead}</bdi>
              </dd>
              <dt>Incident report</dt>
              <dd>in the zip file, {incident.reportFile}</dd>
              <dt>Log</dt>
              <dd>
                <LogLine log={incident.log} />
              </dd>
            </dl>
            {incident.reports.length === 0 ? (
              <p>Reports: none were due.</p>
            ) : (
              <table className="evidence-table">
                <caption>Reports</caption>
                <thead>
                  <tr>
                    <th scope="col">Report</th>
                    <th scope="col">State</th>
                    <th scope="col">Reference or reason</th>
                  </tr>
                </thead>
                <tbody>
                  {incident.reports.map((report, index) => {
                    const words = reportWords(report);
                    return (
                      <tr key={index}>
                        <td data-label="Report">
                          <bdi>{report.label}</bdi>
                        </td>
                        <td data-label="State">{words.state}</td>
                        <td data-label="Reference or reason">
                          {words.detail ? <bdi>{words.detail}</bdi> : '—'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </section>

      <section aria-labelledby="evidence-people">
        <h2 id="evidence-people">4. Who took part</h2>
        <PartLabel label={labels.people} />
        {evidence.people.length === 0 ? (
          <p>Nobody is named in this period.</p>
        ) : (
          <ul>
            {evidence.people.map((person) => (
              <li key={person.name}>
                <strong>
                  <bdi>{person.name}</bdi>
                </strong>
                :{' '}
                {person.took.map((entry, index) => (
                  <span key={index}>
                    {index > 0 && '; '}
                    <bdi>{entry.as}</bdi>, <bdi>{entry.in}</bdi>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
