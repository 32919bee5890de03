// Electron main process: windows, menus, security, IPC routing, native dialogs — and nothing
// else. Data work (the SQLite store, profiling, report building) runs in the data host, a utility
// process (api-host-process.ts) running the same main/services code as the CLI; calls reach it
// through the host client. Order matters: schemes, switches and the sandbox must be set before `ready`.
import { app, dialog, ipcMain, Menu, protocol, session, utilityProcess, type BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuCommand } from '../../shared/api';
import { RepresentError } from '../../shared/errors';
import { representHome } from '../store/home';
import { startApiHostProcess } from './api-host-process';
import { APP_ORIGIN, APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { chooseBundle, chooseDataFile, chooseSavePath } from './dialogs';
import { registerApiHandlers } from './ipc-registration';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu-template';
import { printReportToPdf } from './report-pdf';
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

  const host = startApiHostProcess({
    fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
    entryPath: path.join(here, 'api-host.mjs'),
    mainServices: {
      chooseDataFile: () => chooseDataFile(mainWindow),
      chooseSavePath: (request) => chooseSavePath(mainWindow, request),
      chooseBundle: () => chooseBundle(mainWindow),
      // Printing needs a BrowserWindow, which exists only here: the host asks for it.
      renderPdf: (html) => printReportToPdf(html),
    },
    start: {
      appInfo: { name: APP_NAME, version: app.getVersion(), offline: true },
      // The CLI's home (REPRESENT_HOME, else the OS app-data folder): app and CLI share one store.
      home: representHome(),
      trustedOrigin: APP_ORIGIN,
      workerPath: unpackedPath(path.join(here, 'profile-worker.mjs')),
    },
  });
  try {
    await host.whenReady();
  } catch (error) {
    // The store is locked by another Represent, damaged or not writable: say so (the host's
    // message names the file and the problem, never data) rather than start without one.
    const detail = error instanceof RepresentError ? error.message : 'An unexpected error occurred.';
    dialog.showErrorBox('Represent could not open its store', detail);
    await host.shutdown();
    app.exit(1);
    return;
  }
  // Quit waits for the host to cancel its jobs and close the store (or for the shutdown timeout).
  let hostStopped = false;
  app.on('will-quit', (event) => {
    if (hostStopped) return;
    event.preventDefault();
    void host.shutdown().finally(() => {
      hostStopped = true;
      app.quit();
    });
  });
  registerApiHandlers(ipcMain, host.dispatch);

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
    // No page is left to see their progress or result.
    host.cancelAll();
  });
}

/** Worker threads load from the real file system: point into app.asar.unpacked (see electron-builder asarUnpack). */
function unpackedPath(p: string): string {
  return p.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
}
