import { describe, expect, it, vi as spy } from 'vitest';
import { vi } from '../../shared/i18n/vi';
import type { MenuTemplate } from './electron-api';
import { buildMenuTemplate } from './menu';

function flatten(template: MenuTemplate): Electron.MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  it('is Vietnamese: Tệp → Thoát; Xem → Tải lại, zoom; Trợ giúp → Giới thiệu', () => {
    const menu = buildMenuTemplate({ zoom: () => {}, about: () => {}, print: () => {}, devTools: false });
    expect(menu.map((m) => m.label)).toEqual([vi.shell.menu.file, vi.shell.menu.view, vi.shell.menu.help]);
    const labels = flatten(menu).filter((i) => i.type !== 'separator').map((i) => i.label);
    expect(labels).toEqual(
      expect.arrayContaining([vi.shell.menu.quit, vi.shell.menu.reload, vi.shell.menu.zoomIn, vi.shell.menu.zoomOut, vi.shell.menu.zoomReset, vi.shell.menu.about]),
    );
    for (const item of flatten(menu)) if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
  });

  it('has no developer tools in the packaged app, and offers them for `npm start`', () => {
    const roles = (devTools: boolean) => flatten(buildMenuTemplate({ zoom: () => {}, about: () => {}, print: () => {}, devTools })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('routes the zoom and about items to the shell', () => {
    const zoom = spy.fn();
    const about = spy.fn();
    const print = spy.fn();
    const items = flatten(buildMenuTemplate({ zoom, about, print, devTools: false }));
    const click = (label: string) => (items.find((i) => i.label === label)?.click as () => void)();
    click(vi.shell.menu.zoomIn);
    click(vi.shell.menu.zoomOut);
    click(vi.shell.menu.zoomReset);
    click(vi.shell.menu.about);
    expect(zoom.mock.calls).toEqual([['in'], ['out'], ['reset']]);
    expect(about).toHaveBeenCalledOnce();
    const printItem = items.find((i) => i.label === vi.windows.print.menu);
    expect(printItem?.accelerator).toBe('CmdOrCtrl+P');
    (printItem?.click as () => void)();
    expect(print).toHaveBeenCalledOnce();
  });
});
