import { isAppUrl } from './app-protocol';
import type { ElectronShellApi, WebContents } from './electron-api';

/**
 * Applied to every WebContents the app creates (from `web-contents-created`), so no window can
 * slip past it: the page may only navigate within app://attk, never open a window, never attach
 * a <webview>. The UI is a hash-routed single page and links nothing outside, so there is no
 * `shell.openExternal` path either.
 */
export function hardenWebContents(contents: WebContents): void {
  const stayHome = (event: { url: string; preventDefault: () => void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The app needs no web permission (camera, notifications, geolocation, USB, HID, serial, clipboard
 * read…): refuse every request and every check, for every device.
 */
export function denyAllPermissions(session: ElectronShellApi['session']['defaultSession']): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
