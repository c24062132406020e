import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WRITING_CALLS, type Handlers } from '../contract/contract';
import { fail, ok } from '../contract/result';
import type { Notice } from '../contract/types';
import type { CoreOptions } from './hostTypes';
import { openAuthoring } from './authoring/authoringHandlers';
import { backupHandlers } from './backup/backupHandlers';
import { contactsForPacks, contactsHandlers } from './contacts/contactsHandlers';
import { openContactsDirectory } from './contacts/contactsDirectory';
import { openIncidentStore } from './evidence/logStore';
import { thisDevice } from './evidence/thisDevice';
import { createExerciseHandlers } from './exercises/exerciseHandlers';
import { grabBagHandlers } from './grabbag/grabBagHandlers';
import { openPrintRecord } from './grabbag/printRecord';
import { hostHandlers } from './host/hostHandlers';
import { createIncidentService } from './incidents/incidentService';
import { incidentsHandlers } from './incidents/incidentsHandlers';
import { packHandlers } from './packs/packHandlers';
import { openLiveLibrary } from './runbooks/liveLibrary';
import { contactResolver, runbookPresenter } from './runbooks/runbookPresenter';
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
  /** Text typed in the runbook editor and not saved yet, kept across a restart. */
  editorDrafts: join(dataDir, 'unsaved-edits'),
  /** Scratch space for imports, on the same disk so files move into place by rename. */
  staging: join(dataDir, 'staging'),
});

export interface Core {
  handlers: Handlers;
  notices: Notice[];
  /** Finishes saves in flight and releases the data folder for the next start. */
  close(): Promise<void>;
}

/**
 * Opens every service over a data folder and merges each domain's handlers into one table, one
 * handler per contract call. Plain Node: it never imports electron, so tests and the web harness
 * run exactly this code. Behaviour lives in the domains; this only wires them.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
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
  const library = await openLiveLibrary({
    bundledDir: options.bundledRunbooksDir,
    userDir: paths.userRunbooks,
    parseCachePath: paths.parseCache,
    version: options.version,
    log,
  });
  const directory = await openContactsDirectory({
    filePath: paths.contacts,
    quarantineDir: paths.quarantine,
    national: library.national,
    now,
    log,
  });
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
  const present = runbookPresenter({
    contact: contactRef,
    settings: () => settings.get(),
    systems: systems.entry,
  });
  const printRecord = await openPrintRecord({
    filePath: paths.grabBag,
    quarantineDir: paths.quarantine,
    now,
    log,
  });
  notices.push(...printRecord.notices);
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
    quarantineDir: paths.quarantine,
    now,
    readOnlyReason,
    device,
    runbooks: () => library.library().runbooks,
    national: library.nationalById,
    contactRef,
    organisation,
  });
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
    present,
    reload: library.reload,
    summary: () => summarise(library.library()),
    incidents,
    now,
    log,
  });

  const handlers: Handlers = {
    'app.status': async () =>
      ok({ version: options.version, shell: options.shell, dataDir: options.dataDir, notices }),
    ...runbooksHandlers({ library, present, reload }),
    ...settingsHandlers(settings, log),
    ...contactsHandlers(contacts, now),
    ...incidentsHandlers({
      incidents,
      contactRef,
      organisation,
      regulator: () => settings.get(),
      now,
    }),
    ...exercises.handlers,
    ...systemsHandlers(systems),
    ...grabBagHandlers({
      prints: printRecord.prints,
      settings: () => settings.get(),
      contacts: () => contacts.list(),
      systems,
      runbooks: () => library.library().runbooks,
      view: present,
      now,
    }),
    ...hostHandlers(options),
    ...authoring.handlers,
    ...backupHandlers(options.dataDir, now),
    ...packHandlers({
      authoring,
      contacts: contactsForPacks(contacts),
      userDir: paths.userRunbooks,
      stagingDir: paths.staging,
      library: library.library,
      reload: library.reload,
      summary: () => summarise(library.library()),
      now,
      log,
    }),
  };
  // The data folder has one writer: while another Holdfast holds it, every call declared as
  // writing is refused here and everything else still answers.
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
