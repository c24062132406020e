// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppHeader } from './AppHeader';

// Nothing is started before render in a test, so no answer is waiting (takeSettled), and the
// first screen's answers never come in (earlyAnswers): the search box fetches nothing of its own.
vi.mock('../api', () => ({
  request: vi.fn(),
  takeSettled: () => undefined,
  earlyAnswers: () => new Promise(() => {}),
}));
afterEach(cleanup);

const menu = () => screen.getByRole('button', { name: /^Menu/ });
const list = () => document.getElementById(menu().getAttribute('aria-controls') ?? '');

describe('AppHeader: the Menu disclosure', () => {
  it('controls the list of links and says whether it is open', () => {
    render(<AppHeader />);
    const nav = screen.getByRole('navigation', { name: 'Holdfast' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Incidents', 'Exercises', 'Contacts', 'Systems', 'Grab-bag pack', 'Settings']);
    expect(list()?.tagName).toBe('UL');
    expect(menu().getAttribute('aria-expanded')).toBe('false');
    expect(list()?.classList.contains('open')).toBe(false);
    fireEvent.click(menu());
    expect(menu().getAttribute('aria-expanded')).toBe('true');
    expect(list()?.classList.contains('open')).toBe(true);
    fireEvent.click(menu());
    expect(menu().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on Escape from a link and puts focus back on the button', () => {
    render(<AppHeader />);
    fireEvent.click(menu());
    const link = screen.getByRole('link', { name: 'Systems' });
    link.focus();
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(menu().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu());
  });

  it('closes when focus moves on past its links', () => {
    render(
      <>
        <AppHeader />
        <button type="button">Next on the page</button>
      </>,
    );
    fireEvent.click(menu());
    const settings = screen.getByRole('link', { name: 'Settings' });
    fireEvent.blur(settings, { relatedTarget: screen.getByRole('link', { name: 'Systems' }) });
    expect(menu().getAttribute('aria-expanded')).toBe('true');
    fireEvent.blur(settings, {
      relatedTarget: screen.getByRole('button', { name: 'Next on the page' }),
    });
    expect(menu().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes when a link is followed or the screen changes', () => {
    render(<AppHeader />);
    fireEvent.click(menu());
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    expect(menu().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(menu());
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(menu().getAttribute('aria-expanded')).toBe('false');
  });
});
