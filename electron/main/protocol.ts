/**
 * The `app://qldv/` scheme that serves the built renderer (checklist item 18: a custom protocol
 * instead of file://). The handler is a pure factory over an injected readFile, so the path rules,
 * MIME types and headers are unit-tested without Electron.
 */
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { APP_HOST, APP_SCHEME } from './origin';

/**
 * Must run before the app's 'ready' event. `standard` gives the scheme real origins and relative
 * URLs, `secure` makes it a secure context (WebCrypto, IndexedDB); storage is disabled for
 * non-standard schemes.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Sent on every response, errors included, so no page of ours is ever without its CSP. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

export type ReadFile = (absolutePath: string) => Promise<Uint8Array<ArrayBuffer>>;

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']);

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Maps a request URL to a file under rootDir, or null when the request must not be served.
 * The URL parser already folds plain `..` and `%2e%2e` segments; what is left to refuse are
 * separators and dot segments that only appear after percent-decoding (`..%2f`), backslashes
 * (a separator on Windows), NUL and `:` (drive letters, NTFS streams).
 */
export function resolveRequestPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (/[\\:]/.test(decoded) || decoded.includes('\0')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  // Belt and braces: whatever the checks above missed, nothing outside rootDir is served.
  if (!resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const filePath = resolveRequestPath(rootDir, request.url);
    if (filePath === null) return textResponse(404, 'Not Found');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code !== undefined && NOT_FOUND_CODES.has(code)) return textResponse(404, 'Not Found');
      console.error('[app://] Không đọc được tệp giao diện', filePath, error);
      return textResponse(500, 'Internal Server Error');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...securityHeaders(), 'Content-Type': mimeTypeFor(filePath) },
    });
  };
}
