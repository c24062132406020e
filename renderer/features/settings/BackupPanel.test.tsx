// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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
