import { useState } from 'react';
import { request } from '../../api';
import { describeError } from '../../errors';
import { fromBase64 } from '../../lib/base64';
import { offerDownload } from '../../lib/download';

/**
 * Saves an incident's or exercise's files exactly as they are on disk, zipped with a checksum of
 * each: what to hand to IT or an investigator when a log is damaged. Nothing is repaired first.
 */
export function ExportFilesButton({
  call,
  id,
  label,
}: {
  call: 'incidents.exportFiles' | 'exercises.exportFiles';
  id: string;
  label: string;
}) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const save = async (): Promise<void> => {
    const result = await request(call, { id });
    if (!result.ok) {
      setOutcome({ ok: false, message: describeError(result.error) });
      return;
    }
    offerDownload({
      filename: result.value.filename,
      mimeType: result.value.mimeType,
      text: fromBase64(result.value.base64),
    });
    setOutcome({
      ok: true,
      message: `Saved ${result.value.count} files, as they are, in ${result.value.filename}. Give it to whoever looks after your IT; do not change the files.`,
    });
  };
  return (
    <div className="export-files">
      <button type="button" onClick={() => void save()}>
        {label}
      </button>
      <div role="status">
        {outcome && <p className={outcome.ok ? 'notice' : 'save-failed'}>{outcome.message}</p>}
      </div>
    </div>
  );
}
