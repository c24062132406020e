import type { OpenExternalOutcome } from '../../contract/types';
import { isAllowedExternalUrl, linkDestination } from '../../shared/linkPolicy';
import { hasDotSegment, hasOrigin } from './appOrigin';
import type {
  BaseWindow,
  Dialog,
  MessageBoxOptions,
  Session,
  Shell,
  WebContents,
  WebRequest,
} from 'electron';

/**
 * True only for a URL on the app's own origin that needed no dot-segment clean-up; everything
 * else (other hosts, lookalike hosts, javascript:, file:, data:) is refused.
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  // Chromium hands over normalised URLs; one still holding "../" was built to confuse a check.
  if (hasDotSegment(url)) return false;
  return hasOrigin(url, appOrigin);
}

/** The electron pieces openExternalSafely needs. */
export interface OpenExternalDeps {
  shell: Pick<Shell, 'openExternal'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  parentWindow?: BaseWindow | null;
  log?: (message: string, error: unknown) => void;
}

/** Tells the user what following the link involves, in plain words. */
function whatOpeningNeeds(url: string): string {
  if (url.startsWith('mailto:'))
    return 'It opens your email program and needs an internet connection to send.';
  if (url.startsWith('tel:')) return 'It opens your phone or calling app.';
  return 'It opens your web browser and needs an internet connection.';
}

/**
 * Where the link really goes, in the ASCII form the network uses: a lookalike letter (Cyrillic
 * "к" in "nhs.uк") cannot hide in it.
 */
export function whereItGoes(url: string): string {
  const { asciiHost, hostLooksDifferent } = linkDestination(url);
  if (asciiHost === null) return '';
  const place = url.startsWith('mailto:') ? 'The email goes to' : 'It goes to';
  const warning = hostLooksDifferent
    ? '\nThe address is written with letters that are not plain English letters. Check this ' +
      'is the site you expect before you open it.'
    : '';
  return `${place}: ${asciiHost}${warning}\n\n`;
}

const OPEN_BUTTON = 0;
const CANCEL_BUTTON = 1;

/**
 * Hands a URL to the operating system only if the link policy allows it and the user chose
 * "Open" in a native confirmation; never throws.
 */
export async function openExternalSafely(
  url: string,
  deps: OpenExternalDeps,
): Promise<OpenExternalOutcome> {
  // Runbook links are untrusted: openExternal on file:, smb: or ms-msdt: can run programs.
  if (!isAllowedExternalUrl(url)) {
    return { opened: false, reason: 'Holdfast only opens https, email and phone links.' };
  }
  const options: MessageBoxOptions = {
    type: 'question',
    title: 'Open link',
    message: 'Open this link outside Holdfast?',
    detail: `${url}\n\n${whereItGoes(url)}${whatOpeningNeeds(url)}`,
    buttons: ['Open', 'Cancel'],
    defaultId: CANCEL_BUTTON,
    cancelId: CANCEL_BUTTON,
    noLink: true,
  };
  try {
    const { response } = deps.parentWindow
      ? await deps.dialog.showMessageBox(deps.parentWindow, options)
      : await deps.dialog.showMessageBox(options);
    if (response !== OPEN_BUTTON) return { opened: false, reason: 'Cancelled.' };
    await deps.shell.openExternal(url);
    return { opened: true };
  } catch (error: unknown) {
    deps.log?.('openExternal failed', error);
    return { opened: false, reason: 'No program on this computer could open the link.' };
  }
}

/** The webContents events the guards attach to. */
export type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** What the guards need besides the webContents. */
export interface WebContentsGuardDeps {
  /** The only origin the window may show: `app://bundle`, or the dev server in development. */
  appOrigin: string;
  /** Confirm-then-open for allow-listed links the page tried to follow itself. */
  openExternal: (url: string) => Promise<OpenExternalOutcome>;
}

/**
 * Keeps a webContents on the app's origin: foreign navigations and redirects are cancelled,
 * new windows and <webview> are always refused, allow-listed links go through openExternal.
 */
export function installWebContentsGuards(
  webContents: GuardedWebContents,
  deps: WebContentsGuardDeps,
): void {
  const routeExternal = (url: string): void => {
    if (isAllowedExternalUrl(url)) void deps.openExternal(url);
  };

  // A link or script in an untrusted runbook may try to replace the app with a remote page.
  webContents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, deps.appOrigin)) return;
    event.preventDefault();
    routeExternal(event.url);
  });

  // A navigation the app allowed must not be bounced elsewhere by a server redirect.
  webContents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, deps.appOrigin)) event.preventDefault();
  });

  // window.open / target=_blank would create a window outside the app's guards.
  webContents.setWindowOpenHandler(({ url }) => {
    routeExternal(url);
    return { action: 'deny' };
  });

  // <webview> can carry its own (weaker) webPreferences; Holdfast never uses one.
  webContents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** The session methods used to refuse permissions. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/**
 * Refuses every permission (camera, microphone, notifications, geolocation, USB, …): Electron
 * grants them by default and an offline runbook app needs none.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/**
 * True unless the request would leave the app: network and file URLs are refused except the dev
 * server (http and its HMR websocket) when one is given.
 */
export function isAllowedRequest(url: string, devOrigin: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!NETWORK_SCHEMES.has(parsed.protocol)) return true;
  if (!devOrigin) return false;
  const dev = new URL(devOrigin);
  const sameHost = parsed.host === dev.host && parsed.username === '' && parsed.password === '';
  const devWebSocket = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return sameHost && (parsed.protocol === dev.protocol || parsed.protocol === devWebSocket);
}

/**
 * Cancels every network request the renderer makes (tracking pixels, exfiltration) even if the
 * CSP were bypassed: Holdfast is offline by design.
 */
export function blockNetworkRequests(
  webRequest: Pick<WebRequest, 'onBeforeRequest'>,
  devOrigin: string | null,
): void {
  webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devOrigin) });
  });
}
