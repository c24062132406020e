// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../main/contract/result';

// Each call waits until the test answers it, like a core that is still working.
const answers = new Map<string, (result: Result<unknown>) => void>();
vi.mock('./transport/desktopTransport', () => ({
  connectDesktop: () =>
    new Proxy(
      {},
      {
        get: (_target, name: string) => (): Promise<Result<unknown>> =>
          new Promise((resolve) => answers.set(name, resolve)),
      },
    ),
}));
const { earlyAnswers, startEarly, takeSettled } = await import('./api');

afterEach(() => {
  vi.useRealTimers();
  answers.clear();
});

describe('earlyAnswers', () => {
  it('resolves as soon as every early call has its answer, which the first render can then take', async () => {
    vi.useFakeTimers();
    startEarly('runbooks.list', {});
    startEarly('app.status', {});
    let isDone = false;
    const waiting = earlyAnswers(100).then(() => {
      isDone = true;
    });
    answers.get('runbooks.list')?.({ ok: true, value: { runbooks: [] } });
    await vi.advanceTimersByTimeAsync(0);
    expect(isDone).toBe(false);
    answers.get('app.status')?.({ ok: false, error: { code: 'NOT_AVAILABLE', message: 'down' } });
    await waiting;
    expect(isDone).toBe(true);
    expect(takeSettled('runbooks.list', {})).toEqual({ ok: true, value: { runbooks: [] } });
    expect(takeSettled('app.status', {})?.ok).toBe(false);
  });

  it('gives up after the limit, so a slow answer leaves the loading state to show', async () => {
    vi.useFakeTimers();
    startEarly('runbooks.get', { id: 'ransomware' });
    let isDone = false;
    const waiting = earlyAnswers(100).then(() => {
      isDone = true;
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(isDone).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(isDone).toBe(true);
    expect(takeSettled('runbooks.get', { id: 'ransomware' })).toBeUndefined();
  });
});
