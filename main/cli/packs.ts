import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readZip } from '../core/packs/safeZip';
import {
  checkPackSignature,
  fingerprintOf,
  generateSigningKeys,
  readPublicKey,
  signPack,
} from '../core/packs/packSignature';
import {
  keyFileStem,
  nameInKeyFile,
  privateKeyFileText,
  publicKeyFileText,
} from '../core/packs/signingKeyFiles';

/**
 * Signing runbook packs for a care group:
 *   npm run packs:keygen -- <name> <out-folder>
 *   npm run packs:sign -- <pack.zip> --key <private key>
 *   npm run packs:verify -- <pack.zip> --key <public key>
 * Exit 0 when the work is done or the signature is good; 1 when the signature is bad, from
 * another key or missing; 2 when the command itself is wrong (a missing file, a wrong argument).
 */
class UsageError extends Error {}

function keyOption(args: string[]): { pack: string; key: string } {
  const at = args.indexOf('--key');
  const key = at >= 0 ? args[at + 1] : undefined;
  const pack = args.find((arg, index) => index !== at && index !== at + 1);
  if (!pack || !key) throw new UsageError('missing <pack.zip> or --key <key file>');
  return { pack, key };
}

const readText = (path: string, what: string): Promise<string> =>
  readFile(path, 'utf8').catch(() => {
    throw new UsageError(`cannot read the ${what} ${path}`);
  });

async function keygen(args: string[]): Promise<number> {
  const [name, folder] = args;
  if (!name?.trim() || !folder) throw new UsageError('usage: packs:keygen -- <name> <out-folder>');
  if (!(await stat(folder).catch(() => null))?.isDirectory())
    throw new UsageError(`the folder ${folder} does not exist`);
  const stem = keyFileStem(name);
  const privatePath = join(folder, `${stem}.private.pem`);
  const publicPath = join(folder, `${stem}.public.pem`);
  const keys = generateSigningKeys();
  // 'wx': an existing key is never overwritten (packs signed with it could no longer be checked).
  await writeFile(privatePath, privateKeyFileText(name.trim(), keys.privateKeyPem), {
    mode: 0o600,
    flag: 'wx',
  }).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      error.code === 'EEXIST' ? `${privatePath} already exists` : `cannot write ${privatePath}`,
    );
  });
  await writeFile(publicPath, publicKeyFileText(name.trim(), keys.publicKeyPem), { flag: 'wx' });
  const key = readPublicKey(keys.publicKeyPem);
  console.log(`Private key (keep it safe, never send it): ${privatePath}`);
  console.log(`Public key (give this to each home): ${publicPath}`);
  console.log(`Fingerprint: ${key ? fingerprintOf(key) : '?'}`);
  return 0;
}

async function signCommand(args: string[]): Promise<number> {
  const { pack, key } = keyOption(args);
  const keyText = await readText(key, 'private key');
  const zip = new Uint8Array(
    await readFile(pack).catch(() => {
      throw new UsageError(`cannot read the pack ${pack}`);
    }),
  );
  const signer = nameInKeyFile(keyText) ?? keyFileStem(key.replace(/^.*\//, ''));
  const signed = signPack(zip, keyText, signer, new Date());
  if (!signed.ok) {
    console.error(signed.problem);
    return 1;
  }
  await writeFile(pack, signed.zip);
  console.log(`Signed ${pack} as ${signed.signer}.`);
  return 0;
}

async function verifyCommand(args: string[]): Promise<number> {
  const { pack, key } = keyOption(args);
  const keyText = await readText(key, 'public key');
  const publicKey = readPublicKey(keyText);
  if (!publicKey) throw new UsageError(`${key} is not a public key made by packs:keygen`);
  const zip = new Uint8Array(
    await readFile(pack).catch(() => {
      throw new UsageError(`cannot read the pack ${pack}`);
    }),
  );
  const read = readZip(zip);
  if (!read.ok) {
    console.error(`Signature not checked: ${read.problem}`);
    return 1;
  }
  const name = nameInKeyFile(keyText) ?? key;
  const check = checkPackSignature(read.files, [{ name, publicKeyPem: keyText }]);
  switch (check.status) {
    case 'good':
      console.log(`Signature good: signed by ${check.signer} (${check.fingerprint})`);
      return 0;
    case 'unsigned':
      console.error('Signature bad: this pack is not signed.');
      return 1;
    case 'unknown-key':
      console.error(
        `Signature bad: this pack was signed by "${check.signer}" with a different key, not ${name} (${fingerprintOf(publicKey)}).`,
      );
      return 1;
    case 'bad':
      console.error(`Signature bad: ${check.reason}.`);
      return 1;
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  keygen,
  sign: signCommand,
  verify: verifyCommand,
};

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    console.error('usage: packs.ts keygen|sign|verify ...');
    process.exit(2);
  }
  process.exit(await run(args));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
