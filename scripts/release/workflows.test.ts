import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

const workflowsDir = resolve(import.meta.dirname, '..', '..', '.github', 'workflows');
const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));

/** The validator's own words for each error, nested "one of" alternatives included. */
function describeErrors(errors: ValidationError[], indent = ''): string[] {
  return errors.flatMap((error) => [
    `${indent}${'path' in error ? `${error.path}: ` : ''}${error.title}${error.detail ? ` (${error.detail})` : ''}`,
    ...('states' in error && error.states
      ? error.states.flatMap((state) => describeErrors(state.errors, `${indent}  `))
      : []),
  ]);
}

describe('GitHub workflow files', () => {
  it('exist: CI on every push and the release on a version tag', () => {
    expect(workflowFiles.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it('rejects a broken workflow, so a pass below means something', () => {
    const state = validateWorkflow('on: push\njobs:\n  test:\n    runs-onn: ubuntu-latest\n');
    expect(describeErrors(state.errors).join('\n')).toContain("'runs-onn' is not allowed");
  });

  it.each(workflowFiles)('%s is a valid workflow', (name) => {
    const state = validateWorkflow(readFileSync(join(workflowsDir, name), 'utf8'));
    expect(
      describeErrors(state.errors),
      `${name}:\n${describeErrors(state.errors).join('\n')}`,
    ).toEqual([]);
  });

  it.each(workflowFiles)('%s pins every action by a full commit SHA', (name) => {
    const uses = [...readFileSync(join(workflowsDir, name), 'utf8').matchAll(/uses:\s*(\S+)/g)].map(
      (match) => match[1] ?? '',
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });
});
