// Entry of the Electron main process. Everything testable lives in app.ts; this file only hands
// it the real `electron` module and the real electron-store.
import * as electron from 'electron';
import { vi } from '../../shared/i18n/vi';
import { startApp } from './app';
import { DEFAULT_SETTINGS, type Settings, type SettingsStore } from './settings';

async function openSettings(): Promise<SettingsStore> {
  // Loaded lazily: electron-store imports `electron` at load time, which only works in Electron.
  const { default: Store } = await import('electron-store');
  const store = new Store<Settings>({ name: 'settings', defaults: DEFAULT_SETTINGS, clearInvalidConfig: true });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}

startApp(electron, { openSettings }).catch((error: unknown) => {
  // A bug, not a user problem: details to the log, a plain message on screen, then stop.
  console.error('[attk] startup failed', error);
  electron.dialog.showErrorBox(vi.shell.startupErrorTitle, vi.errors.internal);
  electron.app.exit(1);
});
