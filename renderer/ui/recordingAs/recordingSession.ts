import { useSyncExternalStore } from 'react';

/** Said when someone closes "Who is recording?" without a name: nothing can be saved without one. */
export const SAY_WHO_FIRST =
  'Say who is recording first: every entry is saved with the name of the person who typed it.';

/** Why the person is being asked: before their first entry, or because they chose to change it. */
export type AskReason = 'first-entry' | 'change';

/** A question waiting for an answer from the "Who is recording?" dialog. */
export interface OpenQuestion {
  reason: AskReason;
  /** The name recording now, when the question is to change it. */
  current: string | null;
}

interface State {
  /** Who is recording on this computer, in this run of the app; null until someone says. */
  recorder: string | null;
  question: OpenQuestion | null;
}

// Kept in memory only, never in storage: a restart (or a reload) of the app asks again, so the
// next person to pick up the laptop is never recorded under the name of the one before.
let state: State = { recorder: null, question: null };
let settle: ((name: string | null) => void) | null = null;
let asking: Promise<string | null> | null = null;
const listeners = new Set<() => void>();

function update(next: Partial<State>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The name of the person recording, or null when no one has said yet. */
export function currentRecorder(): string | null {
  return state.recorder;
}

/** Re-renders when the person recording changes. */
export function useRecorder(): string | null {
  return useSyncExternalStore(subscribe, () => state.recorder);
}

/** The question the dialog should show, or null. */
export function useOpenQuestion(): OpenQuestion | null {
  return useSyncExternalStore(subscribe, () => state.question);
}

/**
 * Records who is recording from now on (a handover passes the laptop to the person taking over).
 * Empty names are ignored: there is no "nobody" to record as.
 */
export function setRecorder(name: string): void {
  const trimmed = name.trim();
  if (trimmed) update({ recorder: trimmed });
}

/**
 * Asks "Who is recording?" and resolves with the answer, or null when the person cancels. A second
 * call while the question is open waits for the same answer rather than asking twice.
 */
export function askWhoIsRecording(reason: AskReason): Promise<string | null> {
  if (asking) return asking;
  asking = new Promise<string | null>((resolve) => {
    settle = resolve;
  });
  update({ question: { reason, current: state.recorder } });
  return asking;
}

/** The person recording, asking first when no one has said yet in this run of the app. */
export async function ensureRecorder(): Promise<string | null> {
  return state.recorder ?? askWhoIsRecording('first-entry');
}

function close(answer: string | null): void {
  const resolve = settle;
  settle = null;
  asking = null;
  update({ question: null });
  resolve?.(answer);
}

/** The dialog's answer: this person records from now on. */
export function answerWhoIsRecording(name: string): void {
  const trimmed = name.trim();
  if (!trimmed) return;
  update({ recorder: trimmed });
  close(trimmed);
}

/** The dialog was closed without a name: whatever was waiting for one is not saved. */
export function cancelWhoIsRecording(): void {
  close(null);
}

/** Forgets the person recording, as a restart of the app does (tests start each case afresh). */
export function forgetRecorder(): void {
  if (asking) close(null);
  update({ recorder: null });
}
