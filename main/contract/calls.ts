/**
 * The names of every call between UI and core. Kept free of zod so the sandboxed preload can
 * import it without pulling in the schema library; `contract.ts` must define exactly these.
 */
export const CALL_NAMES = [
  'app.status',
  'app.diagnostics',
  'runbooks.list',
  'runbooks.get',
  'runbooks.search',
  'runbooks.reload',
  'runbooks.source',
  'runbooks.preview',
  'runbooks.save',
  'runbooks.history',
  'runbooks.revision',
  'runbooks.trashed',
  'runbooks.diff',
  'runbooks.restore',
  'runbooks.resetToBundled',
  'runbooks.trash',
  'packs.export',
  'packs.previewImport',
  'packs.import',
  'backup.export',
  'backup.check',
  'backup.restore',
  'settings.get',
  'settings.update',
  'contacts.list',
  'contacts.save',
  'contacts.delete',
  'contacts.addRole',
  'contacts.export',
  'contacts.previewImport',
  'contacts.import',
  'incidents.list',
  'incidents.start',
  'incidents.get',
  'incidents.record',
  'incidents.verify',
  'incidents.exportFiles',
  'incidents.document',
  'incidents.drafts',
  'systems.list',
  'systems.save',
  'systems.delete',
  'systems.add',
  'grabbag.get',
  'grabbag.status',
  'grabbag.markPrinted',
  'documents.savePdf',
  'exercises.scenarios',
  'exercises.scenario',
  'exercises.cards',
  'exercises.list',
  'exercises.create',
  'exercises.get',
  'exercises.record',
  'exercises.report',
  'exercises.exportFiles',
  'exercises.openProjector',
  'links.openExternal',
] as const;

export type CallName = (typeof CALL_NAMES)[number];

export const isCallName = (name: string): name is CallName =>
  (CALL_NAMES as readonly string[]).includes(name);

/** IPC channel for a call; one prefix so the main process can refuse anything else. */
export const ipcChannel = (name: CallName): string => `holdfast:${name}`;
