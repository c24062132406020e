import type { z } from 'zod';
import { isCallName } from './calls';
import { contract, type Handlers } from './contract';
import { fail, type Result } from './result';

/** Turns zod issues into one plain sentence naming each bad field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The single path from a transport into the core: unknown name → UNKNOWN_CALL, bad input →
 * INVALID_INPUT (the handler never runs), thrown errors → INTERNAL without internals leaking.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  onInternalError: (name: string, error: unknown) => void = () => {},
): Promise<Result<unknown>> {
  if (!isCallName(name))
    return fail('UNKNOWN_CALL', `There is no call named "${name.slice(0, 80)}".`);
  // Only a missing body means "no input"; an explicit null is malformed like any other bad value.
  const parsed = contract[name].input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success)
    return fail('INVALID_INPUT', `${name}: ${describeIssues(parsed.error.issues)}`);
  try {
    const handler = handlers[name] as (input: unknown) => Promise<Result<unknown>>;
    return await handler(parsed.data);
  } catch (error: unknown) {
    onInternalError(name, error);
    return fail(
      'INTERNAL',
      'Something went wrong inside Holdfast. Your saved work is safe; try again.',
    );
  }
}
