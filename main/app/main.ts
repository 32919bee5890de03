// Electron main process: windows, menus, security, IPC routing — and nothing else. Data work
// (profiling in worker threads, the SQLite store) lives behind main/services, the same code the
// CLI runs. Order matters: schemes, switches and the sandbox must be set before `ready`.
import { app, dialog, ipcMain, Menu, protocol, session, type BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuCommand } from '../../shared/api';
import { RepresentError } from '../../shared/errors';
import type { ApiDeps } from '../services/api-types';
import { createNodeApiDeps } from '../services/api-deps';
import { representHome } from '../store/home';
import { APP_ORIGIN, APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { chooseBundle, chooseDataFile, chooseSavePath } from './dialogs';
import { registerApiHandlers } from './ipc-registration';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu-template';
import { hardenSession } from './session-hardening';
import { hardenWebContents } from './web-contents-hardening';

const APP_NAME = 'Represent';
/** out/app (inside app.asar when packaged), beside out/renderer. */
const here = path.dirname(fileURLToPath(import.meta.url));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
// Every renderer sandboxed, whatever a future window's options say (checklist item 4).
app.enableSandbox();
// Belt and braces under the request filter: no name resolves, no proxy is discovered, and
// Chromium's own background fetches (component updates, field trials) stay off.
app.commandLine.appendSwitch('host-resolver-rules', 'MAP * ~NOTFOUND');
app.commandLine.appendSwitch('no-proxy-server');
app.commandLine.appendSwitch('disable-background-networking');
app.commandLine.appendSwitch('disable-component-update');

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Represent is running: it gets focus (below) and this one leaves at once.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    console.error('Represent could not start:', error instanceof Error ? error.name : 'unknown error');
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const allowDevTools = !app.isPackaged;
  await hardenSession(session.defaultSession, { allowDevTools });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: path.join(here, '..', 'renderer') }));

  let deps: ApiDeps;
  try {
    deps = createNodeApiDeps({
      appInfo: { name: APP_NAME, version: app.getVersion(), offline: true },
      chooseDataFile: () => chooseDataFile(mainWindow),
      chooseSavePath: (request) => chooseSavePath(mainWindow, request),
      chooseBundle: () => chooseBundle(mainWindow),
      // The CLI's home (REPRESENT_HOME, else the OS app-data folder): app and CLI share one store.
      home: representHome(),
      workerPath: unpackedPath(path.join(here, 'profile-worker.mjs')),
    });
  } catch (error) {
    // The store is locked by another Represent, damaged or not writable: say so (its message
    // names the file and the problem, never data) rather than start without one.
    const detail = error instanceof RepresentError ? error.message : 'An unexpected error occurred.';
    dialog.showErrorBox('Represent could not open its store', detail);
    app.exit(1);
    return;
  }
  app.on('will-quit', () => {
    if (deps.db.open) deps.db.close();
  });
  registerApiHandlers(ipcMain, deps, { trustedOrigin: APP_ORIGIN });

  const sendCommand = (command: MenuCommand) => mainWindow?.webContents.send('menu:command', { command });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ appName: APP_NAME, isMac: process.platform === 'darwin', allowDevTools, onCommand: sendCommand })),
  );
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });

  mainWindow = await createMainWindow({
    preloadPath: path.join(here, 'preload.cjs'),
    allowDevTools,
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    title: APP_NAME,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Worker threads load from the real file system: point into app.asar.unpacked (see electron-builder asarUnpack). */
function unpackedPath(p: string): string {
  return p.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
}
