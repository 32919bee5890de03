import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../main/app/menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const base = { appName: 'Represent', isMac: false, allowDevTools: false, onCommand: () => undefined };

describe('buildMenuTemplate', () => {
  it('offers Open data file… on Ctrl/Cmd+O, which sends the command to the page', () => {
    const onCommand = vi.fn();
    const items = flatten(buildMenuTemplate({ ...base, onCommand }));
    const open = items.find((i) => i.label === 'Open data file…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    (open?.click as () => void)();
    expect(onCommand).toHaveBeenCalledWith('open-data-file');
  });

  it('uses the standard roles, which bring the platform accelerators (copy, paste, zoom, quit)', () => {
    const roles = flatten(buildMenuTemplate(base)).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'quit', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'about']));
    expect(roles).not.toContain('appMenu');
  });

  it('has the macOS app menu and Close instead of Quit on a Mac', () => {
    const roles = flatten(buildMenuTemplate({ ...base, isMac: true })).map((i) => i.role);
    expect(roles).toContain('appMenu');
    expect(roles).toContain('close');
    expect(roles).not.toContain('quit');
  });

  it('offers reload and DevTools only in development runs', () => {
    const packaged = flatten(buildMenuTemplate(base)).map((i) => i.role);
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    const dev = flatten(buildMenuTemplate({ ...base, allowDevTools: true })).map((i) => i.role);
    expect(dev).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('links nowhere outside the app', () => {
    const items = flatten(buildMenuTemplate({ ...base, allowDevTools: true }));
    const clickable = items.filter((i) => i.click);
    expect(clickable.map((i) => i.label)).toEqual(['Open data file…']);
  });
});
