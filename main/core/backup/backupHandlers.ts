import type { Handlers } from '../../contract/contract';
import { ok } from '../../contract/result';
import type { BackupRecordService } from './backupRecord';
import { createEncryptedBackup } from './dataBackup';

/** The full backup as a file to save: all of Holdfast's own data in the data folder, encrypted with the passphrase given. */
export function backupHandlers(
  dataDir: string,
  now: () => Date,
  record: BackupRecordService,
): Pick<Handlers, 'backup.export'> {
  return {
    'backup.export': async ({ passphrase }) => {
      const { file, files } = await createEncryptedBackup(dataDir, now(), passphrase);
      await record.made(now());
      const stamp = now().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      return ok({
        filename: `holdfast-backup-${stamp}.holdfast-backup`,
        mimeType: 'application/octet-stream',
        base64: Buffer.from(file).toString('base64'),
        count: files,
      });
    },
  };
}
