import type { HeaderFieldProblem } from './headerFields';
import type { ImportCounts, Problem, RunbookLibrary, RunbookView } from './types';

/** Why a revision exists: an edit, a restore of an older one, a reset to bundled or a move to the trash. */
export type RevisionKind = 'original' | 'save' | 'restore' | 'reset' | 'trash';

/** One entry of a runbook's history, without its text. */
export interface RevisionSummary {
  /** 1, 2, 3… in the order they were saved; never reused. */
  seq: number;
  kind: RevisionKind;
  savedAt: string;
  author: string;
  message: string;
  sha256: string;
  /** The version number the header of this revision's text gives, when it gives one. */
  version?: number;
  /** Set for `restore`: the revision whose text was brought back. */
  restoredFrom?: number;
  /** Set when the text came from a runbook pack: the pack's file name and the day it was made. */
  fromPack?: PackOrigin;
}

/** Which runbook pack a revision came from. */
export interface PackOrigin {
  /** The pack's file name; null when the import did not say. */
  name: string | null;
  created: string;
}

export interface Revision extends RevisionSummary {
  text: string;
}

/** An open incident that follows a runbook (it keeps its own snapshot whatever the editor saves). */
export interface IncidentUsingRunbook {
  id: string;
  name: string;
  exercise: boolean;
}

/** A runbook's file as the editor opens it. */
export interface RunbookSourceText {
  id: string;
  text: string;
  /** Where the text now in use comes from. */
  source: 'bundled' | 'user';
  /** Holdfast ships a runbook with this id, so "reset to bundled" is possible. */
  hasBundled: boolean;
  overridesBundled: boolean;
  openIncidents: IncidentUsingRunbook[];
}

/** What the editor's preview and lint panel show for the text being edited. */
export interface RunbookPreview {
  /** Null while the text has errors that stop it being read as a runbook. */
  view: RunbookView | null;
  /** The same checks as `npm run runbooks:check`, including links and contact roles. */
  problems: Problem[];
  /** The text as it would be saved: steps without an id get one made from their words. */
  textWithIds: string;
  /** The header's problems again, in plain words by field, for the form to show beside each one. */
  headerProblems: HeaderFieldProblem[];
}

export interface SaveOutcome {
  id: string;
  revision: RevisionSummary;
  library: RunbookLibrary;
}

/** One line of a diff between two revisions. */
export interface DiffLine {
  change: 'same' | 'added' | 'removed';
  text: string;
  /** Line number in the older text (absent for added lines). */
  oldLine?: number;
  /** Line number in the newer text (absent for removed lines). */
  newLine?: number;
}

/** A zip file (a runbook pack or a full backup), base64-encoded to cross to the UI; `count` is how many runbooks or files it holds. */
export interface PackFile {
  filename: string;
  mimeType: 'application/zip';
  base64: string;
  count: number;
}

/** A full backup, encrypted with the passphrase the user gave, base64-encoded to cross to the UI; `count` is how many files it holds. */
export interface BackupFile {
  filename: string;
  mimeType: 'application/octet-stream';
  base64: string;
  count: number;
}

/** What a backup holds, counted once every check has passed and before anything is written. */
export interface BackupContents {
  /** When the backup was made (ISO 8601). */
  created: string;
  /** False for a plain zip from before backups were encrypted. */
  encrypted: boolean;
  files: number;
  incidents: number;
  practiceIncidents: number;
  exercises: number;
  /** The provider's own and edited runbooks. */
  runbooks: number;
  /** Local contacts in its contacts file. */
  contacts: number;
}

/** A finished restore: what was restored, and the folder beside the data folder now holding what was there before. */
export interface RestoreDone {
  contents: BackupContents;
  setAside: string;
}

/** What importing a pack would do to one runbook. */
export type PackChange = 'new' | 'same' | 'overrides-bundled' | 'replaces-yours';

export interface PackRunbookPreview {
  id: string;
  title: string;
  change: PackChange;
  /**
   * The title of the runbook it replaces, when the pack calls it something else: a pack could
   * otherwise slip a bundled runbook's id in under a harmless-sounding title.
   */
  replacesTitle?: string;
  /** For a pack runbook that replaces one here: the lines it removes and adds, in order. */
  diff?: DiffLine[];
}

/** A contact as the pack preview shows it: who, and every way to reach them. */
export interface ContactAtAGlance {
  name: string;
  organisation: string;
  /** "phone 0300 303 5222", "email it@example.org", … */
  channels: string[];
}

/** One local contact a pack would add or change, before → after. */
export interface PackContactChange {
  role: string;
  label: string;
  before: ContactAtAGlance | null;
  after: ContactAtAGlance;
}

/**
 * Who vouches for a pack: a care group key trusted here, a key not trusted here, or nobody.
 * `mustAccept`: the admin must accept it as unsigned before it imports, which a home asks only once
 * it has added a care group's key (a home with none imports unsigned packs as it always did).
 */
export type PackSignatureView =
  | { status: 'good'; signer: string; keyName: string; fingerprint: string }
  | { status: 'unknown-key'; signer: string; mustAccept: boolean }
  | { status: 'unsigned'; mustAccept: boolean };

/** What importing a pack would do to one exercise scenario. */
export interface PackScenarioPreview {
  id: string;
  title: string;
  change: PackChange;
}

export interface PackPreview {
  created: string;
  signature: PackSignatureView;
  runbooks: PackRunbookPreview[];
  scenarios: PackScenarioPreview[];
  /** What the pack's contacts would change (only if the user also chooses to import them); null when it has none. */
  contacts: (ImportCounts & { changes: PackContactChange[] }) | null;
}

/** Text typed in the editor and kept on this computer, not saved as a revision yet. */
export interface UnsavedDraft {
  text: string;
  savedAt: string;
}

/** A file in the provider's runbooks folder that Holdfast could not load, and why. */
export interface RefusedRunbookFile {
  /** The file's name in the runbooks folder. */
  file: string;
  /** The title its header gives, when one can be read. */
  title: string | null;
  problems: Problem[];
}

/** A refused file's text as the editor opens it, to fix and save. */
export interface RefusedRunbookText extends RefusedRunbookFile {
  text: string;
}
