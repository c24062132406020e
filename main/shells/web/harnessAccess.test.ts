import { describe, expect, it } from 'vitest';
import { createHarnessAccess, projectorExerciseOf, scopeAllows } from './harnessAccess';

describe('harness access', () => {
  it('lets a code buy one session, once, and only before it expires', () => {
    let now = 0;
    const access = createHarnessAccess({ now: () => now, codeLifetimeMs: 1000 });
    const code = access.issueCode({ kind: 'full' });
    const session = access.redeem(code);
    expect(session?.scope).toEqual({ kind: 'full' });
    expect(access.scopeOf(session?.token)).toEqual({ kind: 'full' });
    expect(access.redeem(code)).toBeNull();

    const late = access.issueCode({ kind: 'full' });
    now = 1000;
    expect(access.redeem(late)).toBeNull();
    expect(access.scopeOf('made-up')).toBeUndefined();
    expect(access.scopeOf(undefined)).toBeUndefined();
  });

  it('reads the exercise from a projector route only', () => {
    expect(projectorExerciseOf('#/exercises/20260301-1000-a1b2c3/projector')).toBe(
      '20260301-1000-a1b2c3',
    );
    expect(projectorExerciseOf('#/settings')).toBeNull();
    expect(projectorExerciseOf('#/exercises/../x/projector')).toBeNull();
  });

  it('lets a projector credential make its one read of its own exercise', () => {
    const scope = { kind: 'projector', exercise: 'e1' } as const;
    expect(scopeAllows(scope, 'exercises.projector', { id: 'e1' })).toBe(true);
    expect(scopeAllows(scope, 'exercises.projector', { id: 'e2' })).toBe(false);
    expect(scopeAllows(scope, 'exercises.record', { id: 'e1' })).toBe(false);
    expect(scopeAllows(scope, 'exercises.projector', null)).toBe(false);
    expect(scopeAllows({ kind: 'full' }, 'exercises.record', {})).toBe(true);
  });
});
