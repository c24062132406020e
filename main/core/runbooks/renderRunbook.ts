import type {
  ContactRef,
  Runbook,
  RunbookHtml,
  RunbookView,
  Settings,
  SystemEntry,
} from '../../contract/types';
import {
  SETTING_PLACEHOLDERS,
  SYSTEM_FIELDS,
  type SettingPlaceholder,
  type SystemField,
} from '../../contract/vocabulary';
import {
  contactDisplay,
  renderMarkdown,
  renderMarkdownInline,
  type RenderEnv,
  type SystemDisplay,
} from '../../shared/markdown';
import { regulatorSummary } from '../../shared/regulators';

/** A system's register entry by id, or undefined when there is no such system. */
export type SystemLookup = (system: string) => SystemEntry | undefined;

/** The text a `{{system:<id>.<field>}}` placeholder shows for one register entry; null value: not recorded yet. */
export function systemDisplay(entry: SystemEntry, field: SystemField): SystemDisplay {
  const { record } = entry;
  const shown = { label: entry.label, field: SYSTEM_FIELDS[field] };
  if (record && !record.inUse) return { ...shown, value: 'not used here' };
  if (!record) return { ...shown, value: null };
  if (field === 'impact')
    return { ...shown, value: record.impact === null ? null : `${record.impact} out of 10` };
  const value = field === 'paper-location' ? record.paperLocation : record.fallback;
  return { ...shown, value: value || null };
}

/**
 * What the reader fills placeholders in with: a contact's name and number (or "not set yet"),
 * the provider's settings and the systems register. `contact` gives null for a role it does not
 * know, which then shows as its bare id.
 */
export function readerEnv(
  contact: (role: string) => ContactRef | undefined,
  settings: Settings,
  systems: SystemLookup = () => undefined,
): RenderEnv {
  const settingValues: Record<SettingPlaceholder, string> = {
    'isolation-instruction': settings.isolationInstruction,
    regulator: regulatorSummary(settings) ?? '',
  };
  const settingMissing: Partial<Record<SettingPlaceholder, string>> = {
    regulator: 'choose your type of service in Settings',
  };
  return {
    resolveContact: (role) => {
      const found = contact(role);
      return found ? contactDisplay(found) : null;
    },
    resolveSetting: (key) =>
      Object.hasOwn(SETTING_PLACEHOLDERS, key)
        ? {
            label: SETTING_PLACEHOLDERS[key as SettingPlaceholder],
            value: settingValues[key as SettingPlaceholder] || null,
            ...(settingMissing[key as SettingPlaceholder]
              ? { missing: settingMissing[key as SettingPlaceholder] }
              : {}),
          }
        : null,
    resolveSystem: (system, field) => {
      const entry = Object.hasOwn(SYSTEM_FIELDS, field) ? systems(system) : undefined;
      return entry ? systemDisplay(entry, field as SystemField) : null;
    },
  };
}

/**
 * Renders a runbook's markdown to safe HTML once, in the core, so the reader needs no markdown
 * parser of its own: raw HTML off, links allow-listed, images dropped, contacts, settings and
 * the systems register filled in.
 */
export function renderRunbook(
  runbook: Runbook,
  settings: Settings,
  systems: SystemLookup = () => undefined,
): RunbookView {
  const contacts = new Map(runbook.contacts.map((contact) => [contact.role, contact]));
  const env = readerEnv((role) => contacts.get(role), settings, systems);
  const html: RunbookHtml = { intro: renderMarkdown(runbook.intro, env), phases: {}, steps: {} };
  for (const phase of runbook.phases) {
    html.phases[phase.id] = renderMarkdown(phase.intro, env);
    for (const step of phase.steps) {
      html.steps[step.id] = {
        text: renderMarkdownInline(step.text, env),
        details: renderMarkdown(step.details, env),
        options: step.options.map((option) => renderMarkdownInline(option.text, env)),
        ...(step.after ? { after: renderMarkdown(step.after, env) } : {}),
      };
    }
  }
  const systemEntries = runbook.systems.flatMap((system) => systems(system) ?? []);
  return { ...runbook, html, systemEntries };
}
