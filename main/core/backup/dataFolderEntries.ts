/**
 * The names Holdfast itself writes directly inside its data folder. A backup keeps, and a restore
 * moves, only these (less what is rebuilt on start).
 *
 * Why a list of what to keep rather than a list of what to leave out: in the desktop app the data
 * folder is Electron's userData, which is also the browser engine's own profile (Cache, Code Cache,
 * GPUCache, DawnCache, Local Storage, Session Storage, IndexedDB, blob_storage, Crashpad, Network,
 * Preferences, and more with each new engine). Nobody here controls that list and it changes
 * between Electron releases, so a deny list would quietly start copying the next one into every
 * backup (and a restore would bring another computer's engine files back). What Holdfast writes is
 * known, and a test checks this list against every path in `dataPaths`.
 */
export const DATA_FOLDER_ENTRIES: readonly string[] = [
  'settings.json',
  'contacts.json',
  'systems.json',
  'grabbag.json',
  'backups.json',
  'runbooks',
  'scenarios',
  'history-scenarios',
  'unsaved-edits',
  'incidents',
  'exercises',
  'history',
  'trash',
  'quarantine',
  'cache',
  'staging',
];

/**
 * Derived or scratch space: the parse cache is keyed by each file's content hash and staging holds
 * only an import in progress, so neither is kept in a backup nor moved by a restore. Leaving
 * `cache` alone also matters on Windows and macOS, where it is the same folder as the engine's
 * `Cache`, held open while the app runs.
 */
const REBUILT_ON_START = new Set(['cache', 'staging']);

/**
 * What a backup keeps and a restore moves: Holdfast's own data less what is rebuilt on start. The
 * lock file and the diagnostics log (`logs`) belong to the computer, not to the data, so they are
 * not listed at all.
 */
export const BACKED_UP_ENTRIES: readonly string[] = DATA_FOLDER_ENTRIES.filter(
  (name) => !REBUILT_ON_START.has(name),
).flatMap((name) =>
  // Each document's last good copy (`contacts.json.bak`) travels with it, so a restore never
  // leaves the old data's copy beside the restored file.
  name.endsWith('.json') ? [name, `${name}.bak`] : [name],
);

/** Whether a name directly inside a data folder is Holdfast data a backup keeps; exact case. */
export const isBackedUpEntry = (name: string): boolean => BACKED_UP_ENTRIES.includes(name);

/** Whether a path inside a backup (forward slashes) is Holdfast data a backup keeps; exact case. */
export const isBackedUpPath = (path: string): boolean => isBackedUpEntry(path.split('/')[0]!);
