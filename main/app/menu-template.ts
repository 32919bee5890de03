// The application menu as data, with the platforms' standard roles and accelerators. Items the
// renderer acts on (Open data file…) call back with a MenuCommand; nothing links outside the app.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Reload and DevTools only in unpackaged development runs. */
  allowDevTools: boolean;
  onCommand(command: MenuCommand): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac } = options;
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open data file…', accelerator: 'CmdOrCtrl+O', click: () => options.onCommand('open-data-file') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: `Quit ${options.appName}` },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(options.allowDevTools
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: `About ${options.appName}` }] },
  ];
}
