/** Builds the renderer for the browser adapter and serves it with `vite preview` (with the CSP). */
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const configFile = `${root}/vite.config.ts`;

export async function buildAndPreview(mode: 'web' | 'bench'): Promise<{ server: PreviewServer; url: string }> {
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build:
  // the browser tests and the benchmark must run what users run.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, mode, logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({ configFile, mode, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { server, url };
}
