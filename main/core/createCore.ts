import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WRITING_CALLS, type Handlers } from '../contract/contract';
import type { CallName } from '../contract/calls';
import { fail, ok } from '../contract/result';
import type { Notice } from '../contract/types';
import type { CoreOptions } from './hostTypes';
import { openAuthoring } from './authoring/authoringHandlers';
import { importHandlers } from './authoring/import/importHandlers';
import { backupHandlers } from './backup/backupHandlers';
import { openBackupRecord } from './backup/backupRecord';
import { checkBackup } from './backup/dataBackup';
import { openDiagnosticsLog } from './diagnostics/diagnosticsLog';
import { diagnosticsText } from './diagnostics/diagnosticsReport';
import { cleanUpStoppedRestores, restoreInPlace } from './backup/restoreInPlace';
import {
  finishStoppedRestore,
  stoppedRestoreNotice,
  type StoppedRestore,
} from './backup/restoreJournal';
import { contactsForPacks, contactsHandlers, titlesNamingRole } from './contacts/contactsHandlers';
import { CONTACTS_FILE, openContactsDirectory } from './contacts/contactsDirectory';
import type { NationalContact } from './contacts/nationalContacts';
import { openIncidentStore } from './evidence/logStore';
import { thisDevice } from './evidence/thisDevice';
import { createExerciseHandlers } from './exercises/exerciseHandlers';
import { grabBagHandlers } from './grabbag/grabBagHandlers';
import { openPrintRecord } from './grabbag/printRecord';
import { hostHandlers } from './host/hostHandlers';
import { createIncidentService } from './incidents/incidentService';
import { incidentsHandlers } from './incidents/incidentsHandlers';
import { packHandlers } from './packs/packHandlers';
import { readinessHandlers } from './readiness/readinessHandlers';
import { assessorHandlers } from './assessor/assessorHandlers';
import { openScenarioAuthoring, scenarioAuthoringHandlers } from './exercises/scenarioAuthoring';
import { scenariosDir } from './exercises/scenarioLibrary';
import { bundledContentGuard, changedFileNotice } from './runbooks/bundledManifest';
import { openLiveLibrary } from './runbooks/liveLibrary';
import { contactResolver, markdownRenderer, runbookPresenter } from './runbooks/runbookPresenter';
import { runbooksHandlers, summarise } from './runbooks/runbooksHandlers';
import { openSettings } from './settings/settings';
import { settingsHandlers } from './settings/settingsHandlers';
import { acquireDataFolderLock, currentProcess } from './storage/dataFolderLock';
import { openSystemsRegister } from './systems/systemsRegister';
import { systemsHandlers } from './systems/systemsHandlers';
import { PRIVATE_DIRS } from './storage/privateModes';

/** Where things live inside the data folder. */
export const dataPaths = (dataDir: string) => ({
  userRunbooks: join(dataDir, 'runbooks'),
  /** The provider's own exercise scenarios (one with a bundled scenario's id replaces it). */
  userScenarios: join(dataDir, 'scenarios'),
  /** Every saved revision of each scenario edited in Holdfast. */
  scenarioHistory: join(dataDir, 'history-scenarios'),
  settings: join(dataDir, 'settings.json'),
  quarantine: join(dataDir, 'quarantine'),
  parseCache: join(dataDir, 'cache', 'runbooks.json'),
  contacts: join(dataDir, CONTACTS_FILE),
  incidents: join(dataDir, 'incidents'),
  /** Practice incidents, kept apart from the record of real ones. */
  exerciseIncidents: join(dataDir, 'exercises', 'incidents'),
  systems: join(dataDir, 'systems.json'),
  grabBag: join(dataDir, 'grabbag.json'),
  /** When the last backup was made, for home's "Getting ready" list. */
  backups: join(dataDir, 'backups.json'),
  /** Tabletop exercises: one folder each, with the log the after-action report is made from. */
  exerciseRuns: join(dataDir, 'exercises', 'runs'),
  /** Every saved revision of each runbook edited in Holdfast. */
  runbookHistory: join(dataDir, 'history'),
  /** Runbook files removed by delete or reset, kept so they can be brought back. */
  runbookTrash: join(dataDir, 'trash', 'runbooks'),
  /** Text typed in the runbook editor and not saved yet, kept across a restart. */
  editorDrafts: join(dataDir, 'unsaved-edits'),
  scenarioTrash: join(dataDir, 'trash', 'scenarios'),
  /** Scratch space for imports, on the same disk so files move into place by rename. */
  staging: join(dataDir, 'staging'),
});

export interface Core {
  handlers: Handlers;
  notices: Notice[];
  /** Finishes saves in flight and releases the data folder for the next start. */
  close(): Promise<void>;
}

/** The calls answered above the domains: restoring replaces them all; diagnostics outlive that. */
type RestoreCall = 'backup.check' | 'backup.restore' | 'app.diagnostics';

/** One opening of the data folder; a restore closes it and opens another over the restored data. */
interface OpenedCore extends Omit<Core, 'handlers'> {
  handlers: Omit<Handlers, RestoreCall>;
  /** Why nothing can be changed (another Holdfast holds the folder), or null. */
  readOnlyReason: string | null;
}

/**
 * Opens every service over a data folder and merges each domain's handlers into one table, one
 * handler per contract call. Plain Node: it never imports electron, so tests and the web harness
 * run exactly this code. Behaviour lives in the domains; this only wires them. Restoring a backup
 * replaces the whole data folder, so it lives here, above the domains: it closes them all, swaps
 * the data and opens them again, and the table the shell holds then answers from the new ones.
 */
export async function createCore(given: CoreOptions): Promise<Core> {
  const now = given.now ?? (() => new Date());
  // The diagnostics log outlives a restore: it belongs to this computer, not to the data.
  const diagnostics = openDiagnosticsLog(given.dataDir, now);
  const options: CoreOptions = {
    ...given,
    log: (message, error) => {
      given.log?.(message, error);
      diagnostics.write(error === undefined ? 'info' : 'error', message, error);
    },
  };
  diagnostics.write(
    'info',
    `Holdfast ${options.version} started (${options.shell}, ${process.platform} ${process.arch})`,
  );
  const { stoppedRestore, stopped } = await settleStoppedRestore(options);
  let current = await openCore(options);
  if (stoppedRestore) current.notices.push(stoppedRestore);
  else if (stopped.length > 0) {
    options.log?.(`removed a stopped restore: ${stopped.join(', ')}`);
    current.notices.push({
      level: 'warning',
      message:
        'A restore from a backup was stopped before it finished. Your data was not changed, and the part-restored copy was removed. Restore the backup again if you still need it.',
    });
  }
  const checked = async (input: { base64: string; passphrase: string | null }) =>
    checkBackup(new Uint8Array(Buffer.from(input.base64, 'base64')), input.passphrase);
  const restoreCalls: Pick<Handlers, 'backup.check' | 'backup.restore'> = {
    'backup.check': async (input) => {
      const outcome = await checked(input);
      return outcome.ok ? ok(outcome.backup.contents) : fail('INVALID_INPUT', outcome.problem);
    },
    'backup.restore': async (input) => {
      if (current.readOnlyReason) return fail('FORBIDDEN', current.readOnlyReason);
      const outcome = await checked(input);
      if (!outcome.ok) return fail('INVALID_INPUT', outcome.problem);
      let closed = false;
      try {
        const { setAside } = await restoreInPlace(outcome.backup, options.dataDir, now(), () => {
          closed = true;
          return current.close();
        });
        swapIn(await openCore(options));
        return ok({ contents: outcome.backup.contents, setAside });
      } catch (error: unknown) {
        // The current data was put back; open it again so the app keeps working.
        if (closed) swapIn(await openCore(options));
        throw error;
      }
    },
  };
  const noteNotices = (opened: OpenedCore): void => {
    for (const notice of opened.notices)
      diagnostics.write('info', `notice (${notice.level}): ${notice.message}`);
  };
  noteNotices(current);
  const wrapperCalls: Pick<Handlers, 'app.diagnostics'> = {
    'app.diagnostics': async () =>
      ok({
        text: await diagnosticsText({
          version: options.version,
          shell: options.shell,
          dataDir: options.dataDir,
          readOnlyReason: current.readOnlyReason,
          notices: current.notices,
          lastErrors: diagnostics.lastErrors(),
          now: now(),
        }),
      }),
  };
  const handlers: Handlers = { ...current.handlers, ...restoreCalls, ...wrapperCalls };
  const swapIn = (opened: OpenedCore): void => {
    current = opened;
    noteNotices(opened);
    Object.assign(handlers, opened.handlers, restoreCalls, wrapperCalls);
  };
  return {
    handlers,
    get notices() {
      return current.notices;
    },
    close: () => current.close(),
  };
}

/**
 * Before the data is opened: finishes (or undoes) a restore whose journal says it stopped between
 * its moves, then removes copies a restore left before it changed anything. While a journal cannot
 * be read or acted on, nothing beside the data folder is removed: those folders may hold the data.
 */
async function settleStoppedRestore(
  options: CoreOptions,
): Promise<{ stoppedRestore: Notice | null; stopped: string[] }> {
  let found: StoppedRestore;
  try {
    found = await finishStoppedRestore(options.dataDir);
  } catch (error: unknown) {
    options.log?.('finishing a stopped restore failed', error);
    found = { outcome: 'not-finished' };
  }
  if (found.outcome !== 'none') options.log?.(`stopped restore: ${found.outcome}`);
  return {
    stoppedRestore: stoppedRestoreNotice(found, options.dataDir),
    stopped:
      found.outcome === 'unreadable' || found.outcome === 'not-finished'
        ? []
        : await cleanUpStoppedRestores(options.dataDir),
  };
}

async function openCore(options: CoreOptions): Promise<OpenedCore> {
  const now = options.now ?? (() => new Date());
  const log = options.log;
  const paths = dataPaths(options.dataDir);
  // Read once: the machine and its signed-in user do not change while the app runs.
  const device = options.device === undefined ? thisDevice() : (options.device ?? undefined);
  await mkdir(paths.userRunbooks, PRIVATE_DIRS);
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
  const guard = bundledContentGuard(options.bundledManifest ?? null);
  // Contacts open first: the runbooks may name roles the provider added there. The directory
  // asks for the national contacts only when it is used, by which time the library is loaded.
  let nationalContacts: () => NationalContact[] = () => [];
  const directory = await openContactsDirectory({
    filePath: paths.contacts,
    quarantineDir: paths.quarantine,
    national: () => nationalContacts(),
    now,
    log,
  });
  const library = await openLiveLibrary({
    guard,
    bundledDir: options.bundledRunbooksDir,
    userDir: paths.userRunbooks,
    parseCachePath: paths.parseCache,
    version: options.version,
    ownRoles: directory.contacts.ownRoles,
    log,
  });
  nationalContacts = library.national;
  notices.push(...directory.notices);
  if (readOnlyReason) notices.unshift({ level: 'warning', message: readOnlyReason });
  const { contacts } = directory;
  const contactRef = contactResolver(library, contacts, now);
  const register = await openSystemsRegister({
    filePath: paths.systems,
    quarantineDir: paths.quarantine,
    suppliers: {
      roles: () => contacts.list().roles.map(({ role, label }) => ({ role, label })),
      resolve: (role) => (contacts.lookup(role) ? contactRef(role) : null),
    },
    now,
    log,
  });
  notices.push(...register.notices);
  const { systems } = register;
  const presenterInputs = {
    contact: contactRef,
    settings: () => settings.get(),
    systems: systems.entry,
  };
  const present = runbookPresenter(presenterInputs);
  const printRecord = await openPrintRecord({
    filePath: paths.grabBag,
    quarantineDir: paths.quarantine,
    now,
    log,
  });
  notices.push(...printRecord.notices);
  const backupRecord = await openBackupRecord({
    filePath: paths.backups,
    quarantineDir: paths.quarantine,
    now,
    log,
  });
  notices.push(...backupRecord.notices);
  const organisation = () => settings.get().organisationName;

  const incidents = createIncidentService({
    store: openIncidentStore({
      dirs: { real: paths.incidents, exercise: paths.exerciseIncidents },
      quarantineDir: paths.quarantine,
      now,
      readOnlyReason,
      device,
    }),
    now,
    library: library.library,
    national: library.nationalById,
    present,
    contactLabel: (role) => contactRef(role).label,
    contractClocks: () => settings.get().contractClocks,
    regulator: () => settings.get(),
    log,
  });
  const exercises = await createExerciseHandlers({
    options,
    runsDir: paths.exerciseRuns,
    userScenariosDir: paths.userScenarios,
    quarantineDir: paths.quarantine,
    now,
    readOnlyReason,
    device,
    runbooks: () => library.library().runbooks,
    national: library.nationalById,
    ownRoles: contacts.ownRoles,
    contactRef,
    organisation,
    guard,
  });
  // A changed built-in file is refused where it is read; here it is also said, at the top.
  for (const path of guard.changed()) {
    log?.(`bundled file refused (it differs from the build's manifest): ${path}`);
    notices.unshift({ level: 'warning', message: changedFileNotice(path) });
  }
  const reload = async (): Promise<void> => {
    await library.reload();
    await exercises.reload();
  };
  const authoring = openAuthoring({
    bundledDir: options.bundledRunbooksDir,
    userDir: paths.userRunbooks,
    historyDir: paths.runbookHistory,
    trashDir: paths.runbookTrash,
    draftsDir: paths.editorDrafts,
    library: library.library,
    national: library.nationalById,
    ownRoles: contacts.ownRoles,
    present,
    reload: library.reload,
    summary: () => summarise(library.library()),
    incidents,
    now,
    log,
  });

  const scenarioAuthoring = openScenarioAuthoring({
    bundledDir: scenariosDir(options.bundledRunbooksDir),
    userDir: paths.userScenarios,
    historyDir: paths.scenarioHistory,
    trashDir: paths.scenarioTrash,
    scenarios: exercises.scenarios,
    runbooks: () => library.library().runbooks,
    national: library.nationalById,
    ownRoles: contacts.ownRoles,
    reload: exercises.reload,
    // One queue with runbook changes: a pack import writes both.
    serial: authoring.serial,
    now,
    log,
  });

  const settingsCalls = settingsHandlers(settings, log);
  const contactsCalls = contactsHandlers(contacts, now, {
    rolesChanged: reload,
    namedIn: (role) =>
      titlesNamingRole(
        role,
        library.library().runbooks.values(),
        exercises.scenarios().scenarios.values(),
      ),
  });
  const systemsCalls = systemsHandlers(systems);
  const grabBagCalls = grabBagHandlers({
    prints: printRecord.prints,
    settings: () => settings.get(),
    contacts: () => contacts.list(),
    systems,
    runbooks: () => library.library().runbooks,
    view: present,
    now,
  });
  const incidentCalls = incidentsHandlers({
    incidents,
    contactRef,
    organisation,
    regulator: () => settings.get(),
    now,
  });
  const handlers: Omit<Handlers, RestoreCall> = {
    'app.status': async () =>
      ok({ version: options.version, shell: options.shell, dataDir: options.dataDir, notices }),
    ...runbooksHandlers({ library, present, reload }),
    ...settingsCalls,
    ...contactsCalls,
    ...incidentCalls,
    ...exercises.handlers,
    ...scenarioAuthoringHandlers(scenarioAuthoring),
    ...systemsCalls,
    ...grabBagCalls,
    ...hostHandlers(options),
    ...authoring.handlers,
    ...importHandlers({
      takenIds: async () =>
        new Set([...library.library().runbooks.keys(), ...(await authoring.bundled()).keys()]),
      knownRoles: () =>
        new Set([
          ...contacts.list().roles.map(({ role }) => role),
          ...library.nationalById().keys(),
        ]),
      settings: () => settings.get(),
      check: authoring.check,
      render: markdownRenderer(presenterInputs),
      saveDraft: authoring.saveImported,
      now,
    }),
    ...backupHandlers(options.dataDir, now, backupRecord.backups),
    ...packHandlers({
      authoring,
      contacts: contactsForPacks(contacts),
      userDir: paths.userRunbooks,
      scenarios: {
        authoring: scenarioAuthoring,
        library: exercises.scenarios,
        userDir: paths.userScenarios,
        reload: exercises.reload,
      },
      stagingDir: paths.staging,
      library: library.library,
      reload: library.reload,
      summary: () => summarise(library.library()),
      now,
      careGroupKeys: () => settings.get().careGroupKeys ?? [],
      recordSignedPack: (keyId, packCreated) => settings.recordSignedPack(keyId, packCreated),
      log,
    }),
    // Made from the other domains' own answers, asked for when the call arrives.
    ...readinessHandlers({
      reads: {
        'settings.get': settingsCalls['settings.get'],
        'contacts.list': contactsCalls['contacts.list'],
        'exercises.list': exercises.handlers['exercises.list'],
        'grabbag.status': grabBagCalls['grabbag.status'],
        'systems.list': systemsCalls['systems.list'],
      },
      runbooks: () => library.library().runbooks,
      backups: backupRecord.backups,
      now,
    }),
    ...assessorHandlers({
      reads: {
        'settings.get': settingsCalls['settings.get'],
        'runbooks.history': authoring.handlers['runbooks.history'],
        'runbooks.revision': authoring.handlers['runbooks.revision'],
        'runbooks.source': authoring.handlers['runbooks.source'],
        'exercises.list': exercises.handlers['exercises.list'],
        'exercises.get': exercises.handlers['exercises.get'],
        'exercises.report': exercises.handlers['exercises.report'],
        'exercises.exportFiles': exercises.handlers['exercises.exportFiles'],
        'incidents.list': incidentCalls['incidents.list'],
        'incidents.get': incidentCalls['incidents.get'],
        'incidents.document': incidentCalls['incidents.document'],
        'incidents.exportFiles': incidentCalls['incidents.exportFiles'],
      },
      runbooks: () => library.library().runbooks,
      now,
    }),
  };
  // The data folder has one writer: while another Holdfast holds it, every call declared as
  // writing is refused here and everything else still answers.
  if (readOnlyReason) {
    const domainCalls = [...WRITING_CALLS].filter(
      (name): name is Exclude<CallName, RestoreCall> =>
        name !== 'backup.restore' && name !== 'backup.check' && name !== 'app.diagnostics',
    );
    for (const name of domainCalls) handlers[name] = async () => fail('FORBIDDEN', readOnlyReason);
  }
  return {
    handlers,
    notices,
    readOnlyReason,
    close: async () => {
      await incidents.close();
      await exercises.close();
      if (lock.held) await lock.release();
    },
  };
}
