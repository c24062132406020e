// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CareGroupKey, Settings } from '../../../main/contract/types';
import { request } from '../../api';
import { CareGroupKeysPanel } from './CareGroupKeysPanel';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
afterEach(() => {
  cleanup();
  vi.mocked(request).mockReset();
});

const PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample\n-----END PUBLIC KEY-----';
const OAK: CareGroupKey = {
  name: 'Oak Care Group',
  publicKeyPem: PEM,
  keyId: 'a'.repeat(64),
  fingerprint: 'letter hazel sledge brush / desert skate engine copper',
  lastPackCreated: '2026-11-20T09:00:00.000Z',
};
const settingsWith = (careGroupKeys: CareGroupKey[]): Settings => ({
  organisationName: '',
  providerType: null,
  pharmacyCqcRegistered: false,
  isolationInstruction: '',
  contractClocks: [],
  careGroupKeys,
});

describe('CareGroupKeysPanel', () => {
  it('shows each key with its fingerprint in words to compare by phone', () => {
    render(<CareGroupKeysPanel initial={[OAK]} />);
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain(
      'Fingerprint to compare by phone: letter hazel sledge brush / desert skate engine copper',
    );
    expect(item.textContent).toContain('Newest pack imported: made 2026-11-20');
  });

  it('names what is missing beside the field instead of sending an empty key', () => {
    render(<CareGroupKeysPanel initial={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(screen.getByLabelText('Care group name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Type the care group’s name.')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('adds a pasted key and asks to compare its words by phone', async () => {
    vi.mocked(request).mockResolvedValue({ ok: true, value: settingsWith([OAK]) });
    render(<CareGroupKeysPanel initial={[]} />);
    fireEvent.change(screen.getByLabelText('Care group name'), {
      target: { value: 'Oak Care Group' },
    });
    fireEvent.change(screen.getByLabelText('Or paste the public key'), { target: { value: PEM } });
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('settings.update', {
        careGroupKeys: [{ name: 'Oak Care Group', publicKeyPem: PEM }],
      }),
    );
    expect((await screen.findByRole('status')).textContent).toBe(
      'Added the key for Oak Care Group. Now phone Oak Care Group and check they read out the same words: letter hazel sledge brush / desert skate engine copper.',
    );
  });

  it('removes a key, keeping the others', async () => {
    const elm = { ...OAK, name: 'Elm Homes', keyId: 'b'.repeat(64) };
    vi.mocked(request).mockResolvedValue({ ok: true, value: settingsWith([elm]) });
    render(<CareGroupKeysPanel initial={[OAK, elm]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the key for Oak Care Group' }));
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('settings.update', {
        careGroupKeys: [{ name: 'Elm Homes', publicKeyPem: PEM }],
      }),
    );
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  });
});
