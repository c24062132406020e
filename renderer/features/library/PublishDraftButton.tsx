import { useState } from 'react';
import { request } from '../../api';
import { describeError } from '../../errors';
import { announceLibraryChanged } from '../../lib/useReloadOnFocus';

/** The name the editor remembers for history entries (see the editor's "Your name"). */
const AUTHOR_KEY = 'holdfast-author-name';

/**
 * Puts a draft into use. Publishing is saved like an edit (checked again, kept in history), so a
 * draft that still has errors is refused with the reason.
 */
export function PublishDraftButton({
  id,
  title,
  onPublished,
}: {
  id: string;
  title: string;
  onPublished?: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const publish = async (): Promise<void> => {
    setBusy(true);
    const author = localStorage.getItem(AUTHOR_KEY)?.trim();
    const result = await request('runbooks.publish', { id, ...(author ? { author } : {}) });
    setBusy(false);
    if (!result.ok) {
      setOutcome({
        ok: false,
        message:
          result.error.code === 'INVALID_INPUT'
            ? result.error.message
            : describeError(result.error),
      });
      return;
    }
    announceLibraryChanged();
    // A caller that takes over says so itself (the reader's banner goes with the draft), so the
    // confirmation is announced once, not twice.
    if (onPublished) onPublished();
    else setOutcome({ ok: true, message: `Published: “${title}” is now in use.` });
  };
  return (
    <span className="publish-draft">
      <button type="button" disabled={busy} onClick={() => void publish()}>
        Publish<span className="visually-hidden"> “{title}”</span>
      </button>
      <span role={outcome?.ok === false ? 'alert' : 'status'}>
        {outcome && (
          <span className={outcome.ok ? 'notice' : 'problem problem-error'}>{outcome.message}</span>
        )}
      </span>
    </span>
  );
}
