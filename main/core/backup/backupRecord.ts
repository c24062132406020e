import { z } from 'zod';
import type { Notice } from '../../contract/types';
import { openDurableDocument } from '../storage/durableDocument';

const backupRecordSchema = z.strictObject({
  formatVersion: z.literal(1),
  /** When the last full backup file was made (ISO); null when none has been. */
  lastMadeAt: z.iso.datetime().nullable(),
});
type BackupRecordFile = z.infer<typeof backupRecordSchema>;

export interface BackupRecordService {
  lastMadeAt(): string | null;
  /** Notes that a backup was made now; a failed write only loses the reminder, never the backup. */
  made(at: Date): Promise<void>;
}

/**
 * Opens `<dataDir>/backups.json`: when the last backup was made, so home can say how old it is.
 * The backup itself is saved wherever the person chooses; only its date stays here.
 */
export async function openBackupRecord(options: {
  filePath: string;
  quarantineDir: string;
  now: () => Date;
  log?: (message: string, error?: unknown) => void;
}): Promise<{ backups: BackupRecordService; notices: Notice[] }> {
  const document = await openDurableDocument<BackupRecordFile>({
    path: options.filePath,
    quarantineDir: options.quarantineDir,
    schema: backupRecordSchema,
    label: 'backup record',
    empty: { formatVersion: 1, lastMadeAt: null },
    storageMessage:
      'Holdfast could not note when this backup was made. The backup itself is not affected.',
    now: options.now,
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    notices: document.notices,
    backups: {
      lastMadeAt: () => document.current().lastMadeAt,
      async made(at) {
        await document.change((draft) => {
          draft.lastMadeAt = at.toISOString();
        });
      },
    },
  };
}
