import { useSyncExternalStore } from 'react';

/**
 * A screen with work that is not saved yet (the runbook editor) registers a guard. While one is
 * registered, moving to another screen (a link, the back button, a typed address, the menu)
 * waits for the person to choose Save, Leave without saving or Stay, and closing the window asks
 * through the browser's own "leave this page?" question.
 */
export interface LeaveGuard {
  /** True while there are changes that would be lost. */
  hasUnsavedChanges: () => boolean;
  /** Saves the changes; resolves true when they were saved, so leaving can go ahead. */
  save: () => Promise<boolean>;
  /** Called when the person chooses to leave without saving (to forget a kept copy). */
  discard?: () => void;
}

interface State {
  /** The address someone tried to go to, waiting for an answer; null when nobody is asking. */
  pending: string | null;
}

let guard: LeaveGuard | null = null;
let state: State = { pending: null };
/** One navigation that has been allowed through without asking (after "Leave without saving"). */
let allowed: string | null = null;
const listeners = new Set<() => void>();

function update(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers the guard of the screen on show; the returned function removes it. */
export function guardLeaving(next: LeaveGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
    if (state.pending !== null) update({ pending: null });
  };
}

/** True when leaving now would lose changes. */
export function isLeavingGuarded(): boolean {
  return guard?.hasUnsavedChanges() ?? false;
}

/**
 * Asks before moving to `hash`: returns true when the move may go ahead now, false when the
 * question is shown (or already showing) instead.
 */
export function mayLeaveFor(hash: string): boolean {
  if (allowed === hash) {
    allowed = null;
    return true;
  }
  if (!isLeavingGuarded()) return true;
  update({ pending: hash });
  return false;
}

/** The address waiting for an answer, for the question dialog. */
export function usePendingLeave(): string | null {
  return useSyncExternalStore(subscribe, () => state.pending);
}

/** "Stay": the person keeps editing. */
export function stay(): void {
  update({ pending: null });
}

/** "Leave without saving": the changes are dropped and the move goes ahead. */
export function leaveWithoutSaving(): void {
  const target = state.pending;
  update({ pending: null });
  if (target === null) return;
  guard?.discard?.();
  allowed = target;
  window.location.hash = target;
}

/** "Save": saves first, then moves on; a save that fails keeps the person where they are. */
export async function saveAndLeave(): Promise<boolean> {
  const target = state.pending;
  if (target === null || !guard) return false;
  const saved = await guard.save();
  update({ pending: null });
  if (!saved) return false;
  allowed = target;
  window.location.hash = target;
  return true;
}

/**
 * Closing the window or reloading with changes not saved: the browser (or Electron, which asks
 * in the main process) shows its own question. Returns the function that stops listening.
 */
export function askBeforeUnload(target: Window = window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!isLeavingGuarded()) return;
    event.preventDefault();
    // Older engines need a value here to show the question at all.
    event.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
