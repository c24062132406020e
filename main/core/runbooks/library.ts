import { sha256 } from '../lib/hash';
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { REFUSED_PROBLEM } from './bundledManifest';
import { join } from 'node:path';
import type { ContactRef, Phase, Problem, Runbook, RunbookSource } from '../../contract/types';
import {
  LOCAL_CONTACT_ROLES,
  type LocalContactRole,
  type ProviderType,
} from '../../contract/vocabulary';
import type { LocalRoleEntry } from '../contacts/contactsDirectory';
import type { NationalContact } from '../contacts/nationalContacts';
import { isStale } from '../contacts/staleness';
import { didYouMean } from './didYouMean';
import type { ParseCache } from './parseCache';
import {
  MAX_RUNBOOK_BYTES,
  parseRunbook,
  type ParsedRunbook,
  type ParseOutcome,
} from './parseRunbook';

/** A folder of runbook files and how its files are named in problem reports. */
export interface RunbookFolder {
  dir: string;
  source: RunbookSource;
  /** Prefix for `file:line` reports, e.g. "runbooks" or "your runbooks". */
  label: string;
  /** For the bundled folder: whether a file's bytes may be used (see bundledManifest.ts). */
  accept?: (name: string, bytes: Uint8Array) => boolean;
}

/** Where a loaded runbook's text came from: its path on disk and the SHA-256 of the bytes read. */
export interface RunbookOrigin {
  path: string;
  sha256: string;
}

export interface LoadedLibrary {
  runbooks: Map<string, Runbook>;
  problems: Problem[];
  /** Keyed by runbook id; incidents snapshot the file and compare hashes later. */
  origins: Map<string, RunbookOrigin>;
  /** Files whose header says `status: draft`, loaded or not: their problems are listed apart. */
  draftFiles: Set<string>;
}

export interface Candidate {
  parsed: ParsedRunbook;
  file: string;
  source: RunbookSource;
  origin: RunbookOrigin;
}

/** One markdown file read from a folder, with the name it has in problem reports. */
export interface MarkdownFile {
  path: string;
  file: string;
  bytes: Uint8Array;
}

/**
 * Files read and parsed between two turns of the event loop. A runbook is a few KB in a local
 * folder, so each `stat` and read is a few microseconds done directly, while the same call sent
 * to Node's thread pool costs far more in hand-offs and callbacks: over 1,000 files the pooled
 * reads took 5 times the CPU and most of 100 ms (load_index_1000_cold_ms in `npm run bench`).
 * Parsing already holds the thread for longer than reading; yielding after each batch keeps
 * other calls answered while a large folder loads.
 */
const FILES_PER_TURN = 16;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Markdown files in a runbooks folder that document the folder rather than being runbooks. */
export const FOLDER_DOCUMENTS: readonly string[] = ['README.md', 'SOURCES.md'];

/** True for a file name the library reads as a runbook (or a scenario, in the scenarios folder). */
export const isRunbookFileName = (name: string): boolean =>
  name.toLowerCase().endsWith('.md') && !FOLDER_DOCUMENTS.includes(name);

/**
 * Reads every `.md` file of one folder (not README.md or SOURCES.md, not subfolders), refusing oversize files
 * unread; a missing folder is simply empty and one unreadable file never hides the rest.
 * `onRead` sees each file as soon as it is read, in name order.
 */
export async function readMarkdownFiles(
  folder: { dir: string; label: string; accept?: (name: string, bytes: Uint8Array) => boolean },
  what = 'runbook',
  onRead?: (file: MarkdownFile) => void,
): Promise<{ files: MarkdownFile[]; problems: Problem[] }> {
  let names: string[];
  try {
    names = (await readdir(folder.dir)).filter(isRunbookFileName).sort();
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], problems: [] };
    throw error;
  }
  const files: MarkdownFile[] = [];
  const problems: Problem[] = [];
  const unreadable = (file: string, error: unknown): void => {
    problems.push({
      file,
      line: 1,
      severity: 'error',
      message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
    });
  };
  const readOne = (name: string): void => {
    const path = join(folder.dir, name);
    const file = `${folder.label}/${name}`;
    // A dangling link, a file deleted mid-load or no permission is reported, not thrown.
    let info;
    try {
      info = statSync(path);
    } catch (error: unknown) {
      unreadable(file, error);
      return;
    }
    if (!info.isFile()) return;
    // Refuse oversize files before reading them into memory.
    if (info.size > MAX_RUNBOOK_BYTES) {
      problems.push({
        file,
        line: 1,
        severity: 'error',
        message: `file is too large (${(info.size / (1024 * 1024)).toFixed(1)} MB; a ${what} may be at most ${MAX_RUNBOOK_BYTES / 1024} KB)`,
      });
      return;
    }
    let bytes;
    try {
      bytes = readFileSync(path);
    } catch (error: unknown) {
      unreadable(file, error);
      return;
    }
    if (folder.accept && !folder.accept(name, bytes)) {
      problems.push({ file, line: 1, severity: 'error', message: REFUSED_PROBLEM });
      return;
    }
    const read = { path, file, bytes };
    files.push(read);
    onRead?.(read);
  };
  for (const [index, name] of names.entries()) {
    if (index > 0 && index % FILES_PER_TURN === 0) await nextTurn();
    readOne(name);
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { files, problems };
}

/** Reads and parses every runbook file of one folder. */
export async function readRunbookFolder(
  folder: RunbookFolder,
  cache?: ParseCache,
): Promise<{ candidates: Candidate[]; problems: Problem[]; draftFiles: string[] }> {
  const outcomes = new Map<string, { outcome: ParseOutcome; contentHash: string }>();
  // Each file is parsed as it arrives, while the next ones are being read.
  const { files, problems } = await readMarkdownFiles(folder, 'runbook', ({ file, bytes }) => {
    // One hash per file, for both the cache key and the origin incidents compare against.
    const contentHash = sha256(bytes);
    let outcome = cache?.lookup(contentHash, file);
    if (!outcome) {
      outcome = parseRunbook(bytes, file);
      cache?.store(contentHash, file, outcome);
    }
    outcomes.set(file, { outcome, contentHash });
  });
  const candidates: Candidate[] = [];
  const draftFiles: string[] = [];
  for (const { path, file } of files) {
    const { outcome, contentHash } = outcomes.get(file) as {
      outcome: ParseOutcome;
      contentHash: string;
    };
    problems.push(...outcome.problems);
    if (outcome.draft) draftFiles.push(file);
    if (outcome.runbook)
      candidates.push({
        parsed: outcome.runbook,
        file,
        source: folder.source,
        origin: { path, sha256: contentHash },
      });
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { candidates, problems, draftFiles };
}

/**
 * Loads bundled and user runbooks: a user file with the same id replaces the bundled one, one
 * bad file never hides the good ones, and cross-file links and contact roles are checked.
 */
export async function loadLibrary(
  folders: RunbookFolder[],
  nationalContacts: NationalContact[],
  cache?: ParseCache,
  ownRoles: ReadonlySet<string> = NO_OWN_ROLES,
): Promise<LoadedLibrary> {
  const read = await Promise.all(folders.map((folder) => readRunbookFolder(folder, cache)));
  const problems: Problem[] = read.flatMap((r) => r.problems);
  const chosen = new Map<string, Candidate & { overridesBundled: boolean }>();

  for (const { candidates } of read) {
    const seenInFolder = new Map<string, string>();
    for (const candidate of candidates) {
      const id = candidate.parsed.meta.id;
      const earlier = seenInFolder.get(id);
      if (earlier) {
        problems.push({
          file: candidate.file,
          line: candidate.parsed.idLine,
          severity: 'error',
          message: `runbook id "${id}" is already used by ${earlier}; this file is ignored`,
        });
        continue;
      }
      seenInFolder.set(id, candidate.file);
      const existing = chosen.get(id);
      chosen.set(id, {
        ...candidate,
        overridesBundled: existing?.source === 'bundled' && candidate.source === 'user',
      });
    }
  }

  const national = new Map(nationalContacts.map((contact) => [contact.id, contact]));
  const runbooks = new Map<string, Runbook>();
  const origins = new Map<string, RunbookOrigin>();
  for (const [id, candidate] of chosen) {
    const found = crossCheck(candidate, (target) => chosen.get(target)?.parsed, national, ownRoles);
    problems.push(...found);
    // An error found against the rest of the library (a contact role that does not exist)
    // stops the runbook loading, as an error in the file itself does.
    if (found.some((problem) => problem.severity === 'error')) continue;
    runbooks.set(id, toRunbook(candidate, national));
    origins.set(id, candidate.origin);
  }
  return {
    runbooks,
    problems,
    origins,
    draftFiles: new Set(read.flatMap((folder) => folder.draftFiles)),
  };
}

/**
 * The runbooks in use: a draft stays out of the crisis screens, search, incidents and the
 * grab-bag pack until someone publishes it.
 */
export function publishedRunbooks(runbooks: Iterable<Runbook>): Runbook[] {
  return [...runbooks].filter((runbook) => runbook.status !== 'draft');
}

/**
 * The provider's plan: the published runbooks for its type of service (all of them until the
 * type is set). Drafts are not in use yet, so they are not part of being ready or of the evidence.
 */
export function runbooksInUse(
  runbooks: Iterable<Runbook>,
  providerType: ProviderType | null,
): Runbook[] {
  return publishedRunbooks(runbooks).filter(
    (runbook) => providerType === null || runbook.providerTypes.includes(providerType),
  );
}

/** The steps of another runbook a link may point at; undefined when there is no such runbook. */
export type LinkTargets = (runbookId: string) => { phases: Phase[] } | undefined;

/** No roles of the provider's own: what a check without a data folder knows. */
export const NO_OWN_ROLES: ReadonlySet<string> = new Set();

/**
 * Checks one file against the rest of the library: contact roles (Holdfast's, the national ones
 * and the provider's own, from their contacts) and links to other runbooks.
 */
export function crossCheck(
  { parsed, file }: Pick<Candidate, 'parsed' | 'file'>,
  targets: LinkTargets,
  national: Map<string, NationalContact>,
  ownRoles: ReadonlySet<string> = NO_OWN_ROLES,
): Problem[] {
  const problems: Problem[] = [];
  const declared = new Set(parsed.meta.contacts);
  for (const use of parsed.contactUses) {
    if (!isKnownRole(use.role, national, ownRoles)) {
      const known = [...Object.keys(LOCAL_CONTACT_ROLES), ...ownRoles, ...national.keys()];
      // Without the national contacts (their file refused or missing) a national role cannot be
      // told from a typo: the runbook stays in use, since hiding it would hurt more.
      problems.push(
        national.size === 0
          ? {
              file,
              line: use.line,
              severity: 'warning',
              message: `contact role "${use.role}" in {{contact:${use.role}}} could not be checked: the national contacts could not be read`,
            }
          : {
              file,
              line: use.line,
              severity: 'error',
              message: `unknown contact role "${use.role}" in {{contact:${use.role}}}: a step would show a gap where the contact should be.${didYouMean(use.role, known)}`,
            },
      );
    } else if (!declared.has(use.role)) {
      problems.push({
        file,
        line: use.line,
        severity: 'warning',
        message: `contact "${use.role}" is used but not listed in the front matter "contacts"`,
      });
    }
  }
  for (const link of parsed.runbookLinks) {
    const target = targets(link.runbook);
    if (!target) {
      problems.push({
        file,
        line: link.line,
        severity: 'warning',
        message: `link to runbook "${link.runbook}", which does not exist`,
      });
    } else if (
      link.step &&
      !target.phases.some((phase) => phase.steps.some((step) => step.id === link.step))
    ) {
      problems.push({
        file,
        line: link.line,
        severity: 'warning',
        message: `link to step "${link.step}" of runbook "${link.runbook}", which has no such step`,
      });
    }
  }
  return problems;
}

/**
 * True for a local role, a role the provider added to their contacts, or a national contact id:
 * the roles a `{{contact:role}}` may name.
 */
export function isKnownRole(
  role: string,
  national: Map<string, NationalContact>,
  ownRoles: ReadonlySet<string> = NO_OWN_ROLES,
): boolean {
  return Object.hasOwn(LOCAL_CONTACT_ROLES, role) || ownRoles.has(role) || national.has(role);
}

/** The provider's own contact for a local role (or undefined when the role is not a local one). */
export type LocalContactLookup = (role: string) => LocalRoleEntry | undefined;

/**
 * Resolves a role for display. Local roles come from the provider's directory first (with their
 * number, or "not set" until one is entered, and already judged stale or not by the directory);
 * national contacts carry their number and dated source, stay read-only, and are stale at `now`
 * when their facts were last checked too long ago (or never).
 */
export function resolveContact(
  role: string,
  national: Map<string, NationalContact>,
  local?: LocalContactLookup,
  now: Date = new Date(),
): ContactRef {
  const own = local?.(role);
  if (own?.contact) {
    const { name, organisation, channels, hours, lastVerified } = own.contact;
    return {
      role,
      label: own.label,
      national: false,
      channels,
      stale: own.stale,
      name,
      lastVerified,
      ...(organisation ? { organisation } : {}),
      ...(hours ? { hours } : {}),
    };
  }
  const contact = national.get(role);
  if (contact) {
    return {
      role,
      label: contact.name,
      national: true,
      channels: contact.channels,
      stale: isStale(contact.checked, now),
      hours: contact.hours,
      source: contact.source,
      checked: contact.checked,
      pageDate: contact.pageDate,
    };
  }
  const label =
    own?.label ??
    (Object.hasOwn(LOCAL_CONTACT_ROLES, role)
      ? LOCAL_CONTACT_ROLES[role as LocalContactRole]
      : role);
  return { role, label, national: false, channels: null, stale: false };
}

/**
 * A runbook from text kept elsewhere (an incident's snapshot): parsed like a library file, but
 * never added to the library. Null with the problems when the text no longer parses.
 */
export function runbookFromSnapshot(
  bytes: Uint8Array,
  file: string,
  source: RunbookSource,
  national: Map<string, NationalContact>,
): { runbook: Runbook | null; problems: Problem[] } {
  const { runbook: parsed, problems } = parseRunbook(bytes, file);
  if (!parsed) return { runbook: null, problems };
  return {
    runbook: toRunbook({ parsed, file, source, overridesBundled: false }, national),
    problems,
  };
}

/**
 * The library's runbook `id` as `runbookFromSnapshot` would read a snapshot of the same bytes
 * (`sha256` equal to the loaded file's): parsing identical bytes again gives the same runbook, and
 * that parse is most of the time opening an incident takes after its log check. Undefined when the
 * library holds other bytes under that id, or none.
 */
export function snapshotFromLibrary(
  library: Pick<LoadedLibrary, 'runbooks' | 'origins'>,
  id: string,
  sha256: string,
  file: string,
): Runbook | undefined {
  const runbook = library.runbooks.get(id);
  if (!runbook || library.origins.get(id)?.sha256 !== sha256) return undefined;
  return { ...runbook, source: 'user', file, overridesBundled: false };
}

/** A parsed file as the library holds it, with its contacts resolved against the national pack. */
export function toRunbook(
  candidate: Omit<Candidate, 'origin'> & { overridesBundled: boolean },
  national: Map<string, NationalContact>,
): Runbook {
  const { meta, intro, phases, contactUses, runbookLinks } = candidate.parsed;
  const roles = [...new Set([...meta.contacts, ...contactUses.map((use) => use.role)])];
  return {
    id: meta.id,
    title: meta.title,
    category: meta.category,
    summary: meta.summary,
    providerTypes: meta.providerTypes,
    reviewed: meta.reviewed,
    owner: meta.owner,
    version: meta.version,
    source: candidate.source,
    synonyms: meta.synonyms,
    overridesBundled: candidate.overridesBundled,
    status: meta.status,
    intro,
    phases,
    contacts: roles.map((role) => resolveContact(role, national)),
    systems: meta.systems,
    clocks: meta.clocks,
    links: [...new Set(runbookLinks.map((link) => link.runbook))],
    file: candidate.file,
  };
}
