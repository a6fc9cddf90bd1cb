import { vi } from '../../shared/i18n/vi';
import type { MenuTemplate } from './electron-api';

export interface MenuActions {
  zoom: (direction: 'in' | 'out' | 'reset') => void;
  about: () => void;
  /** Tệp → In… (Ctrl+P): the print view on screen through the main process (print.ts). */
  print: () => void;
  /** Only for unpackaged runs (`npm start`): the packaged app has no way to open the devtools. */
  devTools: boolean;
}

/** The application menu: Tệp → In…, Thoát; Xem → Tải lại, zoom; Trợ giúp → Giới thiệu. */
export function buildMenuTemplate(actions: MenuActions): MenuTemplate {
  const m = vi.shell.menu;
  return [
    {
      label: m.file,
      submenu: [
        { label: vi.windows.print.menu, accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { type: 'separator' },
        { role: 'quit', label: m.quit },
      ],
    },
    {
      label: m.view,
      submenu: [
        { role: 'reload', label: m.reload },
        { type: 'separator' },
        { label: m.zoomIn, accelerator: 'CmdOrCtrl+=', click: () => actions.zoom('in') },
        { label: m.zoomOut, accelerator: 'CmdOrCtrl+-', click: () => actions.zoom('out') },
        { label: m.zoomReset, accelerator: 'CmdOrCtrl+0', click: () => actions.zoom('reset') },
        ...(actions.devTools ? ([{ type: 'separator' }, { role: 'toggleDevTools', label: m.devTools }] as MenuTemplate) : []),
      ],
    },
    { label: m.help, submenu: [{ label: m.about, click: () => actions.about() }] },
  ];
}
