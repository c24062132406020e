import type { ProjectorOutcome } from '../contract/exerciseTypes';
import type { OpenExternalOutcome, SavePdfOutcome } from '../contract/types';
import type { DeviceIdentity } from './evidence/evidenceChain';
import type { BundledManifest } from './runbooks/bundledManifest';
import type { LockEnvironment } from './storage/dataFolderLock';

/**
 * A settings store as both shells provide it: electron-store in the desktop app, its engine
 * `conf` in the web harness. Both write `<dataDir>/settings.json`.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly path: string;
}

/** What the shell around the core supplies: paths, clock and the few host-only capabilities. */
export interface CoreOptions {
  /** Folder for all local data (user runbooks, settings, later incidents). */
  dataDir: string;
  /** The read-only bundled `runbooks/` folder. */
  bundledRunbooksDir: string;
  /**
   * The hash manifest the bundled folder is checked against, file by file as it is read; a
   * changed file is refused and reported. Null or left out: no check (a development checkout).
   */
  bundledManifest?: BundledManifest | null;
  shell: 'desktop' | 'web-harness';
  version: string;
  /** Builds the settings store; called after the settings file has been checked and recovered. */
  openSettingsStore: () => KeyValueStore;
  /** Hands an already allow-listed URL to the host (confirmation happens there). */
  openExternal: (url: string) => Promise<OpenExternalOutcome>;
  /**
   * Saves the window's page, as it prints, to a PDF where the user chooses (the name is only a
   * suggestion, already ending in .pdf). A shell that cannot answers `{ saved: false, reason }`.
   */
  savePdf: (suggestedName: string) => Promise<SavePdfOutcome>;
  /**
   * Opens the exercise projector view (an app route such as `#/exercises/<id>/projector`) on a
   * second screen. Without it, the route is handed back for the user to open in another window.
   */
  openProjector?: (route: string) => Promise<ProjectorOutcome>;
  now?: () => Date;
  /**
   * The computer stamped on every log entry; read from the operating system when left out (tests
   * pass their own). Null records no device, as for a system that names neither.
   */
  device?: DeviceIdentity | null;
  /** Who this process is, for the data-folder lock; tests pass their own. */
  lockEnvironment?: LockEnvironment;
  log?: (message: string, error?: unknown) => void;
}
