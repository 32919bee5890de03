// The app's one origin. The UI is served from app://represent/ (a custom, privileged scheme) and
// every security decision — sender checks, navigation, request filtering — compares against it.
export const APP_SCHEME = 'app';
export const APP_HOST = 'represent';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs on our origin, checked field by field (Node gives app: URLs the origin "null"). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    // app: is registered as a standard scheme, so Chromium lower-cases its host; Node does not.
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
