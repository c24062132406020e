import { z } from 'zod';
import type { CallName } from './calls';
import type { Result } from './result';
import type {
  AppStatus,
  ContactsDirectory,
  ContactsExport,
  ImportCounts,
  GrabBagPack,
  ImportPreview,
  OpenExternalOutcome,
  PackStatus,
  Problem,
  RunbookView,
  RunbookLibrary,
  SearchHit,
  SearchIndexAnswer,
  SavePdfOutcome,
  Settings,
  SystemsRegister,
} from './types';
import type {
  ChainCheck,
  IncidentChange,
  IncidentDocument,
  IncidentSummary,
  IncidentView,
  ReportDraft,
} from './incidentTypes';
import type {
  DiffLine,
  BackupContents,
  BackupFile,
  RestoreDone,
  PackFile,
  PackPreview,
  Revision,
  RevisionSummary,
  RefusedRunbookFile,
  RefusedRunbookText,
  RunbookPreview,
  RunbookSourceText,
  SaveOutcome,
  UnsavedDraft,
} from './authoringTypes';
import {
  diffRevisionsSchema,
  editorDraftRefSchema,
  keepEditorDraftSchema,
  runbookFileNameSchema,
  packImportSchema,
  packUploadSchema,
  previewRunbookSchema,
  restoreRevisionSchema,
  revisionRefSchema,
  runbookChangeSchema,
  saveRunbookSchema,
} from './authoringSchemas';
import type { ImportedDraft, PlanPreview } from './importTypes';
import { importDraftSchema, importPreviewSchema } from './importSchemas';
import { incidentIdSchema, recordInputSchema, startIncidentSchema } from './incidentSchemas';
import type {
  ExerciseSummary,
  ExerciseView,
  ProjectorOutcome,
  ProjectorScreen,
  ScenarioLibrary,
  ScenarioSourceText,
  ScenarioView,
} from './exerciseTypes';
import { createExerciseSchema, exerciseIdSchema, recordExerciseSchema } from './exerciseSchemas';
import { IMPORT_LIMITS, MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from './vocabulary';
import { freeTextSchema } from './invisibleText';
import { MAX_BACKUP_BASE64 } from './uploadLimits';
import type { Readiness } from './readinessTypes';
import type { AssessorEvidence } from './assessorTypes';
import {
  careGroupKeyInputSchema,
  contractClockSchema,
  customRoleLabelSchema,
  customSystemLabelSchema,
  localContactSchema,
  packFingerprintSchema,
  providerTypeSchema,
  slugSchema,
  systemRecordSchema,
} from './schemas';

/**
 * A call's input schema paired with its output type (the type exists only at compile time), and
 * whether it changes local data. Every call says so where it is declared: while another Holdfast
 * holds the data folder, the core refuses the calls that write and answers all the others.
 */
interface CallSpec<I extends z.ZodType, O> {
  input: I;
  output?: O;
  writes: boolean;
}
/** A call that only reads local data (derived caches aside). */
const reads =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input, writes: false });
/** A call that changes local data: refused while the data folder is someone else's. */
const writes =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input, writes: true });

const none = z.strictObject({});

/** A chosen period of days (both ends included); either end left out means the last 12 months' end. */
const evidencePeriodSchema = z
  .strictObject({
    from: z.iso.date('enter the first day as a date').optional(),
    to: z.iso.date('enter the last day as a date').optional(),
  })
  .refine(
    ({ from, to }) => from === undefined || to === undefined || from <= to,
    'the first day must come before the last day',
  );

/**
 * A file name to offer in the save dialog: no folders, no characters Windows refuses and no
 * control characters (the renderer may send "../" or a device name).
 */
const suggestedFileNameSchema = z
  .string()
  .trim()
  .min(1, 'enter a file name')
  .max(120, 'must be 120 characters or fewer')
  .regex(
    /^[^\\/:*?"<>|\x00-\x1f]+$/,
    'a file name may not contain \\ / : * ? " < > | or control characters',
  )
  .refine((name) => !name.startsWith('.'), 'a file name may not start with a dot');

/** A backup file as base64 (about 64 MB of backup at most), with its passphrase when it has one. */
const backupUploadSchema = z.strictObject({
  base64: z
    .base64('must be a file encoded as base64')
    .max(MAX_BACKUP_BASE64, 'the backup is larger than 64 MB'),
  passphrase: z.string().max(MAX_PASSPHRASE_LENGTH).nullable(),
});
const importFormatSchema = z.enum(['csv', 'vcard']);
/** An import file's text as the renderer read it; the size bound keeps huge input away from the parser. */
const importFileSchema = z.strictObject({
  format: importFormatSchema,
  text: z
    .string()
    .max(
      IMPORT_LIMITS.chars,
      `the file is larger than ${IMPORT_LIMITS.chars / 1024} KB; split it into smaller files`,
    ),
});

/**
 * The whole API between UI and core: name → input schema + output type. Both transports loop over
 * it and neither holds logic; input is parsed here before any handler runs.
 */
export const contract = {
  'app.status': reads<AppStatus>()(none),
  /** Version, system, data folder state and last errors as text for an IT supplier; never content. */
  'app.diagnostics': reads<{ text: string }>()(none),
  'runbooks.list': reads<RunbookLibrary>()(none),
  'runbooks.get': reads<RunbookView>()(z.strictObject({ id: slugSchema })),
  'runbooks.search': reads<SearchHit[]>()(
    z.strictObject({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(50).optional(),
    }),
  ),
  /**
   * The library's search data, so the renderer can search as the user types with no call per
   * key; `known` names the revision the asker already holds (then only the revision comes back).
   */
  'runbooks.searchIndex': reads<SearchIndexAnswer>()(
    z.strictObject({ known: z.string().max(100).optional() }),
  ),
  'runbooks.reload': reads<RunbookLibrary>()(none),
  /** A runbook's file text for the editor, with the open incidents that follow it. */
  'runbooks.source': reads<RunbookSourceText>()(z.strictObject({ id: slugSchema })),
  /** Checks and renders text as the reader would show it; writes nothing. */
  'runbooks.preview': reads<RunbookPreview>()(previewRunbookSchema),
  /**
   * Checks the text with the runbook parser and saves it to the user folder as a new revision;
   * a bundled id becomes an override and the bundled file is never touched. Refused with the
   * problems when the text has errors.
   */
  'runbooks.save': writes<SaveOutcome>()(saveRunbookSchema),
  /**
   * "Import a plan": a document (markdown, plain text or Word .docx) as a proposed draft runbook,
   * with what became steps, what stayed text and the placeholders to map; writes nothing (the
   * draft is saved with `runbooks.save`).
   */
  'runbooks.importPreview': reads<PlanPreview>()(importPreviewSchema),
  /**
   * One of several documents chosen at once, saved as a draft as the import proposes it; one with
   * errors is kept in the runbooks folder as a file to fix in the editor. Refused (nothing
   * written) when the document cannot be read.
   */
  'runbooks.importDraft': writes<ImportedDraft>()(importDraftSchema),
  /** Every revision of a runbook, newest last. */
  'runbooks.history': reads<RevisionSummary[]>()(z.strictObject({ id: slugSchema })),
  'runbooks.revision': reads<Revision>()(revisionRefSchema),
  /** The provider's runbooks now in the trash, each restorable from its history. */
  'runbooks.trashed': reads<Array<{ id: string; title: string; trashedAt: string }>>()(none),
  /** Line-by-line differences between two revisions of one runbook. */
  'runbooks.diff': reads<DiffLine[]>()(diffRevisionsSchema),
  /** Saves an older revision's text as a new revision. */
  'runbooks.restore': writes<SaveOutcome>()(restoreRevisionSchema),
  /** Removes the user's override of a bundled runbook (kept in the trash and in history). */
  'runbooks.resetToBundled': writes<SaveOutcome>()(runbookChangeSchema),
  /** Puts a draft into use (its header becomes `status: published`), kept in history like a save. */
  'runbooks.publish': writes<SaveOutcome>()(runbookChangeSchema),
  /** Moves the user's own runbook to the trash; its history can bring it back. */
  'runbooks.trash': writes<SaveOutcome>()(runbookChangeSchema),
  /** Text typed in the editor and not saved, kept on this computer; `draft` null when there is none. */
  'runbooks.unsavedDraft': reads<{ draft: UnsavedDraft | null }>()(editorDraftRefSchema),
  /** Keeps the editor's unsaved text, so a restart or a crash does not lose it. */
  'runbooks.keepDraft': writes<UnsavedDraft>()(keepEditorDraftSchema),
  /** Forgets the editor's unsaved text (it was saved, or the person chose to discard it). */
  'runbooks.discardDraft': writes<{ discarded: true }>()(editorDraftRefSchema),
  /** Files in the provider's runbooks folder that could not be loaded, with their problems. */
  'runbooks.refused': reads<RefusedRunbookFile[]>()(none),
  /** One refused file's text and problems, for the editor to open and fix. */
  'runbooks.refusedSource': reads<RefusedRunbookText>()(
    z.strictObject({ file: runbookFileNameSchema }),
  ),
  /** The provider's own and edited runbooks (and, if asked, local contacts) as a zip with a checksummed manifest. */
  'packs.export': reads<PackFile>()(z.strictObject({ includeContacts: z.boolean() })),
  /** Checks a whole pack and says what importing it would change; writes nothing. */
  'packs.previewImport': reads<PackPreview>()(packUploadSchema),
  /** Checks a whole pack, then writes all its runbooks (each a new revision) or none of them. */
  'packs.import': writes<{
    library: RunbookLibrary;
    imported: number;
    unchanged: number;
    /** Exercise scenarios written (new or changed). */
    scenarios: number;
    contacts: ImportCounts | null;
  }>()(packImportSchema),
  /**
   * All of Holdfast's data in the data folder (not the browser engine's files beside it) as one file, encrypted with a passphrase, with a checksum for
   * each file inside. It notes when the backup was made (home's "Getting ready" says its age), so
   * it writes.
   */
  'backup.export': writes<BackupFile>()(
    z.strictObject({
      passphrase: z.string().min(MIN_PASSPHRASE_LENGTH).max(MAX_PASSPHRASE_LENGTH),
    }),
  ),
  /** Checks a whole backup and says what it holds; writes nothing. */
  'backup.check': reads<BackupContents>()(backupUploadSchema),
  /**
   * Checks a whole backup, moves the current data to a dated folder beside the data folder,
   * restores the backup in its place and reopens everything over it. Nothing is mixed.
   */
  'backup.restore': writes<RestoreDone>()(backupUploadSchema),
  'settings.get': reads<Settings>()(none),
  'settings.update': writes<Settings>()(
    z.strictObject({
      // Free text: hidden characters removed (see freeTextSchema).
      organisationName: freeTextSchema().trim().max(120).optional(),
      providerType: providerTypeSchema.nullable().optional(),
      pharmacyCqcRegistered: z.boolean().optional(),
      isolationInstruction: freeTextSchema().trim().max(2000).optional(),
      contractClocks: z.array(contractClockSchema).max(20).optional(),
      careGroupKeys: z.array(careGroupKeyInputSchema).max(20).optional(),
    }),
  ),
  'contacts.list': reads<ContactsDirectory>()(none),
  /** Creates or replaces the contact for one role; resolves only once it is on disk. */
  'contacts.save': writes<ContactsDirectory>()(localContactSchema),
  /** Removes a role's contact; a role the provider added is removed with it. */
  'contacts.delete': writes<ContactsDirectory>()(z.strictObject({ role: slugSchema })),
  /** Adds a role of the provider's own; its id is made from the label. */
  'contacts.addRole': writes<{ directory: ContactsDirectory; role: string }>()(
    z.strictObject({ label: customRoleLabelSchema }),
  ),
  /** The provider's contacts as a CSV or vCard file's text. */
  'contacts.export': reads<ContactsExport>()(z.strictObject({ format: importFormatSchema })),
  /** What importing the file would do, with every row's problems; writes nothing. */
  'contacts.previewImport': reads<ImportPreview>()(importFileSchema),
  /** Saves every contact in the file in one durable write, or nothing at all if any row has a problem. */
  'contacts.import': writes<{ directory: ContactsDirectory; counts: ImportCounts }>()(
    importFileSchema,
  ),
  'incidents.list': reads<IncidentSummary[]>()(none),
  /**
   * Opens a new incident (with a snapshot of its runbook) and starts the runbook's clocks that
   * apply to this provider; the CQC 24-hour clock only from `equipmentDownSince`.
   */
  'incidents.start': writes<IncidentView>()(startIncidentSchema),
  'incidents.get': reads<IncidentView>()(z.strictObject({ id: incidentIdSchema })),
  /**
   * Records one action in the incident's log; resolves only once every entry is on disk, with
   * what the action changed (not the whole view, which grows with the incident).
   */
  'incidents.record': writes<IncidentChange>()(recordInputSchema),
  /** Re-reads the log file and checks its whole hash chain. */
  'incidents.verify': reads<ChainCheck>()(z.strictObject({ id: incidentIdSchema })),
  /** The incident's files exactly as they are on disk, zipped with a checksum of each: for investigating a damaged log. */
  'incidents.exportFiles': reads<PackFile>()(z.strictObject({ id: incidentIdSchema })),
  /** The incident report or a handover summary, as markdown and as safe HTML for printing. */
  'incidents.document': reads<IncidentDocument>()(
    z.strictObject({ id: incidentIdSchema, kind: z.enum(['report', 'handover']) }),
  ),
  /** Prefilled drafts for NCSC, DSPT/ICO, CSOC, CQC and the police. */
  'incidents.drafts': reads<ReportDraft[]>()(z.strictObject({ id: incidentIdSchema })),
  'systems.list': reads<SystemsRegister>()(none),
  /** Creates or replaces what is recorded for one system; resolves only once it is on disk. */
  'systems.save': writes<SystemsRegister>()(systemRecordSchema),
  /** Clears what is recorded for a system; a system the provider added is removed with it. */
  'systems.delete': writes<SystemsRegister>()(z.strictObject({ system: slugSchema })),
  /** Adds a system of the provider's own; its id is made from the label. */
  'systems.add': writes<{ register: SystemsRegister; system: string }>()(
    z.strictObject({ label: customSystemLabelSchema }),
  ),
  /** Everything the printable grab-bag pack shows. */
  'grabbag.get': reads<GrabBagPack>()(none),
  /** Whether the printed pack is up to date (for the home screen reminder). */
  'grabbag.status': reads<PackStatus>()(none),
  /** Records that the pack with this fingerprint was printed or saved as a PDF. */
  'grabbag.markPrinted': writes<PackStatus>()(
    z.strictObject({ fingerprint: packFingerprintSchema, how: z.enum(['print', 'pdf']) }),
  ),
  /** Every exercise scenario, with the problems found in their files. */
  'exercises.scenarios': reads<ScenarioLibrary>()(none),
  /** A scenario's file, to edit (a bundled one is saved as the provider's own version). */
  'scenarios.source': reads<ScenarioSourceText>()(z.strictObject({ id: slugSchema })),
  /** Every problem a scenario's text has, with its line, as the exercises list would find them. */
  'scenarios.check': reads<{ problems: Problem[] }>()(previewRunbookSchema),
  /** Checks a scenario and saves it to `<data folder>/scenarios/` as a new revision. */
  'scenarios.save': writes<{ id: string; revision: RevisionSummary }>()(saveRunbookSchema),
  /** Every revision of a scenario, newest last. */
  'scenarios.history': reads<RevisionSummary[]>()(z.strictObject({ id: slugSchema })),
  /** Line-by-line differences between two revisions of one scenario. */
  'scenarios.diff': reads<DiffLine[]>()(diffRevisionsSchema),
  /** Saves an older revision's text as a new revision, checked again first. */
  'scenarios.restore': writes<{ id: string; revision: RevisionSummary }>()(restoreRevisionSchema),
  /** Stops using the provider's own version of a bundled scenario (kept in the trash and history). */
  'scenarios.resetToBundled': writes<{ id: string; revision: RevisionSummary }>()(
    runbookChangeSchema,
  ),
  /** Moves the provider's own scenario to the trash; its history can bring it back. */
  'scenarios.trash': writes<{ id: string; revision: RevisionSummary }>()(runbookChangeSchema),
  'exercises.scenario': reads<ScenarioView>()(z.strictObject({ id: slugSchema })),
  /** A scenario's injects as printable cards, for running the exercise on paper. */
  'exercises.cards': reads<IncidentDocument>()(z.strictObject({ scenario: slugSchema })),
  /** Exercises, kept apart from incidents, each with its debrief actions still open. */
  'exercises.list': reads<ExerciseSummary[]>()(none),
  /** Sets up an exercise from a snapshot of its scenario; the clock starts with a `start` action. */
  'exercises.create': writes<ExerciseView>()(createExerciseSchema),
  'exercises.get': reads<ExerciseView>()(z.strictObject({ id: exerciseIdSchema })),
  /** Records one facilitator action in the exercise's log; resolves only once it is on disk. */
  'exercises.record': writes<ExerciseView>()(recordExerciseSchema),
  /** The after-action report, as markdown and as safe HTML for printing. */
  'exercises.report': reads<IncidentDocument>()(z.strictObject({ id: exerciseIdSchema })),
  /** The exercise's files exactly as they are on disk, zipped with a checksum of each. */
  'exercises.exportFiles': reads<PackFile>()(z.strictObject({ id: exerciseIdSchema })),
  /** Shows the current inject on a second screen: a window in the app, an address in the harness. */
  'exercises.openProjector': reads<ProjectorOutcome>()(z.strictObject({ id: exerciseIdSchema })),
  /** The home screen's "Getting ready" checklist: each check's state in words, with where to fix it. */
  'readiness.get': reads<Readiness>()(none),
  /**
   * "Evidence for an assessor": the plan and its reviews, the exercises held, the incidents and
   * who took part, for a period (the last 12 months unless given), each part labelled by topic.
   */
  'assessor.document': reads<AssessorEvidence>()(evidencePeriodSchema),
  /** The same evidence with the files under it (runbooks, reports, log files) as one zip. */
  'assessor.files': reads<PackFile>()(evidencePeriodSchema),
  /** Only what the projector shows (title, status, the inject on screen): nothing the facilitator keeps back. */
  'exercises.projector': reads<ProjectorScreen>()(z.strictObject({ id: exerciseIdSchema })),
  'links.openExternal': reads<OpenExternalOutcome>()(z.strictObject({ url: z.string().max(2048) })),
  /**
   * Saves the page as it prints (print stylesheet applied) to a PDF the user chooses where to
   * keep. Any printable screen can use it; the web harness answers that it is not available.
   */
  'documents.savePdf': reads<SavePdfOutcome>()(
    z.strictObject({ suggestedName: suggestedFileNameSchema }),
  ),
} satisfies Record<CallName, CallSpec<z.ZodType, unknown>>;

type Contract = typeof contract;

/** Calls that change local data, as their declarations above say. */
export const WRITING_CALLS: ReadonlySet<CallName> = new Set(
  (Object.keys(contract) as CallName[]).filter((name) => contract[name].writes),
);
export type CallInput<K extends CallName> = z.infer<Contract[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Contract[K]['output']>;

/** One function per call: input already checked, a Result back, nothing thrown across. */
type CallFunctions = {
  [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};

/** What the renderer sees as `window.holdfast`, whichever transport is underneath. */
export type HoldfastApi = CallFunctions;

/** What the core provides for each call; transports reach it only through `dispatch`. */
export type Handlers = CallFunctions;
