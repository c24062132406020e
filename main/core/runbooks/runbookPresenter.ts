import type { ContactRef, Runbook, RunbookView, Settings } from '../../contract/types';
import type { ContactsDirectoryService } from '../contacts/contactsDirectory';
import { resolveContact } from './library';
import type { LiveLibrary } from './liveLibrary';
import { renderMarkdown, renderMarkdownInline } from '../../shared/markdown';
import { readerEnv, renderRunbook, type SystemLookup } from './renderRunbook';

/** A contact role as a step shows it: the local contact, the national number, or "not set". */
export type ContactResolver = (role: string) => ContactRef;

/**
 * Resolves roles against the latest national pack and the provider's own contacts at each call,
 * judging staleness by the core's clock.
 */
export const contactResolver =
  (library: LiveLibrary, contacts: ContactsDirectoryService, now: () => Date): ContactResolver =>
  (role) =>
    resolveContact(role, library.nationalById(), contacts.lookup, now());

export interface PresenterInputs {
  /** A contact role as the provider has it now (their own contact, or the national one). */
  contact: ContactResolver;
  settings: () => Settings;
  systems: SystemLookup;
}

interface Rendered {
  view: RunbookView;
  /** The systems the text looked up, so a later call checks just those entries. */
  systemIds: string[];
  /** Everything filled in when it was rendered, as JSON. */
  filledIn: string;
}

/**
 * Shows runbooks as the reader does, with today's contacts, settings and systems register filled
 * in. Rendering a runbook's markdown is the slow part, so each runbook (a library entry or an
 * incident's snapshot) is rendered again only when something it filled in has changed: the
 * values are read afresh at every call and compared, so no write anywhere has to remember to
 * clear the cache.
 */
export function runbookPresenter(inputs: PresenterInputs): (runbook: Runbook) => RunbookView {
  const rendered = new WeakMap<Runbook, Rendered>();
  const filledIn = (contacts: ContactRef[], settings: Settings, systemIds: string[]): string =>
    JSON.stringify([contacts, settings, systemIds.map((id) => inputs.systems(id) ?? null)]);

  return (runbook) => {
    const contacts = runbook.contacts.map((ref) => inputs.contact(ref.role));
    const settings = inputs.settings();
    const cached = rendered.get(runbook);
    if (cached && cached.filledIn === filledIn(contacts, settings, cached.systemIds))
      return cached.view;
    const looked = new Set<string>();
    const view = renderRunbook({ ...runbook, contacts }, settings, (id) => {
      looked.add(id);
      return inputs.systems(id);
    });
    const systemIds = [...looked];
    rendered.set(runbook, { view, systemIds, filledIn: filledIn(contacts, settings, systemIds) });
    return view;
  };
}

/** Markdown as the reader shows it; `inline` leaves out the wrapping paragraph (a step's headline). */
export type RenderForReader = (markdown: string, inline?: boolean) => string;

/**
 * Renders text that is not a library runbook yet (a plan being imported) exactly as the reader
 * would, with today's contacts, settings and systems register filled in.
 */
export function markdownRenderer(inputs: PresenterInputs): RenderForReader {
  return (markdown, inline = false) => {
    const env = readerEnv(inputs.contact, inputs.settings(), inputs.systems);
    return inline ? renderMarkdownInline(markdown, env) : renderMarkdown(markdown, env);
  };
}
