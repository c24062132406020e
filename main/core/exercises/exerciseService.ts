import { readFile } from 'node:fs/promises';
import type { ExerciseAction } from '../../contract/exerciseSchemas';
import type {
  ExerciseSummary,
  ExerciseView,
  ScenarioLibrary,
  ScenarioView,
} from '../../contract/exerciseTypes';
import { fail, ok, type Result } from '../../contract/result';
import type { IncidentLog, IncidentStore } from '../evidence/logStore';
import type { SnapshotRef } from '../incidents/incidentEvents';
import { packFileOf, storageFailure } from '../incidents/incidentService';
import type { PackFile } from '../../contract/authoringTypes';
import { entryForAction } from './exerciseActions';
import { clockOf, summaryOf, unreadableView, viewOf, type ExerciseNow } from './exerciseView';
import { parseScenario, type ParsedScenario } from './parseScenario';
import { replayExercise, type ExerciseBodies } from './replayExercise';
import type { ScenarioLibraryState } from './scenarioLibrary';
import { renderScenario, summariseScenario, type ScenarioRenderContext } from './scenarioView';

export interface ExerciseServiceOptions {
  /** Exercise folders, apart from every incident (real or practice). */
  store: IncidentStore;
  now: () => Date;
  scenarios: () => ScenarioLibraryState;
  render: () => ScenarioRenderContext;
  log?: (message: string, error?: unknown) => void;
}

type Loaded = ExerciseNow;

/** Opened, but not even the opening entry of its damaged log can be read: shown read-only. */
interface Unreadable {
  unreadable: true;
  log: IncidentLog;
}

/** The list entry of an exercise whose log cannot be read at all: listed, never left off. */
function unlisted(id: string, problem: string): ExerciseSummary {
  return {
    id,
    title: `Exercise ${id}`,
    scenario: { id: '', title: '', version: 0 },
    facilitator: '',
    status: 'ready',
    createdAt: '',
    startedAt: null,
    finishedAt: null,
    openActions: [],
    problem,
  };
}

/**
 * Tabletop exercises over their own evidence logs: the log is the record the after-action report
 * is made from (DSPT evidence), every view is rebuilt from it, and the exercise clock is worked out
 * from its start, pause and resume entries so nothing is lost when Holdfast restarts.
 */
export function createExerciseService(options: ExerciseServiceOptions) {
  const { store, now } = options;
  const snapshots = new Map<string, ParsedScenario | null>();

  function scenarioFile(id: string) {
    return options.scenarios().scenarios.get(id);
  }

  /** The scenario text the exercise was set up with; the library's current text if that is lost. */
  async function scenarioOf(
    id: string,
    ref: SnapshotRef,
  ): Promise<{ parsed: ParsedScenario | null; problem: string | null }> {
    if (!snapshots.has(ref.sha256)) {
      const bytes = await store.readSnapshot(id, ref.sha256);
      snapshots.set(
        ref.sha256,
        bytes ? parseScenario(bytes, `exercise snapshot of ${ref.id}`).scenario : null,
      );
    }
    const parsed = snapshots.get(ref.sha256) ?? null;
    if (parsed) return { parsed, problem: null };
    const current = scenarioFile(ref.id)?.parsed ?? null;
    return {
      parsed: current,
      problem: `The saved copy of the scenario "${ref.title}" is missing or damaged${current ? ', so the current version is shown instead' : ''}.`,
    };
  }

  async function load(id: string): Promise<Result<Loaded | Unreadable>> {
    if (!(await store.ids()).includes(id))
      return fail('NOT_FOUND', 'There is no exercise with that id.');
    const log = await store.open(id);
    // A damaged log is shown from what can still be read after the break too (marked read-only).
    const records = [...log.records(), ...log.unverified()];
    const first = replayExercise(records.slice(0, 1), (inject) => inject);
    // Damaged so badly that not one entry can be read: still opened, never "not found".
    if (!first && log.readOnlyReason) return ok({ unreadable: true, log });
    if (!first)
      return fail(
        'NOT_FOUND',
        log.readOnlyReason ?? 'This exercise folder has no readable opening entry.',
      );
    const { parsed, problem } = await scenarioOf(id, first.scenario);
    if (!parsed) return fail('NOT_FOUND', problem ?? 'The scenario could not be read.');
    const titles = new Map(parsed.injects.map((inject) => [inject.id, inject.title]));
    const state = replayExercise(records, (inject) => titles.get(inject) ?? inject);
    if (!state) return fail('NOT_FOUND', 'This exercise folder has no readable opening entry.');
    return ok({ log, state, parsed, problem: problem ?? log.readOnlyReason });
  }

  async function view(id: string): Promise<Result<ExerciseView>> {
    const loaded = await load(id);
    if (!loaded.ok) return loaded;
    return ok(
      'unreadable' in loaded.value
        ? unreadableView(id, loaded.value.log, now())
        : viewOf(loaded.value, now(), options.render()),
    );
  }

  return {
    scenarios(): ScenarioLibrary {
      const { scenarios, problems } = options.scenarios();
      return {
        scenarios: [...scenarios.values()]
          .map(({ parsed, source, overridesBundled }) => ({
            ...summariseScenario(parsed),
            source,
            overridesBundled,
          }))
          .sort((a, b) => a.title.localeCompare(b.title)),
        problems,
      };
    },

    scenario(id: string): Result<ScenarioView> {
      const found = scenarioFile(id);
      return found
        ? ok(renderScenario(found.parsed, options.render()))
        : fail('NOT_FOUND', `There is no scenario with the id "${id}".`);
    },

    /** The parsed scenario, for printing inject cards. */
    parsedScenario(id: string): ParsedScenario | null {
      return scenarioFile(id)?.parsed ?? null;
    },

    async list(): Promise<ExerciseSummary[]> {
      const summaries: ExerciseSummary[] = [];
      for (const id of await store.ids()) {
        try {
          const loaded = await load(id);
          summaries.push(
            !loaded.ok
              ? unlisted(id, `${loaded.error.message} Its files are kept as they are.`)
              : 'unreadable' in loaded.value
                ? unreadableView(id, loaded.value.log, now())
                : summaryOf(loaded.value, now()),
          );
        } catch (error: unknown) {
          // One unreadable exercise must not hide the others, nor itself.
          options.log?.(`exercise ${id} could not be opened`, error);
          summaries.push(
            unlisted(id, 'This exercise could not be opened. Its files are kept as they are.'),
          );
        }
      }
      return summaries;
    },

    async create(input: {
      scenario: string;
      facilitator: string;
      /** Who is recording: named on the opening entry, whoever facilitates. */
      author: string;
      title?: string | undefined;
    }): Promise<Result<ExerciseView>> {
      const found = scenarioFile(input.scenario);
      if (!found) return fail('NOT_FOUND', `There is no scenario with the id "${input.scenario}".`);
      const id = store.newId(false);
      try {
        const sha256 = await store.writeSnapshot(id, await readFile(found.origin.path));
        const { meta } = found.parsed;
        const log = await store.open(id);
        const body: ExerciseBodies['opened'] = {
          exercise: id,
          title: input.title ?? meta.title,
          facilitator: input.facilitator,
          scenario: { id: meta.id, title: meta.title, version: meta.version, sha256 },
        };
        await log.append({ author: input.author, kind: 'opened', body });
      } catch (error: unknown) {
        options.log?.('exercise could not be created', error);
        return storageFailure(error);
      }
      return view(id);
    },

    get: view,

    async record(input: {
      id: string;
      author: string;
      action: ExerciseAction;
    }): Promise<Result<ExerciseView>> {
      const loaded = await load(input.id);
      if (!loaded.ok) return loaded;
      if (loaded.value.log.readOnlyReason)
        return fail('FORBIDDEN', loaded.value.log.readOnlyReason);
      if ('unreadable' in loaded.value)
        return fail('FORBIDDEN', 'This exercise can only be read: its log is damaged.');
      const entry = entryForAction(
        loaded.value,
        clockOf(loaded.value, now()),
        input.author,
        input.action,
      );
      if (!entry.ok) return entry;
      if (entry.value) {
        try {
          await loaded.value.log.append(entry.value);
        } catch (error: unknown) {
          options.log?.('exercise append failed', error);
          return storageFailure(error);
        }
      }
      return view(input.id);
    },

    /** The exercise's folder as it is on disk, zipped, to hand over for investigation. */
    async exportFiles(id: string): Promise<Result<PackFile>> {
      if (!(await store.ids()).includes(id))
        return fail('NOT_FOUND', 'There is no exercise with that id.');
      return ok(packFileOf('exercise', id, await store.exportFiles(id), now()));
    },

    close: () => store.close(),
  };
}

export type ExerciseService = ReturnType<typeof createExerciseService>;
