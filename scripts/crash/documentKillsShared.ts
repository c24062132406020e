import { join } from 'node:path';
import { z } from 'zod';
import { DurableJsonFile } from '../../main/core/storage/durableJsonFile';

export const documentSchema = z.strictObject({ n: z.int(), note: z.string() });

/** The trial document in a data folder, opened as the app opens its documents. */
export const documentAt = (dataDir: string): DurableJsonFile<z.infer<typeof documentSchema>> =>
  new DurableJsonFile({ path: join(dataDir, 'document.json'), quarantineDir: join(dataDir, 'quarantine'), schema: documentSchema, label: 'test', now: () => new Date() });
