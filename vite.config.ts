/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron/simple';
import { CONTENT_SECURITY_POLICY } from './shared/csp.ts';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const projectRoot = r('.');
const sharedAlias = { '@shared': r('shared') };

// `--mode web` (dev:web, preview, e2e, bench) builds the renderer alone with the browser adapter;
// any other mode also builds the Electron main process and preload.
export default defineConfig(({ mode }) => {
  const web = mode === 'web' || mode === 'bench' || Boolean(process.env.VITEST);
  return {
    root: r('renderer'),
    base: './',
    publicDir: false,
    resolve: { alias: sharedAlias },
    define: {
      __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0'),
      __BUILD_DATE__: JSON.stringify(new Date().toISOString().slice(0, 10)),
    },
    build: {
      // The benchmark builds apart, so a benchmark and the end-to-end tests can run side by side.
      outDir: r(mode === 'bench' ? 'dist/bench' : 'dist/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: {
        input: {
          index: r('renderer/index.html'),
          ...(mode === 'bench' ? { bench: r('renderer/bench.html') } : {}),
        } as Record<string, string>,
      },
    },
    worker: { format: 'es' as const },
    preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
    plugins: [
      react(),
      ...(web
        ? []
        : [
            electron({
              main: {
                entry: r('electron/main/index.ts'),
                vite: {
                  resolve: { alias: sharedAlias },
                  build: {
                    outDir: r('dist/main'),
                    rolldownOptions: { external: ['electron'] },
                  },
                },
              },
              preload: {
                input: r('electron/preload/index.ts'),
                vite: {
                  resolve: { alias: sharedAlias },
                  build: {
                    outDir: r('dist/preload'),
                    rolldownOptions: {
                      external: ['electron'],
                      output: { format: 'cjs', entryFileNames: '[name].cjs' },
                    },
                  },
                },
              },
            }),
          ]),
    ],
    test: {
      projects: [
        {
          resolve: { alias: sharedAlias },
          test: {
            name: 'node',
            root: projectRoot,
            environment: 'node',
            include: ['shared/**/*.test.ts', 'tests/config/**/*.test.ts'],
          },
        },
        {
          resolve: { alias: { ...sharedAlias, electron: r('tests/setup/electron-mock.ts') } },
          test: {
            name: 'main',
            root: projectRoot,
            environment: 'node',
            include: ['electron/**/*.test.ts'],
          },
        },
        {
          plugins: [react()],
          resolve: { alias: sharedAlias },
          define: { __APP_VERSION__: '"0.0.0-test"', __BUILD_DATE__: '"2025-01-01"' },
          test: {
            name: 'renderer',
            root: projectRoot,
            environment: 'happy-dom',
            include: ['renderer/**/*.test.{ts,tsx}'],
            setupFiles: ['tests/setup/renderer.ts'],
            // Form tests click through whole dialogs: seconds each on a busy two-core machine.
            testTimeout: 60_000,
          },
        },
        {
          resolve: { alias: sharedAlias },
          test: {
            name: 'e2e',
            root: projectRoot,
            environment: 'node',
            include: ['tests/e2e/**/*.test.ts'],
            globalSetup: ['tests/setup/e2e-global.ts'],
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 180_000,
          },
        },
        {
          resolve: { alias: sharedAlias },
          test: {
            name: 'bench',
            root: projectRoot,
            environment: 'node',
            include: ['tests/bench/**/*.run.ts'],
            // One file at a time: each builds into dist/bench, and figures must not share the CPU.
            fileParallelism: false,
            testTimeout: 3_600_000,
            hookTimeout: 600_000,
          },
        },
      ],
    },
  };
});
