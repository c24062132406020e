// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../main/contract/types';
import { SETTINGS_SECTIONS } from '../../useRoute';

const SETTINGS: Settings = {
  organisationName: 'Oak House',
  providerType: 'care-home',
  pharmacyCqcRegistered: false,
  isolationInstruction: '',
  contractClocks: [],
  careGroupKeys: [],
};
const request = vi.fn((name: string) =>
  Promise.resolve(
    name === 'settings.get'
      ? { ok: true, value: SETTINGS }
      : { ok: false, error: { code: 'NOT_AVAILABLE', message: 'Not in this test.' } },
  ),
);
vi.mock('../../api', () => ({
  request: (name: string) => request(name),
  takeSettled: () => undefined,
}));

const { SettingsScreen } = await import('./SettingsScreen');

afterEach(() => {
  cleanup();
  request.mockClear();
});

/** The heading each part of Settings opens at, by its name. */
const HEADINGS = {
  isolation: 'What your IT supplier says to do with an affected computer',
  'care-group-keys': 'Care group keys',
  backup: 'Back up all data',
  restore: 'Restore from a backup…',
  diagnostics: 'Diagnostics for your IT supplier',
} as const;

describe('Settings opened at one part', () => {
  it.each(SETTINGS_SECTIONS)('moves focus to the heading of %s', async (section) => {
    render(<SettingsScreen section={section} />);
    const heading = await screen.findByRole('heading', { level: 2, name: HEADINGS[section] });
    // Focus moves in an effect after the part appears, so wait for it rather than race it.
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('moves focus to the page title when no part is named, and to a part when the address changes', async () => {
    const { rerender } = render(<SettingsScreen />);
    const title = await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    rerender(<SettingsScreen section="backup" />);
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { level: 2, name: HEADINGS.backup }),
    );
  });

  it('keeps the IT supplier’s instruction labelled by its heading', async () => {
    render(<SettingsScreen section="isolation" />);
    const box = await screen.findByLabelText(HEADINGS.isolation);
    expect(box.tagName).toBe('TEXTAREA');
  });
});
