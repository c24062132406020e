import { z } from 'zod';
import { categorySchema, providerTypeSchema, slugSchema } from './schemas';
import { MAX_IMPORT_BYTES } from './uploadLimits';

export { MAX_IMPORT_BYTES };

/** What a placeholder can be mapped to (see ImportVariable). */
export const importTargetSchema = z
  .string()
  .max(80)
  .regex(
    /^(keep|organisation|setting:regulator|contact:[a-z0-9][a-z0-9-]{0,63})$/,
    'choose a contact, the organisation name, the regulator, or keep it as written',
  );

export const importHeaderSchema = z.strictObject({
  id: slugSchema,
  title: z.string().trim().min(3, 'a title needs at least 3 letters').max(120),
  category: categorySchema,
  summary: z.string().trim().min(1, 'write a short summary').max(400),
  providerTypes: z.array(providerTypeSchema).min(1).max(10),
  owner: z.string().trim().min(1, 'say who looks after this runbook').max(120),
});

/**
 * A document to turn into a proposed runbook: the file's bytes as base64, or text (pasted, or the
 * `source` of an earlier preview). Changed header fields and placeholder choices are applied.
 */
const documentFields = {
  name: z.string().trim().max(200).optional(),
  format: z.enum(['md', 'txt', 'docx']).optional(),
  base64: z
    .base64('must be a file encoded as base64')
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'the document is larger than 5 MB')
    .optional(),
  text: z.string().max(MAX_IMPORT_BYTES, 'the text is longer than 5 MB').optional(),
};
const oneDocument = (input: { base64?: string | undefined; text?: string | undefined }) =>
  (input.base64 === undefined) !== (input.text === undefined);

export const importPreviewSchema = z
  .strictObject({
    ...documentFields,
    header: importHeaderSchema.partial().optional(),
    mappings: z
      .record(z.string().max(120), importTargetSchema)
      .refine((map) => Object.keys(map).length <= 300, 'at most 300 placeholders')
      .optional(),
  })
  .refine(oneDocument, 'send either a file or text');

/**
 * One document of several chosen at once, saved straight away as a draft with what the import
 * proposes (there is no preview to change it in); `author` goes into the runbook's history.
 */
export const importDraftSchema = z
  .strictObject({
    ...documentFields,
    author: z.string().trim().max(120).optional(),
  })
  .refine(oneDocument, 'send either a file or text');
