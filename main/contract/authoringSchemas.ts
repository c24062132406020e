import { z } from 'zod';
import { slugSchema } from './schemas';
import { MAX_PACK_BASE64 } from './uploadLimits';

/** Runbook text is bounded like a file on disk (512 KB), so a huge string never reaches the parser. */
export const runbookTextSchema = z.string().max(512 * 1024, 'a runbook may be at most 512 KB');

const authorSchema = z.string().trim().max(120, 'must be 120 characters or fewer').optional();
const messageSchema = z.string().trim().max(500, 'must be 500 characters or fewer').optional();
const revisionSeqSchema = z.int().min(1).max(1_000_000);

export const previewRunbookSchema = z.strictObject({ text: runbookTextSchema });

/**
 * The name of a file in the runbooks folder: a name only (no folders, no "..", no control
 * characters), ending in .md, as the folder listing gave it.
 */
export const runbookFileNameSchema = z
  .string()
  .max(255)
  .regex(/^[^\\/\x00-\x1f]+\.md$/i, 'must be the name of a .md file in the runbooks folder')
  .refine((name) => !name.startsWith('.'), 'must be the name of a .md file in the runbooks folder');

/** `id` null means a new runbook: saving refuses an id that is already taken. */
export const saveRunbookSchema = z.strictObject({
  id: slugSchema.nullable(),
  text: runbookTextSchema,
  author: authorSchema,
  message: messageSchema,
  /** A file Holdfast could not load, fixed in the editor: once saved, it moves to the trash. */
  replacesFile: runbookFileNameSchema.optional(),
});

/** Which editor draft: a runbook's, or (null) the one of a runbook not saved yet. */
export const editorDraftRefSchema = z.strictObject({ id: slugSchema.nullable() });
export const keepEditorDraftSchema = z.strictObject({
  id: slugSchema.nullable(),
  text: runbookTextSchema,
});

export const revisionRefSchema = z.strictObject({ id: slugSchema, seq: revisionSeqSchema });
export const diffRevisionsSchema = z.strictObject({
  id: slugSchema,
  from: revisionSeqSchema,
  to: revisionSeqSchema,
});
export const restoreRevisionSchema = z.strictObject({
  id: slugSchema,
  seq: revisionSeqSchema,
  author: authorSchema,
  message: messageSchema,
});
export const runbookChangeSchema = z.strictObject({
  id: slugSchema,
  author: authorSchema,
  message: messageSchema,
});

/** A pack's zip as base64; about 6 MB of zip at most, so a huge upload never reaches the reader. */
export const packUploadSchema = z.strictObject({
  base64: z
    .base64('must be a file encoded as base64')
    .max(MAX_PACK_BASE64, 'the pack is larger than 6 MB'),
  author: authorSchema,
});

/**
 * Importing a pack: its contacts replace local ones only when the user ticks that separately (a
 * pack must never swap a provider's numbers as a side effect of sharing runbooks).
 */
export const packImportSchema = packUploadSchema.extend({
  includeContacts: z.boolean().optional(),
  /** The pack's file name, kept with each runbook it changes so the reader can say where it came from. */
  packName: z.string().trim().max(200).optional(),
  /**
   * The admin ticked "I accept this pack as unsigned": needed for a pack no trusted care group key
   * vouches for (unsigned, or signed with a key not added in Settings).
   */
  acceptUnsigned: z.boolean().optional(),
});
