/**
 * Keeping the current step and its controls on screen. The page scrolls only as far as it must:
 * on a big screen nothing moves; on a small one (or at high zoom) the app header scrolls away
 * first, then the incident's own header.
 */

/** The bar with Done (or "Save my choice") of the step on screen. */
const controls = (): HTMLElement | null => document.getElementById('current-step-controls');
const card = (): HTMLElement | null => document.getElementById('current-step');

/** The whole element is inside the window. */
export const isOnScreen = (element: HTMLElement): boolean => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
};

const scrollToTopOf = (element: HTMLElement): void => {
  window.scrollBy({ top: element.getBoundingClientRect().top, behavior: 'instant' });
};

/** When an incident opens: its top at the top of the window if that is what it takes. */
export function showCurrentStepOnOpen(incident: HTMLElement | null): void {
  const bar = controls();
  const step = card();
  if (!bar || !step || isOnScreen(bar)) return;
  if (incident) scrollToTopOf(incident);
  if (!isOnScreen(bar)) scrollToTopOf(step);
}

/** After an answer, or a jump to another step: the new step's top in view. */
export function showCurrentStep(): void {
  const step = card();
  const bar = controls();
  if (!step) return;
  const top = step.getBoundingClientRect().top;
  if (top < 0 || (bar && !isOnScreen(bar))) scrollToTopOf(step);
}
