import { join } from 'node:path';
import type { Problem, Runbook } from '../../contract/types';
import type { NationalContact } from '../contacts/nationalContacts';
import { isKnownRole, readMarkdownFiles, type RunbookOrigin } from '../runbooks/library';
import { sha256 } from '../lib/hash';
import { parseScenario, type ParsedScenario } from './parseScenario';

/** Bundled scenarios sit in a subfolder of the runbooks, which the runbook loader never reads. */
export const SCENARIOS_FOLDER = 'scenarios';

export interface LoadedScenario {
  parsed: ParsedScenario;
  file: string;
  origin: RunbookOrigin;
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
    if (!isKnownRole(use.role, national))
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

/** Reads every scenario of a folder, checked against the runbook library; bad files never hide good ones. */
export async function loadScenarios(options: {
  dir: string;
  label: string;
  runbooks: ReadonlyMap<string, Runbook>;
  national: Map<string, NationalContact>;
}): Promise<ScenarioLibraryState> {
  const { files, problems } = await readMarkdownFiles(
    { dir: options.dir, label: options.label },
    'scenario',
  );
  const scenarios = new Map<string, LoadedScenario>();
  for (const { path, file, bytes } of files) {
    const outcome = parseScenario(bytes, file);
    problems.push(...outcome.problems);
    if (!outcome.scenario) continue;
    const { id } = outcome.scenario.meta;
    const earlier = scenarios.get(id);
    if (earlier) {
      problems.push({
        file,
        line: outcome.scenario.idLine,
        severity: 'error',
        message: `scenario id "${id}" is already used by ${earlier.file}; this file is ignored`,
      });
      continue;
    }
    const checked = crossCheckScenario(outcome.scenario, file, options.runbooks, options.national);
    problems.push(...checked);
    // A scenario pointing at a missing runbook is left out, as a broken runbook file is.
    if (checked.some((p) => p.severity === 'error')) continue;
    scenarios.set(id, { parsed: outcome.scenario, file, origin: { path, sha256: sha256(bytes) } });
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { scenarios, problems };
}

/** Where the bundled scenarios are, given the bundled runbooks folder. */
export const scenariosDir = (bundledRunbooksDir: string): string =>
  join(bundledRunbooksDir, SCENARIOS_FOLDER);
