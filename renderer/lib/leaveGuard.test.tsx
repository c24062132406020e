// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LeaveGuardDialog } from '../ui/LeaveGuardDialog';
import { useRoute } from '../useRoute';
import { guardLeaving } from './leaveGuard';

/** A screen showing the route, with two links, and the app's one question dialog. */
function Frame() {
  const route = useRoute();
  return (
    <>
      <p data-testid="route">{route.name}</p>
      <a href="#/contacts">Contacts</a>
      <a href="#/settings">Settings</a>
      <LeaveGuardDialog />
    </>
  );
}

let unsaved = true;
const save = vi.fn(async () => true);
const discard = vi.fn();
let stopGuarding: () => void = () => undefined;

beforeEach(() => {
  window.history.replaceState(null, '', '#/edit/lost-device');
  unsaved = true;
  stopGuarding = guardLeaving({ hasUnsavedChanges: () => unsaved, save, discard });
});
afterEach(() => {
  stopGuarding();
  cleanup();
  save.mockClear();
  discard.mockClear();
});

const question = () =>
  screen.queryByRole('heading', { name: 'You have changes that are not saved' });

describe('leaving a screen with changes that are not saved', () => {
  it('asks before following a link, and Stay keeps the screen', () => {
    render(<Frame />);
    fireEvent.click(screen.getByRole('link', { name: 'Contacts' }));
    expect(question()).not.toBeNull();
    expect(window.location.hash).toBe('#/edit/lost-device');
    expect(screen.getByRole('button', { name: 'Stay' })).toBe(document.activeElement);

    fireEvent.click(screen.getByRole('button', { name: 'Stay' }));
    expect(question()).toBeNull();
    expect(window.location.hash).toBe('#/edit/lost-device');
    expect(screen.getByTestId('route').textContent).toBe('edit-runbook');
    expect(discard).not.toHaveBeenCalled();
  });

  it('"Leave without saving" goes where the link pointed and forgets the changes', async () => {
    render(<Frame />);
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Leave without saving' }));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(discard).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/settings');
    expect(screen.getByTestId('route').textContent).toBe('settings');
  });

  it('"Save" saves first, then goes on', async () => {
    render(<Frame />);
    fireEvent.click(screen.getByRole('link', { name: 'Contacts' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('route').textContent).toBe('contacts');
  });

  it('puts the address back when the back button or a typed address changed it, and asks', async () => {
    render(<Frame />);
    await act(async () => {
      window.history.replaceState(null, '', '#/incidents');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(window.location.hash).toBe('#/edit/lost-device');
    expect(screen.getByTestId('route').textContent).toBe('edit-runbook');
    expect(question()).not.toBeNull();
  });

  it('moves without asking when nothing is unsaved', async () => {
    unsaved = false;
    render(<Frame />);
    fireEvent.click(screen.getByRole('link', { name: 'Contacts' }));
    expect(question()).toBeNull();
  });

  it('asks the browser to confirm closing the window only while changes are unsaved', () => {
    render(<Frame />);
    const closing = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closing);
    expect(closing.defaultPrevented).toBe(true);
    unsaved = false;
    const closingClean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closingClean);
    expect(closingClean.defaultPrevented).toBe(false);
  });
});
