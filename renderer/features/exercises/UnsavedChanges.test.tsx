// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UnsavedChanges } from './UnsavedChanges';

afterEach(cleanup);

describe('Show what you changed', () => {
  it('lists the lines changed since the last save, in words, only when asked', () => {
    render(
      <UnsavedChanges
        saved={'title: Drill\nRelease: 5 minutes\n'}
        edited={'title: Night drill\nRelease: 5 minutes\n'}
      />,
    );
    const button = screen.getByRole('button', { name: 'Show what you changed' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region')).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const region = screen.getByRole('region', { name: 'What you changed, not saved yet' });
    expect(within(region).getByRole('status').textContent).toBe(
      '2 lines changed since it was last saved.',
    );
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Removed line 1: title: Drill', 'Added line 1: title: Night drill']);
    fireEvent.click(screen.getByRole('button', { name: 'Hide what you changed' }));
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('says so when nothing has changed', () => {
    render(<UnsavedChanges saved="same" edited="same" />);
    fireEvent.click(screen.getByRole('button', { name: 'Show what you changed' }));
    expect(screen.getByRole('status').textContent).toBe('No changes since it was last saved.');
  });
});
