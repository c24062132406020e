// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupContents } from '../../../main/contract/authoringTypes';

const request = vi.fn<(...args: unknown[]) => Promise<unknown>>();
vi.mock('../../api', () => ({ request: (...args: unknown[]) => request(...args) }));

const { RestorePanel, describeContents } = await import('./RestorePanel');

afterEach(() => {
  cleanup();
  request.mockReset();
  sessionStorage.clear();
});

const contents: BackupContents = {
  created: '2026-12-01T10:00:00.000Z',
  encrypted: true,
  files: 12,
  incidents: 2,
  practiceIncidents: 1,
  exercises: 0,
  runbooks: 1,
  contacts: 14,
};

function chooseFile(): void {
  const box = screen.getByLabelText('Backup file');
  fireEvent.change(box, {
    target: { files: [new File([new Uint8Array([80, 75, 5, 6])], 'holdfast.holdfast-backup')] },
  });
}

describe('describeContents', () => {
  it('counts what the backup holds in words, with correct plurals', () => {
    const text = describeContents(contents);
    expect(text).toContain('2 incidents, 1 practice incident, 0 exercises');
    expect(text).toContain('1 runbook of your own or edited, 14 contacts.');
  });
});

describe('RestorePanel', () => {
  it('asks for the file first, and changes nothing until the backup is checked and confirmed', async () => {
    render(<RestorePanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Check the backup' }));
    expect(screen.getByLabelText('Backup file').getAttribute('aria-invalid')).toBe('true');
    expect(request).not.toHaveBeenCalled();

    request.mockResolvedValueOnce({ ok: true, value: contents });
    chooseFile();
    fireEvent.change(screen.getByLabelText('Passphrase of the backup'), {
      target: { value: 'rose lodge backup' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check the backup' }));
    await screen.findByRole('heading', { name: 'The backup passed every check' });
    expect(request).toHaveBeenCalledWith('backup.check', {
      base64: 'UEsFBg==',
      passphrase: 'rose lodge backup',
    });
    expect(screen.getByText(/2 incidents/)).toBeTruthy();
    expect(request).toHaveBeenCalledTimes(1);

    // Cancel goes back without restoring.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Check the backup' })).toBeTruthy();
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('says in words that a file over 64 MB is not a backup, and sends nothing', () => {
    render(<RestorePanel />);
    const big = new File([new Uint8Array(1)], 'holiday photos.zip');
    Object.defineProperty(big, 'size', { value: 65 * 1024 * 1024 });
    fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [big] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the backup' }));
    const box = screen.getByLabelText('Backup file');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/“holiday photos\.zip” is larger than 64 MB/)).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('shows why a backup was refused, and offers to try again', async () => {
    request.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Nothing was restored: the backup could not be read: it is not a zip file.',
      },
    });
    render(<RestorePanel />);
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Check the backup' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the backup could not be read');
    expect(screen.getByRole('button', { name: 'Check the backup' })).toBeTruthy();
  });

  it('after a restore and the reload, says where the earlier data was kept', async () => {
    sessionStorage.setItem(
      'holdfast.restored',
      'The backup was restored. What was here before is kept in /data/Holdfast before restore 2026-12-05 03-10-00.',
    );
    render(<RestorePanel />);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('before restore 2026-12-05'),
    );
    expect(sessionStorage.getItem('holdfast.restored')).toBeNull();
  });
});
