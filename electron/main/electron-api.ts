/**
 * The part of the `electron` module the shell uses. `index.ts` passes the real module; the wiring
 * tests pass a fake made of plain objects. Type-only: importing this file never loads Electron.
 */
export type ElectronModule = typeof import('electron');

export type ElectronShellApi = Pick<
  ElectronModule,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'Notification' | 'protocol' | 'screen' | 'session' | 'shell'
>;

export type BrowserWindowInstance = InstanceType<ElectronModule['BrowserWindow']>;
export type WebContents = BrowserWindowInstance['webContents'];
export type WebFrameMain = NonNullable<Electron.IpcMainInvokeEvent['senderFrame']>;
export type Rectangle = Electron.Rectangle;
export type MenuTemplate = Electron.MenuItemConstructorOptions[];
