import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { contentTypeFor, createProtocolHandler, resolveBundlePath } from './protocol';

const ROOT = path.resolve('/srv/holdfast/out/renderer');

describe('resolveBundlePath', () => {
  it.each([
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/', 'index.html'],
    ['app://bundle', 'index.html'],
    ['app://bundle/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://bundle/assets/index.js?v=1#top', 'assets/index.js'],
    ['app://bundle/assets/my%20file.css', 'assets/my file.css'],
  ])('%s → <root>/%s', (url, relative) => {
    expect(resolveBundlePath(ROOT, url)).toBe(path.join(ROOT, relative));
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/../../etc/passwd',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2E/secret.txt',
    'app://bundle/.%2e/secret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/..%5c..%5csecret.txt',
    'app://bundle/assets\\..\\..\\secret.txt',
    'app://bundle//etc/passwd',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/index.html:stream',
    'app://bundle/index.html%00.png',
    'app://bundle/index.html\u0000.png',
    'app://bundle/./index.html',
    'app://bundle/assets/',
    'app://bundle/%E0%A4%A',
    'app://bundle.evil/index.html',
    'app://evil/index.html',
    'app://BUNDLE.evil/index.html',
    'app://user@bundle/index.html',
    'app://bundle:1234/index.html',
    'file:///etc/passwd',
    'http://bundle/index.html',
    '/etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveBundlePath(ROOT, url)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types the bundle uses and falls back to opaque bytes', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('createProtocolHandler', () => {
  let base: string;
  let handler: ReturnType<typeof createProtocolHandler>;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'holdfast-protocol-'));
    const root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Holdfast</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'do not serve');
    handler = createProtocolHandler({ rootDir: root, readFile: (file) => readFile(file) });
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => handler({ url, method });

  it('serves the bundle with the CSP, nosniff and the right Content-Type', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Holdfast</title>');
  });

  it('serves script as JavaScript', async () => {
    const response = await get('app://bundle/assets/app.js');
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers a traversal attempt with 404 and never the file outside the bundle', async () => {
    for (const url of [
      'app://bundle/../secret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/assets/..%2f..%2fsecret.txt',
    ]) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('do not serve');
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers a missing file or a folder with 404', async () => {
    expect((await get('app://bundle/missing.js')).status).toBe(404);
    expect((await get('app://bundle/assets')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
    const head = await get('app://bundle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 500 without detail when a read fails unexpectedly', async () => {
    const failing = createProtocolHandler({
      rootDir: '/srv/bundle',
      readFile: async () => {
        throw Object.assign(new Error('EACCES: permission denied, open /srv/bundle/index.html'), {
          code: 'EACCES',
        });
      },
    });
    const response = await failing({ url: 'app://bundle/index.html', method: 'GET' });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/srv');
  });
});
