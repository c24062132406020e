import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, ipcChannel } from '../../../contract/calls';
import { buildHoldfastApi } from './buildApi';

describe('buildHoldfastApi', () => {
  it('has one function per contract call and nothing else', () => {
    const api = buildHoldfastApi(vi.fn());
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(typeof api[name]).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("sends only the call's input on the call's own channel", async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: [] }));
    const api = buildHoldfastApi(invoke);
    const call = api['runbooks.search'] as (...args: unknown[]) => Promise<unknown>;
    await call({ query: 'ransom' }, 'smuggled second argument');
    expect(invoke).toHaveBeenCalledWith(ipcChannel('runbooks.search'), { query: 'ransom' });
    expect(invoke.mock.calls[0]).toHaveLength(2);
  });

  it('resolves to an INTERNAL Result when IPC itself fails', async () => {
    const api = buildHoldfastApi(async () => {
      throw new Error("No handler registered for 'holdfast:app.status'");
    });
    await expect(api['app.status']({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

/** Files the preload loads at run time: `import type` is erased, every other import is kept. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) continue;
    if (ts.isExportDeclaration(statement) && statement.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    if (!specifier.text.startsWith('.')) {
      seen.add(specifier.text);
      continue;
    }
    const target = `${path.resolve(path.dirname(file), specifier.text)}.ts`;
    if (!seen.has(target)) runtimeImports(target, seen);
  }
  return seen;
}

describe('preload bundle contents', () => {
  it('loads only electron and the zod-free contract files (a sandboxed preload must stay tiny)', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const loaded = [
      ...runtimeImports(path.join(root, 'shells', 'electron', 'preload', 'index.ts')),
    ].map((file) =>
      path.isAbsolute(file) ? path.relative(root, file).split(path.sep).join('/') : file,
    );
    expect(loaded.sort()).toEqual(
      [
        'shells/electron/preload/index.ts',
        'electron',
        'shells/electron/preload/buildApi.ts',
        'contract/calls.ts',
        'contract/result.ts',
      ].sort(),
    );
  });
});
