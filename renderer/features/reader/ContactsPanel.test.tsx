// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContactRef } from '../../../main/contract/types';
import { ContactsPanel } from './ContactsPanel';

// Nothing is started before render in a test, so no answer is waiting (takeSettled).
vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
afterEach(cleanup);

const local = (patch: Partial<ContactRef>): ContactRef => ({
  role: 'it-supplier',
  label: 'IT supplier',
  national: false,
  channels: [{ kind: 'phone', value: '01632 960000', outOfBand: true }],
  stale: false,
  name: 'Sam Patel',
  lastVerified: '2020-01-15',
  ...patch,
});
const national = (patch: Partial<ContactRef>): ContactRef => ({
  role: 'csoc',
  label: 'Cyber Security Operations Centre',
  national: true,
  channels: [{ kind: 'phone', value: '0300 200 3700' }],
  stale: false,
  source: 'https://digital.nhs.uk/cyber',
  checked: '2026-12-04',
  pageDate: '2026-01-10',
  ...patch,
});

/** The entry for one contact, as text. */
function entryFor(label: string): string {
  const list = screen.getByRole('group', { name: /^Who to call/ });
  const item = within(list)
    .getAllByRole('listitem')
    .find((candidate) => candidate.querySelector('.contact-label')?.textContent === label);
  return item?.textContent ?? '';
}

describe('ContactsPanel: who a runbook may need', () => {
  it('asks for a re-check exactly when the core says a local contact is stale', () => {
    render(
      <ContactsPanel
        contacts={[
          local({ stale: true }),
          // Old date, but the core has judged it current: the panel does not decide again.
          local({ role: 'insurer', label: 'Insurer incident line', stale: false }),
        ]}
        onNotice={vi.fn()}
      />,
    );
    expect(entryFor('IT supplier')).toContain(
      'Last checked 15 January 2020, more than 12 months ago.',
    );
    expect(entryFor('Insurer incident line')).not.toContain('more than 12 months ago');
  });

  it('shows when a national contact was last checked, the page date if known, and warns only when a check is due', () => {
    render(
      <ContactsPanel
        contacts={[
          national({ stale: true, checked: '2025-10-20', pageDate: '2022-10-20' }),
          national({ role: 'ico', label: 'ICO', stale: true, checked: null, pageDate: null }),
          national({ role: 'ncsc', label: 'NCSC', stale: false, pageDate: null }),
        ]}
        onNotice={vi.fn()}
      />,
    );
    expect(entryFor('Cyber Security Operations Centre')).toContain(
      'last checked more than 12 months ago',
    );
    expect(entryFor('Cyber Security Operations Centre')).toContain(
      'Last checked 20 October 2025. Page dated 20 October 2022.',
    );
    expect(entryFor('ICO')).toContain('Nobody has recorded when these details were checked.');
    expect(entryFor('ICO')).toContain('Never checked.');
    expect(entryFor('NCSC')).not.toContain('Check they are still right');
    expect(entryFor('NCSC')).toContain('Last checked 4 December 2026.');
    expect(entryFor('NCSC')).not.toContain('Page dated');
  });

  it('links a role with no number to the place to add it', () => {
    render(
      <ContactsPanel
        contacts={[local({ channels: null, name: undefined, lastVerified: undefined })]}
        onNotice={vi.fn()}
      />,
    );
    const link = screen.getByRole('link', { name: 'add your local number for IT supplier' });
    expect(link.getAttribute('href')).toBe('#/contacts/it-supplier');
  });

  it('folds into one panel that counts the contacts and the gaps', () => {
    render(
      <ContactsPanel
        contacts={[
          local({}),
          national({}),
          local({ role: 'insurer', label: 'Insurer incident line', channels: null }),
          local({ role: 'ig-lead', label: 'Data protection or IG lead', channels: null }),
        ]}
        onNotice={vi.fn()}
      />,
    );
    const panel = screen.getByRole('group', { name: 'Who to call (4) · 2 not set yet' });
    // Closed until asked for, so the steps come first.
    expect(panel.hasAttribute('open')).toBe(false);
    // The roles not set yet are one line, not a card each; each name links to its form.
    const gaps = within(panel).getByText(/^Not set yet:/);
    expect(gaps.textContent).toBe(
      'Not set yet: add your local number for Insurer incident line, add your local number for Data protection or IG lead.',
    );
    expect(
      within(gaps)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['#/contacts/insurer', '#/contacts/ig-lead']);
    expect(panel.querySelectorAll('li.contact')).toHaveLength(2);
  });
});
