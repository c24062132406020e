import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { canonicalJson } from '../core/evidence/canonicalJson';
import type { EvidenceRecord } from '../core/evidence/evidenceChain';
import { rechain, recordsOf } from '../core/evidence/__fixtures__/tamper';
import { openEvidenceLog } from '../core/evidence/evidenceLog';
import { headPathOf } from '../core/evidence/logHead';
import { logCheckCode } from '../shared/logCheckCode';

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

/** Copies of the good log's head record and these lines in a folder of their own. */
async function beside(name: string, lines: string[], withHead = true): Promise<string> {
  await mkdir(join(dir, name));
  const path = join(dir, name, 'log.jsonl');
  await writeFile(path, lines.map((line) => `${line}\n`).join(''));
  if (withHead) await copyFile(headPathOf(good), headPathOf(path));
  return path;
}

/** The good log's records, each changed by `edit` and every hash and link worked out again. */
async function rechained(edit: (record: EvidenceRecord) => EvidenceRecord): Promise<string[]> {
  return rechain(recordsOf(await readFile(good, 'utf8')).map(edit)).map((record) =>
    canonicalJson(record),
  );
}

describe.concurrent('npm run log:verify', { timeout: 30_000 }, () => {
  it('prints OK with the entry count and head hash, and exits 0', async ({ expect }) => {
    const run = await runVerify(good);
    expect(run).toEqual({
      code: 0,
      stdout: `OK: 3 entries, head ${head}, log check code ${logCheckCode(head)}; matches its check record\n`,
      stderr: '',
    });
  });

  it('finds entries cut from the end against the check record, and exits 1', async ({ expect }) => {
    const lines = (await readFile(good, 'utf8')).split('\n').filter((line) => line !== '');
    const run = await runVerify(await beside('cut', lines.slice(0, 2)));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('BROKEN: does not match its check record');
    expect(run.stdout).toContain('entries were removed from the end');
  });

  it('finds a chain worked out again after an edit, and exits 1', async ({ expect }) => {
    const lines = await rechained((record) =>
      record.seq === 2 ? { ...record, body: { text: 'called nobody' } } : record,
    );
    const run = await runVerify(await beside('rechained', lines));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('the log was rewritten');
  });

  it('says so when there is no check record, and warns of recorded times that go back', async ({
    expect,
  }) => {
    const lines = await rechained((record) =>
      record.seq === 3 ? { ...record, recordedAt: '2026-03-01T08:00:00.000Z' } : record,
    );
    const run = await runVerify(await beside('no-head', lines, false));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('NO check record');
    expect(run.stdout).toContain(
      "WARNING: entry 3 was recorded at 2026-03-01T08:00:00.000Z, earlier than the entry before it (2026-03-01T09:00:02.000Z): the computer's clock went back",
    );
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
