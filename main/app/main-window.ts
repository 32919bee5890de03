// Creates the one main window: secure preferences, remembered geometry, loaded from app://.
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { secureWebPreferences } from './secure-web-preferences';
import { DEFAULT_WINDOW_STATE, MIN_WINDOW_SIZE, fitToDisplays, loadWindowState, saveWindowStateSync, type WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  allowDevTools: boolean;
  stateFile: string;
  title: string;
}

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const saved = (await loadWindowState(options.stateFile)) ?? DEFAULT_WINDOW_STATE;
  const state = fitToDisplays(saved, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    show: false,
    backgroundColor: '#f0f4f5', // NHS.UK page background: no white flash before first paint
    webPreferences: secureWebPreferences({ preloadPath: options.preloadPath, allowDevTools: options.allowDevTools }),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    try {
      saveWindowStateSync(options.stateFile, currentState(win));
    } catch {
      // Not worth bothering the user: next time the window opens at the default size.
    }
  });
  await win.loadURL(APP_ENTRY_URL);
  return win;
}

function currentState(win: BrowserWindow): WindowState {
  const bounds = win.getNormalBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: win.isMaximized() };
}
