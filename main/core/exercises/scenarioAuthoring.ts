import { readFile } from 'node:fs/promises';
import type { RevisionSummary } from '../../contract/authoringTypes';
import type { Handlers } from '../../contract/contract';
import { fail, ok, type Result } from '../../contract/result';
import type { Problem, Runbook } from '../../contract/types';
import type { ScenarioSourceText } from '../../contract/exerciseTypes';
import type { NationalContact } from '../contacts/nationalContacts';
import { describeErrors } from '../authoring/checkRunbookText';
import { openDocumentAuthoring, type ChangeBy } from '../authoring/documentAuthoring';
import { parseScenario, type ParsedScenario } from './parseScenario';
import {
  bundledScenarioPaths,
  crossCheckScenario,
  type ScenarioLibraryState,
} from './scenarioLibrary';

export interface ScenarioAuthoringOptions {
  /** Where the scenarios that come with Holdfast are. */
  bundledDir: string;
  userDir: string;
  historyDir: string;
  trashDir: string;
  scenarios: () => ScenarioLibraryState;
  runbooks: () => ReadonlyMap<string, Runbook>;
  national: () => Map<string, NationalContact>;
  /** Roles the provider added to their contacts. */
  ownRoles: () => ReadonlySet<string>;
  /** Reloads the scenarios so the exercises list shows what was just saved. */
  reload: () => Promise<void>;
  /** The one queue every change to the data folder's runbooks and scenarios goes through. */
  serial: <T>(task: () => Promise<T>) => Promise<T>;
  now: () => Date;
  log?: (message: string, error: unknown) => void;
}

/**
 * Scenario editing, as runbook editing works: every change is checked first (the same checks the
 * exercises list and `runbooks:check` run), written durably to `<data folder>/scenarios/`
 * (bundled files are never written; a scenario of the provider's own with a bundled id replaces
 * it), and recorded as a revision in the scenarios' own history.
 */
export function openScenarioAuthoring(options: ScenarioAuthoringOptions) {
  const loaded = (id: string) => options.scenarios().scenarios.get(id);
  let bundled: Promise<Map<string, string>> | null = null;
  /** Bundled files never change while the app runs, so they are listed once. */
  const bundledPaths = (): Promise<Map<string, string>> => {
    bundled ??= bundledScenarioPaths(options.bundledDir);
    return bundled;
  };
  const docs = openDocumentAuthoring({
    noun: 'scenario',
    folderName: 'your scenarios folder',
    userDir: options.userDir,
    historyDir: options.historyDir,
    trashDir: options.trashDir,
    inUse: (id) => {
      const scenario = loaded(id);
      return scenario ? { path: scenario.origin.path, source: scenario.source } : null;
    },
    bundledPath: async (id) => (await bundledPaths()).get(id) ?? null,
    reload: options.reload,
    serial: options.serial,
    now: options.now,
    log: options.log,
  });

  /** Every problem the text has, with lines as in the file; the scenario when it can be used. */
  function check(
    text: string,
    file: string,
  ): { parsed: ParsedScenario | null; problems: Problem[] } {
    const outcome = parseScenario(new TextEncoder().encode(text), file);
    if (!outcome.scenario) return { parsed: null, problems: outcome.problems };
    const problems = [
      ...outcome.problems,
      ...crossCheckScenario(
        outcome.scenario,
        file,
        options.runbooks(),
        options.national(),
        options.ownRoles(),
      ),
    ].sort((a, b) => a.line - b.line);
    return {
      parsed: problems.some((p) => p.severity === 'error') ? null : outcome.scenario,
      problems,
    };
  }

  async function save(
    expectedId: string | null,
    text: string,
    who: ChangeBy,
    restoredFrom?: number,
  ): Promise<Result<{ id: string; revision: RevisionSummary }>> {
    const { parsed, problems } = check(text, 'scenario');
    if (!parsed) return fail('INVALID_INPUT', describeErrors(problems));
    const id = parsed.meta.id;
    if (expectedId === null && loaded(id))
      return fail(
        'INVALID_INPUT',
        `The scenario was not saved: the id "${id}" is already used by another scenario. Choose a different id.`,
      );
    if (expectedId !== null && id !== expectedId)
      return fail(
        'INVALID_INPUT',
        `The scenario was not saved: its id must stay "${expectedId}" (exercises keep it).`,
      );
    try {
      return ok(await docs.write(id, text, who, restoredFrom));
    } catch (error: unknown) {
      return docs.saveFailed(error);
    }
  }

  return {
    check,
    recordBaseline: docs.recordBaseline,
    userPathOf: docs.ownPathOf,
    /** Records text just written by someone other than the editor (a pack import). */
    recordSaved: docs.recordSaved,
    async source(id: string): Promise<Result<ScenarioSourceText>> {
      const scenario = loaded(id);
      if (!scenario) return fail('NOT_FOUND', `There is no scenario with the id "${id}".`);
      return ok({
        id,
        text: await readFile(scenario.origin.path, 'utf8'),
        source: scenario.source,
        overridesBundled: scenario.overridesBundled,
        hasBundled: (await bundledPaths()).has(id),
      });
    },
    save: (id: string | null, text: string, who: ChangeBy) =>
      options.serial(() => save(id, text, who)),
    history: docs.history,
    diff: docs.diff,
    restore: (id: string, seq: number, who: ChangeBy) =>
      docs.restore(id, seq, who, (text, by, restoredFrom) => save(id, text, by, restoredFrom)),
    resetToBundled: docs.resetToBundled,
    trash: docs.trash,
  };
}

export type ScenarioAuthoring = ReturnType<typeof openScenarioAuthoring>;

/** The `scenarios.*` calls of the scenario editor. */
export function scenarioAuthoringHandlers(
  authoring: ScenarioAuthoring,
): Pick<
  Handlers,
  | 'scenarios.source'
  | 'scenarios.check'
  | 'scenarios.save'
  | 'scenarios.history'
  | 'scenarios.diff'
  | 'scenarios.restore'
  | 'scenarios.resetToBundled'
  | 'scenarios.trash'
> {
  return {
    'scenarios.source': ({ id }) => authoring.source(id),
    'scenarios.check': async ({ text }) => {
      const id = /^id:\s*([a-z0-9-]+)\s*$/m.exec(text)?.[1] ?? 'new-scenario';
      return ok({ problems: authoring.check(text, `scenarios/${id}.md`).problems });
    },
    'scenarios.save': ({ id, text, author, message }) =>
      authoring.save(id, text, { author, message }),
    'scenarios.history': async ({ id }) => ok(await authoring.history(id)),
    'scenarios.diff': ({ id, from, to }) => authoring.diff(id, from, to),
    'scenarios.restore': ({ id, seq, author, message }) =>
      authoring.restore(id, seq, { author, message }),
    'scenarios.resetToBundled': ({ id, author, message }) =>
      authoring.resetToBundled(id, { author, message }),
    'scenarios.trash': ({ id, author, message }) => authoring.trash(id, { author, message }),
  };
}
