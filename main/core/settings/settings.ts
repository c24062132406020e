import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Notice, Settings } from '../../contract/types';
import { providerTypeSchema } from '../../contract/schemas';
import type { KeyValueStore } from '../hostTypes';
import { fsyncDir, quarantineFile, writeFileDurable } from '../storage/durableFile';

const settingsSchema = z.object({
  organisationName: z.string().max(120).catch(''),
  providerType: providerTypeSchema.nullable().catch(null),
  isolationInstruction: z.string().max(2000).catch(''),
});

export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>): Promise<Settings>;
}

type FileCheck = 'missing' | 'good' | 'damaged';

async function checkJsonFile(path: string): Promise<FileCheck> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? 'good' : 'damaged';
  } catch {
    return 'damaged';
  }
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

  if ((await checkJsonFile(filePath)) === 'damaged') {
    const kept = await quarantineFile(filePath, quarantineDir, now());
    if ((await checkJsonFile(backupPath)) === 'good') {
      await writeFileDurable(filePath, await readFile(backupPath));
      notices.push({ level: 'warning', message: `Your settings file was damaged. Holdfast restored the last good copy and kept the damaged file at ${kept}.` });
    } else {
      notices.push({ level: 'warning', message: `Your settings file was damaged and no good copy was found, so settings start empty. The damaged file is kept at ${kept}.` });
    }
  }

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
