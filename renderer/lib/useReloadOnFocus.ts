import { useEffect } from 'react';
import { request } from '../api';

const LIBRARY_CHANGED = 'holdfast-library-changed';

/** Tells the app frame that a save changed the library, so lists show it without a reload. */
export const announceLibraryChanged = (): void => {
  window.dispatchEvent(new Event(LIBRARY_CHANGED));
};

/** Calls `listener` whenever the library changed: a save announced it, or a reload on focus read it. */
export function onLibraryChanged(listener: () => void): () => void {
  window.addEventListener(LIBRARY_CHANGED, listener);
  return () => window.removeEventListener(LIBRARY_CHANGED, listener);
}

/**
 * Re-reads the runbook folders whenever Holdfast's window gets focus back, then calls `onReloaded`.
 *
 * Why focus rather than a file watcher: a runbook can only be changed outside Holdfast in another
 * program, so coming back to Holdfast is exactly when it matters. A watcher can fire while an
 * editor is half-way through writing a file, behaves differently on network folders, and needs
 * closing; a reload on focus re-reads whole files (unchanged ones come from the parse cache).
 */
export function useReloadOnFocus(onReloaded: () => void): void {
  useEffect(() => {
    let running = false;
    // Only coming back counts: a page load or a click inside Holdfast also fires "focus".
    let hasLeft = false;
    const leave = (): void => {
      hasLeft = true;
    };
    const reload = (): void => {
      if (running || !hasLeft) return;
      running = true;
      hasLeft = false;
      void request('runbooks.reload', {}).then((result) => {
        running = false;
        // Announced, so whatever keeps a copy of the library (search) hears of it too.
        if (result.ok) announceLibraryChanged();
      });
    };
    window.addEventListener('blur', leave);
    window.addEventListener('focus', reload);
    const stopListening = onLibraryChanged(onReloaded);
    return () => {
      window.removeEventListener('blur', leave);
      window.removeEventListener('focus', reload);
      stopListening();
    };
  }, [onReloaded]);
}
