import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ContractClock, Notice, Settings } from '../../contract/types';

type ContractClockInput = Omit<ContractClock, 'id'> & { id?: string | undefined };
/** A change to settings: contract clocks may arrive without ids. */
export type SettingsPatch = Partial<Omit<Settings, 'contractClocks'>> & {
  contractClocks?: ContractClockInput[] | undefined;
};
import { contractClockSchema, providerTypeSchema } from '../../contract/schemas';
import { freeTextSchema } from '../../contract/invisibleText';
import { roleIdFor } from '../contacts/contactsDirectory';
import type { KeyValueStore } from '../hostTypes';
import { fsyncDir, writeFileDurable } from '../storage/durableFile';
import { recoverJsonFile } from '../storage/recoverJsonFile';

const settingsSchema = z.object({
  // Stripped on reading too, so a value saved before hidden characters were removed is shown clean.
  organisationName: freeTextSchema().max(120).catch(''),
  providerType: providerTypeSchema.nullable().catch(null),
  pharmacyCqcRegistered: z.boolean().catch(false),
  isolationInstruction: freeTextSchema().max(2000).catch(''),
  contractClocks: z
    .array(contractClockSchema.required({ id: true }))
    .max(20)
    .catch([]),
});

/** Gives every contract clock a stable id made from its label (kept when it already has one). */
function withIds(clocks: ContractClockInput[]): ContractClock[] {
  const taken = new Set<string>();
  return clocks.map(({ id, label, hours, duty }) => {
    const chosen =
      id && !taken.has(id) ? id : roleIdFor(label, (candidate) => taken.has(candidate));
    taken.add(chosen);
    return { id: chosen, label, hours, duty };
  });
}

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
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
    validate: (raw) =>
      typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : null,
  });
  if (notice) notices.push(notice);

  const store = options.open();

  const read = (): Settings =>
    settingsSchema.parse({
      organisationName: store.get('organisationName'),
      providerType: store.get('providerType'),
      pharmacyCqcRegistered: store.get('pharmacyCqcRegistered'),
      isolationInstruction: store.get('isolationInstruction'),
      contractClocks: store.get('contractClocks'),
    });

  return {
    notices,
    settings: {
      get: read,
      async update({ contractClocks, ...patch }) {
        for (const [key, value] of Object.entries(patch))
          if (value !== undefined) store.set(key, value);
        if (contractClocks !== undefined) store.set('contractClocks', withIds(contractClocks));
        // The store renames its temp file but does not sync the folder; do it before acknowledging.
        await fsyncDir(dirname(store.path));
        await writeFileDurable(backupPath, await readFile(store.path));
        return read();
      },
    },
  };
}
