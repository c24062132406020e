import { useEffect, useRef, useState } from 'react';
import type { UnsavedDraft } from '../../../main/contract/authoringTypes';
import { request } from '../../api';

/** How long after typing stops the unsaved text is written to disk. */
export const KEEP_DELAY_MS = 1000;

/**
 * Keeps the editor's unsaved text on this computer a moment after typing stops, so a restart, a
 * crash or a closed window does not lose it, and offers back what was kept when the editor opens.
 * `key` is the runbook id (null for a new runbook); `enabled` false turns keeping off.
 */
export function useKeptCopy(
  key: string | null,
  text: string | null,
  isDirty: boolean,
  enabled: boolean,
): {
  /** Kept text that differs from what the editor opened with, offered back; null when none. */
  offered: UnsavedDraft | null;
  /** The person answered the offer (restore or discard): stop offering. */
  settle: (discard: boolean) => void;
  /** Forget the kept text (the person left without saving). */
  forget: () => void;
} {
  const [offered, setOffered] = useState<UnsavedDraft | null>(null);
  const asked = useRef(false);

  // Asked once, when the opened text is there to compare with.
  useEffect(() => {
    if (!enabled || text === null || asked.current) return;
    asked.current = true;
    void request('runbooks.unsavedDraft', { id: key }).then((result) => {
      if (result.ok && result.value.draft && result.value.draft.text !== text)
        setOffered(result.value.draft);
    });
  }, [enabled, key, text]);

  useEffect(() => {
    // While the offer is open, keeping would overwrite the copy it offers.
    if (!enabled || !isDirty || text === null || offered) return;
    const timer = setTimeout(() => {
      void request('runbooks.keepDraft', { id: key, text });
    }, KEEP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, isDirty, key, text, offered]);

  const forget = (): void => {
    void request('runbooks.discardDraft', { id: key });
  };
  return {
    offered,
    settle: (discard) => {
      setOffered(null);
      if (discard) forget();
    },
    forget,
  };
}
