import type { Handlers } from '../../contract/contract';
import { ok } from '../../contract/result';
import { createBackup } from './dataBackup';

/** The full backup as a file to save: everything in the data folder, with checksums. */
export function backupHandlers(dataDir: string, now: () => Date): Pick<Handlers, 'backup.export'> {
  return {
    'backup.export': async () => {
      const { zip, files } = await createBackup(dataDir, now());
      const stamp = now().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      return ok({
        filename: `holdfast-backup-${stamp}.zip`,
        mimeType: 'application/zip',
        base64: Buffer.from(zip).toString('base64'),
        count: files,
      });
    },
  };
}
