// The preload defines `window.api` (shared/api.ts); nothing else of Electron is visible here.
import type { RepresentApi } from '../../shared/api';

declare global {
  interface Window {
    readonly api?: RepresentApi;
  }
}

export {};
