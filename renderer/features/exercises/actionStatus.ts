import type { FollowUpAction } from '../../../main/contract/exerciseTypes';

// Apart from DebriefPanel so the home screen's open actions can say an action's state without
// loading the debrief form.

/** Today as YYYY-MM-DD in the user's own time zone. */
export function today(now: Date = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** An action's state in words; overdue is said, not only coloured. */
export function actionStatusWords(
  action: FollowUpAction,
  now: Date = new Date(),
): { words: string; isOverdue: boolean } {
  if (action.status === 'done') return { words: 'Done', isOverdue: false };
  const isOverdue = action.due < today(now);
  return {
    words: isOverdue ? `Overdue: was due ${action.due}` : `Open: due ${action.due}`,
    isOverdue,
  };
}
