// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectorScreen } from '../../../main/contract/exerciseTypes';
import { request } from '../../api';
import { ProjectorView } from './ProjectorView';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ProjectorView', () => {
  it('puts focus on the inject title for screen readers, asking for no focus ring on the wall', async () => {
    const shown: ProjectorScreen = {
      id: '20260301-1000-a1b2c3',
      title: 'Care app down',
      status: 'running',
      current: { number: 1, title: 'The app will not open', textHtml: '<p>Day staff…</p>' },
    };
    vi.mocked(request).mockResolvedValue({ ok: true, value: shown });
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    render(<ProjectorView id={shown.id} />);
    const title = await screen.findByRole('heading', {
      level: 1,
      name: '1. The app will not open',
    });
    // The focus is set by an effect that runs after the title is in the page.
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(focus.mock.contexts).toContain(title);
    expect(focus).toHaveBeenCalledWith({ focusVisible: false });
  });
});
