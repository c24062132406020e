import type { InjectView, ScenarioSummary, ScenarioView } from '../../contract/exerciseTypes';
import { renderMarkdown, type RenderEnv } from '../../shared/markdown';
import type { ParsedInject, ParsedScenario } from './parseScenario';
import type { AdHocInject } from './replayExercise';

/** How a scenario's markdown is shown: contacts filled in, and runbook titles by id. */
export interface ScenarioRenderContext {
  env: RenderEnv;
  runbookTitle: (id: string) => string;
}

/** Markdown list items as one bullet list (continuation lines indented under their bullet). */
export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item.replace(/\n/g, '\n  ')}`).join('\n');
}

/** The short form used in lists. */
export function summariseScenario(
  parsed: ParsedScenario,
): Omit<ScenarioSummary, 'source' | 'overridesBundled'> {
  const { id, title, summary, duration, providerTypes, version } = parsed.meta;
  return {
    id,
    title,
    summary,
    durationMinutes: duration,
    providerTypes,
    version,
    injectCount: parsed.injects.length,
  };
}

function injectView(
  inject: ParsedInject,
  number: number,
  context: ScenarioRenderContext,
): InjectView {
  const { env } = context;
  return {
    id: inject.id,
    number,
    title: inject.title,
    releaseAfterMinutes: inject.releaseAfterMinutes,
    runbook: inject.runbook
      ? { id: inject.runbook, title: context.runbookTitle(inject.runbook) }
      : null,
    textHtml: renderMarkdown(inject.text, env),
    expectedHtml:
      inject.expected.length > 0 ? renderMarkdown(bulletList(inject.expected), env) : '',
    questionsHtml:
      inject.questions.length > 0 ? renderMarkdown(bulletList(inject.questions), env) : '',
    adHoc: false,
  };
}

/** An inject the facilitator typed in during the exercise: its text is user text, shown as typed. */
export function adHocInjectView(inject: AdHocInject, number: number): InjectView {
  return {
    id: inject.id,
    number,
    title: inject.title,
    releaseAfterMinutes: null,
    runbook: null,
    // Rendered through the same safe pipeline: raw HTML is off and links are allow-listed.
    textHtml: renderMarkdown(inject.text),
    expectedHtml: '',
    questionsHtml: '',
    adHoc: true,
  };
}

/** Renders a scenario's markdown to safe HTML once, in the core, as runbooks are. */
export function renderScenario(
  parsed: ParsedScenario,
  context: ScenarioRenderContext,
): ScenarioView {
  const { env } = context;
  return {
    ...summariseScenario(parsed),
    backgroundHtml: renderMarkdown(
      [parsed.intro, parsed.background].filter(Boolean).join('\n\n'),
      env,
    ),
    objectives: parsed.objectives,
    objectivesHtml: renderMarkdown(bulletList(parsed.objectives), env),
    rolesHtml: renderMarkdown(bulletList(parsed.roles), env),
    injects: parsed.injects.map((inject, index) => injectView(inject, index + 1, context)),
    runbooks: parsed.meta.runbooks.map((id) => ({ id, title: context.runbookTitle(id) })),
  };
}
