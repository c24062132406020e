// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { BackupPanel, passphraseMistakes } from './BackupPanel';

afterEach(cleanup);

describe('passphraseMistakes', () => {
  it('asks for a passphrase of at least 10 characters typed the same twice', () => {
    expect(passphraseMistakes('', '')).toEqual({ passphrase: 'Type a passphrase.' });
    expect(passphraseMistakes('short', 'short')).toEqual({
      passphrase: 'Use at least 10 characters.',
    });
    expect(passphraseMistakes('long enough now', '')).toEqual({
      again: 'Type the passphrase again.',
    });
    expect(passphraseMistakes('long enough now', 'long enough mow')).toEqual({
      again: 'The two passphrases are not the same. Type them again.',
    });
    expect(passphraseMistakes('long enough now', 'long enough now')).toEqual({});
  });
});

describe('BackupPanel', () => {
  it('says a lost passphrase cannot be recovered, and shows the mistake beside the box', () => {
    render(<BackupPanel />);
    expect(screen.getByText(/If the passphrase is lost, the backup cannot be opened/)).toBeTruthy();
    const first = screen.getByLabelText('Passphrase');
    const second = screen.getByLabelText('Type the passphrase again');
    expect(first.getAttribute('type')).toBe('password');
    fireEvent.change(first, { target: { value: 'rose lodge backup' } });
    fireEvent.change(second, { target: { value: 'rose lodge backpu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Back up all data' }));
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(second.getAttribute('aria-describedby')!)?.textContent).toBe(
      'The two passphrases are not the same. Type them again.',
    );
    expect(document.activeElement).toBe(second);
    expect(first.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('BackupPanel saving', () => {
  const typePassphrases = (): void => {
    fireEvent.change(screen.getByLabelText('Passphrase'), {
      target: { value: 'rose lodge backup' },
    });
    fireEvent.change(screen.getByLabelText('Type the passphrase again'), {
      target: { value: 'rose lodge backup' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Back up all data' }));
  };

  it('says "saved" only once the chosen file is written, and nothing of the sort when the save is cancelled', async () => {
    const request = vi.spyOn(api, 'request').mockResolvedValue({
      ok: true,
      value: {
        filename: 'holdfast-backup-2026-12-05-03-00.holdfast-backup',
        mimeType: 'application/octet-stream',
        base64: 'AAAA',
        count: 3,
      },
    });
    const written: Uint8Array[] = [];
    let closed = false;
    const picker = vi.fn().mockResolvedValue({
      createWritable: () =>
        Promise.resolve({
          write: (bytes: Uint8Array) => Promise.resolve(void written.push(bytes)),
          close: () => Promise.resolve(void (closed = true)),
        }),
    });
    Object.assign(window, { showSaveFilePicker: picker });
    try {
      render(<BackupPanel />);
      typePassphrases();
      const status = await screen.findByRole('status');
      expect(status.textContent).toBe(
        'Encrypted backup saved as holdfast-backup-2026-12-05-03-00.holdfast-backup.',
      );
      expect(closed).toBe(true);
      expect(written).toHaveLength(1);

      picker.mockRejectedValueOnce(new DOMException('The user aborted a request.', 'AbortError'));
      typePassphrases();
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toBe('The backup was not saved: choosing where was cancelled.');
      expect(screen.queryByText(/saved as/)).toBeNull();
    } finally {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
      request.mockRestore();
    }
  });
});
