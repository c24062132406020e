import type { AsPlainObject } from 'minisearch';
import type { z } from 'zod';
import type { localContactSchema, systemRecordSchema } from './schemas';
import type { Category, ClockId, ProviderType } from './vocabulary';

/** One problem found in a content file, reported as `file:line: message`. */
export interface Problem {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
  /** The header field the problem is about (see headerFieldLabels), so the editor can show it there. */
  field?: string;
}

export type RunbookSource = 'bundled' | 'user';

export interface RunbookSummary {
  id: string;
  title: string;
  category: Category;
  summary: string;
  providerTypes: ProviderType[];
  reviewed: string;
  owner: string;
  version: number;
  source: RunbookSource;
  /** True when a user file replaces a bundled runbook with the same id. */
  overridesBundled: boolean;
  /**
   * A draft is not yet in use: it stays out of the crisis screens, search, "Who to call", the
   * grab-bag pack and home's problem list until someone publishes it.
   */
  status: RunbookStatus;
}

export type RunbookStatus = 'draft' | 'published';

/** Where a decision option leads: another step of this runbook and/or another runbook. */
export interface DecisionTarget {
  runbook?: string;
  step?: string;
}

export interface DecisionOption {
  label: string;
  /** Markdown of the option, including any link. */
  text: string;
  goto: DecisionTarget | null;
  /** The option's text asks the person to "write down why": guided mode asks for the reason. */
  asksReason?: boolean;
  /** A clock this choice can make not needed (`{settles:<clock>}`); guided mode offers to stop it. */
  settles?: ClockId;
}

export interface Step {
  /** Stable id written in the file (`{#id}`), so progress survives edits. */
  id: string;
  /** 1-based number within its phase. */
  number: number;
  kind: 'action' | 'decision';
  /** The step's headline, markdown, without its id marker. */
  text: string;
  /** Further markdown under the headline (may be empty). */
  details: string;
  options: DecisionOption[];
  /** Contact roles named in the step's placeholders. */
  contacts: string[];
  line: number;
  /**
   * Markdown written after this step and before the next one (a note, a sub-heading, a list
   * that is not steps), shown right after the step, where it was written.
   */
  after?: string;
}

export interface Phase {
  id: string;
  title: string;
  intro: string;
  steps: Step[];
  line: number;
}

/** A contact channel as shown to the user: national pack kinds plus the local directory's. */
export interface ContactChannel {
  kind: 'phone' | 'mobile' | 'email' | 'sms' | 'web' | 'other';
  value: string;
  note?: string;
  /** Still works when our own systems (email, network, phones) are down. */
  outOfBand?: boolean;
}

/** A contact role referenced by a runbook, resolved against what the app knows. */
export interface ContactRef {
  role: string;
  label: string;
  national: boolean;
  /** Null when no number is known yet: the UI says "add your local number". */
  channels: ContactChannel[] | null;
  /**
   * Due a re-check, decided by the core with its clock: a local contact, or a national contact's
   * facts, last checked more than 12 months ago, or never. False while not set.
   */
  stale: boolean;
  hours?: string;
  source?: string;
  /** National contacts: ISO date the facts were last checked against the source page (null: never). */
  checked?: string | null;
  /** National contacts: the date the source page itself shows, when it shows one. */
  pageDate?: string | null;
  /** Local contacts: the person or team and their organisation, as the provider entered them. */
  name?: string;
  organisation?: string;
  /** Local contacts: ISO date the provider last checked the details. */
  lastVerified?: string;
}

export interface Runbook extends RunbookSummary {
  /** Words a user might type for this situation; searched, not shown. */
  synonyms: string[];
  intro: string;
  phases: Phase[];
  contacts: ContactRef[];
  systems: string[];
  clocks: ClockId[];
  /** Ids of other runbooks this one links to. */
  links: string[];
  file: string;
}

/**
 * A runbook's text as safe HTML, rendered by the core's markdown pipeline with contact numbers
 * filled in. Keyed by phase and step id; markdown sources stay on the Runbook itself.
 */
export interface RunbookHtml {
  intro: string;
  phases: Record<string, string>;
  steps: Record<string, { text: string; details: string; options: string[]; after?: string }>;
}

/** What the reader shows: the runbook plus its rendered text. */
export interface RunbookView extends Runbook {
  html: RunbookHtml;
  /** The register entries of the systems named in front matter `systems:`, in that order. */
  systemEntries: SystemEntry[];
}

export interface StepMatch {
  phaseTitle: string;
  stepId: string;
  stepNumber: number;
  text: string;
}

export interface SearchHit {
  id: string;
  title: string;
  summary: string;
  category: Category;
  score: number;
  /** Steps whose text matched, best first (empty when only title/summary matched). */
  matches: StepMatch[];
}

/** A step as search reads it to say which steps matched: where it is and its text pieces. */
export interface SearchStep extends Pick<Step, 'id' | 'number' | 'text' | 'details'> {
  options: Array<Pick<DecisionOption, 'text'>>;
}

/**
 * A runbook as search reads it once the index has found it: what a hit shows, what weighs its
 * score (`source`, `overridesBundled`), the contact labels its step snippets name, and its steps.
 * A whole `Runbook` is one too.
 */
export interface SearchRunbook extends Pick<
  RunbookSummary,
  'id' | 'title' | 'summary' | 'category' | 'source' | 'overridesBundled'
> {
  contacts: Array<Pick<ContactRef, 'role' | 'label'>>;
  phases: Array<{ title: string; steps: SearchStep[] }>;
}

/** An indexed word as saved: its text, how many runbooks' step text hold it, how many runbooks do. */
export type SavedTerm = [text: string, df: number, postings: number];

/** A built search index as saved: MiniSearch's own serialised form and the indexed words. */
export interface SavedIndex {
  minisearch: AsPlainObject;
  terms: SavedTerm[];
}

/**
 * Everything needed to search the library without asking the core again (`runbooks.searchIndex`):
 * its index and, in index order, the runbooks it finds. Published runbooks only, as search offers.
 */
export interface SearchLibrary {
  index: SavedIndex;
  runbooks: SearchRunbook[];
}

/** Which library the core holds now, and its search data unless the asker already holds it. */
export interface SearchIndexAnswer {
  /** Changes whenever the core reloads its library. */
  revision: string;
  /** Null when the asker named this very revision as the one it holds. */
  library: SearchLibrary | null;
}

export interface RunbookLibrary {
  /** Published runbooks: the ones the crisis screens offer. */
  runbooks: RunbookSummary[];
  /** Problems in published runbooks' files (and files whose status cannot be read). */
  problems: Problem[];
  /** Drafts, listed only where runbooks are written and published. */
  drafts: RunbookSummary[];
  /** Problems in drafts' files. */
  draftProblems: Problem[];
}

export interface Settings {
  organisationName: string;
  providerType: ProviderType | null;
  /** Pharmacies only: whether the pharmacy is also registered with CQC (it decides the CQC steps and clocks). */
  pharmacyCqcRegistered: boolean;
  /**
   * What the provider's IT supplier says to do with an affected computer (unplug the network,
   * turn off Wi-Fi, or switch off), shown wherever a runbook uses `{{setting:isolation-instruction}}`.
   */
  isolationInstruction: string;
  /** Deadlines from the provider's contracts (e.g. telling the commissioner), started like regulatory clocks. */
  contractClocks: ContractClock[];
  /** Care groups whose signed runbook packs this provider trusts (the core always fills it in). */
  careGroupKeys?: CareGroupKey[];
}

/** A care group's public key, added in Settings so packs it signs import as "Signed by". */
export interface CareGroupKey {
  name: string;
  publicKeyPem: string;
  /** SHA-256 of the raw key, hex: which key a signed pack names. */
  keyId: string;
  /** Eight words, to compare with the group by phone. */
  fingerprint: string;
  /** The date of the newest pack imported from this group, so an older one is refused. */
  lastPackCreated: string | null;
}

/** A deadline from one of the provider's contracts, in hours from the moment of awareness. */
export interface ContractClock {
  id: string;
  label: string;
  hours: number;
  /** What must be sent, to whom. */
  duty: string;
}

export interface Notice {
  level: 'info' | 'warning';
  message: string;
}

export interface AppStatus {
  version: string;
  /** Which shell is running: the desktop app or the loopback web harness. */
  shell: 'desktop' | 'web-harness';
  dataDir: string;
  notices: Notice[];
}

export interface OpenExternalOutcome {
  opened: boolean;
  reason?: string;
}

/** A contact the provider entered for one role, as `localContactSchema` checks and trims it. */
export type LocalContact = z.output<typeof localContactSchema>;

/** Missing: no contact yet; stale: last verified more than 12 months ago. */
export type ContactStatus = 'missing' | 'stale' | 'current';

/** One local role with its contact, if any. */
export interface ContactRole {
  role: string;
  label: string;
  /** Added by the provider rather than one of Holdfast's own roles. */
  isCustom: boolean;
  contact: LocalContact | null;
  status: ContactStatus;
}

/** A national contact from the bundled pack: read-only, with its dated public source. */
export interface NationalContactView {
  id: string;
  name: string;
  use: string;
  channels: ContactChannel[];
  hours: string;
  source: string;
  /** ISO date the facts were last checked against the source page; null when never. */
  checked: string | null;
  /** The date the source page itself shows, when it shows one. */
  pageDate: string | null;
  /** Due a re-check at the directory's clock: checked more than 12 months ago, or never. */
  stale: boolean;
  notes?: string;
}

/** The whole contacts directory as the Contacts screen and home panel show it. */
export interface ContactsDirectory {
  roles: ContactRole[];
  national: NationalContactView[];
}

/** File formats contacts can be imported from and exported to. */
export type ImportFormat = 'csv' | 'vcard';

/** One thing wrong in an import file; `row` is the spreadsheet row or card number (absent: the whole file). */
export interface ImportProblem {
  row?: number;
  field?: string;
  message: string;
}

/** How an import's contacts compare with those already saved. */
export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
}

/** What importing a file would do; nothing has been written. */
export interface ImportPreview extends ImportCounts {
  problems: ImportProblem[];
}

/** An export as text, for the UI to offer as a download. */
export interface ContactsExport {
  filename: string;
  mimeType: string;
  text: string;
}

/** What the provider recorded about one system, as `systemRecordSchema` checks and trims it. */
export type SystemRecord = z.output<typeof systemRecordSchema>;

/**
 * missing: nothing recorded yet; no-paper-location: in use, but where the paper copy is kept is
 * not recorded; not-used: the provider does not use it; recorded: in use with a paper location.
 */
export type SystemStatus = 'missing' | 'no-paper-location' | 'not-used' | 'recorded';

/** One system in the register, with what the provider recorded about it, if anything. */
export interface SystemEntry {
  system: string;
  label: string;
  /** Added by the provider rather than one of Holdfast's own systems. */
  isCustom: boolean;
  /** The contact role Holdfast suggests for this system's supplier. */
  suggestedSupplierRole: string | null;
  record: SystemRecord | null;
  status: SystemStatus;
  /** Last reviewed more than 12 months ago. */
  isStale: boolean;
  /** The supplier's contact as runbooks show it; null when no supplier role is recorded. */
  supplier: ContactRef | null;
}

/** The whole systems register as the Systems screen, home panel and grab-bag pack show it. */
export interface SystemsRegister {
  systems: SystemEntry[];
  /** Local contact roles a system's supplier can be: Holdfast's and the provider's own. */
  supplierRoles: Array<{ role: string; label: string }>;
}

/** The parts of the grab-bag pack whose changes make a printed copy out of date. */
export type PackSection = 'settings' | 'contacts' | 'systems' | 'runbooks';

/** One SHA-256 (hex) per pack section: equal hashes mean the printed pack still matches. */
export type PackFingerprint = Record<PackSection, string>;

/** When the grab-bag pack was last printed or saved as a PDF, and which content it held. */
export interface PackPrint {
  /** ISO date and time. */
  at: string;
  version: number;
  how: 'print' | 'pdf';
  fingerprint: PackFingerprint;
}

/** Whether the printed pack is up to date: the home screen reminds when it is not. */
export interface PackStatus {
  /** The version number the pack carries if printed now (it goes up when content changes). */
  version: number;
  fingerprint: PackFingerprint;
  lastPrinted: PackPrint | null;
  /** The sections changed since the last print; empty when up to date or never printed. */
  changedSince: PackSection[];
}

/** Everything the printable grab-bag pack shows, read at one moment. */
export interface GrabBagPack extends PackStatus {
  organisationName: string;
  /** ISO date and time the pack was put together. */
  generatedAt: string;
  contacts: ContactsDirectory;
  systems: SystemEntry[];
  /** The runbooks for the provider's type of service, rendered like the reader, "First 15 minutes" first. */
  runbooks: RunbookView[];
}

/** How saving a document as a PDF ended. */
export interface SavePdfOutcome {
  saved: boolean;
  /** Where the file was saved. */
  path?: string;
  /** Why nothing was saved, in plain words (cancelled, not available in this shell, disk error). */
  reason?: string;
}
