// Who may call the API: only the app's own page, from its top-level frame (Electron security
// checklist item 17; VS Code's validatedIpcMain does the same). Parsed with the URL parser,
// never compared with startsWith, so "app://represent.evil/" or "app://x@represent/" fail.

export interface SenderInfo {
  /** URL of the frame that sent the call; null when Electron no longer knows the frame. */
  frameUrl: string | null;
  /** False for iframes: even a same-origin subframe may not call the API. */
  isMainFrame: boolean;
}

/**
 * `trustedOrigin` is scheme + host (+ port), e.g. "app://represent" or "http://127.0.0.1:4321".
 * Compared field by field because Node's URL gives the origin "null" for non-special schemes
 * such as app:.
 */
export function isTrustedSender(sender: SenderInfo, trustedOrigin: string): boolean {
  if (!sender.isMainFrame || sender.frameUrl === null) return false;
  const frame = parseUrl(sender.frameUrl);
  const trusted = parseUrl(trustedOrigin);
  if (!frame || !trusted) return false;
  return (
    frame.protocol === trusted.protocol &&
    frame.host.toLowerCase() === trusted.host.toLowerCase() &&
    frame.host !== '' &&
    frame.username === '' &&
    frame.password === ''
  );
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
