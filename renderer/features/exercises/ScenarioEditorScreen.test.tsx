// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../main/contract/types';
import { request } from '../../api';
import { ScenarioEditorScreen } from './ScenarioEditorScreen';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));
afterEach(() => {
  cleanup();
  vi.mocked(request).mockReset();
});

/** The core, as far as the scenario editor needs it: its checks find `problems`. */
function core(problems: Problem[]): string[] {
  const called: string[] = [];
  vi.mocked(request).mockImplementation(async (name) => {
    called.push(name);
    switch (name) {
      case 'scenarios.check':
        return { ok: true, value: { problems } };
      default:
        return { ok: true, value: [] };
    }
  });
  return called;
}

describe('ScenarioEditorScreen', () => {
  it('keeps Save enabled and says why a scenario with errors was not saved', async () => {
    const called = core([
      { file: 'scenario.md', line: 3, severity: 'error', message: 'The title is missing' },
    ]);
    render(<ScenarioEditorScreen id={null} />);
    await waitFor(() => expect(called).toContain('scenarios.check'));
    const save = screen.getByRole('button', { name: 'Save scenario' });
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The scenario was not saved because it has an error. Fix it using the list under Checks, then save again.',
    );
    expect(called).not.toContain('scenarios.save');
  });
});
