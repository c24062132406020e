import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WRITING_CALLS } from '../contract/calls';
import type { Handlers } from '../contract/contract';
import { fail, ok } from '../contract/result';
import type { Notice, RunbookLibrary, RunbookSummary } from '../contract/types';
import { isAllowedExternalUrl } from '../shared/linkPolicy';
import { renderMarkdown } from '../shared/markdown';
import type { CoreOptions } from './hostTypes';
import { openContactsDirectory } from './contacts/contactsDirectory';
import { documentsHandlers } from './host/documentsHandlers';
import { grabBagHandlers } from './grabbag/grabBagHandlers';
import { openPrintRecord } from './grabbag/printRecord';
import {
  compareWithDirectory,
  describeProblems,
  exportCsv,
  exportVcard,
  importRolesOf,
  parseImport,
} from './contacts/transfer';
import type { NationalContact } from './contacts/nationalContacts';
import { resolveContact, type LoadedLibrary } from './runbooks/library';
import { loadRunbooks } from './runbooks/loadRunbooks';
import { openParseCache } from './runbooks/parseCache';
import { runbookPresenter } from './runbooks/runbookPresenter';
import type { RunbookSearch } from './runbooks/search';
import { openSettings } from './settings/settings';
import { createIncidentService } from './incidents/incidentService';
import { openIncidentStore } from './evidence/logStore';
import { handoverSummary, incidentReport } from './incidents/reports/incidentDocuments';
import { plainText } from './incidents/reports/markdownText';
import { reportDrafts } from './incidents/reports/reportDrafts';
import { openAuthoring } from './authoring/authoringHandlers';
import { packHandlers } from './packs/packHandlers';
import { backupHandlers } from './backup/backupHandlers';
import { acquireDataFolderLock, currentProcess } from './storage/dataFolderLock';
import { openSystemsRegister } from './systems/systemsRegister';
import { systemsHandlers } from './systems/systemsHandlers';
import { createExerciseHandlers } from './exercises/exerciseHandlers';

/** Where things live inside the data folder. */
export const dataPaths = (dataDir: string) => ({
  userRunbooks: join(dataDir, 'runbooks'),
  settings: join(dataDir, 'settings.json'),
  quarantine: join(dataDir, 'quarantine'),
  parseCache: join(dataDir, 'cache', 'runbooks.json'),
  contacts: join(dataDir, 'contacts.json'),
  incidents: join(dataDir, 'incidents'),
  /** Practice incidents, kept apart from the record of real ones. */
  exerciseIncidents: join(dataDir, 'exercises', 'incidents'),
  systems: join(dataDir, 'systems.json'),
  grabBag: join(dataDir, 'grabbag.json'),
  /** Tabletop exercises: one folder each, with the log the after-action report is made from. */
  exerciseRuns: join(dataDir, 'exercises', 'runs'),
  /** Every saved revision of each runbook edited in Holdfast. */
  runbookHistory: join(dataDir, 'history'),
  /** Runbook files removed by delete or reset, kept so they can be brought back. */
  runbookTrash: join(dataDir, 'trash', 'runbooks'),
  /** Scratch space for imports, on the same disk so files move into place by rename. */
  staging: join(dataDir, 'staging'),
});

export interface Core {
  handlers: Handlers;
  notices: Notice[];
  /** Finishes saves in flight and releases the data folder for the next start. */
  close(): Promise<void>;
}

function summarise({ runbooks, problems }: LoadedLibrary): RunbookLibrary {
  const list: RunbookSummary[] = [...runbooks.values()]
    .map(
      ({
        id,
        title,
        category,
        summary,
        providerTypes,
        reviewed,
        owner,
        version,
        source,
        overridesBundled,
      }) => ({
        id,
        title,
        category,
        summary,
        providerTypes,
        reviewed,
        owner,
        version,
        source,
        overridesBundled,
      }),
    )
    .sort((a, b) => a.title.localeCompare(b.title));
  return { runbooks: list, problems };
}

/**
 * Builds the core services over a data folder and returns one handler per contract call. Plain
 * Node: it never imports electron, so tests and the web harness run exactly this code.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const paths = dataPaths(options.dataDir);
  await mkdir(paths.userRunbooks, { recursive: true });
  const lock = await acquireDataFolderLock(
    options.dataDir,
    options.lockEnvironment ?? currentProcess(now),
  );
  const readOnlyReason = lock.held
    ? null
    : `Another Holdfast${lock.holder ? ` (started ${lock.holder.since} on ${lock.holder.host})` : ''} is using this data folder, so this one can only show it: nothing can be changed here. Close the other one, or use it instead.`;

  const { settings, notices } = await openSettings({
    filePath: paths.settings,
    quarantineDir: paths.quarantine,
    open: options.openSettingsStore,
    now,
  });

  let library: LoadedLibrary;
  let search: RunbookSearch;
  let national: NationalContact[] = [];
  let nationalById = new Map<string, NationalContact>();
  const load = async (): Promise<void> => {
    const cache = await openParseCache(paths.parseCache, options.version);
    ({ library, search, national } = await loadRunbooks({
      bundledDir: options.bundledRunbooksDir,
      userDir: paths.userRunbooks,
      cache,
    }));
    // The cache is derived data: failing to write it only makes the next start slower.
    await cache
      .save()
      .catch((error: unknown) => options.log?.('could not save the runbook cache', error));
    nationalById = new Map(national.map((contact) => [contact.id, contact]));
  };
  await load();

  const directory = await openContactsDirectory({
    filePath: paths.contacts,
    quarantineDir: paths.quarantine,
    national: () => national,
    now,
    ...(options.log ? { log: options.log } : {}),
  });
  notices.push(...directory.notices);
  if (readOnlyReason) notices.unshift({ level: 'warning', message: readOnlyReason });
  const { contacts } = directory;

  const register = await openSystemsRegister({
    filePath: paths.systems,
    quarantineDir: paths.quarantine,
    suppliers: {
      roles: () => contacts.list().roles.map(({ role, label }) => ({ role, label })),
      resolve: (role) =>
        contacts.lookup(role) ? resolveContact(role, nationalById, contacts.lookup) : null,
    },
    now,
    ...(options.log ? { log: options.log } : {}),
  });
  notices.push(...register.notices);
  const { systems } = register;
  const printRecord = await openPrintRecord({
    filePath: paths.grabBag,
    quarantineDir: paths.quarantine,
    now,
    ...(options.log ? { log: options.log } : {}),
  });
  notices.push(...printRecord.notices);

  // Local contacts and systems change while the app runs, so they are filled in at each read, not at load.
  const contactRef = (role: string) => resolveContact(role, nationalById, contacts.lookup);
  const present = runbookPresenter({
    contact: contactRef,
    settings: () => settings.get(),
    systems: systems.entry,
  });
  const incidents = createIncidentService({
    store: openIncidentStore({
      dirs: { real: paths.incidents, exercise: paths.exerciseIncidents },
      quarantineDir: paths.quarantine,
      now,
      readOnlyReason,
    }),
    now,
    library: () => library,
    national: () => nationalById,
    present,
    contactLabel: (role) => contactRef(role).label,
    contractClocks: () => settings.get().contractClocks,
    ...(options.log ? { log: options.log } : {}),
  });
  const incidentDocument = async (id: string, kind: 'report' | 'handover') => {
    const view = await incidents.get(id);
    if (!view.ok) return view;
    const organisation = settings.get().organisationName;
    const plain = (markdown: string): string =>
      plainText(markdown, (role) => contactRef(role).label);
    const markdown = (kind === 'report' ? incidentReport : handoverSummary)(
      view.value,
      organisation,
      now(),
      plain,
    );
    const date = now().toISOString().slice(0, 10);
    return ok({
      title: `${kind === 'report' ? 'Incident report' : 'Handover'}: ${view.value.name}`,
      filename: `holdfast-${kind}-${view.value.exercise ? 'exercise-' : ''}${date}-${id}.md`,
      markdown,
      html: renderMarkdown(markdown),
    });
  };

  const exercises = await createExerciseHandlers({
    options,
    runsDir: paths.exerciseRuns,
    quarantineDir: paths.quarantine,
    now,
    readOnlyReason,
    runbooks: () => library.runbooks,
    national: () => nationalById,
    contactRef,
    organisation: () => settings.get().organisationName,
  });

  const authoring = openAuthoring({
    bundledDir: options.bundledRunbooksDir,
    userDir: paths.userRunbooks,
    historyDir: paths.runbookHistory,
    trashDir: paths.runbookTrash,
    library: () => library,
    national: () => nationalById,
    present,
    reload: load,
    summary: () => summarise(library),
    incidents,
    now,
    ...(options.log ? { log: options.log } : {}),
  });

  const handlers: Handlers = {
    'app.status': async () =>
      ok({ version: options.version, shell: options.shell, dataDir: options.dataDir, notices }),
    'runbooks.list': async () => ok(summarise(library)),
    'runbooks.get': async ({ id }) => {
      const runbook = library.runbooks.get(id);
      return runbook
        ? ok(present(runbook))
        : fail('NOT_FOUND', `There is no runbook with the id "${id}".`);
    },
    'runbooks.search': async ({ query, limit }) => ok(search.search(query, limit)),
    'runbooks.reload': async () => {
      await load();
      await exercises.reload();
      return ok(summarise(library));
    },
    'settings.get': async () => ok(settings.get()),
    'settings.update': async (patch) => {
      try {
        return ok(await settings.update(patch));
      } catch (error: unknown) {
        options.log?.('settings.update failed', error);
        return fail(
          'STORAGE_FAILED',
          'Your settings could not be saved. Check there is free disk space, then try again.',
        );
      }
    },
    'contacts.list': async () => ok(contacts.list()),
    'contacts.save': async (contact) => contacts.save(contact),
    'contacts.delete': async ({ role }) => contacts.delete(role),
    'contacts.addRole': async ({ label }) => contacts.addRole(label),
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
    'incidents.list': async () => ok(await incidents.list()),
    'incidents.start': async (input) => incidents.start(input),
    'incidents.get': async ({ id }) => incidents.get(id),
    'incidents.record': async (input) => incidents.record(input),
    'incidents.verify': async ({ id }) => incidents.verify(id),
    'incidents.document': async ({ id, kind }) => incidentDocument(id, kind),
    'incidents.drafts': async ({ id }) => {
      const view = await incidents.get(id);
      return view.ok
        ? ok(reportDrafts(view.value, settings.get().organisationName, contactRef))
        : view;
    },
    ...exercises.handlers,
    'links.openExternal': async ({ url }) => {
      // The renderer is untrusted: re-check the scheme here whatever the host does.
      if (!isAllowedExternalUrl(url))
        return ok({
          opened: false,
          reason: 'Holdfast only opens secure web links (https), email and phone links.',
        });
      return ok(await options.openExternal(url));
    },
    ...systemsHandlers(systems),
    ...grabBagHandlers({
      prints: printRecord.prints,
      settings: () => settings.get(),
      contacts: () => contacts.list(),
      systems,
      runbooks: () => library.runbooks,
      view: present,
      now,
    }),
    ...documentsHandlers(options.savePdf),
    ...authoring.handlers,
    ...backupHandlers(options.dataDir, now),
    ...packHandlers({
      authoring,
      contacts: {
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
            save: () => contacts.saveMany(rows),
          };
        },
      },
      userDir: paths.userRunbooks,
      stagingDir: paths.staging,
      library: () => library,
      reload: load,
      summary: () => summarise(library),
      now,
      ...(options.log ? { log: options.log } : {}),
    }),
  };
  if (readOnlyReason) {
    for (const name of WRITING_CALLS)
      handlers[name] = async () => fail('FORBIDDEN', readOnlyReason);
  }
  return {
    handlers,
    notices,
    close: async () => {
      await incidents.close();
      await exercises.close();
      if (lock.held) await lock.release();
    },
  };
}
