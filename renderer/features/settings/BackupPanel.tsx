import { useState } from 'react';
import { request } from '../../api';
import { offerDownload } from '../../lib/download';
import { describeError } from '../../errors';
import { fromBase64 } from '../../lib/base64';

/** Saves all local data to one file, to keep somewhere safe away from this computer. */
export function BackupPanel() {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const backUp = async (): Promise<void> => {
    const result = await request('backup.export', {});
    if (!result.ok) {
      setOutcome({ ok: false, message: describeError(result.error) });
      return;
    }
    offerDownload({
      filename: result.value.filename,
      mimeType: result.value.mimeType,
      text: fromBase64(result.value.base64),
    });
    setOutcome({ ok: true, message: `Backup saved as ${result.value.filename}.` });
  };
  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">Back up all data</h2>
      <p>
        One file with your settings, contacts, systems, runbooks and their history, and every
        incident record. Keep it somewhere safe, away from this computer. It can be restored into a
        new data folder, and each incident record is checked when it is.
      </p>
      <button type="button" onClick={() => void backUp()}>
        Back up all data
      </button>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'notice' : 'save-failed'}>
          {outcome.message}
        </p>
      )}
    </section>
  );
}
