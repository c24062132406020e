import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, ipcChannel, type CallName } from '../../../contract/calls';
import type { Handlers } from '../../../contract/contract';
import { ok } from '../../../contract/result';
import { isTrustedSender, registerIpc } from './registerIpc';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup(appOrigin = 'app://bundle') {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
  const calls = Object.fromEntries(
    CALL_NAMES.map((name) => [name, vi.fn(async () => ok(`${name} ran`))]),
  );
  registerIpc(ipcMain as unknown as Parameters<typeof registerIpc>[0], {
    handlers: calls as unknown as Handlers,
    appOrigin,
  });
  const invoke = (name: CallName, event: unknown, input?: unknown) => {
    const listener = listeners.get(ipcChannel(name));
    if (!listener) throw new Error(`no handler for ${name}`);
    return listener(event, input);
  };
  return { listeners, calls, invoke };
}

const mainFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('registerIpc', () => {
  it('registers exactly one handler per contract call, on its own channel', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(CALL_NAMES.map(ipcChannel).sort());
  });

  it('passes a valid call from the app window to the core', async () => {
    const { calls, invoke } = setup();
    const result = await invoke('runbooks.get', mainFrame('app://bundle/index.html'), {
      id: 'ransomware',
    });
    expect(result).toEqual({ ok: true, value: 'runbooks.get ran' });
    expect(calls['runbooks.get']).toHaveBeenCalledWith({ id: 'ransomware' });
  });

  it.each([
    [
      'a subframe of the app',
      {
        senderFrame: { url: 'app://bundle/index.html', parent: { url: 'app://bundle/index.html' } },
      },
    ],
    ['a file:// page', mainFrame('file:///C:/Users/me/Downloads/evil.html')],
    ['a loopback web page', mainFrame('http://127.0.0.1:8080/')],
    ['a lookalike host', mainFrame('app://bundle.evil/index.html')],
    ['credentials in the URL', mainFrame('app://evil@bundle/index.html')],
    ['a remote page', mainFrame('https://evil.example/')],
    ['a data: page', mainFrame('data:text/html,<script>1</script>')],
    ['a blank page', mainFrame('about:blank')],
    ['a frame with no URL yet', mainFrame('')],
    ['the developer tools', mainFrame('devtools://devtools/bundled/inspector.html')],
    ['the app origin in capitals', mainFrame('APP://BUNDLE.EVIL/index.html')],
    ['a frame that has gone (null)', { senderFrame: null }],
    ['no senderFrame at all', {}],
    [
      'a frame whose getter throws',
      {
        get senderFrame(): never {
          throw new Error('Render frame was disposed');
        },
      },
    ],
  ])('answers FORBIDDEN to %s and never runs the core', async (_label, event) => {
    const { calls, invoke } = setup();
    const result = await invoke('settings.update', event, { organisationName: 'Evil' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls['settings.update']).not.toHaveBeenCalled();
  });

  it.each([
    ['a wrong type', { id: 42 }],
    ['a path instead of an id', { id: '../../etc/passwd' }],
    ['an extra field', { id: 'ransomware', extra: true }],
    ['a string', 'ransomware'],
  ])('answers INVALID_INPUT to %s and never runs the core', async (_label, input) => {
    const { calls, invoke } = setup();
    const result = await invoke('runbooks.get', mainFrame('app://bundle/index.html'), input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls['runbooks.get']).not.toHaveBeenCalled();
  });

  it('turns a core exception into INTERNAL instead of throwing across IPC', async () => {
    const { calls, invoke } = setup();
    calls['app.status']?.mockRejectedValueOnce(new Error('disk on fire at /home/me/secret'));
    const result = await invoke('app.status', mainFrame('app://bundle/index.html'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/home/me');
  });

  it('accepts the dev server only when it is the configured origin', async () => {
    const dev = setup('http://localhost:5173');
    expect(await dev.invoke('app.status', mainFrame('http://localhost:5173/'), {})).toMatchObject({
      ok: true,
    });
    expect(await dev.invoke('app.status', mainFrame('app://bundle/index.html'), {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const built = setup();
    expect(await built.invoke('app.status', mainFrame('http://localhost:5173/'), {})).toMatchObject(
      { ok: false, error: { code: 'FORBIDDEN' } },
    );
  });
});

describe('isTrustedSender', () => {
  it('needs a top-level frame on the app origin', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: null }, 'app://bundle')).toBe(
      true,
    );
    expect(isTrustedSender(undefined, 'app://bundle')).toBe(false);
  });
});
