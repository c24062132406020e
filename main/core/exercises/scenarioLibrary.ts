import { join } from 'node:path';
import type { Problem, Runbook } from '../../contract/types';
import type { NationalContact } from '../contacts/nationalContacts';
import {
  isKnownRole,
  NO_OWN_ROLES,
  readMarkdownFiles,
  type RunbookOrigin,
} from '../runbooks/library';
import { sha256 } from '../lib/hash';
import { parseScenario, type ParsedScenario } from './parseScenario';

/** Bundled scenarios sit in a subfolder of the runbooks, which the runbook loader never reads. */
export const SCENARIOS_FOLDER = 'scenarios';

export interface LoadedScenario {
  parsed: ParsedScenario;
  file: string;
  origin: RunbookOrigin;
  /** Bundled with Holdfast, or the provider's own (in `<data folder>/scenarios/`). */
  source: 'bundled' | 'user';
  /** A scenario of the provider's own with the id of a bundled one, which it replaces. */
  overridesBundled: boolean;
}

/** One folder of scenarios, as runbooks have: bundled first, then the provider's own. */
export interface ScenarioFolder {
  dir: string;
  label: string;
  source: 'bundled' | 'user';
}

export interface ScenarioLibraryState {
  scenarios: Map<string, LoadedScenario>;
  problems: Problem[];
}

/**
 * Checks what one scenario refers to outside itself: every runbook it exercises must exist (an
 * inject's "practise this runbook" would otherwise lead nowhere), and contacts and links resolve.
 */
export function crossCheckScenario(
  parsed: ParsedScenario,
  file: string,
  runbooks: ReadonlyMap<string, Runbook>,
  national: Map<string, NationalContact>,
  ownRoles: ReadonlySet<string> = NO_OWN_ROLES,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (line: number, severity: Problem['severity'], message: string): void => {
    problems.push({ file, line, severity, message });
  };
  // A draft cannot join an incident, so an exercise would reach it and stop: say so early.
  const isDraft = (id: string): boolean => runbooks.get(id)?.status === 'draft';
  const draftNote = 'is a draft: it cannot be used in an exercise until it is published';
  for (const id of parsed.meta.runbooks) {
    if (!runbooks.has(id))
      problem(parsed.runbooksLine, 'error', `front matter: runbook "${id}" does not exist`);
    else if (isDraft(id))
      problem(parsed.runbooksLine, 'warning', `front matter: runbook "${id}" ${draftNote}`);
  }
  for (const inject of parsed.injects) {
    if (inject.runbook && !runbooks.has(inject.runbook))
      problem(
        inject.runbookLine,
        'error',
        `inject "${inject.id}" exercises runbook "${inject.runbook}", which does not exist`,
      );
    else if (inject.runbook && isDraft(inject.runbook))
      problem(
        inject.runbookLine,
        'warning',
        `inject "${inject.id}" exercises runbook "${inject.runbook}", which ${draftNote}`,
      );
  }
  const declared = new Set(parsed.meta.contacts);
  for (const use of parsed.contactUses) {
    if (!isKnownRole(use.role, national, ownRoles))
      problem(use.line, 'warning', `unknown contact role "${use.role}"`);
    else if (!declared.has(use.role))
      problem(
        use.line,
        'warning',
        `contact "${use.role}" is used but not listed in the front matter "contacts"`,
      );
  }
  for (const link of parsed.runbookLinks) {
    const target = runbooks.get(link.runbook);
    if (!target)
      problem(link.line, 'warning', `link to runbook "${link.runbook}", which does not exist`);
    else if (
      link.step &&
      !target.phases.some((phase) => phase.steps.some((step) => step.id === link.step))
    ) {
      problem(
        link.line,
        'warning',
        `link to step "${link.step}" of runbook "${link.runbook}", which has no such step`,
      );
    }
  }
  return problems;
}

/**
 * Reads every scenario of each folder, checked against the runbook library; bad files never hide
 * good ones. As with runbooks, a scenario of the provider's own with the id of a bundled one
 * replaces it, and a broken one of their own leaves the bundled one in use.
 */
export async function loadScenarios(options: {
  folders: ScenarioFolder[];
  runbooks: ReadonlyMap<string, Runbook>;
  national: Map<string, NationalContact>;
  /** Roles the provider added to their contacts. */
  ownRoles?: ReadonlySet<string>;
  /** For the bundled scenarios: whether a file's bytes may be used (see bundledManifest.ts). */
  accept?: (name: string, bytes: Uint8Array) => boolean;
}): Promise<ScenarioLibraryState> {
  const scenarios = new Map<string, LoadedScenario>();
  const problems: Problem[] = [];
  for (const folder of options.folders)
    problems.push(...(await loadFolder(folder, options, scenarios)));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { scenarios, problems };
}

async function loadFolder(
  folder: ScenarioFolder,
  options: {
    runbooks: ReadonlyMap<string, Runbook>;
    national: Map<string, NationalContact>;
    ownRoles?: ReadonlySet<string>;
    accept?: (name: string, bytes: Uint8Array) => boolean;
  },
  scenarios: Map<string, LoadedScenario>,
): Promise<Problem[]> {
  // Only the bundled files are held to the manifest the app was built with.
  const { files, problems } = await readMarkdownFiles(
    {
      dir: folder.dir,
      label: folder.label,
      ...(folder.source === 'bundled' && options.accept ? { accept: options.accept } : {}),
    },
    'scenario',
  );
  const seenInFolder = new Map<string, string>();
  for (const { path, file, bytes } of files) {
    const outcome = parseScenario(bytes, file);
    problems.push(...outcome.problems);
    if (!outcome.scenario) continue;
    const { id } = outcome.scenario.meta;
    const earlier = seenInFolder.get(id);
    if (earlier) {
      problems.push({
        file,
        line: outcome.scenario.idLine,
        severity: 'error',
        message: `scenario id "${id}" is already used by ${earlier}; this file is ignored`,
      });
      continue;
    }
    seenInFolder.set(id, file);
    const checked = crossCheckScenario(
      outcome.scenario,
      file,
      options.runbooks,
      options.national,
      options.ownRoles,
    );
    problems.push(...checked);
    // A scenario pointing at a missing runbook is left out, as a broken runbook file is.
    if (checked.some((p) => p.severity === 'error')) continue;
    const replaced = scenarios.get(id);
    scenarios.set(id, {
      parsed: outcome.scenario,
      file,
      origin: { path, sha256: sha256(bytes) },
      source: folder.source,
      overridesBundled: replaced?.source === 'bundled' && folder.source === 'user',
    });
  }
  return problems;
}

/**
 * The file of each scenario in a folder by id, whether or not it passes its checks: what
 * "reset to the version that comes with Holdfast" goes back to.
 */
export async function bundledScenarioPaths(dir: string): Promise<Map<string, string>> {
  const { files } = await readMarkdownFiles({ dir, label: SCENARIOS_FOLDER }, 'scenario');
  const paths = new Map<string, string>();
  for (const { path, file, bytes } of files) {
    const id = parseScenario(bytes, file).scenario?.meta.id;
    if (id && !paths.has(id)) paths.set(id, path);
  }
  return paths;
}

/** Where the bundled scenarios are, given the bundled runbooks folder. */
export const scenariosDir = (bundledRunbooksDir: string): string =>
  join(bundledRunbooksDir, SCENARIOS_FOLDER);
