import MarkdownItFactory, { type MarkdownIt, type StateInline, type Token } from 'markdown-it';
import type { ContactChannel, ContactRef } from '../contract/types';
import { noteLinkChecked, useInlineMemo } from './inlineMemo';
import { classifyHref } from './linkPolicy';
import { PLACEHOLDER_RE } from './placeholder';

/** How a `{{contact:role}}` placeholder renders: a name and a number, or a "not set" warning. */
export interface ContactDisplay {
  label: string;
  /** e.g. "0300 303 5222 (24/7)"; null when the provider has not entered one yet. */
  detail: string | null;
  /** The same detail in its parts, so each user value is shown in its own direction (see `isolate`). */
  parts?: ContactDetailParts;
}

/** What `detail` is made of: who, the way to reach them and the hours, each as typed. */
export interface ContactDetailParts {
  name: string | null;
  organisation: string | null;
  value: string;
  /** Numbers and addresses always read left to right, whatever the text around them. */
  leftToRight: boolean;
  hours: string | null;
}

/** How a `{{setting:key}}` placeholder renders: the provider's own answer, or a prompt to record it. */
export interface SettingDisplay {
  label: string;
  value: string | null;
  /** What to do while nothing is recorded; the IT supplier prompt when not given. */
  missing?: string;
}

/**
 * How a `{{system:<id>.<field>}}` placeholder renders: the value the provider recorded in the
 * systems register, or a "not recorded yet" prompt linking to that system's form.
 */
export interface SystemDisplay {
  /** The system's name, for the link's accessible text. */
  label: string;
  /** The field's name, for the link's accessible text. */
  field: string;
  /** The recorded value as text; null when nothing is recorded yet. */
  value: string | null;
}

export interface RenderEnv {
  resolveContact?: (role: string) => ContactDisplay | null;
  resolveSetting?: (key: string) => SettingDisplay | null;
  resolveSystem?: (system: string, field: string) => SystemDisplay | null;
}

// The pattern lives apart so code that only reads placeholders (search snippets in the renderer)
// does not bring markdown-it with it.
export { PLACEHOLDER_RE };

/** Splits a system placeholder's key (`emar.paper-location`) into the system and the field. */
export function splitSystemKey(key: string): { system: string; field: string | null } {
  const dot = key.indexOf('.');
  return dot === -1
    ? { system: key, field: null }
    : { system: key.slice(0, dot), field: key.slice(dot + 1) };
}

/** PLACEHOLDER_RE anchored where the inline parser stands (sticky), compiled once. */
const PLACEHOLDER_AT = new RegExp(PLACEHOLDER_RE.source, 'y');

function placeholderRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b || state.src.charCodeAt(state.pos + 1) !== 0x7b) {
    return false;
  }
  PLACEHOLDER_AT.lastIndex = state.pos;
  const match = PLACEHOLDER_AT.exec(state.src);
  if (!match?.[1] || !match[2]) return false;
  if (!silent) {
    const token = state.push('placeholder', '', 0);
    token.meta = { kind: match[1], key: match[2] };
    token.content = match[0];
  }
  state.pos += match[0].length;
  return true;
}

/**
 * The one markdown pipeline. `render` mode is what users see: raw HTML off, links only through
 * the allow-list, images never loaded. `lint` mode parses the same grammar but lets every link
 * through so the validator can report the ones `render` would drop, with their line. Both share
 * inline parses of the same text (see inlineMemo.ts), so add no parse rules to one instance only.
 */
export function createMarkdown(mode: 'render' | 'lint' = 'render'): MarkdownIt {
  const md = new MarkdownItFactory({ html: false, linkify: false, typographer: false });
  md.validateLink = (url) => {
    const allowed = classifyHref(url) !== null;
    noteLinkChecked(allowed);
    return mode === 'lint' || allowed;
  };
  md.inline.ruler.before('emphasis', 'placeholder', placeholderRule);
  limitInlineNesting(md);
  useInlineMemo(md, mode);
  if (mode === 'render') installSafeRenderRules(md);
  return md;
}

/**
 * markdown-it has one nesting limit (100) for blocks and inline markup. Inline, nested `[` and
 * `![` are scanned again at each level, so a paragraph costs up to its length times the limit;
 * 20, CommonMark's preset value, keeps that down, and deeper inline markup stays plain text.
 * Blocks keep 100: markdown-it drops blocks nested deeper than the limit.
 */
const MAX_INLINE_NESTING = 20;

function limitInlineNesting(md: MarkdownIt): void {
  // markdown-it reads this option at each parse; its types leave it out.
  const options = md.options as { maxNesting: number };
  const parse = md.inline.parse.bind(md.inline);
  md.inline.parse = (source, instance, env, tokens) => {
    const blockNesting = options.maxNesting;
    options.maxNesting = MAX_INLINE_NESTING;
    try {
      parse(source, instance, env, tokens);
    } finally {
      options.maxNesting = blockNesting;
    }
  };
}

/**
 * A value the provider typed, in its own `<bdi>`: whatever direction its characters take stays
 * inside it and cannot reorder the step around it (a right-to-left override in an organisation's
 * name would otherwise show the number after it backwards). Numbers and addresses are also set
 * left to right, so they read exactly as they dial.
 */
function isolate(escaped: string, leftToRight = false): string {
  return leftToRight ? `<bdi dir="ltr">${escaped}</bdi>` : `<bdi>${escaped}</bdi>`;
}

function contactDetailHtml(parts: ContactDetailParts, escape: (text: string) => string): string {
  const who = parts.name
    ? `${isolate(escape(parts.name))}${parts.organisation ? ` (${isolate(escape(parts.organisation))})` : ''} — `
    : '';
  const hours = parts.hours ? ` (${isolate(escape(parts.hours))})` : '';
  return `${who}<span class="contact-number">${isolate(escape(parts.value), parts.leftToRight)}</span>${hours}`;
}

function installSafeRenderRules(md: MarkdownIt): void {
  const escape = md.utils.escapeHtml;

  md.renderer.rules.placeholder = (tokens, idx, _options, env) => {
    const meta = (tokens[idx]?.meta ?? {}) as { kind?: string; key?: string };
    const setting =
      meta.kind === 'setting' && meta.key
        ? ((env as RenderEnv | undefined)?.resolveSetting?.(meta.key) ?? null)
        : null;
    if (setting) {
      return setting.value
        ? `<span class="setting-ref"><strong>${escape(setting.label)}:</strong> ${isolate(escape(setting.value))}</span>`
        : `<span class="setting-ref setting-ref-missing"><strong>${escape(setting.label)}:</strong> not recorded yet — ${escape(setting.missing ?? 'ask your IT supplier and record it in Settings')}</span>`;
    }
    if (meta.kind === 'system' && meta.key) {
      const { system, field } = splitSystemKey(meta.key);
      const found = field
        ? ((env as RenderEnv | undefined)?.resolveSystem?.(system, field) ?? null)
        : null;
      if (found?.value) return `<span class="system-ref">${isolate(escape(found.value))}</span>`;
      // The system id is a slug (the placeholder grammar allows nothing else), so it is safe in the href.
      if (found) {
        return `<span class="system-ref system-ref-missing">not recorded yet — <a href="#/systems/${system}" data-system="${system}">add it in Systems<span class="visually-hidden"> (${escape(found.label)}: ${escape(found.field.toLowerCase())})</span></a></span>`;
      }
    }
    if (meta.kind !== 'contact' || !meta.key) {
      return `<span class="placeholder-unknown">${escape(tokens[idx]?.content ?? '')}</span>`;
    }
    const contact = (env as RenderEnv | undefined)?.resolveContact?.(meta.key) ?? null;
    if (!contact) return `<span class="contact-ref">${escape(meta.key)}</span>`;
    if (contact.detail === null) {
      // The role is a slug (the placeholder grammar allows nothing else), so it is safe in the href.
      return `<span class="contact-ref contact-ref-missing"><strong>${isolate(escape(contact.label))}</strong>: not set yet — <a href="#/contacts/${meta.key}" data-contact-role="${meta.key}">add your local number</a></span>`;
    }
    const detail = contact.parts
      ? contactDetailHtml(contact.parts, escape)
      : isolate(escape(contact.detail));
    return `<span class="contact-ref"><strong>${isolate(escape(contact.label))}</strong>: ${detail}</span>`;
  };

  // Images are never fetched: remote ones would leak the user's address and fail offline anyway.
  md.renderer.rules.image = (tokens, idx) => {
    const alt = tokens[idx]?.children?.map((child) => child.content).join('') ?? '';
    return `<span class="image-removed">[image not shown${alt ? `: ${escape(alt)}` : ''}]</span>`;
  };

  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx] as Token;
    const target = classifyHref(String(token.attrGet('href') ?? ''));
    if (target?.kind === 'runbook') {
      token.attrSet('href', `#/runbooks/${target.runbook}${target.step ? `/${target.step}` : ''}`);
      token.attrSet('data-runbook', target.runbook);
    } else if (target?.kind === 'step') {
      token.attrSet('data-step', target.step);
    } else if (target?.kind === 'external') {
      token.attrSet('data-external', 'true');
      token.attrSet('rel', 'noreferrer noopener');
    } else {
      // markdown-it keeps `[text]()` as a link to "" (this very page), which no rule allows.
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
    }
    return self.renderToken(tokens, idx, options);
  };
}

let renderer: MarkdownIt | undefined;

/** Renders untrusted markdown to HTML that is safe to insert (see `createMarkdown`). */
export function renderMarkdown(source: string, env: RenderEnv = {}): string {
  renderer ??= createMarkdown('render');
  return renderer.render(source, { ...env });
}

/** Renders one line of markdown without a wrapping paragraph (step headlines). */
export function renderMarkdownInline(source: string, env: RenderEnv = {}): string {
  renderer ??= createMarkdown('render');
  return renderer.renderInline(source, { ...env });
}

/**
 * How a resolved contact reads inline in a step: who (for local contacts), the first channel and
 * hours, or "not set".
 */
export function contactDisplay(ref: ContactRef): ContactDisplay {
  // In a step, show the way most likely to work during an incident: a phone that still works when
  // our own systems are down, then any phone, then whatever comes first.
  const rank = (channel: ContactChannel): number =>
    (channel.outOfBand ? 0 : 2) + (channel.kind === 'phone' || channel.kind === 'mobile' ? 0 : 1);
  const first = [...(ref.channels ?? [])].sort((a, b) => rank(a) - rank(b))[0];
  if (!first) return { label: ref.label, detail: null };
  const who = ref.name ? `${ref.name}${ref.organisation ? ` (${ref.organisation})` : ''} — ` : '';
  return {
    label: ref.label,
    detail: `${who}${first.value}${ref.hours ? ` (${ref.hours})` : ''}`,
    parts: {
      name: ref.name || null,
      organisation: ref.name && ref.organisation ? ref.organisation : null,
      value: first.value,
      leftToRight: first.kind === 'phone' || first.kind === 'mobile' || first.kind === 'email',
      hours: ref.hours || null,
    },
  };
}
