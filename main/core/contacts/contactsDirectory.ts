import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fail, ok, type Result } from '../../contract/result';
import { stripInvisibleDeep } from '../../contract/invisibleText';
import { customRoleLabelSchema, localContactSchema, slugSchema } from '../../contract/schemas';
import type {
  ContactRole,
  ContactsDirectory,
  LocalContact,
  NationalContactView,
  Notice,
} from '../../contract/types';
import { LOCAL_CONTACT_ROLES, type LocalContactRole } from '../../contract/vocabulary';
import { openDurableDocument } from '../storage/durableDocument';
import type { NationalContact } from './nationalContacts';
import { isStale } from './staleness';

const MAX_CUSTOM_ROLES = 100;
const customRoleSchema = z.strictObject({ id: slugSchema, label: customRoleLabelSchema });

/**
 * Hidden characters are removed from the file as it is read, before the contact schema (which
 * refuses them in numbers) checks it: a contacts file saved before that rule, or edited by hand,
 * still opens whole rather than being set aside, and each number is shown, with nothing reordering
 * it, as the digits it dials.
 */
const directoryFileSchema = z.preprocess(
  stripInvisibleDeep,
  z
    .strictObject({
      formatVersion: z.literal(1),
      customRoles: z.array(customRoleSchema).max(MAX_CUSTOM_ROLES),
      contacts: z.array(localContactSchema).max(200),
    })
    .superRefine((file, ctx) => {
      const roles = new Set(file.contacts.map((contact) => contact.role));
      if (roles.size !== file.contacts.length)
        ctx.addIssue({ code: 'custom', message: 'two contacts for one role' });
    }),
);

export type DirectoryFile = z.infer<typeof directoryFileSchema>;

const EMPTY: DirectoryFile = { formatVersion: 1, customRoles: [], contacts: [] };

/** The provider's contacts file in a data folder. */
export const CONTACTS_FILE = 'contacts.json';

/**
 * The roles the provider added, read from a data folder's contacts file (for the command-line
 * checks); none when there is no file, and none from a file that does not read as a whole.
 */
export async function readOwnRoles(filePath: string): Promise<ReadonlySet<string>> {
  const text = await readFile(filePath, 'utf8').catch(() => null);
  if (text === null) return new Set();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return new Set();
  }
  const parsed = directoryFileSchema.safeParse(data);
  return new Set(parsed.success ? parsed.data.customRoles.map((custom) => custom.id) : []);
}

/** A role as the runbooks resolve it: its label and the provider's contact, if entered. */
export interface LocalRoleEntry {
  label: string;
  contact: LocalContact | null;
  /** The contact was last checked too long ago (see `isStale`); false when there is none. */
  stale: boolean;
}

export interface ContactsDirectoryService {
  list(): ContactsDirectory;
  /** The ids of the roles the provider added, which runbooks and scenarios may name. */
  ownRoles: () => ReadonlySet<string>;
  /** The local role for a runbook placeholder, or undefined when it is not a local role. */
  lookup: (role: string) => LocalRoleEntry | undefined;
  save(contact: LocalContact): Promise<Result<ContactsDirectory>>;
  /** Creates or replaces several contacts in one durable write: all of them are saved, or none. */
  saveMany(contacts: LocalContact[]): Promise<Result<ContactsDirectory>>;
  delete(role: string): Promise<Result<ContactsDirectory>>;
  addRole(label: string): Promise<Result<{ directory: ContactsDirectory; role: string }>>;
}

const STORAGE_MESSAGE =
  'Your contacts could not be saved. Check there is free disk space, then try again. Nothing was changed.';

/** A slug for a role label ("Out-of-hours GP" → "out-of-hours-gp"), made unique against `taken`; `fallback` when nothing is left. */
export function roleIdFor(
  label: string,
  taken: (id: string) => boolean,
  fallback = 'role',
): string {
  const base =
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || fallback;
  let id = base;
  for (let n = 2; taken(id); n += 1) id = `${base}-${n}`;
  return id;
}

/**
 * Opens `<dataDir>/contacts.json`: the provider's own contacts keyed by role. Writes are queued
 * one at a time and each call resolves only after its durable write; if a write fails, memory is
 * put back as it was so what the screen shows never differs from what is on disk.
 */
export async function openContactsDirectory(options: {
  filePath: string;
  quarantineDir: string;
  national: () => NationalContact[];
  now: () => Date;
  log?: (message: string, error?: unknown) => void;
}): Promise<{ contacts: ContactsDirectoryService; notices: Notice[] }> {
  const document = await openDurableDocument<DirectoryFile>({
    path: options.filePath,
    quarantineDir: options.quarantineDir,
    schema: directoryFileSchema,
    label: 'contacts',
    empty: EMPTY,
    storageMessage: STORAGE_MESSAGE,
    now: options.now,
    ...(options.log ? { log: options.log } : {}),
  });
  const { change } = document;

  const customLabel = (role: string): string | undefined =>
    document.current().customRoles.find((custom) => custom.id === role)?.label;
  const isLocalRole = (role: string): boolean => Object.hasOwn(LOCAL_CONTACT_ROLES, role);
  const labelOf = (role: string): string | undefined =>
    isLocalRole(role) ? LOCAL_CONTACT_ROLES[role as LocalContactRole] : customLabel(role);

  const list = (): ContactsDirectory => {
    const byRole = new Map(document.current().contacts.map((contact) => [contact.role, contact]));
    const now = options.now();
    const entry = (role: string, label: string, isCustom: boolean): ContactRole => {
      const contact = byRole.get(role) ?? null;
      const status = !contact
        ? 'missing'
        : isStale(contact.lastVerified, now)
          ? 'stale'
          : 'current';
      return { role, label, isCustom, contact, status };
    };
    const national: NationalContactView[] = options
      .national()
      .map(({ id, name, use, channels, hours, source, checked, pageDate, notes }) => ({
        id,
        name,
        use,
        channels,
        hours,
        source,
        checked,
        pageDate,
        stale: isStale(checked, now),
        ...(notes ? { notes } : {}),
      }));
    return {
      roles: [
        ...(Object.keys(LOCAL_CONTACT_ROLES) as LocalContactRole[]).map((role) =>
          entry(role, LOCAL_CONTACT_ROLES[role], false),
        ),
        ...document.current().customRoles.map((custom) => entry(custom.id, custom.label, true)),
      ],
      national,
    };
  };

  const contacts: ContactsDirectoryService = {
    list,
    ownRoles: () => new Set(document.current().customRoles.map((custom) => custom.id)),
    lookup: (role) => {
      const label = labelOf(role);
      if (label === undefined) return undefined;
      const contact = document.current().contacts.find((entry) => entry.role === role) ?? null;
      // Judged here, with the directory's clock, so runbooks show what the Contacts screen says.
      return {
        label,
        contact,
        stale: contact !== null && isStale(contact.lastVerified, options.now()),
      };
    },
    async save(contact) {
      // National contacts are read-only: their ids are never local roles, so they are refused here.
      if (labelOf(contact.role) === undefined) {
        return fail(
          'NOT_FOUND',
          `There is no local contact role "${contact.role}". Add it as a role of your own first.`,
        );
      }
      const saved = await change((draft) => {
        draft.contacts = [
          ...draft.contacts.filter((existing) => existing.role !== contact.role),
          contact,
        ];
      });
      return saved.ok ? ok(list()) : saved;
    },
    async saveMany(incoming) {
      const unknown = incoming.find((contact) => labelOf(contact.role) === undefined);
      if (unknown)
        return fail(
          'NOT_FOUND',
          `There is no local contact role "${unknown.role}". Add it as a role of your own first.`,
        );
      const roles = new Set(incoming.map((contact) => contact.role));
      if (roles.size !== incoming.length)
        return fail('INVALID_INPUT', 'Each role may appear only once.');
      const saved = await change((draft) => {
        draft.contacts = [
          ...draft.contacts.filter((existing) => !roles.has(existing.role)),
          ...incoming,
        ];
      });
      return saved.ok ? ok(list()) : saved;
    },
    async delete(role) {
      if (labelOf(role) === undefined)
        return fail('NOT_FOUND', `There is no local contact role "${role}".`);
      const deleted = await change((draft) => {
        draft.contacts = draft.contacts.filter((existing) => existing.role !== role);
        draft.customRoles = draft.customRoles.filter((custom) => custom.id !== role);
      });
      return deleted.ok ? ok(list()) : deleted;
    },
    async addRole(label) {
      if (document.current().customRoles.length >= MAX_CUSTOM_ROLES)
        return fail('INVALID_INPUT', `You can add at most ${MAX_CUSTOM_ROLES} roles of your own.`);
      const nationalIds = new Set(options.national().map((contact) => contact.id));
      const added = await change((draft) => {
        const id = roleIdFor(
          label,
          (candidate) =>
            isLocalRole(candidate) ||
            nationalIds.has(candidate) ||
            draft.customRoles.some((custom) => custom.id === candidate),
        );
        draft.customRoles.push({ id, label });
        return id;
      });
      return added.ok ? ok({ directory: list(), role: added.value }) : added;
    },
  };
  return { contacts, notices: document.notices };
}
