// Shared with the core, which writes dates into sentences (the readiness checklist).
export { formatDate } from '../../main/shared/dayDate';

/** Today's date on this computer's calendar (toISOString would give yesterday just after midnight in summer time). */
export const today = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};
