import { readFile } from 'node:fs/promises';
import type { IncidentAction } from '../../contract/incidentSchemas';
import type {
  ChainCheck,
  IncidentChange,
  IncidentSummary,
  IncidentView,
} from '../../contract/incidentTypes';
import { fail, ok, type Result } from '../../contract/result';
import type { PackFile } from '../../contract/authoringTypes';
import type { ContractClock, Runbook, RunbookView } from '../../contract/types';
import type { NationalContact } from '../contacts/nationalContacts';
import { runbookFromSnapshot, snapshotFromLibrary, type LoadedLibrary } from '../runbooks/library';
import { GENESIS_HASH, type EvidenceRecord } from '../evidence/evidenceChain';
import { EvidenceLogError, type NewEntry } from '../evidence/evidenceLog';
import type { EntryBodies, SnapshotRef } from './incidentEvents';
import type { IncidentLog, IncidentStore } from '../evidence/logStore';
import {
  runbookRefs,
  startIncidentFold,
  type FoldedChange,
  type IncidentFold,
  type IncidentState,
  type StepTitle,
} from './replayIncident';
import { entriesForAction, type ActionDeps } from './incidentActions';
import { plainText } from './reports/markdownText';
import { formatLondonTime } from '../../shared/dates';
import { EVENT_CLOCKS, clockApplies, type RegulatorSettings } from '../../shared/regulators';
import { changeOf, summaryOf, viewOf, type IncidentNow, type Shown } from './incidentView';

/** A typed moment may be this far ahead of the clock (two machines' clocks rarely agree exactly). */
const FUTURE_TOLERANCE_MS = 2 * 60 * 1000;

export interface IncidentServiceOptions {
  store: IncidentStore;
  now: () => Date;
  library: () => LoadedLibrary;
  national: () => Map<string, NationalContact>;
  /** A runbook as the reader shows it: today's contacts and settings filled in. */
  present: (runbook: Runbook) => RunbookView;
  /** A contact role's display name. */
  contactLabel: (role: string) => string;
  /** The provider's contract deadlines from Settings. */
  contractClocks: () => ContractClock[];
  /** What Settings say decides the regulator (CQC clocks start only where CQC regulates). */
  regulator: () => RegulatorSettings;
  log?: (message: string, error?: unknown) => void;
}

export interface StartInput {
  name: string;
  runbook?: string | undefined;
  awareAt?: string | undefined;
  /** When equipment or a utility stopped working, if it did: starts the CQC 24-hour clock from then. */
  equipmentDownSince?: string | undefined;
  lead: string;
  /** Who is recording: named on the opening entries, whoever the lead is. */
  author: string;
  exercise?: boolean | undefined;
}

type Loaded = IncidentNow;
/** An incident brought up to date, with what the records it had not yet applied changed. */
type Followed = Loaded & { change: FoldedChange };

/** An incident's fold kept between calls, with what its wording depended on. */
type Kept = {
  log: IncidentLog;
  fold: IncidentFold;
  runbooks: Map<string, Runbook | string>;
  /** Contact labels (by role) the step headlines on its timeline were worded with. */
  labels: Map<string, string>;
};

/**
 * The entries an incident is shown from: the verified ones, then, for a damaged log, those after
 * the break that can still be read (marked "not checked" on screen), so its name and last known
 * clocks are not lost with the damage.
 */
const shownRecords = (log: IncidentLog): readonly EvidenceRecord[] => {
  const unverified = log.unverified();
  return unverified.length === 0 ? log.records() : [...log.records(), ...unverified];
};

/** What is shown for a log where not even the opening entry can be read: its folder id, read-only. */
function unreadableState(id: string): IncidentState {
  return {
    id,
    name: `Incident ${id} (its log cannot be read)`,
    exercise: false,
    awareAt: '',
    openedAt: '',
    lead: '',
    status: 'open',
    closedAt: null,
    summary: null,
    roles: {},
    runbooks: [],
    steps: {},
    clocks: [],
    assessment: null,
    calls: [],
    timeline: [],
  };
}

/** The list entry of an incident that could not be opened at all: never left off the list. */
function unlisted(id: string, problem: string): IncidentSummary {
  return {
    id,
    name: `Incident ${id}`,
    exercise: false,
    status: 'open',
    awareAt: '',
    openedAt: '',
    closedAt: null,
    lead: '',
    runbookTitles: [],
    stepsAnswered: 0,
    stepsTotal: 0,
    nextClock: null,
    problem,
  };
}

const noChange = (): FoldedChange => ({ timeline: [], steps: [], calls: [], runbooks: [] });

/** A folder export as a file to save, named so it is clear what it holds and when it was taken. */
export function packFileOf(
  noun: 'incident' | 'exercise',
  id: string,
  exported: { zip: Uint8Array; files: number },
  at: Date,
): PackFile {
  const stamp = at.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return {
    filename: `holdfast-${noun}-files-${id}-${stamp}.zip`,
    mimeType: 'application/zip',
    base64: Buffer.from(exported.zip).toString('base64'),
    count: exported.files,
  };
}

/** Plain words for a failed save: never "saved", always what to do next. */
export function storageFailure(error: unknown): ReturnType<typeof fail> {
  if (error instanceof EvidenceLogError) {
    if (error.code === 'LOG_READ_ONLY') return fail('FORBIDDEN', error.message);
    if (error.code === 'STORAGE_FULL')
      return fail(
        'STORAGE_FAILED',
        'Not saved: the disk is full. Free some space (or write this on a paper log sheet), then try again.',
      );
  }
  return fail(
    'STORAGE_FAILED',
    'Not saved: the disk reported an error. Write this on a paper log sheet now and try again; if it keeps failing, copy the data folder somewhere safe.',
  );
}

/**
 * Incidents over their evidence logs. The log is the only record: every view is rebuilt from it,
 * and nothing is shown as saved until the log has it on disk.
 */
export function createIncidentService(options: IncidentServiceOptions) {
  const { store, now } = options;
  const snapshots = new Map<string, Runbook | string>();

  async function loadSnapshot(id: string, ref: SnapshotRef): Promise<Runbook | string> {
    const cached = snapshots.get(ref.sha256);
    if (cached) return cached;
    const bytes = await store.readSnapshot(id, ref.sha256);
    if (!bytes)
      return `The saved copy of "${ref.title}" is missing or does not match the log, so the current version is shown instead.`;
    const file = `incident snapshot of ${ref.id}`;
    // The library's file is often the very bytes snapshotted: then its runbook is used, unparsed.
    const same = snapshotFromLibrary(options.library(), ref.id, ref.sha256, file);
    const { runbook, problems } = same
      ? { runbook: same, problems: [] }
      : runbookFromSnapshot(bytes, file, 'user', options.national());
    const outcome =
      runbook ??
      `The saved copy of "${ref.title}" could not be read (${problems[0]?.message ?? 'unknown problem'}).`;
    snapshots.set(ref.sha256, outcome);
    return outcome;
  }

  /**
   * Step headlines for timeline wording, from the runbooks an incident follows. The contact labels
   * used are remembered: wording made with a label that has since changed is out of date.
   */
  function wordingFrom(runbooks: Map<string, Runbook | string>) {
    const labels = new Map<string, string>();
    const label = (role: string): string => {
      const text = options.contactLabel(role);
      labels.set(role, text);
      return text;
    };
    const stepTitle: StepTitle = (runbookId, stepId) => {
      const runbook = runbooks.get(runbookId);
      if (!runbook || typeof runbook === 'string') return undefined;
      for (const phase of runbook.phases)
        for (const step of phase.steps) if (step.id === stepId) return plainText(step.text, label);
      return undefined;
    };
    return { stepTitle, labels };
  }

  /**
   * Replays a whole log, loading the snapshots of the runbooks it follows first. The records after
   * the first `since` are applied last, so what they changed is known.
   */
  async function replay(
    id: string,
    log: IncidentLog,
    since: number,
  ): Promise<{ kept: Kept; change: FoldedChange } | null> {
    const records = shownRecords(log);
    const runbooks = new Map<string, Runbook | string>();
    for (const ref of runbookRefs(records)) runbooks.set(ref.id, await loadSnapshot(id, ref));
    const { stepTitle, labels } = wordingFrom(runbooks);
    const fold = startIncidentFold(records[0], stepTitle);
    if (!fold) return null;
    fold.catchUp(records.slice(0, since));
    const change = fold.catchUp(records);
    return { kept: { log, fold, runbooks, labels }, change };
  }

  // Each open incident's fold, kept up to date with its log so an action applies only its own entries.
  const kept = new Map<string, Kept>();
  // Work on one incident runs in turn, so a fold is never caught up by two callers at once.
  const turns = new Map<string, Promise<unknown>>();
  function inTurn<T>(id: string, work: () => Promise<T>): Promise<T> {
    const run = (turns.get(id) ?? Promise.resolve()).then(work);
    const settled = run.catch(() => undefined);
    turns.set(id, settled);
    return run;
  }

  /**
   * The incident's fold brought up to date with its log: only records appended since are applied,
   * and what they changed is returned with the state. It is replayed whole when it cannot be kept
   * exactly as a fresh replay would make it: a log opened anew, fewer records than applied, a
   * contact label its wording used has changed, or a newly added runbook names steps that were
   * worded before it was known. `since`: the number of records the change is to start after.
   */
  async function follow(id: string, since?: number): Promise<Result<Followed>> {
    const known = kept.get(id);
    if (!known && !(await store.ids()).includes(id))
      return fail('NOT_FOUND', 'There is no incident with that id.');
    const log = await store.open(id);
    const records = shownRecords(log);
    const stale =
      !known ||
      known.log !== log ||
      known.fold.applied > records.length ||
      [...known.labels].some(([role, label]) => options.contactLabel(role) !== label);
    const added = stale
      ? []
      : runbookRefs(records.slice(known.fold.applied)).filter((ref) => !known.runbooks.has(ref.id));
    const from = since ?? (known && !stale ? known.fold.applied : records.length);
    if (
      known &&
      !stale &&
      known.fold.applied === from &&
      !added.some((ref) => known.fold.untitledRunbooks.has(ref.id))
    ) {
      for (const ref of added) known.runbooks.set(ref.id, await loadSnapshot(id, ref));
      const change = known.fold.catchUp(records);
      return ok({ log, state: known.fold.state(), runbooks: known.runbooks, change });
    }
    const replayed = await replay(id, log, Math.min(from, records.length));
    if (!replayed) {
      kept.delete(id);
      // A damaged log is shown even when not one entry can be read, so it is never hidden.
      if (log.readOnlyReason)
        return ok({ log, state: unreadableState(id), runbooks: new Map(), change: noChange() });
      return fail('NOT_FOUND', 'This incident folder has no readable opening entry.');
    }
    kept.set(id, replayed.kept);
    const { fold, runbooks } = replayed.kept;
    return ok({ log, state: fold.state(), runbooks, change: replayed.change });
  }

  const load = (id: string): Promise<Result<Loaded>> => inTurn(id, () => follow(id));

  /** Takes the library's current text of a runbook as the incident's snapshot. */
  async function snapshotOf(incidentId: string, runbookId: string): Promise<Result<SnapshotRef>> {
    const library = options.library();
    const runbook = library.runbooks.get(runbookId);
    const origin = library.origins.get(runbookId);
    if (!runbook || !origin)
      return fail('NOT_FOUND', `There is no runbook with the id "${runbookId}".`);
    if (runbook.status === 'draft')
      return fail(
        'INVALID_INPUT',
        `"${runbook.title}" is a draft. It is not used in an incident until it is published.`,
      );
    const bytes = await readFile(origin.path);
    const sha256 = await store.writeSnapshot(incidentId, bytes);
    return ok({ id: runbook.id, title: runbook.title, version: runbook.version, sha256 });
  }

  /**
   * The clocks a runbook starts when it joins an incident: those not running yet that apply to
   * this provider, but never a clock that runs from an event someone has to report (equipment
   * down), which starts only from their answer.
   */
  const clockEntries = (
    runbook: Runbook,
    startedAt: string,
    author: string,
    running: Set<string>,
  ): NewEntry[] =>
    runbook.clocks
      .filter(
        (clock) =>
          !running.has(clock) &&
          !EVENT_CLOCKS.includes(clock) &&
          clockApplies(clock, options.regulator()),
      )
      .map((clock) => ({
        author,
        kind: 'clock',
        body: { clock, action: 'start', startedAt } satisfies EntryBodies['clock'],
      }));

  /** Refuses a typed moment still to come, naming it in the words of the form that asked for it. */
  function futureProblem(at: string, label: string): string | null {
    return Date.parse(at) > now().getTime() + FUTURE_TOLERANCE_MS
      ? `${label} cannot be in the future.`
      : null;
  }

  function checkEventAt(eventAt: string | undefined): string | null {
    return eventAt === undefined ? null : futureProblem(eventAt, 'The time it happened');
  }

  /**
   * The entries an answer "equipment or a utility is down, since …" records: the CQC 24-hour
   * clock from that moment where CQC regulates the provider, otherwise a note of the failure.
   */
  function equipmentDownEntries(since: string, author: string): NewEntry[] {
    const startedAt = new Date(since).toISOString();
    if (clockApplies('cqc-equipment-24h', options.regulator()))
      return [
        {
          author,
          kind: 'clock',
          body: {
            clock: 'cqc-equipment-24h',
            action: 'start',
            startedAt,
          } satisfies EntryBodies['clock'],
        },
      ];
    return [
      {
        author,
        kind: 'note',
        body: {
          text: `Equipment or a utility down since ${formatLondonTime(startedAt)}. No CQC clock: Settings say this service is not registered with CQC.`,
        } satisfies EntryBodies['note'],
      },
    ];
  }

  async function addRunbookEntries(
    loaded: Loaded,
    runbookId: string,
    author: string,
    at: { eventAt?: string },
    reason?: string,
  ): Promise<Result<NewEntry[]>> {
    const ref = await snapshotOf(loaded.state.id, runbookId);
    if (!ref.ok) return ref;
    const runbook = await loadSnapshot(loaded.state.id, ref.value);
    const running = new Set(loaded.state.clocks.map((clock) => clock.id));
    return ok([
      {
        ...at,
        author,
        kind: 'runbook',
        body: {
          runbook: ref.value,
          ...(reason ? { reason } : {}),
        } satisfies EntryBodies['runbook'],
      },
      ...(typeof runbook === 'string'
        ? []
        : clockEntries(runbook, new Date(at.eventAt ?? now()).toISOString(), author, running)),
    ]);
  }

  async function append(log: IncidentLog, entries: NewEntry[]): Promise<Result<EvidenceRecord[]>> {
    const written: EvidenceRecord[] = [];
    try {
      for (const entry of entries) written.push(await log.append(entry));
      return ok(written);
    } catch (error: unknown) {
      options.log?.('incident append failed', error);
      return storageFailure(error);
    }
  }

  const shown: Shown = { library: options.library, present: options.present };
  const actionDeps: ActionDeps = {
    contactLabel: options.contactLabel,
    contractClocks: options.contractClocks,
    futureProblem,
    addRunbook: addRunbookEntries,
  };

  return {
    async list(): Promise<IncidentSummary[]> {
      const summaries: IncidentSummary[] = [];
      for (const id of await store.ids()) {
        try {
          const loaded = await load(id);
          if (loaded.ok) {
            const problem = loaded.value.log.readOnlyReason;
            const summary = summaryOf(loaded.value.state, loaded.value.runbooks);
            // Damage is said on the list and on home; a folder merely held by another Holdfast is not.
            summaries.push(loaded.value.log.damage && problem ? { ...summary, problem } : summary);
          } else
            summaries.push(
              unlisted(id, 'This incident could not be opened. Its files are kept as they are.'),
            );
        } catch (error: unknown) {
          // One unreadable incident must not hide the others: list it with the problem.
          options.log?.(`incident ${id} could not be opened`, error);
          summaries.push(
            unlisted(id, 'This incident could not be opened. Its files are kept as they are.'),
          );
        }
      }
      return summaries;
    },

    async start(input: StartInput): Promise<Result<IncidentView>> {
      const awareAt = input.awareAt ?? now().toISOString();
      const problem =
        checkEventAt(input.awareAt) ??
        (input.equipmentDownSince === undefined
          ? null
          : futureProblem(input.equipmentDownSince, 'When it stopped working'));
      if (problem) return fail('INVALID_INPUT', problem);
      const id = store.newId(input.exercise ?? false);
      let ref: SnapshotRef | null = null;
      let runbook: Runbook | string | null = null;
      if (input.runbook) {
        const snapshot = await snapshotOf(id, input.runbook);
        if (!snapshot.ok) return snapshot;
        ref = snapshot.value;
        runbook = await loadSnapshot(id, ref);
      }
      let log: IncidentLog;
      try {
        log = await store.open(id);
      } catch (error: unknown) {
        options.log?.('incident start failed', error);
        return storageFailure(error);
      }
      const awareIso = new Date(awareAt).toISOString();
      const opened: NewEntry = {
        author: input.author,
        kind: 'opened',
        body: {
          incident: id,
          name: input.name,
          awareAt: awareIso,
          lead: input.lead,
          exercise: input.exercise ?? false,
          runbook: ref,
        } satisfies EntryBodies['opened'],
      };
      const clocks =
        runbook && typeof runbook !== 'string'
          ? clockEntries(runbook, awareIso, input.author, new Set())
          : [];
      const equipment =
        input.equipmentDownSince === undefined
          ? []
          : equipmentDownEntries(input.equipmentDownSince, input.lead);
      const written = await append(log, [opened, ...clocks, ...equipment]);
      if (!written.ok) return written;
      const loaded = await load(id);
      return loaded.ok ? ok(viewOf(loaded.value, shown)) : loaded;
    },

    async get(id: string): Promise<Result<IncidentView>> {
      const loaded = await load(id);
      return loaded.ok ? ok(viewOf(loaded.value, shown)) : loaded;
    },

    async record(input: {
      id: string;
      author: string;
      eventAt?: string | undefined;
      action: IncidentAction;
    }): Promise<Result<IncidentChange>> {
      const timeProblem = checkEventAt(input.eventAt);
      if (timeProblem) return fail('INVALID_INPUT', timeProblem);
      return inTurn(input.id, async () => {
        const loaded = await follow(input.id);
        if (!loaded.ok) return loaded;
        if (loaded.value.log.readOnlyReason)
          return fail('FORBIDDEN', loaded.value.log.readOnlyReason);
        const entries = await entriesForAction(
          loaded.value,
          input.author,
          input.eventAt,
          input.action,
          actionDeps,
        );
        if (!entries.ok) return entries;
        const before = loaded.value.log.records().length;
        const written = await append(loaded.value.log, entries.value);
        if (!written.ok) return written;
        const after = await follow(input.id, before);
        return after.ok ? ok(changeOf(after.value, before, shown)) : after;
      });
    },

    /** Re-reads the log file from disk and checks every link of its chain. */
    async verify(id: string): Promise<Result<ChainCheck>> {
      const loaded = await load(id);
      if (!loaded.ok) return loaded;
      const result = await loaded.value.log.verify();
      if (result.ok) return ok({ ok: true, entries: result.count, head: result.headHash });
      const where =
        result.line === undefined
          ? 'The log does not match its check record'
          : `The log breaks at line ${result.line}${result.seq ? ` (entry ${result.seq})` : ''}`;
      return ok({
        ok: false,
        entries: loaded.value.log.records().length,
        head: loaded.value.log.records().at(-1)?.hash ?? GENESIS_HASH,
        problem: `${where}: ${result.reason}.`,
      });
    },

    /** The incident's folder as it is on disk, zipped, to hand over for investigation. */
    async exportFiles(id: string): Promise<Result<PackFile>> {
      if (!(await store.ids()).includes(id))
        return fail('NOT_FOUND', 'There is no incident with that id.');
      return ok(packFileOf('incident', id, await store.exportFiles(id), now()));
    },

    close: () => {
      kept.clear();
      return store.close();
    },
  };
}

export type IncidentService = ReturnType<typeof createIncidentService>;
