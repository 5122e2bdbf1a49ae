/**
 * The app's one origin. The UI is served from `app://qldv/` (never file://) because IndexedDB
 * belongs to the origin: this value is permanent, changing it would orphan every user's data.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'qldv';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs on exactly `app://qldv`. Parsed with URL and compared part by part, never by
 * prefix, so `app://qldv.evil/` or `app://user@qldv/` do not pass. `URL.origin` is "null" for a
 * non-special scheme in Node, hence the explicit parts.
 *
 * The host compare is case-sensitive on purpose: Chromium lower-cases hosts of our standard scheme,
 * so a real app frame always reports `app://qldv`; anything else did not come from our page.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
