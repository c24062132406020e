// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReadinessLine } from '../../../main/contract/readinessTypes';
import { ReadinessList } from './ReadinessList';

const contacts: ReadinessLine = {
  check: 'local-contacts',
  title: 'Local contacts',
  ready: false,
  summary: '9 roles have no contact yet.',
  items: [
    {
      text: 'IT supplier: not set yet. You need this one in the first 15 minutes.',
      link: { to: 'contacts', role: 'it-supplier' },
    },
  ],
  more: 8,
  fix: { words: 'Fill in contacts', link: { to: 'contacts' } },
};
const backup: ReadinessLine = {
  check: 'backup',
  title: 'Backup of Holdfast',
  ready: true,
  summary: 'The last backup was made today (5 December 2026).',
  items: [],
  more: 0,
  fix: { words: 'Make a backup', link: { to: 'settings', section: 'backup' } },
};

afterEach(cleanup);

describe('ReadinessList', () => {
  it('says each state in words in the line heading, not only by colour or mark', () => {
    render(<ReadinessList lines={[contacts, backup]} detailed={false} headingLevel={3} />);
    expect(
      screen.getByRole('heading', { level: 3, name: /^To do ?: Local contacts$/ }),
    ).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 3, name: /^Ready ?: Backup of Holdfast$/ }),
    ).toBeTruthy();
  });

  it('links a line that needs doing to where it is fixed, and a ready line to nowhere', () => {
    render(<ReadinessList lines={[contacts, backup]} detailed={false} headingLevel={3} />);
    expect(screen.getByRole('link', { name: 'Fill in contacts' }).getAttribute('href')).toBe(
      '#/contacts',
    );
    expect(screen.queryByRole('link', { name: 'Make a backup' })).toBeNull();
    // Home's short list names no items.
    expect(screen.queryByText(/IT supplier/)).toBeNull();
  });

  it('in detail, names each thing to fix with its own link and counts the rest', () => {
    render(<ReadinessList lines={[contacts]} detailed headingLevel={2} />);
    const items = within(screen.getAllByRole('list')[1]!).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'IT supplier: not set yet. You need this one in the first 15 minutes.',
      'and 8 more',
    ]);
    expect(
      screen.getByRole('link', { name: /^IT supplier: not set yet/ }).getAttribute('href'),
    ).toBe('#/contacts/it-supplier');
  });
});
