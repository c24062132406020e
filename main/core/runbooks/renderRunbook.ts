import type { Runbook, RunbookHtml, RunbookView, Settings } from '../../contract/types';
import { SETTING_PLACEHOLDERS, type SettingPlaceholder } from '../../contract/vocabulary';
import { contactDisplay, renderMarkdown, renderMarkdownInline, type RenderEnv } from '../../shared/markdown';

/**
 * Renders a runbook's markdown to safe HTML once, in the core, so the reader needs no markdown
 * parser of its own: raw HTML off, links allow-listed, images dropped, contacts filled in.
 */
export function renderRunbook(runbook: Runbook, settings: Settings): RunbookView {
  const contacts = new Map(runbook.contacts.map((contact) => [contact.role, contact]));
  const settingValues: Record<SettingPlaceholder, string> = { 'isolation-instruction': settings.isolationInstruction };
  const env: RenderEnv = {
    resolveContact: (role) => {
      const contact = contacts.get(role);
      return contact ? contactDisplay(contact) : null;
    },
    resolveSetting: (key) =>
      Object.hasOwn(SETTING_PLACEHOLDERS, key)
        ? { label: SETTING_PLACEHOLDERS[key as SettingPlaceholder], value: settingValues[key as SettingPlaceholder] || null }
        : null,
  };
  const html: RunbookHtml = { intro: renderMarkdown(runbook.intro, env), phases: {}, steps: {} };
  for (const phase of runbook.phases) {
    html.phases[phase.id] = renderMarkdown(phase.intro, env);
    for (const step of phase.steps) {
      html.steps[step.id] = {
        text: renderMarkdownInline(step.text, env),
        details: renderMarkdown(step.details, env),
        options: step.options.map((option) => renderMarkdownInline(option.text, env)),
      };
    }
  }
  return { ...runbook, html };
}
