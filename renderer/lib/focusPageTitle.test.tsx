// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusPageTitle } from './focusPageTitle';

const title = (text: string): HTMLHeadingElement => {
  const heading = document.createElement('h1');
  heading.id = 'page-title';
  heading.tabIndex = -1;
  heading.textContent = text;
  return heading;
};

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('focusPageTitle', () => {
  it('focuses the title at once when the screen already shows it', () => {
    const heading = title('Incidents');
    document.body.append(heading);
    focusPageTitle();
    expect(document.activeElement).toBe(heading);
  });

  it('waits for a screen that is still loading, then focuses its title once it is shown', async () => {
    const loading = document.createElement('p');
    loading.textContent = 'Opening…';
    document.body.append(loading);
    focusPageTitle();
    expect(document.activeElement).toBe(document.body);

    const heading = title('Start an incident');
    loading.replaceWith(heading);
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('stops waiting when told to (the next route change), and after a while on its own', async () => {
    vi.useFakeTimers();
    const stop = focusPageTitle();
    stop();
    const late = title('Contacts');
    document.body.append(late);
    await Promise.resolve();
    expect(document.activeElement).not.toBe(late);
    late.remove();

    focusPageTitle();
    vi.advanceTimersByTime(10_000);
    const tooLate = title('Settings');
    document.body.append(tooLate);
    await Promise.resolve();
    expect(document.activeElement).not.toBe(tooLate);
  });
});
