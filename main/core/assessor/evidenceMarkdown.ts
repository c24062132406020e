import type { AssessorEvidence, EvidenceLabel } from '../../contract/assessorTypes';
import { formatDate } from '../../shared/dayDate';
import {
  BEFORE_PERIOD,
  NEVER_CHANGED,
  actionStateWords,
  planSummaryWords,
  reportWords,
} from '../../shared/evidenceWords';
import { formatLondonTime } from '../../shared/dates';
import { LOG_CHECK_CODE_LABEL } from '../../shared/logCheckCode';
import { pluralise } from '../../shared/pluralise';
import { escapeMarkdown as esc } from '../incidents/reports/markdownText';

const labelLines = (label: EvidenceLabel): string[] => [
  `*Shows: ${label.topic}.* ${label.shows}`,
  '',
  'Toolkit evidence item: .......... CQC quality statement: ..........',
  '',
];

/** A table cell: the text escaped, so a typed "|" cannot split the row. */
const cell = (text: string): string => esc(text);

/**
 * The evidence document as markdown, in the same words and order as the screen, for saving as a
 * file. Everything a person typed is escaped so it prints exactly as typed.
 */
export function evidenceMarkdown(evidence: Omit<AssessorEvidence, 'markdown'>): string {
  const { period, labels } = evidence;
  const plan = evidence.plan;
  return [
    `# Evidence for an assessor${evidence.organisationName ? `: ${esc(evidence.organisationName)}` : ''}`,
    '',
    `Period: ${formatDate(period.from)} to ${formatDate(period.to)}.  `,
    `Made: ${formatLondonTime(evidence.madeAt)}.`,
    '',
    evidence.labelNote,
    '',
    '## 1. The plan',
    '',
    ...labelLines(labels.plan),
    planSummaryWords(plan),
    '',
    ...(plan.length > 0
      ? [
          '| Runbook | Version | Last reviewed | Owner | Last change in Holdfast |',
          '|---|---|---|---|---|',
          ...plan.map(
            (runbook) =>
              `| ${cell(runbook.title)} | ${runbook.version} | ${formatDate(runbook.reviewed)}${runbook.reviewedBy ? `, by ${cell(runbook.reviewedBy)}` : ''}${runbook.reviewedInPeriod ? '' : ` ${BEFORE_PERIOD}`} | ${cell(runbook.owner)} | ${runbook.lastChange ? `${formatLondonTime(runbook.lastChange.at)}, ${cell(runbook.lastChange.by)}: ${cell(runbook.lastChange.what)}` : NEVER_CHANGED} |`,
          ),
          '',
        ]
      : []),
    '## 2. Exercises held',
    '',
    ...labelLines(labels.exercises),
    ...(evidence.exercises.length === 0
      ? ['No exercise was held in this period.', '']
      : evidence.exercises.flatMap((exercise) => [
          `### ${esc(exercise.title)}`,
          '',
          `Held: ${formatLondonTime(exercise.startedAt)}${exercise.finishedAt ? ` to ${formatLondonTime(exercise.finishedAt)}` : ' (not finished)'}  `,
          `Scenario: ${esc(exercise.scenario)} (version ${exercise.scenarioVersion})  `,
          `Facilitator: ${esc(exercise.facilitator)}  `,
          `Who took part: ${exercise.attendees.length > 0 ? exercise.attendees.map((person) => `${esc(person.name)}${person.role ? ` (${esc(person.role)})` : ''}`).join(', ') : 'not recorded'}  `,
          `After-action report: in the zip file, ${exercise.reportFile}  `,
          `${LOG_CHECK_CODE_LABEL}: **${exercise.log.checkCode}** (${pluralise(exercise.log.entries, 'entry', 'entries')})`,
          '',
          ...(exercise.actions.length === 0
            ? ['Actions: none recorded.', '']
            : [
                '| # | Action | Owner | State |',
                '|---|---|---|---|',
                ...exercise.actions.map(
                  (action) =>
                    `| ${action.number} | ${cell(action.text)} | ${cell(action.owner)} | ${actionStateWords(action)} |`,
                ),
                '',
              ]),
        ])),
    '## 3. Incidents',
    '',
    ...labelLines(labels.incidents),
    ...(evidence.incidents.length === 0
      ? ['No incident was recorded in this period.', '']
      : evidence.incidents.flatMap((incident) => [
          `### ${esc(incident.name)}`,
          '',
          `Aware since: ${formatLondonTime(incident.awareAt)}  `,
          `Opened: ${formatLondonTime(incident.openedAt)}  `,
          `Closed: ${incident.closedAt ? formatLondonTime(incident.closedAt) : 'still open'}  `,
          `Incident lead: ${esc(incident.lead)}  `,
          `Incident report: in the zip file, ${incident.reportFile}  `,
          `${LOG_CHECK_CODE_LABEL}: **${incident.log.checkCode}** (${pluralise(incident.log.entries, 'entry', 'entries')})`,
          '',
          ...(incident.reports.length === 0
            ? ['Reports: none were due.', '']
            : [
                '| Report | State | Reference or reason |',
                '|---|---|---|',
                ...incident.reports.map((report) => {
                  const words = reportWords(report);
                  return `| ${cell(report.label)} | ${words.state} | ${words.detail ? cell(words.detail) : '—'} |`;
                }),
                '',
              ]),
        ])),
    '## 4. Who took part',
    '',
    ...labelLines(labels.people),
    ...(evidence.people.length === 0
      ? ['Nobody is named in this period.']
      : evidence.people.map(
          (person) =>
            `- **${esc(person.name)}**: ${person.took.map((entry) => `${esc(entry.as)}, ${esc(entry.in)}`).join('; ')}`,
        )),
    '',
  ].join('\n');
}
