/**
 * Which link targets Holdfast will follow. Runbook files are untrusted input: a link must never
 * run script, reach the file system or launch another program, so this is an allow-list.
 */
export type LinkTarget =
  | { kind: 'external'; url: string }
  | { kind: 'runbook'; runbook: string; step?: string }
  | { kind: 'step'; step: string };

/** Schemes that may be handed to the operating system, always after a confirmation. */
export const EXTERNAL_SCHEMES = ['https:', 'mailto:', 'tel:'] as const;

const ID = '[a-z0-9][a-z0-9-]{0,63}';
const RUNBOOK_LINK = new RegExp(`^runbook:(${ID})(?:#(${ID}))?$`);
const STEP_LINK = new RegExp(`^#(${ID})$`);
const MAX_URL_LENGTH = 2048;
// Tabs, newlines and other controls hide schemes ("java\tscript:"); backslashes become UNC paths.
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u009f\\]/;
const ALLOWED_SCHEME_START = /^(?:https|mailto|tel):/i;

/** Classifies a link target, or returns null when it is not allowed. */
export function classifyHref(href: string): LinkTarget | null {
  if (href.length === 0 || href.length > MAX_URL_LENGTH || UNSAFE_CHARS.test(href)) {
    return null;
  }
  const runbook = RUNBOOK_LINK.exec(href);
  if (runbook?.[1])
    return runbook[2]
      ? { kind: 'runbook', runbook: runbook[1], step: runbook[2] }
      : { kind: 'runbook', runbook: runbook[1] };
  const step = STEP_LINK.exec(href);
  if (step?.[1]) return { kind: 'step', step: step[1] };
  return isAllowedExternalUrl(href) ? { kind: 'external', url: href } : null;
}

/** True for https URLs to a named host (no credentials), mailto: and tel: — nothing else. */
export function isAllowedExternalUrl(raw: string): boolean {
  if (raw.length > MAX_URL_LENGTH || UNSAFE_CHARS.test(raw)) return false;
  // With no spaces or controls, the URL parser's scheme is exactly the text before the first
  // colon; refusing others here skips a thrown TypeError, slow when a page has thousands.
  if (!ALLOWED_SCHEME_START.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (!(EXTERNAL_SCHEMES as readonly string[]).includes(url.protocol)) return false;
  if (url.protocol === 'https:') {
    // "https://user@evil" tricks the eye; an IP address, "localhost" or a host without a real
    // top-level domain is never a public help page and may reach the user's own network.
    if (url.username !== '' || url.password !== '') return false;
    // An empty label (".example", "a..example") is not a name anyone registered.
    const labels = url.hostname.split('.');
    const tld = labels.at(-1) ?? '';
    return (
      labels.length > 1 &&
      labels.every((label) => label !== '') &&
      /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)
    );
  }
  // Markdown percent-encodes the spaces people write in numbers ("tel:0300%20303%205222").
  if (url.protocol === 'tel:') return /^tel:\+?[0-9 ()-]{2,30}$/.test(raw.replace(/%20/g, ' '));
  return /^mailto:[^\s@]+@[^\s@]+$/.test(raw.split('?')[0] ?? '');
}
