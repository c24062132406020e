import type { Handlers } from '../../contract/contract';
import { fail, ok } from '../../contract/result';
import type { Runbook, RunbookLibrary, RunbookSummary, RunbookView } from '../../contract/types';
import { searchLibraryOf } from '../../shared/search/searchLibrary';
import type { LoadedLibrary } from './library';
import type { LiveLibrary } from './liveLibrary';

/** The library as the list screens show it: summaries by title, and every problem found. */
export function summarise({ runbooks, problems, draftFiles }: LoadedLibrary): RunbookLibrary {
  const list: RunbookSummary[] = [...runbooks.values()]
    .map(
      ({
        id,
        title,
        category,
        summary,
        providerTypes,
        reviewed,
        owner,
        version,
        source,
        overridesBundled,
        status,
      }) => ({
        id,
        title,
        category,
        summary,
        providerTypes,
        reviewed,
        owner,
        version,
        source,
        overridesBundled,
        status,
      }),
    )
    .sort((a, b) => a.title.localeCompare(b.title));
  return {
    runbooks: list.filter((runbook) => runbook.status !== 'draft'),
    problems: problems.filter((problem) => !draftFiles.has(problem.file)),
    drafts: list.filter((runbook) => runbook.status === 'draft'),
    draftProblems: problems.filter((problem) => draftFiles.has(problem.file)),
  };
}

/** The `runbooks.*` reading calls; editing calls live in authoring. */
export function runbooksHandlers(deps: {
  library: LiveLibrary;
  present: (runbook: Runbook) => RunbookView;
  /** Everything that reads runbook folders reloads together (scenarios sit beside runbooks). */
  reload: () => Promise<void>;
}): Pick<
  Handlers,
  'runbooks.list' | 'runbooks.get' | 'runbooks.search' | 'runbooks.searchIndex' | 'runbooks.reload'
> {
  const { library, present } = deps;
  return {
    'runbooks.list': async () => ok(summarise(library.library())),
    'runbooks.get': async ({ id }) => {
      const runbook = library.library().runbooks.get(id);
      return runbook
        ? ok(present(runbook))
        : fail('NOT_FOUND', `There is no runbook with the id "${id}".`);
    },
    'runbooks.search': async ({ query, limit }) => ok(library.search().search(query, limit)),
    'runbooks.searchIndex': async ({ known }) => {
      const revision = library.revision();
      // Made afresh rather than kept: a window asks once, then only checks it is still current.
      if (known === revision) return ok({ revision, library: null });
      return ok({ revision, library: searchLibraryOf(library.search().indexed) });
    },
    'runbooks.reload': async () => {
      await deps.reload();
      return ok(summarise(library.library()));
    },
  };
}
