// The renderer's only door to the main side: the typed API the preload put on `window.api`.
import type { RepresentApi } from '../../shared/api';

export function getApi(): RepresentApi | null {
  return window.api ?? null;
}

/** A job id the main side accepts (8–64 letters, digits or hyphens). */
export function newJobId(): string {
  return crypto.randomUUID();
}
