import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, devServerOrigin, hasOrigin } from './appOrigin';

describe('hasOrigin', () => {
  it.each([
    ['app://bundle/index.html', APP_ORIGIN, true],
    [APP_ENTRY_URL, APP_ORIGIN, true],
    ['app://bundle.evil/index.html', APP_ORIGIN, false],
    ['app://evil@bundle/index.html', APP_ORIGIN, false],
    ['app://bundle:8080/index.html', APP_ORIGIN, false],
    ['app:bundle/index.html', APP_ORIGIN, false],
    ['other://bundle/index.html', APP_ORIGIN, false],
    ['http://localhost:5173/', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['http://localhost:5173.evil.com/', 'http://localhost:5173', false],
    ['not a url', APP_ORIGIN, false],
  ])('%s on %s → %s', (url, origin, expected) => {
    expect(hasOrigin(url, origin)).toBe(expected);
  });
});

describe('devServerOrigin', () => {
  it.each([
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['https://example.com/', null],
    ['http://192.168.1.5:5173/', null],
    ['http://user@localhost:5173/', null],
    ['file:///etc/passwd', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (raw, expected) => {
    expect(devServerOrigin(raw)).toBe(expected);
  });
});
