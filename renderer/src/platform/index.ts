/**
 * The one way the UI reaches its host. Under Electron the preload has put the bridge on
 * `window.qldv`; anywhere else (dev:web, e2e, bench) the browser adapter stands in.
 */
import type { PlatformApi } from '@shared/platform';
import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';

let current: PlatformApi | undefined;

export function getPlatform(): PlatformApi {
  current ??= window.qldv ? createElectronPlatform(window.qldv) : createBrowserPlatform();
  return current;
}

/** Tests install a fake host here; `undefined` goes back to detecting it on the next call. */
export function setPlatformForTests(api: PlatformApi | undefined): void {
  current = api;
}
