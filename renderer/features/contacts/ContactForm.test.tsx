// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactRole, ContactsDirectory } from '../../../main/contract/types';
import { request } from '../../api';
import { ContactForm } from './ContactForm';

// Nothing is started before render in a test, so no answer is waiting (takeSettled).
vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
const save = vi.mocked(request);

const insurer: ContactRole = {
  role: 'insurer',
  label: 'Insurer incident line',
  isCustom: false,
  contact: null,
  status: 'missing',
};
const directory: ContactsDirectory = { roles: [insurer], national: [] };

function renderForm() {
  const onSaved = vi.fn();
  const user = userEvent.setup();
  render(<ContactForm entry={insurer} onSaved={onSaved} />);
  return { user, onSaved };
}

beforeEach(() => save.mockReset());
afterEach(cleanup);

describe('ContactForm', () => {
  it('names each mistake with the label the form shows, and each links to its field', async () => {
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Number or address' }), 'call Sam');
    fireEvent.change(screen.getByLabelText('Date you last checked these details'), {
      target: { value: '' },
    });
    await user.click(screen.getByRole('button', { name: 'Save contact' }));

    const summary = screen.getByRole('alert', { name: 'Please check these details' });
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Name: Enter a name',
      'Way to reach them 1: number or address: A phone number may use only digits, spaces, +, brackets and hyphens, with 3 to 20 digits',
      'Date you last checked these details: Enter the date you last checked these details',
    ]);
    expect(save).not.toHaveBeenCalled();

    await user.click(within(summary).getByRole('link', { name: /^Way to reach them 1/ }));
    const number = screen.getByRole('textbox', { name: 'Number or address' });
    expect(document.activeElement).toBe(number);
    expect(number.getAttribute('aria-invalid')).toBe('true');

    await user.click(within(summary).getByRole('link', { name: /^Name/ }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
  });

  it('refuses a number with a hidden direction character, naming the field, and sends nothing', async () => {
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ins Co');
    // A right-to-left override would show "0300 999 1111" as "1111 999 0030" once printed.
    fireEvent.change(screen.getByRole('textbox', { name: 'Number or address' }), {
      target: { value: '\u202e0300 999 1111' },
    });
    await user.click(screen.getByRole('button', { name: 'Save contact' }));

    const summary = screen.getByRole('alert', { name: 'Please check these details' });
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Way to reach them 1: number or address: Has a hidden character that can change how it is shown (often copied in with it); delete it and type it again',
    ]);
    expect(save).not.toHaveBeenCalled();
  });

  it('saves what was filled in by label, leaving out an empty note', async () => {
    save.mockResolvedValue({ ok: true, value: directory });
    const { user, onSaved } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Claims line');
    await user.type(screen.getByRole('textbox', { name: 'Number or address' }), '0800 123 4567');
    await user.click(
      screen.getByRole('checkbox', {
        name: 'Still works when our own email, internet or phones are down',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Save contact' }));

    const sent: unknown = expect.objectContaining({
      role: 'insurer',
      name: 'Claims line',
      channels: [{ kind: 'phone', value: '0800 123 4567', outOfBand: true }],
    });
    expect(save).toHaveBeenCalledWith('contacts.save', sent);
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(directory, sent));
  });
});
