import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../contract/contract';
import { VALID_INPUTS } from '../../contract/__fixtures__/validInputs';
import { startTestCore } from '../__fixtures__/testCore';
import { describeForLog, LOGS_FOLDER, openDiagnosticsLog } from './diagnosticsLog';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-diagnostics-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const logText = async (): Promise<string> => {
  const dir = join(dataDir, LOGS_FOLDER);
  const names = await readdir(dir).catch(() => [] as string[]);
  return (await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')))).join('');
};

describe('the diagnostics log', () => {
  it('keeps an error to its kind and code, with quoted text taken out', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"name": "Zebedee Quill", "phone": "01632 960123"');
    } catch (error: unknown) {
      parseError = error;
    }
    const described = describeForLog(parseError);
    expect(described).toMatch(/^SyntaxError: /);
    expect(described).not.toContain('Zebedee');
    const notFound = Object.assign(new Error("ENOENT: no such file, open '/x/Zebedee.md'"), {
      code: 'ENOENT',
    });
    expect(describeForLog(notFound)).toBe('Error ENOENT: ENOENT: no such file, open "…"');
  });

  it('rotates at its size into one older file, so it never holds more than two', () => {
    const log = openDiagnosticsLog(dataDir, () => new Date('2026-12-05T03:00:00Z'), 1000);
    for (let line = 0; line < 100; line += 1) log.write('error', `could not load file ${line}`);
    return readdir(join(dataDir, LOGS_FOLDER)).then(async (names) => {
      expect(names.sort()).toEqual(['holdfast.1.log', 'holdfast.log']);
      for (const name of names)
        expect((await readFile(join(dataDir, LOGS_FOLDER, name))).length).toBeLessThanOrEqual(1000);
      expect(log.lastErrors(1)).toEqual(['2026-12-05T03:00:00.000Z ERROR could not load file 99']);
    });
  });
});

describe('Copy diagnostics', { timeout: 60_000 }, () => {
  it('says the version, the system, the data folder state and the start, and never what people typed', async () => {
    const core = await startTestCore(dataDir);
    const contact = VALID_INPUTS['contacts.save'] as CallInput<'contacts.save'>;
    try {
      expect((await core.handlers['contacts.save'](contact)).ok).toBe(true);
      const started = await core.handlers['incidents.start']({
        name: 'Wibble ransom note in the office',
        runbook: 'ransomware',
        lead: 'Ann Quill',
        author: 'Ann Quill',
      });
      if (!started.ok) throw new Error(started.error.message);
      expect(
        (
          await core.handlers['incidents.record']({
            id: started.value.id,
            author: 'Ann Quill',
            action: { type: 'note', text: 'Resident Mrs Wibble was moved to room 4' },
          })
        ).ok,
      ).toBe(true);
    } finally {
      await core.close();
    }
    // A damaged contacts file (its text quoted by the parser) makes the next start report it.
    await writeFile(join(dataDir, 'contacts.json'), `{"contacts": [{"name": "${contact.name}", `);
    const again = await startTestCore(dataDir);
    try {
      const result = await again.handlers['app.diagnostics']({});
      if (!result.ok) throw new Error(result.error.message);
      const { text } = result.value;
      expect(text).toContain('Version: test (web-harness)');
      expect(text).toContain(`Data folder: ${dataDir}`);
      expect(text).toMatch(/incidents: 1 entries/);
      expect(text).toMatch(/quarantine: \d+ entries/);
      const log = await logText();
      expect(log).toMatch(/INFO Holdfast test started \(web-harness, /);
      for (const secret of [contact.name, 'Acme IT', 'Wibble', 'Quill', '960-123'])
        for (const [where, body] of [
          ['diagnostics', text],
          ['log', log],
        ] as const)
          expect(body, `${secret} in the ${where}`).not.toContain(secret);
    } finally {
      await again.close();
    }
  });
});
