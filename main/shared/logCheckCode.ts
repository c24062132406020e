import { pluralise } from './pluralise';
/**
 * The log check code: the first 8 hex digits of a log's head hash, in capitals, as two groups of
 * four ("7F3A-19C2"). Short enough to copy onto paper at 2 a.m. and read out on the phone; every
 * entry changes it, so a code written on a printout or handover shows which entry the log had
 * reached then, and a log cut back or rewritten since no longer has an entry with that code.
 * 32 bits tells apart the few thousand entries of one log; it is not a defence against someone
 * forging a log to match (the full head hash, shown beside it, is).
 */
export function logCheckCode(headHash: string): string {
  const digits = headHash.slice(0, 8).toUpperCase();
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}`;
}

/** The label the code is shown with, on screen and on paper. */
export const LOG_CHECK_CODE_LABEL = 'Log check code';

/** The code as printed: a damaged log has none, as its last verified entry is not its end. */
export const shownCheckCode = (log: { checkCode: string; damaged?: boolean }): string =>
  log.damaged ? 'none, the log does not verify' : log.checkCode;

/**
 * How a reader checks a printed log, in words: the code to compare and where Holdfast shows it.
 * Markdown lines for the "Log check" part of reports, handovers and after-action reports.
 */
export function logCheckWords(
  log: { entries: number; checkCode: string; damaged?: boolean },
  of: 'incident' | 'exercise',
): string[] {
  const entries = pluralise(log.entries, 'entry', 'entries');
  const how =
    of === 'incident'
      ? 'To check it, open the incident in Holdfast, go to its Log tab and choose "Check the log against its check record". If no entry was added since this was printed, the code it shows must match the one above. If it does not, or Holdfast says the log does not check out, keep this copy and tell the manager.'
      : 'If you ever need to show that the exercise log was not changed, keep this copy and ask whoever looks after your IT to check the log against this code: if no entry was added since this was printed, they must match.';
  return [
    `${entries}. ${LOG_CHECK_CODE_LABEL}: **${shownCheckCode(log)}**.`,
    '',
    `Holdfast keeps this log so that nothing in it can be changed or taken out without it showing. ${how}`,
  ];
}
