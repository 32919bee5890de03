import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import {
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_SIZE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowStateSync,
} from '../../../main/app/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('reads a saved state and rejects anything malformed', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":800,"maximized":false}')).toEqual({ x: 10, y: 20, width: 1000, height: 800, maximized: false });
    for (const bad of ['', '{', 'null', '[]', '{"width":-1,"height":800,"maximized":false}', '{"width":"1000","height":800,"maximized":false}', '{"width":1000,"height":800}']) {
      expect(parseWindowState(bad), bad).toBeNull();
    }
  });
});

describe('fitToDisplays', () => {
  it('keeps a position that is on a screen', () => {
    expect(fitToDisplays({ x: 2000, y: 100, width: 1200, height: 900, maximized: false }, [laptop, rightMonitor])).toEqual({
      x: 2000,
      y: 100,
      width: 1200,
      height: 900,
      maximized: false,
    });
  });

  it('drops a position on a monitor that has been unplugged, so the OS centres the window', () => {
    expect(fitToDisplays({ x: 2000, y: 100, width: 1200, height: 900, maximized: true }, [laptop])).toEqual({ width: 1200, height: 900, maximized: true });
  });

  it('drops a position whose title bar is off the top of the screen', () => {
    expect(fitToDisplays({ x: 100, y: -500, width: 1200, height: 900, maximized: false }, [laptop]).x).toBeUndefined();
  });

  it('clamps the size between the minimum and the largest screen', () => {
    expect(fitToDisplays({ width: 5000, height: 4000, maximized: false }, [laptop, rightMonitor])).toEqual({ width: 2560, height: 1400, maximized: false });
    expect(fitToDisplays({ width: 10, height: 10, maximized: false }, [laptop])).toEqual({ ...MIN_WINDOW_SIZE, maximized: false });
  });
});

describe('loadWindowState / saveWindowStateSync', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'represent-window-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through a file and leaves no temp file behind', async () => {
    const file = path.join(dir, 'window-state.json');
    expect(await loadWindowState(file)).toBeNull();
    const state = { x: 5, y: 6, width: 1300, height: 900, maximized: true };
    saveWindowStateSync(file, state);
    expect(await loadWindowState(file)).toEqual(state);
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('treats a corrupt file as no saved state', async () => {
    const file = path.join(dir, 'corrupt.json');
    await writeFile(file, '{"x": 5, "wid');
    expect(await loadWindowState(file)).toBeNull();
    expect(fitToDisplays((await loadWindowState(file)) ?? DEFAULT_WINDOW_STATE, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });
});
