/**
 * Electron security checklist items 5, 13 and 14 (after Actual Budget's security.ts): the app
 * never leaves its own origin, opens no windows, embeds no webviews and grants no permission.
 * There is deliberately no "open in the system browser" path: the app is offline.
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './origin';

type SecurityApp = Pick<App, 'on'>;
type SecuritySession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;
type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

interface PreventableNavigation {
  url: string;
  preventDefault(): void;
}

function allowOnlyAppUrls(event: PreventableNavigation): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/** Applies the per-page rules; installSecurityHandlers calls it for every new web contents. */
export function hardenWebContents(contents: HardenedContents): void {
  contents.on('will-navigate', allowOnlyAppUrls);
  contents.on('will-frame-navigate', allowOnlyAppUrls);
  contents.on('will-redirect', allowOnlyAppUrls);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Call before the first window exists, so no web contents is ever created unguarded. */
export function installSecurityHandlers(app: SecurityApp, session: SecuritySession): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
