import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncidentUsingRunbook, SaveOutcome } from '../../contract/authoringTypes';
import type { Handlers } from '../../contract/contract';
import type { IncidentSummary, IncidentView } from '../../contract/incidentTypes';
import { fail, ok, type Result } from '../../contract/result';
import type { Problem, Runbook, RunbookLibrary, RunbookView } from '../../contract/types';
import type { NationalContact } from '../contacts/nationalContacts';
import { isRunbookFileName, readRunbookFolder, type LoadedLibrary } from '../runbooks/library';
import { writeFileDurable } from '../storage/durableFile';
import { checkRunbookText, describeErrors } from './checkRunbookText';
import { openDocumentAuthoring, type Recorded } from './documentAuthoring';
import { withStatus } from './publishText';
import { openEditorDrafts } from './editorDrafts';
import { withNextVersion } from './versionBump';

type AuthoringCall =
  | 'runbooks.source'
  | 'runbooks.preview'
  | 'runbooks.save'
  | 'runbooks.history'
  | 'runbooks.trashed'
  | 'runbooks.revision'
  | 'runbooks.diff'
  | 'runbooks.restore'
  | 'runbooks.resetToBundled'
  | 'runbooks.trash'
  | 'runbooks.publish'
  | 'runbooks.unsavedDraft'
  | 'runbooks.keepDraft'
  | 'runbooks.discardDraft'
  | 'runbooks.refused'
  | 'runbooks.refusedSource';

export interface AuthoringOptions {
  bundledDir: string;
  userDir: string;
  historyDir: string;
  trashDir: string;
  /** Where the editor keeps text typed but not saved yet. */
  draftsDir: string;
  library: () => LoadedLibrary;
  national: () => Map<string, NationalContact>;
  /** Roles the provider added to their contacts, which runbooks may name too. */
  ownRoles: () => ReadonlySet<string>;
  present: (runbook: Runbook) => RunbookView;
  /** Reloads the library so the reader, search and lists show what was just saved. */
  reload: () => Promise<void>;
  summary: () => RunbookLibrary;
  incidents: { list(): Promise<IncidentSummary[]>; get(id: string): Promise<Result<IncidentView>> };
  now: () => Date;
  log?: (message: string, error: unknown) => void;
}

/** An imported runbook saved as a draft, or kept as a file to fix with its problems. */
export type SavedImport =
  { outcome: 'saved'; id: string } | { outcome: 'to-fix'; file: string; problems: Problem[] };

/** How the library names files of the provider's runbooks folder in its problem reports. */
const USER_FOLDER_LABEL = 'your runbooks';

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/**
 * Runbook editing: every change is checked by the runbook parser first, written durably to the
 * user folder (bundled files are never written) and recorded as a new revision in history.
 * Pack import uses the same queue and history, so its changes can be undone the same way.
 */
export function openAuthoring(options: AuthoringOptions) {
  const drafts = openEditorDrafts(options.draftsDir, options.now);
  let bundledIds: Promise<Map<string, string>> | null = null;
  /** Bundled files never change while the app runs, so they are listed once. */
  const bundled = (): Promise<Map<string, string>> => {
    bundledIds ??= readRunbookFolder({
      dir: options.bundledDir,
      source: 'bundled',
      label: 'runbooks',
    }).then(
      ({ candidates }) =>
        new Map(candidates.map((candidate) => [candidate.parsed.meta.id, candidate.origin.path])),
    );
    return bundledIds;
  };
  // One change at a time: revision numbers come from what is already on disk.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const docs = openDocumentAuthoring({
    noun: 'runbook',
    folderName: 'your runbooks folder',
    userDir: options.userDir,
    historyDir: options.historyDir,
    trashDir: options.trashDir,
    inUse: (id) => {
      const origin = options.library().origins.get(id);
      const runbook = options.library().runbooks.get(id);
      return origin && runbook ? { path: origin.path, source: runbook.source } : null;
    },
    bundledPath: async (id) => (await bundled()).get(id) ?? null,
    reload: options.reload,
    serial,
    now: options.now,
    log: options.log,
  });
  const { revisions } = docs;
  const userPathOf = docs.ownPathOf;
  const withLibrary = (recorded: Result<Recorded>): Result<SaveOutcome> =>
    recorded.ok ? ok({ ...recorded.value, library: options.summary() }) : recorded;
  const currentText = async (id: string): Promise<string | null> => {
    const origin = options.library().origins.get(id);
    return origin ? readFile(origin.path, 'utf8') : null;
  };

  async function save(
    expectedId: string | null,
    text: string,
    who: { author?: string | undefined; message?: string | undefined },
    restoredFrom?: number,
    replacesFile?: string,
  ): Promise<Result<SaveOutcome>> {
    const ids = await bundled();
    const { parsed, preview } = checkRunbookText(text, context(ids));
    // Errors found against the rest of the library (an unknown contact role) refuse it too.
    if (!parsed || preview.problems.some((problem) => problem.severity === 'error'))
      return fail('INVALID_INPUT', describeErrors(preview.problems));
    const id = parsed.meta.id;
    // A fixed file may keep the id of a runbook that comes with Holdfast: it becomes the edited version.
    const takenBy = options.library().runbooks.get(id);
    const isTaken = replacesFile
      ? takenBy?.source === 'user'
      : takenBy !== undefined || ids.has(id);
    if (expectedId === null && isTaken) {
      return fail(
        'INVALID_INPUT',
        `The runbook was not saved: the id "${id}" is already used by another runbook. Choose a different id.`,
      );
    }
    if (expectedId !== null && id !== expectedId) {
      return fail(
        'INVALID_INPUT',
        `The runbook was not saved: its id must stay "${expectedId}" (progress in incidents is kept by id). To make a copy under a new id, use Duplicate.`,
      );
    }
    try {
      // An edit of a runbook in use goes up one version, so two printed copies can be told apart.
      const text = withNextVersion(preview.textWithIds, await currentText(id));
      const path = userPathOf(id) ?? join(options.userDir, `${id}.md`);
      // The refused file was fixed and is saved under its id: the broken copy goes to the trash.
      const broken = replacesFile ? join(options.userDir, replacesFile) : null;
      if (broken && broken !== path && (await refusedFiles()).includes(replacesFile as string))
        await docs.moveToTrash(broken);
      const outcome = withLibrary(ok(await docs.write(id, text, who, restoredFrom)));
      // What was typed is now saved: the kept copy of unsaved text is no longer needed.
      await Promise.all([
        drafts.discard(id),
        ...(expectedId === null ? [drafts.discard(null)] : []),
      ]);
      return outcome;
    } catch (error: unknown) {
      return docs.saveFailed(error);
    }
  }

  const context = (ids: Map<string, string>) => ({
    library: options.library(),
    national: options.national(),
    ownRoles: options.ownRoles(),
    isBundledId: (id: string) => ids.has(id),
    present: options.present,
  });

  /** Files in the runbooks folder the library did not load (each has an error), by name. */
  async function refusedFiles(): Promise<string[]> {
    let names: string[];
    try {
      names = (await readdir(options.userDir)).filter(isRunbookFileName).sort();
    } catch {
      return [];
    }
    const loaded = new Set([...options.library().origins.values()].map((origin) => origin.path));
    return names.filter((name) => !loaded.has(join(options.userDir, name)));
  }
  const problemsOf = (name: string) =>
    options.library().problems.filter((problem) => problem.file === `${USER_FOLDER_LABEL}/${name}`);
  const titleIn = (text: string): string | null =>
    /^title:[ \t]*["']?(.+?)["']?[ \t]*$/m.exec(text)?.[1] ?? null;

  async function incidentsUsing(id: string): Promise<IncidentUsingRunbook[]> {
    const open = (await options.incidents.list()).filter(
      (incident) => incident.status === 'open' && !incident.problem,
    );
    const views = await Promise.all(open.map((incident) => options.incidents.get(incident.id)));
    return views.flatMap((view) =>
      view.ok && view.value.runbooks.some((runbook) => runbook.id === id)
        ? [{ id: view.value.id, name: view.value.name, exercise: view.value.exercise }]
        : [],
    );
  }

  const handlers: Pick<Handlers, AuthoringCall> = {
    'runbooks.source': async ({ id }) => {
      const runbook = options.library().runbooks.get(id);
      const text = await currentText(id);
      if (!runbook || text === null)
        return fail('NOT_FOUND', `There is no runbook with the id "${id}".`);
      return ok({
        id,
        text,
        source: runbook.source,
        hasBundled: (await bundled()).has(id),
        overridesBundled: runbook.overridesBundled,
        openIncidents: await incidentsUsing(id),
      });
    },
    'runbooks.preview': async ({ text }) => {
      return ok(checkRunbookText(text, context(await bundled())).preview);
    },
    'runbooks.save': ({ id, text, author, message, replacesFile }) =>
      serial(() => save(id, text, { author, message }, undefined, replacesFile)),
    'runbooks.unsavedDraft': async ({ id }) => ok({ draft: await drafts.get(id) }),
    'runbooks.keepDraft': async ({ id, text }) => {
      try {
        return ok(await drafts.keep(id, text));
      } catch (error: unknown) {
        options.log?.('editor draft not kept', error);
        return fail('STORAGE_FAILED', 'Your unsaved changes could not be kept on this computer.');
      }
    },
    'runbooks.discardDraft': async ({ id }) => {
      await drafts.discard(id);
      return ok({ discarded: true as const });
    },
    'runbooks.refused': async () =>
      ok(
        await Promise.all(
          (await refusedFiles()).map(async (file) => {
            const text = await readFile(join(options.userDir, file), 'utf8').catch(() => '');
            return { file, title: titleIn(text), problems: problemsOf(file) };
          }),
        ),
      ),
    'runbooks.refusedSource': async ({ file }) => {
      if (!(await refusedFiles()).includes(file))
        return fail(
          'NOT_FOUND',
          `There is no file called "${file}" with problems in your runbooks folder.`,
        );
      const text = await readFile(join(options.userDir, file), 'utf8').catch(() => null);
      if (text === null)
        return fail('NOT_FOUND', `The file "${file}" could not be read. It may have been moved.`);
      return ok({ file, text, title: titleIn(text), problems: problemsOf(file) });
    },
    'runbooks.history': async ({ id }) => ok(await docs.history(id)),
    'runbooks.trashed': async () => {
      const trashed = await Promise.all(
        (await revisions.ids()).map(async (id) => {
          const last = (await revisions.list(id)).at(-1);
          if (last?.kind !== 'trash' || options.library().runbooks.has(id)) return [];
          const text = (await revisions.read(id, last.seq))?.text ?? '';
          const title = /^title:\s*["']?(.*?)["']?\s*$/m.exec(text)?.[1] ?? id;
          return [{ id, title, trashedAt: last.savedAt }];
        }),
      );
      return ok(trashed.flat());
    },
    'runbooks.revision': async ({ id, seq }) => {
      const revision = await revisions.read(id, seq);
      return revision
        ? ok(revision)
        : fail('NOT_FOUND', `Revision ${seq} of "${id}" does not exist.`);
    },
    'runbooks.diff': ({ id, from, to }) => docs.diff(id, from, to),
    'runbooks.restore': ({ id, seq, author, message }) =>
      docs.restore(id, seq, { author, message }, (text, who, restoredFrom) =>
        save(id, text, who, restoredFrom),
      ),
    'runbooks.resetToBundled': async ({ id, author, message }) =>
      withLibrary(await docs.resetToBundled(id, { author, message })),
    'runbooks.publish': ({ id, author, message }) =>
      serial(async () => {
        const runbook = options.library().runbooks.get(id);
        const text = await currentText(id);
        if (!runbook || text === null)
          return fail('NOT_FOUND', `There is no runbook with the id "${id}".`);
        if (runbook.status !== 'draft')
          return fail('INVALID_INPUT', `"${runbook.title}" is already published.`);
        // Saved like any edit: checked again, written durably and kept in history.
        return save(id, withStatus(text, 'published'), { author, message: message || 'Published' });
      }),
    'runbooks.trash': async ({ id, author, message }) =>
      withLibrary(await docs.trash(id, { author, message })),
  };
  /**
   * Saves an imported runbook as a draft. One with errors is not refused outright: it is written
   * to the runbooks folder as a file to fix (the library refuses it until then), so it opens in
   * the editor with its problems, like any file dropped there.
   */
  const saveImported = (
    text: string,
    who: { author?: string | undefined; message?: string | undefined },
  ): Promise<Result<SavedImport>> =>
    serial(async () => {
      const { parsed, preview } = checkRunbookText(text, context(await bundled()));
      if (parsed && !preview.problems.some((problem) => problem.severity === 'error')) {
        const saved = await save(null, text, who);
        return saved.ok ? ok({ outcome: 'saved' as const, id: saved.value.id }) : saved;
      }
      const stem = parsed?.meta.id ?? /^id:[ \t]*([a-z0-9-]+)/m.exec(text)?.[1] ?? 'imported-plan';
      try {
        let file = `${stem}.md`;
        for (let n = 2; await exists(join(options.userDir, file)); n += 1) file = `${stem}-${n}.md`;
        await writeFileDurable(join(options.userDir, file), preview.textWithIds);
        await options.reload();
        return ok({ outcome: 'to-fix' as const, file, problems: problemsOf(file) });
      } catch (error: unknown) {
        options.log?.('imported runbook not kept', error);
        return fail(
          'STORAGE_FAILED',
          'The plan could not be kept. Check there is free disk space, then try again.',
        );
      }
    });

  return {
    handlers,
    serial,
    saveImported,
    /** Ids of the bundled runbooks, with their files. */
    bundled,
    /** The editor's checks over text that is not saved (an imported plan). */
    check: async (text: string) => checkRunbookText(text, context(await bundled())).preview,
    userPathOf,
    recordBaseline: docs.recordBaseline,
    /** Records text just written by someone other than the editor (a pack import). */
    recordSaved: docs.recordSaved,
  };
}

export type Authoring = ReturnType<typeof openAuthoring>;
