/**
 * The one Content-Security-Policy of the app. The Electron `app://` handler and `vite preview`
 * both send exactly this string, so the browser tests run under the policy users get.
 *
 * - `'wasm-unsafe-eval'`: hash-wasm's Argon2id (office passphrase) is WebAssembly.
 * - `style-src 'unsafe-inline'`: Ant Design writes its CSS-in-JS into <style> tags at run time.
 * - `blob:` workers: sync export and import run in a Web Worker.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
