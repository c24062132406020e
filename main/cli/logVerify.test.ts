import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openEvidenceLog } from '../core/evidence/evidenceLog';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `log:verify` the way npm does (tsx on the TypeScript source), from the repo root. */
function runVerify(...args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/logVerify.ts', ...args], {
      cwd: REPO_ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

let dir: string;
let good: string;
let head: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-logverify-'));
  good = join(dir, 'incident.jsonl');
  let clock = Date.parse('2026-03-01T09:00:00.000Z');
  const log = await openEvidenceLog(good, { now: () => new Date((clock += 1000)) });
  for (const text of ['ransom note on screen', 'called IT supplier', 'disconnected PCs'])
    await log.append({ author: 'Sam Patel', kind: 'note', body: { text } });
  head = log.entries().at(-1)?.hash ?? '';
  await log.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('npm run log:verify', { timeout: 30_000 }, () => {
  it('prints OK with the entry count and head hash, and exits 0', async ({ expect }) => {
    const run = await runVerify(good);
    expect(run).toEqual({ code: 0, stdout: `OK: 3 entries, head ${head}\n`, stderr: '' });
  });

  it('prints the first broken line and seq, and exits 1', async ({ expect }) => {
    const lines = (await readFile(good, 'utf8')).split('\n');
    const tampered = join(dir, 'tampered.jsonl');
    await writeFile(
      tampered,
      lines.with(1, (lines[1] ?? '').replace('called IT supplier', 'called nobody')).join('\n'),
    );
    const run = await runVerify(tampered);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'BROKEN at line 2 (seq 2): hash does not match the content (edited or damaged)\n',
    );
  });

  it('exits 2 with usage when no file is given', async ({ expect }) => {
    const run = await runVerify();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run log:verify -- <incident log file>');
    expect(run.stdout).toBe('');
  });

  it('exits 2 when the file cannot be read, without claiming it verifies', async ({ expect }) => {
    const run = await runVerify(join(dir, 'missing.jsonl'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read the log');
    expect(run.stdout).toBe('');
  });
});
