import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { protocol, resetElectronMock } from '../../tests/setup/electron-mock';
import { createAppProtocolHandler, registerAppScheme, resolveRequestPath } from './protocol';

let sandbox: string;
let rootDir: string;
let serve: (request: Request) => Promise<Response>;

const get = (url: string, init?: RequestInit) => serve(new Request(url, init));

// A real folder: rootDir holds the built UI; a secret sits beside it, where no request may reach.
beforeAll(async () => {
  sandbox = await mkdtemp(path.join(tmpdir(), 'qldv-protocol-'));
  rootDir = path.join(sandbox, 'renderer');
  await mkdir(path.join(rootDir, 'assets'), { recursive: true });
  await writeFile(path.join(sandbox, 'secret.txt'), 'SECRET');
  await writeFile(path.join(rootDir, 'index.html'), '<!doctype html><title>QLĐV</title>');
  const assets: Record<string, string> = {
    'app.js': 'export {}',
    'worker.mjs': 'export {}',
    'app.css': 'body{}',
    'logo.svg': '<svg/>',
    'logo.png': 'png',
    'font.woff': 'woff',
    'font.woff2': 'woff2',
    'font.ttf': 'ttf',
    'argon2.wasm': 'wasm',
    'data.json': '{}',
    'favicon.ico': 'ico',
    'blob.bin': 'bin',
  };
  for (const [name, content] of Object.entries(assets))
    await writeFile(path.join(rootDir, 'assets', name), content);
  serve = createAppProtocolHandler(rootDir, (file) => readFile(file));
});

afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

describe('the app:// scheme', () => {
  it('is registered as privileged: standard and secure, with fetch, streams and code cache', () => {
    resetElectronMock();
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
      },
    ]);
  });
});

describe('the app:// request handler', () => {
  it('serves index.html for the bare origin and for /', async () => {
    for (const url of ['app://qldv', 'app://qldv/']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>QLĐV</title>');
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    }
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/logo.png', 'image/png'],
    ['assets/font.woff', 'font/woff'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/font.ttf', 'font/ttf'],
    ['assets/argon2.wasm', 'application/wasm'],
    ['assets/data.json', 'application/json; charset=utf-8'],
    ['assets/favicon.ico', 'image/x-icon'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (file, mime) => {
    const response = await get(`app://qldv/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(mime);
  });

  it('ignores the query string and the fragment', async () => {
    const response = await get('app://qldv/assets/app.js?v=2#x');
    expect(response.status).toBe(200);
  });

  it.each([
    'app://qldv/../secret.txt',
    'app://qldv/../../secret.txt',
    'app://qldv/assets/../../secret.txt',
    'app://qldv/%2e%2e/secret.txt',
    'app://qldv/%2E%2E/%2e%2e/secret.txt',
    'app://qldv/..%2fsecret.txt',
    'app://qldv/assets/..%2f..%2fsecret.txt',
    'app://qldv/%2e%2e%2fsecret.txt',
    'app://qldv/..%5csecret.txt',
    'app://qldv/assets%5c..%5c..%5csecret.txt',
    'app://qldv/..\\secret.txt',
    'app://qldv/%252e%252e/secret.txt',
    'app://qldv/secret.txt%00.html',
    'app://qldv/C:%2fWindows%2fwin.ini',
    'app://qldv/%e0%a4%a',
    'app://qldv/assets/',
    'app://qldv/missing.js',
  ])('answers 404 to %s and never leaks the file beside the root', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it.each([
    'app://evil/index.html',
    'app://qldv.evil/index.html',
    'app://QLDV/index.html',
    'https://qldv/index.html',
  ])('answers 404 to the wrong host or scheme: %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('maps no URL with credentials to a file (Request refuses them, the resolver too)', () => {
    expect(resolveRequestPath(rootDir, 'app://user@qldv/index.html')).toBeNull();
    expect(resolveRequestPath(rootDir, 'app://user:pw@qldv/index.html')).toBeNull();
    expect(resolveRequestPath(rootDir, 'app://qldv/index.html')).toBe(path.join(rootDir, 'index.html'));
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const response = await get('app://qldv/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await get('app://qldv/index.html', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://qldv/index.html',
    'app://qldv/assets/app.js',
    'app://qldv/missing.js',
    'app://qldv/../secret.txt',
    'app://evil/index.html',
  ])('sends the one CSP and nosniff on every response, errors included: %s', async (url) => {
    const response = await get(url);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('sends the CSP with a 405 and with a 500 too', async () => {
    const failing = createAppProtocolHandler(rootDir, () =>
      Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })),
    );
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = await failing(new Request('app://qldv/index.html'));
    consoleError.mockRestore();
    const refused = await get('app://qldv/index.html', { method: 'PUT', body: 'x' });
    for (const response of [broken, refused]) {
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(broken.status).toBe(500);
  });

  it('reads only inside the root folder, whatever the URL', async () => {
    const readFileSpy = vi.fn((file: string) => readFile(file));
    const spied = createAppProtocolHandler(rootDir, readFileSpy);
    for (const url of ['app://qldv/index.html', 'app://qldv/../secret.txt', 'app://qldv/..%2fsecret.txt']) {
      await spied(new Request(url));
    }
    for (const [file] of readFileSpy.mock.calls) expect(file.startsWith(rootDir + path.sep)).toBe(true);
  });
});
