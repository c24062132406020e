// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { DiagnosticsPanel } from './DiagnosticsPanel';

afterEach(cleanup);

describe('DiagnosticsPanel', () => {
  it('copies the diagnostics text and shows it, saying where to send it', async () => {
    const text = 'Holdfast diagnostics\nVersion: 0.1.0 (desktop)\n';
    const request = vi.spyOn(api, 'request').mockResolvedValue({ ok: true, value: { text } });
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      render(<DiagnosticsPanel />);
      fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
      expect((await screen.findByRole('status')).textContent).toBe(
        'Diagnostics copied. Paste them into an email to your IT supplier.',
      );
      expect(request).toHaveBeenCalledWith('app.diagnostics', {});
      expect(writeText).toHaveBeenCalledWith(text);
      expect(screen.getByLabelText<HTMLTextAreaElement>('Diagnostics').value).toBe(text);
    } finally {
      request.mockRestore();
    }
  });
});
