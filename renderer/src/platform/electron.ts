/**
 * The Electron adapter: the preload exposes PlatformApi as `window.qldv`; this wraps it so the
 * user reads our Vietnamese sentence, not Electron's "Error invoking remote method" prefix.
 */
import type { PlatformApi } from '@shared/platform';

declare global {
  interface Window {
    /** Present only under Electron (see electron/preload/index.ts). */
    qldv?: PlatformApi;
  }
}

const REMOTE_ERROR_PREFIX = /^Error invoking remote method '[^']+': (?:[A-Za-z]*Error: )?/;

/** Strips Electron's wrapper from an error rejected by ipcRenderer.invoke. */
export function cleanIpcError(error: unknown): unknown {
  if (!(error instanceof Error) || !REMOTE_ERROR_PREFIX.test(error.message)) return error;
  return new Error(error.message.replace(REMOTE_ERROR_PREFIX, ''), { cause: error });
}

async function unwrapErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw cleanIpcError(error);
  }
}

export function createElectronPlatform(bridge: PlatformApi): PlatformApi {
  return {
    saveFile: (request) => unwrapErrors(() => bridge.saveFile(request)),
    openFile: (request) => unwrapErrors(() => bridge.openFile(request)),
    appInfo: () => unwrapErrors(() => bridge.appInfo()),
    print: () => unwrapErrors(() => bridge.print()),
    savePdf: (request) => unwrapErrors(() => bridge.savePdf(request)),
    backups: {
      write: (request) => unwrapErrors(() => bridge.backups.write(request)),
      list: () => unwrapErrors(() => bridge.backups.list()),
      read: (request) => unwrapErrors(() => bridge.backups.read(request)),
      remove: (request) => unwrapErrors(() => bridge.backups.remove(request)),
    },
  };
}
