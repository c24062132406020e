import { lstat, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { RevisionSummary } from '../../contract/authoringTypes';
import type { Handlers } from '../../contract/contract';
import { fail, ok, type Result } from '../../contract/result';
import type { Problem, Runbook } from '../../contract/types';
import type { ScenarioSourceText } from '../../contract/exerciseTypes';
import type { NationalContact } from '../contacts/nationalContacts';
import { sha256 } from '../lib/hash';
import { fsyncDir, writeFileDurable } from '../storage/durableFile';
import { PRIVATE_DIRS } from '../storage/privateModes';
import { openRevisionStore } from '../authoring/revisionStore';
import { describeErrors } from '../authoring/checkRunbookText';
import { parseScenario, type ParsedScenario } from './parseScenario';
import { crossCheckScenario, type ScenarioLibraryState } from './scenarioLibrary';

const NOBODY = 'Not given';

export interface ScenarioAuthoringOptions {
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
  const revisions = openRevisionStore(options.historyDir, options.now);
  const loaded = (id: string) => options.scenarios().scenarios.get(id);
  const userPathOf = (id: string): string | null => {
    const scenario = loaded(id);
    return scenario?.source === 'user' ? scenario.origin.path : null;
  };

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

  /** Records the text in use before Holdfast's first change, or after a change made outside it. */
  async function recordBaseline(id: string): Promise<void> {
    const current = loaded(id);
    if (!current) return;
    const text = await readFile(current.origin.path, 'utf8');
    const last = (await revisions.list(id)).at(-1);
    if (last?.sha256 === sha256(Buffer.from(text, 'utf8'))) return;
    await revisions.append(id, {
      kind: 'original',
      author: last || current.source === 'user' ? NOBODY : 'Holdfast',
      message: last
        ? 'Changed outside Holdfast'
        : current.source === 'bundled'
          ? 'The version that comes with Holdfast'
          : 'As found in your scenarios folder',
      text,
    });
  }

  async function save(
    expectedId: string | null,
    text: string,
    who: { author?: string | undefined; message?: string | undefined },
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
      await recordBaseline(id);
      const ownPath = userPathOf(id);
      const path = ownPath ?? join(options.userDir, `${id}.md`);
      await mkdir(options.userDir, PRIVATE_DIRS);
      // A file already there that did not load (it has errors) is kept in the trash, not overwritten.
      if (!ownPath && (await lstat(path).catch(() => null))) {
        await mkdir(options.trashDir, PRIVATE_DIRS);
        const stamp = options.now().toISOString().replace(/[:.]/g, '-');
        await rename(path, join(options.trashDir, `${stamp}-${id}.md`));
        await fsyncDir(options.trashDir);
      }
      await writeFileDurable(path, text);
      await fsyncDir(options.userDir);
      const revision = await revisions.append(id, {
        kind: 'save',
        author: who.author || NOBODY,
        message: who.message ?? '',
        text,
      });
      await options.reload();
      return ok({ id, revision });
    } catch (error: unknown) {
      options.log?.('scenario save failed', error);
      return fail(
        'STORAGE_FAILED',
        'The scenario could not be saved. Check there is free disk space, then try again.',
      );
    }
  }

  return {
    check,
    recordBaseline,
    userPathOf,
    /** Records text just written by someone other than the editor (a pack import). */
    recordSaved: (
      id: string,
      text: string,
      who: {
        author?: string | undefined;
        message: string;
        fromPack: { name: string | null; created: string };
      },
    ) =>
      revisions.append(id, {
        kind: 'save',
        author: who.author || NOBODY,
        message: who.message,
        text,
        fromPack: who.fromPack,
      }),
    async source(id: string): Promise<Result<ScenarioSourceText>> {
      const scenario = loaded(id);
      if (!scenario) return fail('NOT_FOUND', `There is no scenario with the id "${id}".`);
      return ok({
        id,
        text: await readFile(scenario.origin.path, 'utf8'),
        source: scenario.source,
        overridesBundled: scenario.overridesBundled,
      });
    },
    save: (
      id: string | null,
      text: string,
      who: { author?: string | undefined; message?: string | undefined },
    ) => options.serial(() => save(id, text, who)),
    history: (id: string) => revisions.list(id),
  };
}

export type ScenarioAuthoring = ReturnType<typeof openScenarioAuthoring>;

/** The `scenarios.*` calls of the scenario editor. */
export function scenarioAuthoringHandlers(
  authoring: ScenarioAuthoring,
): Pick<Handlers, 'scenarios.source' | 'scenarios.check' | 'scenarios.save' | 'scenarios.history'> {
  return {
    'scenarios.source': ({ id }) => authoring.source(id),
    'scenarios.check': async ({ text }) => {
      const id = /^id:\s*([a-z0-9-]+)\s*$/m.exec(text)?.[1] ?? 'new-scenario';
      return ok({ problems: authoring.check(text, `scenarios/${id}.md`).problems });
    },
    'scenarios.save': ({ id, text, author, message }) =>
      authoring.save(id, text, { author, message }),
    'scenarios.history': async ({ id }) => ok(await authoring.history(id)),
  };
}
