import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { SearchBox } from '../features/search/SearchBox';
import { href } from '../useRoute';

const NAV_LINKS = [
  { label: 'Incidents', to: href.incidents },
  { label: 'Exercises', to: href.exercises },
  { label: 'Contacts', to: href.contacts() },
  { label: 'Systems', to: href.systems() },
  { label: 'Grab-bag pack', to: href.grabBag },
  { label: 'Settings', to: href.settings },
] as const;

/**
 * The top of every screen: name, search and the admin links. On a narrow or short window (200 %
 * zoom, a small laptop) the links fold behind a "Menu" button, so the header never pushes the
 * page sideways or fills the first screen (styles.css decides when; the button is hidden otherwise).
 */
export function AppHeader() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  // Going to another screen closes the menu: the new screen's title takes focus.
  useEffect(() => {
    const close = (): void => setOpen(false);
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  // Focus moving on past the links closes the list, so it never covers what is focused next.
  const onBlur = (event: FocusEvent<HTMLElement>): void => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    <header className="app-header">
      <a className="brand" href={href.home}>
        Holdfast
      </a>
      <SearchBox />
      <nav aria-label="Holdfast" className="header-nav" onKeyDown={onKeyDown} onBlur={onBlur}>
        <button
          ref={buttonRef}
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
        >
          Menu<span aria-hidden="true">{open ? ' ▲' : ' ▼'}</span>
        </button>
        <ul id={listId} className={open ? 'header-nav-list open' : 'header-nav-list'}>
          {NAV_LINKS.map((link) => (
            <li key={link.label}>
              <a href={link.to} onClick={() => setOpen(false)}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
