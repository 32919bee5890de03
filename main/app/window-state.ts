// Remembers the main window's size, position and maximised state between runs, and puts a window
// that would open off every screen (a monitor unplugged since) back where it can be seen.
// Only geometry is stored: nothing about datasets or users.
import { readFile } from 'node:fs/promises';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = Object.freeze({ width: 1200, height: 860, maximized: false });
export const MIN_WINDOW_SIZE = Object.freeze({ width: 720, height: 560 });
/** At least this much of the title bar must be on a screen for the saved position to be kept. */
const MIN_VISIBLE = { width: 120, height: 40 };

const savedState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

/** Parses a saved state; anything malformed (a hand-edited or truncated file) gives null. */
export function parseWindowState(json: string): WindowState | null {
  try {
    const parsed = savedState.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Fits a saved state to the screens' work areas as they are now. */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const largest = workAreas.reduce<Rect | undefined>((a, b) => (!a || b.width * b.height > a.width * a.height ? b : a), undefined);
  const maxWidth = largest?.width ?? state.width;
  const maxHeight = largest?.height ?? state.height;
  const width = clamp(state.width, MIN_WINDOW_SIZE.width, Math.max(MIN_WINDOW_SIZE.width, maxWidth));
  const height = clamp(state.height, MIN_WINDOW_SIZE.height, Math.max(MIN_WINDOW_SIZE.height, maxHeight));
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const titleBar: Rect = { x: state.x, y: state.y, width, height: MIN_VISIBLE.height };
  const visible = workAreas.some((area) => {
    const overlap = intersect(titleBar, area);
    return overlap !== null && overlap.width >= Math.min(MIN_VISIBLE.width, width) && overlap.height >= MIN_VISIBLE.height;
  });
  return visible ? { ...fitted, x: state.x, y: state.y } : fitted;
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(file, 'utf8'));
  } catch {
    return null; // first run, or unreadable: use the default
  }
}

/**
 * Synchronous on purpose: it runs from the window's close event, and an async write may not finish
 * before the app quits. Written to a temp file and renamed, so a crash never leaves half a file.
 */
export function saveWindowStateSync(file: string, state: WindowState): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(state) + '\n');
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}
