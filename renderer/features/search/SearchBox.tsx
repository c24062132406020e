import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { SearchHit } from '../../../main/contract/types';
import { request } from '../../api';
import { href } from '../../useRoute';
import { pluralise } from '../../../main/shared/pluralise';
import { loadLocalSearch, loadWhenIdle, localSearch, RESULTS_SHOWN } from './localSearch';

/**
 * Opens a result. A runbook opens at its top, where its safety steps and "Start an incident" are;
 * the matching step is a second, separate link. The same address twice fires no hashchange, so
 * the reader is moved by hand then.
 */
function openResult(target: string): void {
  if (window.location.hash === target) {
    const stepId = decodeURIComponent(target.split('/')[3] ?? '');
    const element = document.getElementById(stepId ? `step-${stepId}` : 'page-title');
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  } else window.location.hash = target;
}

/**
 * Finds runbooks as you type; Ctrl/Cmd+K from anywhere focuses it. The results are real links
 * (each runbook, and the step that matched), so Tab reaches both; ArrowDown/ArrowUp move between
 * runbooks, Enter in the box opens the first, Escape goes back to the box.
 */
export function SearchBox() {
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  // The words the shown hits answer: the list says so (data-query), so a check can tell an answer
  // to the latest keystroke from an earlier one.
  const [hitsFor, setHitsFor] = useState('');
  const [open, setOpen] = useState(false);
  const listId = useId();
  const statusId = useId();

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The search to run here is fetched once the first screen is done, or when the box is first
  // focused if that comes sooner.
  useEffect(() => loadWhenIdle(), []);

  // The words typed last: an answer to any earlier words is dropped (all of them once unmounted).
  const latest = useRef<string | null>('');
  useEffect(
    () => () => {
      latest.current = null;
    },
    [],
  );

  /**
   * Searches from the keystroke itself, not from an effect after the next render. With the search
   * here (localSearch.ts) the results are rendered in the keystroke's own task, so they make the
   * frame that shows the typed letter. Until then the core is asked, and its answer shown as soon
   * as it is in (flushSync), a frame later (search_paint_p95_ms in `npm run bench`).
   */
  const search = (words: string): void => {
    latest.current = words;
    setQuery(words);
    if (words.trim() === '') {
      setHits([]);
      setHitsFor(words);
      return;
    }
    const local = localSearch();
    if (local) {
      setHits(local.search(words.slice(0, 200), RESULTS_SHOWN));
      setHitsFor(words);
      setOpen(true);
      return;
    }
    void request('runbooks.search', { query: words.slice(0, 200), limit: RESULTS_SHOWN }).then(
      (result) => {
        if (latest.current !== words) return;
        flushSync(() => {
          setHits(result.ok ? result.value : []);
          setHitsFor(words);
          setOpen(true);
        });
      },
    );
  };

  const go = (target: string): void => {
    setOpen(false);
    search('');
    openResult(target);
  };

  /** The runbook links in order: arrow keys move between these. */
  const titleLinks = (): HTMLAnchorElement[] => [
    ...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a.search-result-title') ?? []),
  ];

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      // The list may only now be shown: focus once it is painted.
      requestAnimationFrame(() => titleLinks()[0]?.focus());
    } else if (event.key === 'Enter') {
      const hit = hits[0];
      if (hit) {
        event.preventDefault();
        go(href.runbook(hit.id));
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const links = titleLinks();
    const item = (event.target as HTMLElement).closest('li');
    const at = links.findIndex((link) => item?.contains(link));
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at <= 0) inputRef.current?.focus();
      else links[at - 1]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // Focus first: focusing the box opens the list, and this must close it.
      inputRef.current?.focus();
      setOpen(false);
    }
  };

  // The list closes when focus leaves the search altogether (not when it moves into the list).
  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="search" role="search" onBlur={onBlur}>
      <label htmlFor="search-input" className="search-label">
        Search<span className="search-label-more"> runbooks</span>{' '}
        <span className="search-shortcut">
          <kbd>Ctrl</kbd>+<kbd>K</kbd>
        </span>
      </label>
      <input
        ref={inputRef}
        id="search-input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder="For example: ransom, lost phone"
        aria-controls={listId}
        aria-describedby={statusId}
        value={query}
        onChange={(event) => search(event.target.value)}
        onKeyDown={onInputKeyDown}
        onFocus={() => {
          setOpen(true);
          void loadLocalSearch();
        }}
      />
      <div
        ref={listRef}
        id={listId}
        className="search-results"
        data-query={hitsFor}
        hidden={!showList}
        onKeyDown={onListKeyDown}
      >
        {hits.length > 0 ? (
          <ul aria-label="Matching runbooks">
            {hits.map((hit) => (
              <SearchResult key={hit.id} hit={hit} onOpen={go} />
            ))}
          </ul>
        ) : (
          <p className="search-empty">
            No runbook matches “{query}”. Try fewer or different words.
          </p>
        )}
      </div>
      <p id={statusId} className="visually-hidden" role="status">
        {showList ? `${pluralise(hits.length, 'runbook', 'runbooks')} found` : ''}
      </p>
    </div>
  );
}

/** One runbook found: its title opens it at the top; the step that matched has a link of its own. */
function SearchResult({ hit, onOpen }: { hit: SearchHit; onOpen: (target: string) => void }) {
  const match = hit.matches[0];
  const snippetId = useId();
  const top = href.runbook(hit.id);
  const step = match ? href.runbook(hit.id, match.stepId) : null;
  return (
    <li className="search-result">
      <a
        className="search-result-title"
        href={top}
        aria-describedby={snippetId}
        onClick={(event) => {
          event.preventDefault();
          onOpen(top);
        }}
      >
        {hit.title}
      </a>
      <span id={snippetId} className="search-result-match">
        {match ? `${match.phaseTitle}, step ${match.stepNumber}: ${match.text}` : hit.summary}
      </span>
      {match && step && (
        <a
          className="search-result-step"
          href={step}
          onClick={(event) => {
            event.preventDefault();
            onOpen(step);
          }}
        >
          Go to step {match.stepNumber} of {match.phaseTitle}
          <span className="visually-hidden"> in {hit.title}</span>
        </a>
      )}
    </li>
  );
}
