import type { RunbookSearch } from '../../../main/shared/search';
import { earlyAnswers, request } from '../../api';
import { onLibraryChanged } from '../../lib/useReloadOnFocus';
import { keepingFirstKeys, searchFirstKeys, whenIdle } from './firstKeys';

/** How many runbooks the search box shows. */
export const RESULTS_SHOWN = 8;

/*
 * The library's search, run here in the renderer so results are shown in the keystroke's own task:
 * the browser holds back every other task (a call's answer included) until the frame that shows
 * the typed letter is painted, so an answer from the core can only ever show a frame later
 * (search_paint_p95_ms in `npm run bench`). It is the core's own engine (main/shared/search) over
 * the core's own index (`runbooks.searchIndex`), so it gives the core's answers.
 *
 * The engine and the data are fetched on first need, never for the first screen. Until they are
 * in, or if fetching them failed, the search box asks the core (`runbooks.search`) as before.
 */

interface Held {
  revision: string;
  search: RunbookSearch;
}

let held: Held | null = null;
let loading: Promise<void> | null = null;
/** Bumped when the library changes: a load begun before then would hold the old library. */
let generation = 0;

/** The search to run in the keystroke's task, or null while it is not (yet) here. */
export const localSearch = (): RunbookSearch | null => held?.search ?? null;

/**
 * Fetches the search (engine and data) if not held, or checks that the one held is still the
 * core's library (a short answer when it is). Never rejects; at most one fetch at a time.
 */
export function loadLocalSearch(): Promise<void> {
  loading ??= fetchSearch().finally(() => {
    loading = null;
  });
  return loading;
}

async function fetchSearch(): Promise<void> {
  const started = generation;
  const known = held?.revision;
  try {
    const [engine, answer] = await Promise.all([
      import('../../../main/shared/search/searchLibrary'),
      request('runbooks.searchIndex', known === undefined ? {} : { known }),
    ]);
    if (started !== generation || !answer.ok) return;
    const { revision, library } = answer.value;
    if (library === null) return;
    const found = engine.searchFromLibrary(library);
    const search = found && keepingFirstKeys(found);
    held = search ? { revision, search } : null;
    performance.mark('holdfast-search-ready');
    // Also compiles the engine's code before the first real keystroke, which would pay for it.
    if (search) searchFirstKeys(search, RESULTS_SHOWN, () => held?.search !== search);
  } catch {
    // The chunk could not be read: the box goes on asking the core.
  }
}

/** How long the first screen's data may take before the search is fetched anyway. */
const FIRST_SCREEN_WAIT_MS = 3000;

/**
 * Fetches the search once the first screen is done (its data calls answered, then the browser
 * idle), so it never delays it. Returns a cancel, for a box unmounted before then.
 */
export function loadWhenIdle(): () => void {
  let cancelled = false;
  let cancelIdle = (): void => {};
  void earlyAnswers(FIRST_SCREEN_WAIT_MS).then(() => {
    if (!cancelled) cancelIdle = whenIdle(() => void loadLocalSearch());
  });
  return () => {
    cancelled = true;
    cancelIdle();
  };
}

/**
 * Drops the held search when the library changed; one that was held or on its way is fetched
 * again (after any fetch under way, whose answer is then dropped), the box asking the core
 * meanwhile.
 */
export function dropLocalSearch(): void {
  const wanted = held !== null || loading !== null;
  generation += 1;
  held = null;
  if (wanted) void (loading ?? Promise.resolve()).then(loadLocalSearch);
}

onLibraryChanged(dropLocalSearch);
