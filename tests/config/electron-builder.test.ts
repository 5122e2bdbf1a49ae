/**
 * The packaging config, validated offline. electron-builder cannot run here (it downloads the
 * Electron zip), but its schema check runs alone, so a typo or a wrong fuse fails in CI, not on
 * the release machine. `validateConfiguration` is an internal path of app-builder-lib: keep
 * electron-builder pinned to ~26.17 and fix the import here when it moves.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import yaml from 'js-yaml';
import { DebugLogger } from 'builder-util';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';

const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));
let config: Configuration;

beforeAll(async () => {
  config = yaml.load(await readFile(`${buildDir}electron-builder.yml`, 'utf8')) as Configuration;
});

// Validation must never reach the network: fail loudly if anything tries.
beforeEach(() => {
  const refuse = () => {
    throw new Error('electron-builder config test tried to use the network');
  };
  vi.spyOn(http, 'request').mockImplementation(refuse);
  vi.spyOn(https, 'request').mockImplementation(refuse);
  vi.spyOn(net, 'connect').mockImplementation(refuse);
  vi.spyOn(globalThis, 'fetch').mockImplementation(refuse);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const validate = (candidate: Configuration) => validateConfiguration(candidate, new DebugLogger(false));

describe('build/electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('reports an unknown option as invalid', async () => {
    await expect(validate({ ...config, notAnOption: true } as Configuration)).rejects.toThrow(/notAnOption/);
    await expect(
      validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodeX: false } } as Configuration),
    ).rejects.toThrow(/configuration\.electronFuses/);
    await expect(
      validate({
        ...config,
        electronFuses: { ...config.electronFuses, runAsNode: 'no' },
      } as unknown as Configuration),
    ).rejects.toThrow(/configuration\.electronFuses/);
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['grantFileProtocolExtraPrivileges', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
  ] as const)('sets the %s fuse to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('names the app and ships only the built files, inside an asar', () => {
    expect(config).toMatchObject({
      appId: 'vn.dangbophucloi.qldv',
      productName: 'Quản lý Đảng viên',
      executableName: 'qldv',
      directories: { output: 'release', buildResources: 'build' },
      files: ['dist/**', '!**/*.map', 'package.json'],
      asar: true,
      publish: null,
    });
  });

  it('builds a per-user Windows installer and a portable exe, and AppImage + deb for Linux', () => {
    expect(config.win?.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
    });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^@\s]+>$/);
  });

  it('keeps every artifact name ASCII (Vietnamese file names break some USB and zip tools)', () => {
    for (const target of [config.nsis, config.portable, config.appImage, config.deb]) {
      expect(target?.artifactName).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('build/icon.png', () => {
  it('is a valid 512×512 PNG, the size electron-builder needs for every target', async () => {
    const png = await readFile(`${buildDir}icon.png`);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    // The image data inflates to 512 rows of (filter byte + 512 RGBA pixels).
    const idatStart = png.indexOf('IDAT');
    const idatLength = png.readUInt32BE(idatStart - 4);
    const pixels = inflateSync(png.subarray(idatStart + 4, idatStart + 4 + idatLength));
    expect(pixels.length).toBe(512 * (1 + 512 * 4));
  });
});
