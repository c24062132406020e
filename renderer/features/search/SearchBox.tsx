import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../main/contract/types';
import { request } from '../../api';
import { href } from '../../useRoute';

/** Finds runbooks as you type; Ctrl/Cmd+K from anywhere focuses it. An ARIA combobox. */
export function SearchBox() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  // The words the shown hits answer: the list says so (data-query), so a check can tell an answer
  // to the latest keystroke from an earlier one.
  const [hitsFor, setHitsFor] = useState('');
  // The highlighted result is kept by id, so a later answer for the same words keeps the choice.
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = hits.findIndex((hit) => hit.id === activeId);
  const [open, setOpen] = useState(false);
  const listId = useId();

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

  useEffect(() => {
    let current = true;
    if (query.trim() === '') {
      setHits([]);
      setHitsFor(query);
      return;
    }
    void request('runbooks.search', { query: query.slice(0, 200), limit: 8 }).then((result) => {
      if (!current) return;
      setHits(result.ok ? result.value : []);
      setHitsFor(query);
      setOpen(true);
    });
    return () => {
      current = false;
    };
  }, [query]);

  const go = (hit: SearchHit): void => {
    setOpen(false);
    setQuery('');
    window.location.hash = href.runbook(hit.id, hit.matches[0]?.stepId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActiveId(hits[(active + 1) % hits.length]?.id ?? null);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActiveId(hits[active <= 0 ? hits.length - 1 : active - 1]?.id ?? null);
    } else if (event.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (hit) {
        event.preventDefault();
        go(hit);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="search" role="search">
      <label htmlFor="search-input" className="search-label">
        Search runbooks <kbd>Ctrl</kbd>+<kbd>K</kbd>
      </label>
      <input
        ref={inputRef}
        id="search-input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="For example: ransom, lost phone, email hacked"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching runbooks"
        className="search-results"
        data-query={hitsFor}
        hidden={!showList}
      >
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'search-result active' : 'search-result'}
            onMouseDown={(event) => {
              event.preventDefault();
              go(hit);
            }}
          >
            <span className="search-result-title">{hit.title}</span>
            {hit.matches[0] ? (
              <span className="search-result-match">
                {hit.matches[0].phaseTitle}, step {hit.matches[0].stepNumber}: {hit.matches[0].text}
              </span>
            ) : (
              <span className="search-result-match">{hit.summary}</span>
            )}
          </li>
        ))}
        {hits.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" className="search-empty">
            No runbook matches “{query}”. Try fewer or different words.
          </li>
        )}
      </ul>
      <p className="visually-hidden" role="status">
        {showList ? (hits.length === 1 ? '1 runbook found' : `${hits.length} runbooks found`) : ''}
      </p>
    </div>
  );
}
