import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './origin';

describe('the app origin', () => {
  it('is app://qldv, and the entry page lives on it', () => {
    expect(APP_ORIGIN).toBe('app://qldv');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
  });

  it.each([
    'app://qldv',
    'app://qldv/',
    'app://qldv/index.html',
    'app://qldv/index.html#/members/42',
    'app://qldv/assets/index-abc123.js?v=1',
    // The scheme is case-insensitive and the URL parser lower-cases it: the same URL.
    'APP://qldv/index.html',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://qldv.evil/',
    'app://qldv.evil.com/index.html',
    'app://evilqldv/',
    'app://user@qldv/',
    'app://user:pass@qldv/',
    'app://qldv:8080/',
    'app://qldv./',
    // Chromium lower-cases the host of our standard scheme, so a real frame never reports this.
    'app://QLDV/',
    'app:qldv/index.html',
    'app:///qldv/index.html',
    'file:///C:/Program%20Files/qldv/resources/app.asar/dist/renderer/index.html',
    'file:///etc/passwd',
    'http://localhost:5173/',
    'https://qldv/',
    'https://example.com/?app://qldv/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'qldv',
    '',
    'not a url at all',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['app://qldv/']])('refuses the non-string %o', (value) => {
    expect(isAppUrl(value)).toBe(false);
  });
});
