/**
 * Rules about the source tree itself, checked by reading the files: the kind of mistake that
 * passes every behaviour test (a stray import, one forbidden call) and shows up only in production.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'release', 'coverage', '.git', 'artifacts']);

async function listFiles(dir: string, keep: (file: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...(await listFiles(full, keep)));
    } else if (keep(full)) {
      found.push(full);
    }
  }
  return found;
}

const relative = (file: string) => path.relative(repoRoot, file).split(path.sep).join('/');
const isSource = (file: string) => /\.(c|m)?[jt]sx?$/.test(file);
const isTestCode = (file: string) =>
  /\.test\.[cm]?[jt]sx?$/.test(file) || relative(file).startsWith('tests/');

/** Every module specifier a file loads: static and dynamic import, require, importActual. */
function loadedModules(source: string): string[] {
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimportActual\s*(?:<[^>]*>)?\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1]!);
}

const isElectronPackage = (specifier: string) =>
  specifier === 'electron' ||
  specifier.startsWith('electron/') ||
  specifier.includes('node_modules/electron');

describe('source rules', () => {
  it('runs main-project tests against the electron mock, never the real package', async () => {
    const electron = (await import('electron')) as unknown as { isElectronMock?: boolean };
    expect(electron.isElectronMock).toBe(true);
  });

  it('never hands a link to the system browser: no shell.open…External under electron/', async () => {
    const needle = ['open', 'External'].join(''); // spelled in two parts so this file does not match itself
    const offenders: string[] = [];
    for (const file of await listFiles(path.join(repoRoot, 'electron'), isSource)) {
      if ((await readFile(file, 'utf8')).includes(needle)) offenders.push(relative(file));
    }
    expect(offenders).toEqual([]);
  });

  it('has no test that loads the real electron package', async () => {
    const offenders: string[] = [];
    for (const file of await listFiles(repoRoot, (f) => isSource(f) && isTestCode(f))) {
      const source = await readFile(file, 'utf8');
      const insideMainProject = relative(file).startsWith('electron/');
      for (const specifier of loadedModules(source).filter(isElectronPackage)) {
        // Only the bare name is aliased to the mock, and only in the main project (electron/**).
        if (!insideMainProject || specifier !== 'electron') offenders.push(`${relative(file)}: ${specifier}`);
      }
      if (/importActual\s*(?:<[^>]*>)?\s*\(\s*['"]electron['"]/.test(source))
        offenders.push(`${relative(file)}: importActual`);
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the preload to electron and the channel names at run time (no zod, no node:*)', async () => {
    const source = await readFile(path.join(repoRoot, 'electron/preload/index.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map(
      (m) => m[1],
    );
    expect(runtimeImports.sort()).toEqual(['@shared/ipc/channels', 'electron']);
    const channels = await readFile(path.join(repoRoot, 'shared/ipc/channels.ts'), 'utf8');
    expect(loadedModules(channels)).toEqual([]);
  });

  it('loads the UI from app:// only: no http(s) or file:// URL is ever given to loadURL', async () => {
    const offenders: string[] = [];
    for (const file of await listFiles(
      path.join(repoRoot, 'electron/main'),
      (f) => isSource(f) && !isTestCode(f),
    )) {
      const source = await readFile(file, 'utf8');
      if (/VITE_DEV_SERVER_URL|loadURL\(\s*['"`](?:https?|file):|\bloadFile\(/.test(source))
        offenders.push(relative(file));
    }
    expect(offenders).toEqual([]);
  });
});
