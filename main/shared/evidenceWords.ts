import type { EvidenceAction, EvidenceReport } from '../contract/assessorTypes';
import { formatDate } from './dayDate';
import { formatLondonTime } from './dates';
import { pluralise } from './pluralise';

// The evidence document's words for states, shared by its markdown (core) and its screen.

/** An action's state in words; overdue is said, never only shown by colour. */
export function actionStateWords(action: EvidenceAction): string {
  if (action.state === 'done')
    return action.doneAt ? `Done ${formatDate(action.doneAt.slice(0, 10))}` : 'Done';
  return action.state === 'overdue'
    ? `Overdue: was due ${formatDate(action.due)}`
    : `Open: due ${formatDate(action.due)}`;
}

/** A report an incident's clocks record, in words (the reference and reason are as typed). */
export function reportWords(report: EvidenceReport): {
  state: string;
  detail: string | null;
} {
  if (report.state === 'done')
    return {
      state: `Made${report.at ? ` ${formatLondonTime(report.at)}` : ''}`,
      detail: report.reference ?? null,
    };
  if (report.state === 'not-needed') return { state: 'Not needed', detail: report.reason ?? null };
  return { state: 'Not recorded as made', detail: null };
}

/** How many runbooks are in use and how many were reviewed in the period, in one sentence. */
export function planSummaryWords(plan: ReadonlyArray<{ reviewedInPeriod: boolean }>): string {
  if (plan.length === 0) return 'No runbooks are in use.';
  const reviewed = plan.filter((runbook) => runbook.reviewedInPeriod).length;
  return `${pluralise(plan.length, 'runbook is', 'runbooks are')} in use. ${reviewed} of them ${reviewed === 1 ? 'was' : 'were'} reviewed in this period.`;
}

/** Said where a runbook was never changed in Holdfast. */
export const NEVER_CHANGED = 'None: as it came with Holdfast';

/** Said after a review date that falls before the period. */
export const BEFORE_PERIOD = '(before this period)';
