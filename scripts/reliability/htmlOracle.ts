/**
 * The safety oracle for rendered markdown: reads the HTML the pipeline produced, tag by tag, and
 * lists everything that could run script, load something or leave the app. Every `<` must open a
 * tag on the allow-list (text is always escaped), every attribute must be on the allow-list, and
 * every `href` must be one the link policy accepts or one of the app's own `#/` routes.
 */
import { classifyHref } from '../../main/shared/linkPolicy';

/** Tags markdown-it and Holdfast's render rules may emit; nothing that loads, embeds or runs. */
const ALLOWED_TAGS = new Set([
  'p',
  'em',
  'strong',
  's',
  'a',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
  // A value the provider typed, kept in its own direction (see isolate in markdown.ts).
  'bdi',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'href',
  'title',
  'class',
  'rel',
  'start',
  'style',
  'data-external',
  'data-runbook',
  'data-step',
  'data-system',
  'data-contact-role',
  'dir',
]);
// The app's own routes, written by the render rules from slugs (`#/contacts/<role>`).
const APP_ROUTE =
  /^#\/(runbooks|contacts|systems)\/[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63})?$/;
// markdown-it writes table alignment as a style attribute; nothing else may style.
const TABLE_ALIGN = /^text-align:(left|right|center)$/;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>/=]+(?:="[^"<>]*")?)*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s"'<>/=]+)(?:="([^"]*)")?/g;

const NAMED: Record<string, string> = {
  amp: '&',
  quot: '"',
  lt: '<',
  gt: '>',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
};

/** The text of an attribute value as the browser reads it: character references decoded. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]+);?/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Every unsafe thing in `html`; empty when it is safe to insert. */
export function findUnsafeHtml(html: string): string[] {
  const violations: string[] = [];
  if (/<script/i.test(html)) violations.push('contains "<script"');
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (!tag) {
      violations.push(`unescaped "<" at ${at}: ${JSON.stringify(html.slice(at, at + 40))}`);
      continue;
    }
    const [, , rawName = '', attributes = ''] = tag;
    const name = rawName.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) violations.push(`tag <${name}> is not allowed`);
    for (const [, rawAttribute = '', rawValue] of attributes.matchAll(ATTRIBUTE)) {
      const attribute = rawAttribute.toLowerCase();
      const value = decodeAttribute(rawValue ?? '');
      if (/^on\w+/.test(attribute))
        violations.push(`event handler ${attribute}=${JSON.stringify(value)}`);
      else if (!ALLOWED_ATTRIBUTES.has(attribute))
        violations.push(`attribute ${attribute} on <${name}> is not allowed`);
      else if (attribute === 'href' && !APP_ROUTE.test(value) && classifyHref(value) === null) {
        violations.push(`href ${JSON.stringify(value)} is not on the allow-list`);
      } else if (attribute === 'style' && !TABLE_ALIGN.test(value))
        violations.push(`style ${JSON.stringify(value)}`);
    }
  }
  return violations;
}
