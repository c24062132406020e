import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Notice, Settings } from '../../contract/types';
import { providerTypeSchema } from '../../contract/schemas';
import type { KeyValueStore } from '../hostTypes';
import { fsyncDir, writeFileDurable } from '../storage/durableFile';
import { recoverJsonFile } from '../storage/recoverJsonFile';

const settingsSchema = z.object({
  organisationName: z.string().max(120).catch(''),
  providerType: providerTypeSchema.nullable().catch(null),
  isolationInstruction: z.string().max(2000).catch(''),
});

export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>): Promise<Settings>;
}

/**
 * Opens the settings store without ever silently resetting it: a file that fails to parse is
 * moved to quarantine and the last good copy (`settings.json.bak`) restored, and the user is told.
 */
export async function openSettings(options: {
  filePath: string;
  quarantineDir: string;
  open: () => KeyValueStore;
  now: () => Date;
}): Promise<{ settings: SettingsService; notices: Notice[] }> {
  const { filePath, quarantineDir, now } = options;
  const backupPath = `${filePath}.bak`;
  const notices: Notice[] = [];

  const { notice } = await recoverJsonFile({
    path: filePath,
    quarantineDir,
    label: 'settings',
    now,
    validate: (raw) => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : null),
  });
  if (notice) notices.push(notice);

  const store = options.open();

  const read = (): Settings =>
    settingsSchema.parse({
      organisationName: store.get('organisationName'),
      providerType: store.get('providerType'),
      isolationInstruction: store.get('isolationInstruction'),
    });

  return {
    notices,
    settings: {
      get: read,
      async update(patch) {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) store.set(key, value);
        // The store renames its temp file but does not sync the folder; do it before acknowledging.
        await fsyncDir(dirname(store.path));
        await writeFileDurable(backupPath, await readFile(store.path));
        return read();
      },
    },
  };
}
