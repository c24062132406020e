import type { CallName } from './calls';

/*
 * Plain numbers, with no schema built here: the renderer reads them too, and a module that builds
 * a zod schema must not load before the renderer's zod settings (see renderer/lib/zodConfig.ts).
 */

/** A document to import may be at most 5 MB; as base64 that is about 6.7 million characters. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Characters of base64 for a file of `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** The largest backup file Holdfast restores: 64 MB. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
/** A full backup as base64: 64 MB of backup is 89.5 million characters. */
export const MAX_BACKUP_BASE64 = 90_000_000;
/** A runbook pack as base64: about 6 MB of zip at most. */
export const MAX_PACK_BASE64 = 8_400_000;
/** A document to turn into a runbook, as base64. */
export const MAX_DOCUMENT_BASE64 = base64Length(MAX_IMPORT_BYTES);

/** Room in a request body around its file: the JSON keys, a passphrase, a name, an author. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Request bodies larger than the default, for the calls that carry a whole file. A transport that
 * caps what it reads (the web harness) allows each of these the largest file its schema accepts,
 * so a realistic backup reaches the real checks instead of failing on the transport's size.
 */
export const UPLOAD_BODY_LIMITS: Partial<Record<CallName, number>> = {
  'backup.check': MAX_BACKUP_BASE64 + ENVELOPE_BYTES,
  'backup.restore': MAX_BACKUP_BASE64 + ENVELOPE_BYTES,
  'packs.previewImport': MAX_PACK_BASE64 + ENVELOPE_BYTES,
  'packs.import': MAX_PACK_BASE64 + ENVELOPE_BYTES,
  'runbooks.importPreview': MAX_DOCUMENT_BASE64 + ENVELOPE_BYTES,
};
