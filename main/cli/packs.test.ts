import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runbookSource, SIMPLE_BODY } from '../core/runbooks/__fixtures__/runbookSource';
import { buildPack } from '../core/packs/runbookPack';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const WORDS = /\(([a-z]+ ){3}[a-z]+ \/ ([a-z]+ ){3}[a-z]+\)/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run packs:<command>` the way npm does (tsx on the TypeScript source). */
function packs(...args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/packs.ts', ...args], {
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

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-sign-'));
  // Two groups' keys, made once: every test below signs or checks with them.
  const made = await Promise.all([
    packs('keygen', 'Oak Care Group', dir),
    packs('keygen', 'Elm Homes', dir),
  ]);
  for (const run of made) expect(run.code).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function newPack(name: string): Promise<string> {
  const path = join(dir, name);
  const runbook = strToU8(runbookSource({ id: 'our-own', body: SIMPLE_BODY }));
  await writeFile(path, buildPack([{ name: 'our-own.md', bytes: runbook }], new Date()));
  return path;
}

describe.concurrent(
  'npm run packs:keygen, packs:sign and packs:verify',
  { timeout: 60_000 },
  () => {
    it('makes a private key only its owner can read, and a public key', async ({ expect }) => {
      const privateKey = await stat(join(dir, 'oak-care-group.private.pem'));
      expect(privateKey.mode & 0o777).toBe(0o600);
      const publicKey = await readFile(join(dir, 'oak-care-group.public.pem'), 'utf8');
      expect(publicKey).toMatch(
        /^Holdfast pack public key for: Oak Care Group\n-----BEGIN PUBLIC KEY/,
      );
      // An existing key is never overwritten.
      const again = await packs('keygen', 'Oak Care Group', dir);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
    });

    it('signs a pack, then verifies it with exit 0 naming the signer and fingerprint', async ({
      expect,
    }) => {
      const pack = await newPack('good.zip');
      const unsigned = await packs('verify', pack, '--key', join(dir, 'oak-care-group.public.pem'));
      expect(unsigned.code).toBe(1);
      expect(unsigned.stderr).toContain('not signed');

      const sign = await packs('sign', pack, '--key', join(dir, 'oak-care-group.private.pem'));
      expect(sign.code).toBe(0);
      const verify = await packs('verify', pack, '--key', join(dir, 'oak-care-group.public.pem'));
      expect(verify.stdout).toMatch(/^Signature good: signed by Oak Care Group /);
      expect(verify.stdout).toMatch(WORDS);
      expect(verify.code).toBe(0);

      const wrongKey = await packs('verify', pack, '--key', join(dir, 'elm-homes.public.pem'));
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stderr).toContain('with a different key');
    });

    it('exits 1 with the reason when one byte changed after signing', async ({ expect }) => {
      const pack = await newPack('changed.zip');
      expect((await packs('sign', pack, '--key', join(dir, 'elm-homes.private.pem'))).code).toBe(0);
      const files = unzipSync(new Uint8Array(await readFile(pack)));
      const text = strFromU8(files['runbooks/our-own.md']!);
      files['runbooks/our-own.md'] = strToU8(text.replace('Phone', 'phone'));
      await writeFile(pack, zipSync(files));

      const verify = await packs('verify', pack, '--key', join(dir, 'elm-homes.public.pem'));
      expect(verify.code).toBe(1);
      expect(verify.stderr).toContain('changed after it was signed');
    });

    it('exits 2 and explains when the key file is missing', async ({ expect }) => {
      const pack = await newPack('nokey.zip');
      const run = await packs('verify', pack, '--key', join(dir, 'nobody.public.pem'));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('cannot read the public key');
    });
  },
);
