import { zipSync } from 'fflate';
import { z } from 'zod';
import { sha256 } from '../lib/hash';
import { parseRunbook, type ParsedRunbook } from '../runbooks/parseRunbook';
import { parseScenario, type ParsedScenario } from '../exercises/parseScenario';
import {
  checkPackSignature,
  SIGNATURE_FILE,
  type SignatureCheck,
  type TrustedKey,
} from './packSignature';
import { readZip } from './safeZip';

export const MANIFEST = 'holdfast-pack.json';
/** The provider's local contacts, when the pack was made with them: the same CSV as Contacts → Export. */
export const CONTACTS_FILE = 'contacts.csv';
export const PACK_FORMAT = 'holdfast-runbook-pack';
export const PACK_FORMAT_VERSION = 1;
const RUNBOOK_PATH = /^runbooks\/[a-z0-9][a-z0-9-]{0,63}\.md$/;
const SCENARIO_PATH = /^scenarios\/[a-z0-9][a-z0-9-]{0,63}\.md$/;

const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.int().min(1),
  created: z.iso.datetime(),
  files: z
    .array(
      z.strictObject({
        path: z.string().max(200),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        bytes: z.int().min(0),
      }),
    )
    .max(200),
});

/** One runbook read from a pack, checked by the same parser the library uses. */
export interface PackRunbook {
  path: string;
  text: string;
  parsed: ParsedRunbook;
}

/** One exercise scenario read from a pack, checked by the same parser the exercises use. */
export interface PackScenario {
  path: string;
  text: string;
  parsed: ParsedScenario;
}

export type PackRead =
  | {
      ok: true;
      created: string;
      runbooks: PackRunbook[];
      scenarios: PackScenario[];
      contactsCsv: string | null;
      signature: SignatureCheck;
    }
  | { ok: false; problem: string };

type PackFile = { name: string; bytes: Uint8Array };

/**
 * Builds a pack: runbook files under `runbooks/`, scenario files under `scenarios/`, and a
 * manifest with each file's checksum.
 */
export function buildPack(
  files: PackFile[],
  created: Date,
  contactsCsv: string | null = null,
  scenarios: PackFile[] = [],
): Uint8Array {
  const entries = [
    ...files.map(({ name, bytes }) => ({ path: `runbooks/${name}`, bytes })),
    ...scenarios.map(({ name, bytes }) => ({ path: `scenarios/${name}`, bytes })),
  ];
  if (contactsCsv !== null)
    entries.push({ path: CONTACTS_FILE, bytes: new TextEncoder().encode(contactsCsv) });
  const manifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    created: created.toISOString(),
    files: entries.map(({ path, bytes }) => ({
      path,
      sha256: sha256(bytes),
      bytes: bytes.byteLength,
    })),
  };
  return zipSync(
    {
      [MANIFEST]: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      ...Object.fromEntries(entries.map(({ path, bytes }) => [path, bytes])),
    },
    { mtime: created },
  );
}

/**
 * Reads and checks a whole pack before anything is written: a safe zip, a signature (when it has
 * one) that matches what it holds, a manifest Holdfast understands whose checksums match, only
 * runbook and scenario files, each one valid, no id twice.
 */
export function readPack(zip: Uint8Array, trusted: readonly TrustedKey[] = []): PackRead {
  const refuse = (problem: string): PackRead => ({ ok: false, problem });
  const read = readZip(zip);
  if (!read.ok) return read;
  // Checked first, so a signed pack changed after signing is refused for that, in those words.
  const signature = checkPackSignature(read.files, trusted);
  if (signature.status === 'bad') return refuse(`The pack was refused: ${signature.reason}.`);
  const manifestFile = read.files.find((file) => file.name === MANIFEST);
  if (!manifestFile) return refuse(`This is not a Holdfast pack: it has no ${MANIFEST}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestFile.bytes));
  } catch {
    return refuse(`The pack was refused: its ${MANIFEST} cannot be read.`);
  }
  const format = (raw as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format !== PACK_FORMAT)
    return refuse('This is not a Holdfast runbook pack (unknown format).');
  if (typeof format.formatVersion === 'number' && format.formatVersion > PACK_FORMAT_VERSION) {
    return refuse(
      'This pack was made by a newer version of Holdfast. Update Holdfast, then import it again.',
    );
  }
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success || manifest.data.formatVersion !== PACK_FORMAT_VERSION)
    return refuse(`The pack was refused: its ${MANIFEST} is not in a form Holdfast understands.`);

  const listed = new Map(manifest.data.files.map((file) => [file.path, file]));
  const runbooks: PackRunbook[] = [];
  const scenarios: PackScenario[] = [];
  const ids = new Map<string, string>();
  const scenarioIds = new Map<string, string>();
  let contactsCsv: string | null = null;
  for (const file of read.files) {
    if (file.name === MANIFEST || file.name === SIGNATURE_FILE) continue;
    const entry = listed.get(file.name);
    const expected =
      RUNBOOK_PATH.test(file.name) || SCENARIO_PATH.test(file.name) || file.name === CONTACTS_FILE;
    if (!expected || !entry)
      return refuse(
        `The pack was refused: it holds a file Holdfast does not expect (${JSON.stringify(file.name.slice(0, 80))}).`,
      );
    if (entry.bytes !== file.bytes.byteLength || entry.sha256 !== sha256(file.bytes))
      return refuse(
        `The pack was refused: ${file.name} does not match its checksum, so the pack may be damaged.`,
      );
    listed.delete(file.name);
    if (file.name === CONTACTS_FILE) {
      contactsCsv = new TextDecoder().decode(file.bytes);
      continue;
    }
    if (SCENARIO_PATH.test(file.name)) {
      const { scenario, problems } = parseScenario(file.bytes, file.name);
      if (!scenario) {
        const first = problems.find((problem) => problem.severity === 'error');
        return refuse(
          `The pack was refused: ${file.name}${first ? `:${first.line}: ${first.message}` : ' cannot be read as a scenario'}.`,
        );
      }
      const earlierScenario = scenarioIds.get(scenario.meta.id);
      if (earlierScenario)
        return refuse(
          `The pack was refused: ${file.name} and ${earlierScenario} both use the scenario id "${scenario.meta.id}".`,
        );
      scenarioIds.set(scenario.meta.id, file.name);
      scenarios.push({
        path: file.name,
        text: new TextDecoder().decode(file.bytes),
        parsed: scenario,
      });
      continue;
    }
    const { runbook, problems } = parseRunbook(file.bytes, file.name);
    if (!runbook) {
      const first = problems.find((problem) => problem.severity === 'error');
      return refuse(
        `The pack was refused: ${file.name}${first ? `:${first.line}: ${first.message}` : ' cannot be read as a runbook'}.`,
      );
    }
    const earlier = ids.get(runbook.meta.id);
    if (earlier)
      return refuse(
        `The pack was refused: ${file.name} and ${earlier} both use the runbook id "${runbook.meta.id}".`,
      );
    ids.set(runbook.meta.id, file.name);
    runbooks.push({ path: file.name, text: new TextDecoder().decode(file.bytes), parsed: runbook });
  }
  const missing = [...listed.keys()];
  if (missing.length > 0)
    return refuse(
      `The pack was refused: it is missing ${missing.slice(0, 3).join(', ')}, which its manifest lists.`,
    );
  return {
    ok: true,
    created: manifest.data.created,
    runbooks,
    scenarios,
    contactsCsv,
    signature,
  };
}
