import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { CareGroupKey, ContractClock, Notice, Settings } from '../../contract/types';

type ContractClockInput = Omit<ContractClock, 'id'> & { id?: string | undefined };
/** A care group key as it is added: the rest is worked out from the key. */
export type CareGroupKeyInput = Pick<CareGroupKey, 'name' | 'publicKeyPem'>;
/** A change to settings: contract clocks may arrive without ids, care group keys as name and key. */
export type SettingsPatch = Partial<Omit<Settings, 'contractClocks' | 'careGroupKeys'>> & {
  contractClocks?: ContractClockInput[] | undefined;
  careGroupKeys?: CareGroupKeyInput[] | undefined;
};
import { contractClockSchema, providerTypeSchema } from '../../contract/schemas';
import { freeTextSchema } from '../../contract/invisibleText';
import { roleIdFor } from '../contacts/contactsDirectory';
import type { KeyValueStore } from '../hostTypes';
import { fsyncDir, writeFileDurable } from '../storage/durableFile';
import { recoverJsonFile } from '../storage/recoverJsonFile';
import { fingerprintOf, keyIdOf, readPublicKey } from '../packs/packSignature';

const storedKeySchema = z.strictObject({
  name: z.string().min(1).max(80),
  publicKeyPem: z.string().max(2000),
  lastPackCreated: z.iso.datetime().nullable(),
});
type StoredKey = z.infer<typeof storedKeySchema>;

/** A stored key with what is worked out from it; a key that no longer reads is left out. */
function presentKey(stored: StoredKey): CareGroupKey[] {
  const key = readPublicKey(stored.publicKeyPem);
  return key ? [{ ...stored, keyId: keyIdOf(key), fingerprint: fingerprintOf(key) }] : [];
}

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
  careGroupKeys: z
    .array(storedKeySchema)
    .max(20)
    .catch([])
    .transform((keys) => keys.flatMap(presentKey)),
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
  /** Notes the date of a signed pack just imported from a care group, so an older one is refused. */
  recordSignedPack(keyId: string, packCreated: string): Promise<void>;
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
      careGroupKeys: store.get('careGroupKeys'),
    });

  const storedKeys = (): StoredKey[] =>
    (read().careGroupKeys ?? []).map(({ name, publicKeyPem, lastPackCreated }) => ({
      name,
      publicKeyPem,
      lastPackCreated,
    }));

  /** Writes what changed and keeps a last good copy, before acknowledging. */
  const persist = async (): Promise<void> => {
    // The store renames its temp file but does not sync the folder; do it before acknowledging.
    await fsyncDir(dirname(store.path));
    await writeFileDurable(backupPath, await readFile(store.path));
  };

  return {
    notices,
    settings: {
      get: read,
      async update({ contractClocks, careGroupKeys, ...patch }) {
        for (const [key, value] of Object.entries(patch))
          if (value !== undefined) store.set(key, value);
        if (contractClocks !== undefined) store.set('contractClocks', withIds(contractClocks));
        if (careGroupKeys !== undefined) {
          // A key kept from before keeps the date of the last pack imported with it.
          const before = new Map((read().careGroupKeys ?? []).map((key) => [key.keyId, key]));
          store.set(
            'careGroupKeys',
            careGroupKeys.map(({ name, publicKeyPem }) => {
              const key = readPublicKey(publicKeyPem);
              const kept = key ? before.get(keyIdOf(key)) : undefined;
              return { name, publicKeyPem, lastPackCreated: kept?.lastPackCreated ?? null };
            }),
          );
        }
        await persist();
        return read();
      },
      async recordSignedPack(keyId, packCreated) {
        const keys = read().careGroupKeys ?? [];
        if (!keys.some((key) => key.keyId === keyId)) return;
        store.set(
          'careGroupKeys',
          storedKeys().map((stored, index) =>
            keys[index]?.keyId === keyId ? { ...stored, lastPackCreated: packCreated } : stored,
          ),
        );
        await persist();
      },
    },
  };
}
