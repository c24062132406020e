import type { Handlers } from '../../contract/contract';
import type { Runbook } from '../../contract/types';
import type { LoadedScenario } from '../exercises/scenarioLibrary';
import { fail, ok } from '../../contract/result';
import type { PackContacts } from '../packs/packHandlers';
import type { ContactsDirectoryService } from './contactsDirectory';
import {
  compareWithDirectory,
  describeContactChanges,
  describeProblems,
  exportCsv,
  exportVcard,
  importRolesOf,
  parseImport,
} from './transfer';

type ContactsCall =
  | 'contacts.list'
  | 'contacts.save'
  | 'contacts.delete'
  | 'contacts.addRole'
  | 'contacts.export'
  | 'contacts.previewImport'
  | 'contacts.import';

/** How the provider's own roles meet the runbooks and scenarios that name them. */
export interface OwnRoleUses {
  /** Runs after a role of the provider's own is added or removed: what names it is checked again. */
  rolesChanged: () => Promise<void>;
  /** The titles of the runbooks and scenarios that name a role. */
  namedIn: (role: string) => string[];
}

/** The titles of the runbooks, then the scenarios, that name `role` in a `{{contact:…}}`. */
export function titlesNamingRole(
  role: string,
  runbooks: Iterable<Runbook>,
  scenarios: Iterable<LoadedScenario>,
): string[] {
  return [
    ...[...runbooks]
      .filter((runbook) => runbook.contacts.some((contact) => contact.role === role))
      .map((runbook) => runbook.title),
    ...[...scenarios]
      .filter((scenario) => scenario.parsed.contactUses.some((use) => use.role === role))
      .map((scenario) => scenario.parsed.meta.title),
  ];
}

/**
 * The `contacts.*` calls: the directory, and CSV or vCard export and import checked row by row.
 * A role of the provider's own that a runbook or scenario names is not removed: the runbook would
 * stop loading, in the middle of an incident perhaps.
 */
export function contactsHandlers(
  contacts: ContactsDirectoryService,
  now: () => Date,
  uses: OwnRoleUses = { rolesChanged: async () => undefined, namedIn: () => [] },
): Pick<Handlers, ContactsCall> {
  return {
    'contacts.list': async () => ok(contacts.list()),
    'contacts.save': async (contact) => contacts.save(contact),
    'contacts.delete': async ({ role }) => {
      const wasOwn = contacts.ownRoles().has(role);
      const named = wasOwn ? uses.namedIn(role) : [];
      if (named.length > 0)
        return fail(
          'INVALID_INPUT',
          `This role is named in ${named.map((title) => `“${title}”`).join(', ')}. Take it out of ${named.length === 1 ? 'that' : 'those'} first, then delete the role; you can change the contact's details instead.`,
        );
      const deleted = await contacts.delete(role);
      if (deleted.ok && wasOwn) await uses.rolesChanged();
      return deleted;
    },
    'contacts.addRole': async ({ label }) => {
      const added = await contacts.addRole(label);
      if (added.ok) await uses.rolesChanged();
      return added;
    },
    'contacts.export': async ({ format }) => {
      const directory = contacts.list();
      const date = now().toISOString().slice(0, 10);
      return ok(
        format === 'csv'
          ? {
              filename: `holdfast-contacts-${date}.csv`,
              mimeType: 'text/csv;charset=utf-8',
              text: exportCsv(directory),
            }
          : {
              filename: `holdfast-contacts-${date}.vcf`,
              mimeType: 'text/vcard;charset=utf-8',
              text: exportVcard(directory),
            },
      );
    },
    'contacts.previewImport': async ({ format, text }) => {
      const directory = contacts.list();
      const { rows, problems } = parseImport(format, text, importRolesOf(directory));
      return ok({ ...compareWithDirectory(rows, directory), problems });
    },
    'contacts.import': async ({ format, text }) => {
      const before = contacts.list();
      const { rows, problems } = parseImport(format, text, importRolesOf(before));
      if (problems.length > 0)
        return fail('INVALID_INPUT', describeProblems(problems, format === 'csv' ? 'Row' : 'Card'));
      if (rows.length === 0)
        return fail('INVALID_INPUT', 'Nothing was imported: the file has no contacts in it.');
      const counts = compareWithDirectory(rows, before);
      const saved = await contacts.saveMany(rows);
      return saved.ok ? ok({ directory: saved.value, counts }) : saved;
    },
  };
}

/** The contacts part of a runbook pack: the directory as CSV, and a pack's CSV checked like an import. */
export function contactsForPacks(contacts: ContactsDirectoryService): PackContacts {
  return {
    exportCsv: () => exportCsv(contacts.list()),
    check: (csv) => {
      const directory = contacts.list();
      const { rows, problems } = parseImport('csv', csv, importRolesOf(directory));
      if (problems.length > 0)
        return {
          ok: false,
          problem: `The pack was refused: its contacts have problems. ${describeProblems(problems, 'Row')}`,
        };
      return {
        ok: true,
        counts: compareWithDirectory(rows, directory),
        changes: describeContactChanges(rows, directory),
        save: () => contacts.saveMany(rows),
      };
    },
  };
}
