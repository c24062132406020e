import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  blockNetworkRequests,
  denyAllPermissions,
  installWebContentsGuards,
  isAllowedNavigation,
  isAllowedRequest,
  openExternalSafely,
  type GuardedWebContents,
  type OpenExternalDeps,
} from './security';
import type { MessageBoxOptions } from 'electron';

const APP = 'app://bundle';

describe('isAllowedNavigation', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/index.html#/runbooks/ransomware', true],
    ['app://bundle/', true],
    ['https://example.com', false],
    ['http://example.com', false],
    ['app://bundle.evil/index.html', false],
    ['app://bundle.evil', false],
    ['app://evil@bundle/index.html', false],
    ['app://bundle/../x', false],
    ['app://bundle/%2e%2e/x', false],
    ['app://bundle/./index.html', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedNavigation(url, APP)).toBe(expected);
  });

  it('allows the dev server only when it is the app origin', () => {
    expect(isAllowedNavigation('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/', APP)).toBe(false);
  });
});

/** An EventEmitter standing in for webContents; events carry a preventDefault spy. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  fire(eventName: string, url: string): { preventDefault: ReturnType<typeof vi.fn> } {
    const event = { url, preventDefault: vi.fn() };
    this.emit(eventName, event, url);
    return event;
  }
}

function guarded() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn(async () => ({ opened: false }));
  installWebContentsGuards(contents as unknown as GuardedWebContents, {
    appOrigin: APP,
    openExternal,
  });
  return { contents, openExternal };
}

describe('installWebContentsGuards', () => {
  it('cancels navigation to a foreign page', () => {
    const { contents } = guarded();
    expect(
      contents.fire('will-navigate', 'https://evil.example/phish').preventDefault,
    ).toHaveBeenCalled();
    expect(contents.fire('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
    expect(contents.fire('will-navigate', 'app://bundle.evil/').preventDefault).toHaveBeenCalled();
  });

  it('lets the app navigate within its own origin', () => {
    const { contents } = guarded();
    expect(
      contents.fire('will-navigate', 'app://bundle/index.html').preventDefault,
    ).not.toHaveBeenCalled();
  });

  it('routes an allow-listed link the page tried to follow to the confirmation, and nothing else', () => {
    const { contents, openExternal } = guarded();
    contents.fire('will-navigate', 'https://www.ncsc.gov.uk/');
    contents.fire('will-navigate', 'file:///C:/Windows/System32/calc.exe');
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://www.ncsc.gov.uk/');
  });

  it('cancels redirects away from the app', () => {
    const { contents } = guarded();
    expect(
      contents.fire('will-redirect', 'https://evil.example/').preventDefault,
    ).toHaveBeenCalled();
    expect(
      contents.fire('will-redirect', 'app://bundle/index.html').preventDefault,
    ).not.toHaveBeenCalled();
  });

  it('denies every new window, handing only allow-listed links to openExternal', () => {
    const { contents, openExternal } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://www.ico.org.uk/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'app://bundle/index.html' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    expect(
      contents.fire('will-attach-webview', 'app://bundle/index.html').preventDefault,
    ).toHaveBeenCalled();
  });
});

function dialogAnswering(response: number) {
  const shell = { openExternal: vi.fn(async () => {}) };
  const dialog = {
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response, checkboxChecked: false })),
  };
  return { shell, dialog, deps: { shell, dialog } as unknown as OpenExternalDeps };
}

describe('openExternalSafely', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:%0aalert(1)',
    'java\tscript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'smb://attacker.example/share/run.exe',
    'ms-msdt:/id PCWDiagnostic',
    'http://example.com/',
    'data:text/html,<script>alert(1)</script>',
    'https://localhost/',
    'https://intranet/',
    'https://printer.local/',
    'https://nas.home.arpa/',
    'https://192.168.1.1/',
    'https://[fe80::1]/',
    'https://user:pass@example.com/',
    '\\\\attacker\\share',
  ])('refuses %s without asking and without calling the shell', async (url) => {
    const { shell, dialog, deps } = dialogAnswering(0);
    const outcome = await openExternalSafely(url, deps);
    expect(outcome.opened).toBe(false);
    expect(outcome.reason).toBeTruthy();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('asks first, with Cancel as the default, and names the link and the need for internet', async () => {
    const { dialog, deps } = dialogAnswering(1);
    await openExternalSafely('https://www.ncsc.gov.uk/', deps);
    const options = dialog.showMessageBox.mock.calls[0]?.at(-1) as MessageBoxOptions;
    expect(options.message).toBe('Open this link outside Holdfast?');
    expect(options.detail).toContain('https://www.ncsc.gov.uk/');
    expect(options.detail).toContain('internet connection');
    expect(options.buttons).toEqual(['Open', 'Cancel']);
    expect(options.defaultId).toBe(1);
    expect(options.type).toBe('question');
    expect(options.cancelId).toBe(1);
  });

  it('shows the ASCII (punycode) host of a name written in other letters, and warns', async () => {
    const { dialog, deps } = dialogAnswering(1);
    await openExternalSafely('https://nhs.u\u043a/report', deps);
    const options = dialog.showMessageBox.mock.calls[0]?.at(-1) as MessageBoxOptions;
    expect(options.detail).toContain('https://nhs.u\u043a/report');
    expect(options.detail).toContain('It goes to: nhs.xn--u-ttb');
    expect(options.detail).toContain('not plain English letters');
  });

  it('names the host of a plain address without a warning', async () => {
    const { dialog, deps } = dialogAnswering(1);
    await openExternalSafely('https://www.ncsc.gov.uk/report', deps);
    const options = dialog.showMessageBox.mock.calls[0]?.at(-1) as MessageBoxOptions;
    expect(options.detail).toContain('It goes to: www.ncsc.gov.uk');
    expect(options.detail).not.toContain('not plain English letters');
  });

  it('says a phone link opens a calling app rather than the browser', async () => {
    const { dialog, deps } = dialogAnswering(1);
    await openExternalSafely('tel:03001233393', deps);
    const options = dialog.showMessageBox.mock.calls[0]?.at(-1) as MessageBoxOptions;
    expect(options.detail).toContain('calling app');
  });

  it('does not open when the user cancels', async () => {
    const { shell, deps } = dialogAnswering(1);
    expect(await openExternalSafely('https://www.ncsc.gov.uk/', deps)).toEqual({
      opened: false,
      reason: 'Cancelled.',
    });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens when the user chooses Open', async () => {
    const { shell, deps } = dialogAnswering(0);
    expect(await openExternalSafely('mailto:dpo@example.org', deps)).toEqual({ opened: true });
    expect(shell.openExternal).toHaveBeenCalledWith('mailto:dpo@example.org');
  });

  it('reports, not throws, when no program can open the link', async () => {
    const { shell, deps } = dialogAnswering(0);
    shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    const outcome = await openExternalSafely('tel:+443001233393', deps);
    expect(shell.openExternal).toHaveBeenCalled();
    expect(outcome).toEqual({ opened: false, reason: expect.any(String) as string });
  });
});

describe('denyAllPermissions', () => {
  type RequestHandler = (
    wc: unknown,
    permission: string,
    callback: (granted: boolean) => void,
  ) => void;
  type CheckHandler = () => boolean;

  it('answers every permission request and check with no', () => {
    const session = {
      setPermissionRequestHandler: vi.fn<(handler: RequestHandler) => void>(),
      setPermissionCheckHandler: vi.fn<(handler: CheckHandler) => void>(),
      setDevicePermissionHandler: vi.fn<(handler: CheckHandler) => void>(),
    };
    denyAllPermissions(session);
    const callback = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]?.[0]({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]?.[0]()).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0]?.[0]()).toBe(false);
  });
});

describe('network refusal', () => {
  it.each([
    ['https://tracker.example/pixel.gif', null, false],
    ['http://127.0.0.1:9999/', null, false],
    ['wss://evil.example/', null, false],
    ['file:///etc/passwd', null, false],
    ['app://bundle/assets/index.js', null, true],
    ['data:image/png;base64,AAAA', null, true],
    ['http://localhost:5173/src/main.tsx', 'http://localhost:5173', true],
    ['ws://localhost:5173/', 'http://localhost:5173', true],
    ['https://tracker.example/', 'http://localhost:5173', false],
  ])('%s with dev server %s → allowed %s', (url, dev, expected) => {
    expect(isAllowedRequest(url, dev)).toBe(expected);
  });

  it('cancels a network request through webRequest', () => {
    let listener:
      | ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void)
      | null = null;
    const webRequest = { onBeforeRequest: (l: typeof listener) => (listener = l) };
    blockNetworkRequests(webRequest as unknown as Parameters<typeof blockNetworkRequests>[0], null);
    const callback = vi.fn();
    listener!({ url: 'https://tracker.example/pixel.gif' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
