// Pure decisions behind the session and window hardening, kept free of Electron so Node tests can
// throw adversarial URLs at them (Actual Budget's trusted-url.test.ts does the same).
import { isAppUrl } from './app-origin';

export interface RequestPolicyOptions {
  /** DevTools pages load from devtools://; allowed only in unpackaged development runs. */
  allowDevTools: boolean;
}

/**
 * Whether the renderer may load a URL at all. Everything not on our origin is cancelled, so no
 * font, CDN, telemetry, update or dictionary request can leave the machine (DESIGN.md promise 1).
 * data: and blob: never touch the network; Vite inlines small icons as data: URLs.
 */
export function isAllowedRequestUrl(url: string, options: RequestPolicyOptions): boolean {
  if (isAppUrl(url)) return true;
  const scheme = schemeOf(url);
  if (scheme === 'data:' || scheme === 'blob:') return true;
  if (scheme === 'devtools:') return options.allowDevTools;
  return false;
}

/** Top-level and frame navigation: only within the app (a reload). Links never leave it. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Every permission (camera, notifications, clipboard-read, geolocation, HID…) is refused. */
export function decidePermission(_permission: string): false {
  return false;
}

function schemeOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}
