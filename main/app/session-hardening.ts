// Locks down an Electron session: every permission refused, every request that is not app://
// cancelled, no spell-check dictionary download, no proxy discovery. Takes the session as a
// structural type (type-only import, erased at build), so unit tests pass a recording fake.
import type { Session } from 'electron';
import { decidePermission, isAllowedRequestUrl, type RequestPolicyOptions } from './request-policy';
import { APP_ORIGIN } from './app-origin';

export type HardenableSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'setSpellCheckerEnabled'
  | 'setSpellCheckerDictionaryDownloadURL'
  | 'setProxy'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/**
 * Where Chromium would fetch Hunspell dictionaries from. Pointed at our own origin, which serves
 * no such folder, and the request filter would cancel anything else anyway: Electron once
 * downloaded dictionaries even with spellcheck off (electron/electron#22995).
 */
export const NO_DICTIONARY_URL = `${APP_ORIGIN}/no-spellcheck-dictionaries/`;

export async function hardenSession(session: HardenableSession, options: RequestPolicyOptions): Promise<void> {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(decidePermission(permission)));
  session.setPermissionCheckHandler((_webContents, permission) => decidePermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));

  // Only the last onBeforeRequest listener counts, so this is the single filter for the session.
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, options) });
  });

  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_URL);
  // No PAC/WPAD discovery: NHS desktops often have "automatically detect settings" on.
  await session.setProxy({ mode: 'direct' });
}
