// Per-page hardening (Electron checklist items 11–14): no navigation off our origin, no new
// windows, no <webview>. Applied from app.on('web-contents-created') so it covers every page.
import type { WebContents } from 'electron';
import { isAllowedNavigation } from './request-policy';

export type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

interface PreventableUrlEvent {
  preventDefault(): void;
  url?: string;
}

export function hardenWebContents(contents: HardenableWebContents): void {
  const blockForeign = (event: PreventableUrlEvent, url?: string) => {
    const target = url ?? event.url ?? '';
    if (!isAllowedNavigation(target)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => blockForeign(event, url));
  contents.on('will-redirect', (event, url) => blockForeign(event, url));
  // Covers subframes too (an iframe the CSP should already have refused).
  contents.on('will-frame-navigate', (event) => blockForeign(event));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event, webPreferences) => {
    delete webPreferences.preload;
    event.preventDefault();
  });
}
