import { z } from 'zod';
import type { Result } from '../../contract/result';
import { packFingerprintSchema } from '../../contract/schemas';
import type { Notice, PackFingerprint, PackPrint, PackStatus } from '../../contract/types';
import { openDurableDocument } from '../storage/durableDocument';
import { changedSections } from './packFingerprint';

const printRecordSchema = z.strictObject({
  formatVersion: z.literal(1),
  lastPrinted: z
    .strictObject({
      at: z.iso.datetime(),
      version: z.number().int().min(1),
      how: z.enum(['print', 'pdf']),
      fingerprint: packFingerprintSchema,
    })
    .nullable(),
});
type PrintRecordFile = z.infer<typeof printRecordSchema>;

const STORAGE_MESSAGE =
  'Holdfast could not record that the pack was printed. Check there is free disk space, then try again.';

export interface PrintRecordService {
  /** Whether a pack with this fingerprint matches the last one printed, and the version it would carry. */
  status(current: PackFingerprint): PackStatus;
  /** Records a print of the pack with this fingerprint; the version goes up only when content changed. */
  record(fingerprint: PackFingerprint, how: PackPrint['how']): Promise<Result<PackPrint>>;
}

function versionFor(last: PackPrint | null, fingerprint: PackFingerprint): number {
  if (!last) return 1;
  return changedSections(last.fingerprint, fingerprint).length === 0
    ? last.version
    : last.version + 1;
}

/**
 * Opens `<dataDir>/grabbag.json`: when the grab-bag pack was last printed and which content it
 * held (section hashes), kept durably like contacts so the reminder survives a crash.
 */
export async function openPrintRecord(options: {
  filePath: string;
  quarantineDir: string;
  now: () => Date;
  log?: (message: string, error?: unknown) => void;
}): Promise<{ prints: PrintRecordService; notices: Notice[] }> {
  const document = await openDurableDocument<PrintRecordFile>({
    path: options.filePath,
    quarantineDir: options.quarantineDir,
    schema: printRecordSchema,
    label: 'grab-bag print record',
    empty: { formatVersion: 1, lastPrinted: null },
    storageMessage: STORAGE_MESSAGE,
    now: options.now,
    ...(options.log ? { log: options.log } : {}),
  });
  const status = (current: PackFingerprint): PackStatus => {
    const last = document.current().lastPrinted;
    return {
      version: versionFor(last, current),
      fingerprint: current,
      lastPrinted: last,
      changedSince: last ? changedSections(last.fingerprint, current) : [],
    };
  };
  const prints: PrintRecordService = {
    status,
    async record(fingerprint, how) {
      return document.change((draft) => {
        const print: PackPrint = {
          at: options.now().toISOString(),
          version: versionFor(draft.lastPrinted, fingerprint),
          how,
          fingerprint,
        };
        draft.lastPrinted = print;
        return print;
      });
    },
  };
  return { prints, notices: document.notices };
}
