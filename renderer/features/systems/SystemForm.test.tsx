// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../main/contract/result';
import type { SystemEntry, SystemsRegister } from '../../../main/contract/types';
import { request } from '../../api';
import { SystemForm } from './SystemForm';

// The renderer's one door to the core; here it answers as each test says.
// Nothing is started before render in a test, so no answer is waiting (takeSettled).
vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
const save = vi.mocked(request);

const emar: SystemEntry = {
  system: 'emar',
  label: 'eMAR (electronic medicines records)',
  isCustom: false,
  suggestedSupplierRole: 'emar-supplier',
  record: null,
  status: 'missing',
  isStale: false,
  supplier: null,
};
const supplierRoles = [{ role: 'emar-supplier', label: 'eMAR (medicines) system supplier' }];
const register: SystemsRegister = { systems: [emar], supplierRoles };

/** A promise the test settles when it wants the core to answer. */
function pending<T>(): { promise: Promise<T>; settle: (value: T) => void } {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

function renderForm() {
  const onSaved = vi.fn();
  const user = userEvent.setup();
  render(<SystemForm entry={emar} supplierRoles={supplierRoles} onSaved={onSaved} />);
  return { user, onSaved };
}

beforeEach(() => save.mockReset());
afterEach(cleanup);

describe('SystemForm', () => {
  it('lists each mistake in a summary that names the field as the form does and links to it', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Save system' }));

    const summary = screen.getByRole('alert', { name: 'Please check these details' });
    const link = screen.getByRole('link', {
      name: 'How bad it is if it is down: Choose how bad it is if this system is down, from 1 to 10',
    });
    expect(summary.contains(link)).toBe(true);
    expect(link.getAttribute('href')).toBe('#system-impact');
    // Nothing is sent while the form has mistakes.
    expect(save).not.toHaveBeenCalled();

    // The field carries the same words, read with it by a screen reader.
    const impact = screen.getByRole('combobox', {
      name: 'How bad it is if it is down',
      description: 'Choose how bad it is if this system is down, from 1 to 10',
    });
    expect(impact.getAttribute('aria-invalid')).toBe('true');
    await user.click(link);
    expect(document.activeElement).toBe(impact);
  });

  it('sends what was filled in by label, says "Saving…" until the core answers, then hands back the register', async () => {
    const answer = pending<Result<SystemsRegister>>();
    save.mockReturnValue(answer.promise);
    const { user, onSaved } = renderForm();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'How bad it is if it is down' }),
      '9',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Where the paper copy is kept' }),
      'Red folder, clinic room',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Paper or manual fallback' }),
      'Paper MAR charts',
    );
    await user.click(screen.getByRole('button', { name: 'Save system' }));

    expect(save).toHaveBeenCalledWith(
      'systems.save',
      expect.objectContaining({
        system: 'emar',
        inUse: true,
        impact: 9,
        supplierRole: 'emar-supplier',
        paperLocation: 'Red folder, clinic room',
        fallback: 'Paper MAR charts',
      }),
    );
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    expect(screen.getByRole('button', { name: 'Save system' })).toHaveProperty('disabled', true);

    answer.settle({ ok: true, value: register });
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(register));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says "Not saved" with the core’s own words when the disk refuses, and keeps what was typed', async () => {
    save.mockResolvedValue({
      ok: false,
      error: {
        code: 'STORAGE_FAILED',
        message: 'Your systems register could not be saved. Check there is free disk space.',
      },
    });
    const { user, onSaved } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'No, we do not use it' }));
    await user.click(screen.getByRole('button', { name: 'Save system' }));

    const summary = await screen.findByRole('alert', { name: 'Not saved' });
    expect(summary.textContent).toContain(
      'Your systems register could not be saved. Check there is free disk space.',
    );
    expect(screen.getByRole('radio', { name: 'No, we do not use it' })).toHaveProperty(
      'checked',
      true,
    );
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('adds the core’s detail to the plain words for a refusal the user can fix', async () => {
    save.mockResolvedValue({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no contact role "emar-supplier".' },
    });
    const { user } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'No, we do not use it' }));
    await user.click(screen.getByRole('button', { name: 'Save system' }));

    const summary = await screen.findByRole('alert', { name: 'Not saved' });
    // Said once: the plain words for NOT_FOUND already quote the core's detail.
    expect(
      within(summary).getByText(
        'That could not be found. It may have been renamed or removed. (There is no contact role "emar-supplier".)',
      ),
    ).toBeTruthy();
  });
});
