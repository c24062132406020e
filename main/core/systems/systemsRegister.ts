import { z } from 'zod';
import { fail, ok, type Result } from '../../contract/result';
import { customSystemLabelSchema, slugSchema, systemRecordSchema } from '../../contract/schemas';
import type {
  ContactRef,
  Notice,
  SystemEntry,
  SystemRecord,
  SystemsRegister,
  SystemStatus,
} from '../../contract/types';
import { SYSTEMS, type SystemId } from '../../contract/vocabulary';
import { isOlderThanMonths } from '../../shared/dates';
import { roleIdFor } from '../contacts/contactsDirectory';
import { openDurableDocument } from '../storage/durableDocument';

/** An entry last reviewed longer ago than this is marked for review. */
export const REVIEW_AFTER_MONTHS = 12;

const MAX_CUSTOM_SYSTEMS = 100;
const customSystemSchema = z.strictObject({ id: slugSchema, label: customSystemLabelSchema });

const registerFileSchema = z
  .strictObject({
    formatVersion: z.literal(1),
    customSystems: z.array(customSystemSchema).max(MAX_CUSTOM_SYSTEMS),
    records: z.array(systemRecordSchema).max(Object.keys(SYSTEMS).length + MAX_CUSTOM_SYSTEMS),
  })
  .superRefine((file, ctx) => {
    if (new Set(file.records.map((record) => record.system)).size !== file.records.length)
      ctx.addIssue({ code: 'custom', message: 'two records for one system' });
    if (new Set(file.customSystems.map((custom) => custom.id)).size !== file.customSystems.length)
      ctx.addIssue({ code: 'custom', message: 'two systems with one id' });
  });

type RegisterFile = z.infer<typeof registerFileSchema>;

const EMPTY: RegisterFile = { formatVersion: 1, customSystems: [], records: [] };

const STORAGE_MESSAGE =
  'Your systems register could not be saved. Check there is free disk space, then try again. Nothing was changed.';

/** What the register needs from the contacts directory: who supports a system. */
export interface SupplierContacts {
  /** Every local contact role (Holdfast's and the provider's own). */
  roles: () => Array<{ role: string; label: string }>;
  /** A role's contact as runbooks show it, or null when the role does not exist (any more). */
  resolve: (role: string) => ContactRef | null;
}

export interface SystemsRegisterService {
  list(): SystemsRegister;
  /** One system's entry, or undefined when there is no such system. */
  entry: (system: string) => SystemEntry | undefined;
  /** The raw records and custom systems as stored, for the grab-bag pack's fingerprint. */
  stored(): Readonly<RegisterFile>;
  save(record: SystemRecord): Promise<Result<SystemsRegister>>;
  delete(system: string): Promise<Result<SystemsRegister>>;
  add(label: string): Promise<Result<{ register: SystemsRegister; system: string }>>;
}

const isBuiltIn = (system: string): system is SystemId => Object.hasOwn(SYSTEMS, system);

function statusOf(record: SystemRecord | null): SystemStatus {
  if (!record) return 'missing';
  if (!record.inUse) return 'not-used';
  return record.paperLocation === '' ? 'no-paper-location' : 'recorded';
}

/**
 * Opens `<dataDir>/systems.json`: what the provider relies on, how bad an outage is, the paper
 * fallback and where the paper copy is kept. Stored like contacts: one lowdb document through
 * the durable adapter, a damaged file quarantined and the last good copy restored.
 */
export async function openSystemsRegister(options: {
  filePath: string;
  quarantineDir: string;
  suppliers: SupplierContacts;
  now: () => Date;
  log?: (message: string, error?: unknown) => void;
}): Promise<{ systems: SystemsRegisterService; notices: Notice[] }> {
  const document = await openDurableDocument<RegisterFile>({
    path: options.filePath,
    quarantineDir: options.quarantineDir,
    schema: registerFileSchema,
    label: 'systems register',
    empty: EMPTY,
    storageMessage: STORAGE_MESSAGE,
    now: options.now,
    ...(options.log ? { log: options.log } : {}),
  });
  const { change } = document;

  const labelOf = (system: string): string | undefined =>
    isBuiltIn(system)
      ? SYSTEMS[system].label
      : document.current().customSystems.find((custom) => custom.id === system)?.label;

  const entryFor = (system: string, label: string, isCustom: boolean): SystemEntry => {
    const record =
      document.current().records.find((candidate) => candidate.system === system) ?? null;
    return {
      system,
      label,
      isCustom,
      suggestedSupplierRole: isBuiltIn(system) ? SYSTEMS[system].supplierRole : null,
      record,
      status: statusOf(record),
      isStale:
        record !== null &&
        isOlderThanMonths(record.lastReviewed, REVIEW_AFTER_MONTHS, options.now()),
      supplier: record?.supplierRole ? options.suppliers.resolve(record.supplierRole) : null,
    };
  };

  const list = (): SystemsRegister => ({
    systems: [
      ...(Object.keys(SYSTEMS) as SystemId[]).map((system) =>
        entryFor(system, SYSTEMS[system].label, false),
      ),
      ...document.current().customSystems.map((custom) => entryFor(custom.id, custom.label, true)),
    ],
    supplierRoles: options.suppliers.roles(),
  });

  const systems: SystemsRegisterService = {
    list,
    entry: (system) => {
      const label = labelOf(system);
      return label === undefined ? undefined : entryFor(system, label, !isBuiltIn(system));
    },
    stored: () => document.current(),
    async save(record) {
      if (labelOf(record.system) === undefined)
        return fail(
          'NOT_FOUND',
          `There is no system "${record.system}". Add it as a system of your own first.`,
        );
      if (record.supplierRole !== null && options.suppliers.resolve(record.supplierRole) === null)
        return fail(
          'NOT_FOUND',
          `There is no contact role "${record.supplierRole}". Add it in Contacts first.`,
        );
      const saved = await change((draft) => {
        draft.records = [
          ...draft.records.filter((existing) => existing.system !== record.system),
          record,
        ];
      });
      return saved.ok ? ok(list()) : saved;
    },
    async delete(system) {
      if (labelOf(system) === undefined)
        return fail('NOT_FOUND', `There is no system "${system}".`);
      const deleted = await change((draft) => {
        draft.records = draft.records.filter((existing) => existing.system !== system);
        draft.customSystems = draft.customSystems.filter((custom) => custom.id !== system);
      });
      return deleted.ok ? ok(list()) : deleted;
    },
    async add(label) {
      if (document.current().customSystems.length >= MAX_CUSTOM_SYSTEMS)
        return fail(
          'INVALID_INPUT',
          `You can add at most ${MAX_CUSTOM_SYSTEMS} systems of your own.`,
        );
      const added = await change((draft) => {
        const id = roleIdFor(
          label,
          (candidate) =>
            isBuiltIn(candidate) || draft.customSystems.some((custom) => custom.id === candidate),
          'system',
        );
        draft.customSystems.push({ id, label });
        return id;
      });
      return added.ok ? ok({ register: list(), system: added.value }) : added;
    },
  };
  return { systems, notices: document.notices };
}
