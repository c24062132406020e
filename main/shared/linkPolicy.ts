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
    // "https://user@evil" tricks the eye.
    if (url.username !== '' || url.password !== '') return false;
    return isPublicHostName(url.hostname);
  }
  // Markdown percent-encodes the spaces people write in numbers ("tel:0300%20303%205222").
  if (url.protocol === 'tel:') return /^tel:\+?[0-9 ()-]{2,30}$/.test(raw.replace(/%20/g, ' '));
  const [address = '', ...query] = raw.split('?');
  return /^mailto:[^\s@]+@[^\s@]+$/.test(address) && mailtoQueryAllowed(query.join('?'));
}

/**
 * An email link may fill in the subject and nothing else: `cc=`, `bcc=` or `body=` would copy
 * someone in or put words in the email that the person sending it did not write or may not read.
 */
function mailtoQueryAllowed(query: string): boolean {
  if (query === '') return true;
  const names = query.split('&').map((part) => (part.split('=')[0] ?? '').toLowerCase());
  return names.length === 1 && names[0] === 'subject';
}

/** True for a mailto link that would fill in more than the subject (cc, bcc, body, to). */
export const mailtoFillsMoreThanSubject = (href: string): boolean =>
  /^mailto:/i.test(href) &&
  href.includes('?') &&
  !mailtoQueryAllowed(href.slice(href.indexOf('?') + 1));

/**
 * Names that only ever mean a machine on the user's own network (a printer, a router, the care
 * home's server). A runbook link must never reach one: a pack could point staff at an admin page.
 * ".local" is multicast DNS, ".home.arpa" is for home networks (RFC 8375), ".internal" is set
 * aside for private use, and the rest are common unregistered suffixes.
 */
const HOME_NETWORK_SUFFIXES = [
  'local',
  'localhost',
  'localdomain',
  'home.arpa',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
];

/** Four all-number labels in a row: "192.168.1.1.nip.io" resolves to the address it spells. */
const EMBEDDED_IPV4 = /(^|\.)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(\.|$)/;

/**
 * True for a host name as the URL parser gives it (lower case, punycode) that could be a public
 * web site: at least two labels, a real-looking top-level domain, and not a home-network name.
 * IP addresses (127/8, 10/8, 172.16/12, 192.168/16, 169.254/16, ::1, fc00::/7, fe80::/10 and
 * every other) are refused whole: a public help page always has a name.
 */
export function isPublicHostName(hostname: string): boolean {
  // An empty label (".example", "a..example") is not a name anyone registered; one label
  // ("intranet") is looked up on the local network.
  const labels = hostname.split('.');
  const tld = labels.at(-1) ?? '';
  if (labels.length < 2 || labels.some((label) => label === '')) return false;
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return false;
  if (
    HOME_NETWORK_SUFFIXES.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`))
  )
    return false;
  if (labels[0] === 'localhost') return false;
  return !EMBEDDED_IPV4.test(hostname);
}

/** What the confirmation before opening an outside link shows about where it really goes. */
export interface LinkDestination {
  /** The host (or email domain) in plain ASCII, as the network will look it up. */
  asciiHost: string | null;
  /** True when the link writes that host in other letters (é, Cyrillic а, …), so it may look like another. */
  hostLooksDifferent: boolean;
}

/**
 * The ASCII (punycode) form of the host an https or mailto link reaches. "https://nhs.uк" shows as
 * "xn--nhs-...": the letters that make a fake site look real cannot hide in it.
 */
export function linkDestination(raw: string): LinkDestination {
  let written: string | null = null;
  let ascii: string | null = null;
  try {
    if (/^https:/i.test(raw)) {
      ascii = new URL(raw).hostname;
      written = /^https:\/*([^/?#:]*)/i.exec(raw)?.[1] ?? null;
    } else if (raw.startsWith('mailto:')) {
      written = (raw.slice('mailto:'.length).split('?')[0] ?? '').split('@').at(-1) ?? null;
      written = written === null ? null : decodeURIComponent(written);
      ascii = written === null ? null : new URL(`https://${written}/`).hostname;
    }
  } catch {
    return { asciiHost: null, hostLooksDifferent: false };
  }
  if (ascii === null || written === null) return { asciiHost: null, hostLooksDifferent: false };
  return { asciiHost: ascii, hostLooksDifferent: written.toLowerCase() !== ascii };
}
