import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { lineOf, runbookSource, SIMPLE_BODY } from '../core/runbooks/__fixtures__/runbookSource';
import { scenarioTemplate } from '../shared/scenarioTemplate';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const PROBLEM_LINE = /^(.+):(\d+): (error|warning): (.+)$/;

interface Run {
  code: number | null;
  stdout: string[];
  stderr: string;
}

/** Runs `runbooks:check` the way npm does (tsx on the TypeScript source), from the repo root. */
function runCheck(...args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/cli/runbooksCheck.ts', ...args],
      { cwd: REPO_ROOT },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code, stdout: stdout.split('\n').filter((line) => line !== ''), stderr }),
    );
  });
}

const dirs: string[] = [];
/** A fresh temp folder per test (tests run concurrently: each spawn takes about a second). */
async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'holdfast-check-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.concurrent('npm run runbooks:check', { timeout: 30_000 }, () => {
  it('prints file:line: error: message for a broken file and exits 1', async ({ expect }) => {
    const dir = await tempFolder();
    await writeFile(join(dir, 'good.md'), runbookSource({ id: 'good', body: SIMPLE_BODY }));
    const broken = runbookSource({
      id: 'broken',
      body: [...SIMPLE_BODY, '3. Phone the insurer for {{COMPANY_NAME}}. {#insurer}'],
    });
    await writeFile(join(dir, 'broken.md'), broken);

    const run = await runCheck(dir);

    expect(run.code).toBe(1);
    const summary = run.stdout.at(-1);
    const problems = run.stdout.slice(0, -1);
    expect(summary).toBe('1 runbook loaded, 1 error, 0 warnings');
    expect(problems).toHaveLength(1);
    const [, file, line, severity, message] = PROBLEM_LINE.exec(problems[0] ?? '') ?? [];
    // The path is relative to where the command ran, so an editor can open it.
    expect(resolve(REPO_ROOT, file ?? '')).toBe(join(dir, 'broken.md'));
    expect(Number(line)).toBe(lineOf(broken, 'Phone the insurer'));
    expect(severity).toBe('error');
    expect(message).toMatch(
      /^"\{\{COMPANY_NAME\}\}" is not something Holdfast can fill in, so staff would see it as typed\./,
    );
  });

  it('passes the bundled runbooks folder with exit code 0', async ({ expect }) => {
    const run = await runCheck('runbooks');
    expect(run.stderr).toBe('');
    expect(run.stdout).toEqual([
      expect.stringMatching(/^\d+ runbooks and \d+ scenarios loaded, 0 errors, 0 warnings$/),
    ]);
    expect(run.code).toBe(0);
  });

  it('checks a copy of the bundled folder (as packaged) as the bundled set with --as-bundled', async ({
    expect,
  }) => {
    const copy = await tempFolder();
    await cp(join(REPO_ROOT, 'runbooks'), copy, { recursive: true });
    const run = await runCheck(copy, '--as-bundled');
    expect(run.stdout).toEqual([
      expect.stringMatching(/^\d+ runbooks and \d+ scenarios loaded, 0 errors, 0 warnings$/),
    ]);
    expect(run.code).toBe(0);
  });

  it('prints warnings but still exits 0 when there are no errors', async ({ expect }) => {
    const dir = await tempFolder();
    const source = runbookSource({
      id: 'warned',
      body: [...SIMPLE_BODY, '3. See [this](http://example.com). {#see-this}'],
    });
    await writeFile(join(dir, 'warned.md'), source);
    const run = await runCheck(dir);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(PROBLEM_LINE);
    expect(run.stdout[0]).toContain(
      `warned.md:${lineOf(source, 'http://example.com')}: warning: link "http://example.com" is not allowed`,
    );
  });

  it("checks a data folder's own scenarios, beside its runbooks, with file:line", async ({
    expect,
  }) => {
    const data = await tempFolder();
    await mkdir(join(data, 'runbooks'));
    await mkdir(join(data, 'scenarios'));
    await writeFile(
      join(data, 'runbooks', 'good.md'),
      runbookSource({ id: 'good', body: SIMPLE_BODY }),
    );
    const good = scenarioTemplate({ id: 'our-drill', today: '2026-12-05', owner: 'Sam' });
    await writeFile(join(data, 'scenarios', 'our-drill.md'), good);
    const broken = good
      .replace('id: our-drill', 'id: broken-drill')
      .replace('Runbook: care-record-system-down', 'Runbook: no-such-runbook');
    await writeFile(join(data, 'scenarios', 'broken-drill.md'), broken);

    const run = await runCheck(join(data, 'runbooks'));

    expect(run.code).toBe(1);
    expect(run.stdout.at(-1)).toBe('1 runbook and 1 scenario loaded, 1 error, 0 warnings');
    const [, file, line] = PROBLEM_LINE.exec(run.stdout[0] ?? '') ?? [];
    expect(resolve(REPO_ROOT, file ?? '')).toBe(join(data, 'scenarios', 'broken-drill.md'));
    expect(Number(line)).toBe(lineOf(broken, 'Runbook: no-such-runbook'));
  });

  it('knows the roles a provider added to the contacts of the data folder given with --data', async ({
    expect,
  }) => {
    const dir = await tempFolder();
    const data = await tempFolder();
    await writeFile(
      join(dir, 'night-cover.md'),
      runbookSource({
        id: 'night-cover',
        contacts: ['out-of-hours-gp'],
        body: ['', '## Contain {#contain}', '', '1. Phone {{contact:out-of-hours-gp}}. {#phone}'],
      }),
    );
    await writeFile(
      join(data, 'contacts.json'),
      JSON.stringify({
        formatVersion: 1,
        customRoles: [{ id: 'out-of-hours-gp', label: 'Out-of-hours GP' }],
        contacts: [],
      }),
    );
    const without = await runCheck(dir);
    expect(without.code).toBe(1);
    expect(without.stdout.join('\n')).toContain('unknown contact role "out-of-hours-gp"');
    const known = await runCheck(dir, '--data', data);
    expect(known.code).toBe(0);
    expect(known.stdout.at(-1)).toBe('1 runbook loaded, 0 errors, 0 warnings');
  });

  it('explains its usage and exits 2 when no folder is given', async ({ expect }) => {
    const run = await runCheck();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run runbooks:check -- <folder');
  });

  it('fails when the folder does not exist, so a typo cannot pass a build', async ({ expect }) => {
    const run = await runCheck(join(await tempFolder(), 'no-such-folder'));
    expect(run.code).not.toBe(0);
  });
});
