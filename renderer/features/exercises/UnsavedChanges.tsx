import { useId, useState } from 'react';
import { textDiff } from '../../../main/shared/textDiff';
import { pluralise } from '../../../main/shared/pluralise';
import { DiffLines } from '../authoring/DiffLines';

/**
 * "Show what you changed": the lines changed since the text was opened or last saved, so the
 * person can check an edit before saving it. Worked out here from the two texts; nothing is sent.
 */
export function UnsavedChanges({ saved, edited }: { saved: string; edited: string }) {
  const [shown, setShown] = useState(false);
  const regionId = useId();
  const lines = shown ? textDiff(saved, edited) : [];
  const changed = lines.filter((line) => line.change !== 'same').length;
  return (
    <div className="unsaved-changes">
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={regionId}
        onClick={() => setShown(!shown)}
      >
        {shown ? 'Hide what you changed' : 'Show what you changed'}
      </button>
      <div id={regionId}>
        {shown && (
          <div className="diff" role="region" aria-label="What you changed, not saved yet">
            <p role="status">
              {changed === 0
                ? 'No changes since it was last saved.'
                : `${pluralise(changed, 'line', 'lines')} changed since it was last saved.`}
            </p>
            {changed > 0 && <DiffLines lines={lines} />}
          </div>
        )}
      </div>
    </div>
  );
}
