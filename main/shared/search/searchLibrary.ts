import type { SearchLibrary, SearchRunbook } from '../../contract/types';
import { searchIndexed, type RunbookSearch } from './index';
import { restoreIndex, savedIndex, type IndexedLibrary } from './indexLibrary';

/**
 * The parts of a runbook search reads once its index has found it, and nothing else: no intro,
 * synonyms or rendered text (the index already holds their words), no step kinds or lines.
 */
function searchRunbook(runbook: SearchRunbook): SearchRunbook {
  const { id, title, summary, category, source, overridesBundled } = runbook;
  return {
    id,
    title,
    summary,
    category,
    source,
    overridesBundled,
    contacts: runbook.contacts.map(({ role, label }) => ({ role, label })),
    phases: runbook.phases.map((phase) => ({
      title: phase.title,
      steps: phase.steps.map(({ id: stepId, number, text, details, options }) => ({
        id: stepId,
        number,
        text,
        details,
        options: options.map((option) => ({ text: option.text })),
      })),
    })),
  };
}

/** A built index with its runbooks, in the form that crosses to the renderer. */
export function searchLibraryOf(indexed: IndexedLibrary): SearchLibrary {
  return { index: savedIndex(indexed), runbooks: indexed.books.map(searchRunbook) };
}

/**
 * The same search the core runs, from `searchLibraryOf`'s form; null when that is not a whole
 * index of those runbooks (then the caller asks the core instead).
 */
export function searchFromLibrary(library: SearchLibrary): RunbookSearch | null {
  const restored = restoreIndex(library.runbooks, library.index);
  return restored ? searchIndexed(restored) : null;
}
