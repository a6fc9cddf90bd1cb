import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { formatViDateTime } from '../../shared/dates';
import {
  createCore,
  dataLocation,
  DatabaseDamagedError,
  dispatch,
  findNewestGoodBackup,
  moveDatabaseOnce,
  scheduleDailyBackups,
  swapInBackup,
  type AppCore,
} from '../core';
import { startEvaluationReminders } from './reminders';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol';
import type { BrowserWindowInstance, ElectronShellApi, WebContents } from './electron-api';
import { registerContractHandlers } from './ipc';
import { createPdfPrinter } from './print-pdf';
import { nativeBindings } from './native-bindings';
import { printView } from './print';
import { isPrintView } from '../../shared/print/page-setup';
import { ensurePortableShortcut, portableShortcutPlan } from './portable-shortcut';
import { buildMenuTemplate } from './menu';
import {
  createMemoryStore,
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  nextZoomFactor,
  restoreWindowState,
  sanitizeUiPrefs,
  type SettingsStore,
} from './settings';
import { isTrustedSender } from './trusted-sender';
import { denyAllPermissions, hardenWebContents } from './web-contents-hardening';
import { guardDownloads } from './save-download';

export interface AppDeps {
  /** Opens the shell's settings store (electron-store in the app). Called once, after `ready`. */
  openSettings: () => Promise<SettingsStore>;
  /**
   * Defaults to `process.env`. Reads ATTK_DB (database file) and, unpackaged only, the native
   * bindings start-electron.mjs sets (native-bindings.ts).
   */
  env?: Record<string, string | undefined>;
  /** Defaults to `process.platform` (tests pass 'win32' to check the Windows data folder). */
  platform?: NodeJS.Platform;
  log?: (message: string, error?: unknown) => void;
}

export interface RunningApp {
  core: AppCore;
  window: BrowserWindowInstance;
  dataFile: string;
}

export { DATABASE_FILE_NAME } from '../core/db/data-location';
/** Same as `appId` in electron-builder.yml. */
export const APP_USER_MODEL_ID = 'vn.attk.app';

/**
 * The Electron shell: lifecycle, one secure window on app://attk, the contract over IPC. It holds
 * no business rule; everything the user does goes through `dispatch` in the core.
 * Resolves to null when this process must not run the app (second instance, unusable database).
 */
export async function startApp(electron: ElectronShellApi, deps: AppDeps): Promise<RunningApp | null> {
  const { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } = electron;
  const env = deps.env ?? process.env;
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(`[attk] ${message}`, error ?? ''));

  // One running copy per user: two processes writing the same SQLite file through two UIs only
  // invites confusion. A second launch brings the first window forward instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const platform = deps.platform ?? process.platform;
  // Taskbar grouping and notifications on Windows use the installer's appId.
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // The data folder (Chromium's profile, settings and the database) in the local, not the roaming,
  // profile on Windows (core/db/data-location.ts); userData must be set before `ready`.
  const location = dataLocation({ platform, env, electronUserData: app.getPath('userData') });
  if (location.userData !== app.getPath('userData')) app.setPath('userData', location.userData);
  // Both must happen before `ready`.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);

  let mainWindow: BrowserWindowInstance | null = null;
  /** WebContents of windows this shell created; the only ones whose IPC calls are served. */
  const ownContents = new WeakSet<WebContents>();

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  await app.whenReady();

  const userData = app.getPath('userData');
  let dataFile = location.file;
  // Loading native code named by an environment variable is for `npm start` only (the Electron
  // builds prepared by start-electron.mjs); the packaged app loads the addons after-pack.mjs placed.
  const native = nativeBindings(app.isPackaged, env);
  const nativeBinding = native.betterSqlite3;
  // The hidden print window needs the app's path and its own-contents set, made further down.
  let printPdf: ((route: string) => Promise<Buffer>) | null = null;
  // The print views' "In" button asks the shell to print (app.print): set once the menu's print exists.
  let printOnScreen: (() => boolean) | null = null;
  const openCore = () =>
    createCore({
      file: dataFile,
      shell: 'electron',
      appVersion: app.getVersion(),
      ...(nativeBinding ? { nativeBinding } : {}),
      pkcs11Binding: native.pkcs11js,
      printPdf: (route) => (printPdf ? printPdf(route) : Promise.reject(new Error('the print window is not ready'))),
      printView: () => (printOnScreen ? printOnScreen() : false),
    });
  /** The startup failure dialog: the message, and for a damaged file the newest good backup to restore. */
  const offerNewestBackup = async (error: unknown): Promise<AppCore | null> => {
    const backup = error instanceof DatabaseDamagedError ? findNewestGoodBackup(dataFile, { nativeBinding }) : null;
    if (!backup) {
      const extra = error instanceof DatabaseDamagedError ? `\n\n${vi.reliability.damaged.noBackup}` : '';
      dialog.showErrorBox(vi.shell.startupErrorTitle, startupErrorMessage(error) + extra);
      return null;
    }
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: vi.shell.startupErrorTitle,
      message: startupErrorMessage(error),
      detail: vi.reliability.damaged.offer(formatViDateTime(backup.createdAt), backup.path),
      buttons: [vi.reliability.damaged.restoreButton, vi.reliability.damaged.quitButton],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response !== 0) return null;
    try {
      swapInBackup(dataFile, backup.path, { replaced: 'damaged', at: new Date(), ...(nativeBinding ? { nativeBinding } : {}) });
      return openCore();
    } catch (again) {
      log('restore at startup failed', again);
      dialog.showErrorBox(vi.shell.startupErrorTitle, startupErrorMessage(again));
      return null;
    }
  };
  if (location.legacyFile) {
    // Once: the database left in the roaming folder by earlier versions, copied and checked. If
    // that fails the original is untouched and used for this session; the next start tries again.
    const moved = moveDatabaseOnce(location.legacyFile, location.file, { nativeBinding, now: new Date(), formatDate: (at) => formatViDateTime(at.toISOString()) });
    if (moved.status === 'moved') log(`database moved from ${location.legacyFile} to ${location.file}`);
    if (moved.status === 'failed') {
      log('moving the database to the local profile failed', moved.detail);
      dataFile = location.legacyFile;
      await dialog.showMessageBox({
        type: 'warning',
        title: vi.windows.move.failedTitle,
        message: vi.windows.move.failedTitle,
        detail: vi.windows.move.failed(location.legacyFile, location.file, moved.detail),
        buttons: [vi.common.close],
        noLink: true,
      });
    }
  }
  let core: AppCore;
  try {
    if (!env.ATTK_DB) mkdirSync(userData, { recursive: true });
    core = openCore();
  } catch (error) {
    // A damaged database, one from a newer version, or one on a network drive: say so. The file is
    // left exactly as it is; nothing here deletes, renames or "repairs" it. A damaged one (and only
    // that) may be replaced by the newest good backup — if the user agrees, the damaged file kept.
    log('cannot open the database', error);
    const rescued = await offerNewestBackup(error);
    if (!rescued) {
      app.quit();
      return null;
    }
    core = rescued;
  }
  app.on('will-quit', () => {
    if (core.db.open) core.db.close();
  });
  const dailyBackups = scheduleDailyBackups(core.backups, log);
  app.on('will-quit', () => dailyBackups.stop());

  denyAllPermissions(session.defaultSession);
  // Save-As of a file the UI downloads goes through the publisher (save-download.ts): never over the database.
  guardDownloads(session.defaultSession, { dialog, dataFile: () => dataFile, window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null), log });
  const appRoot = app.getAppPath();
  const rendererRoot = join(appRoot, 'out', 'renderer');
  printPdf = createPdfPrinter({ BrowserWindow, preload: join(appRoot, 'out', 'preload', 'index.cjs'), own: ownContents });
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererRoot));
  registerContractHandlers(ipcMain, core, (event) => ownContents.has(event.sender) && isTrustedSender(event.senderFrame));

  const settings = await deps.openSettings().catch((error: unknown) => {
    log('cannot open the settings file; using defaults for this session', error);
    return createMemoryStore();
  });
  const persist: SettingsStore['set'] = (key, value) => {
    try {
      settings.set(key, value);
    } catch (error) {
      log(`cannot save the setting ${key}`, error);
    }
  };
  let uiPrefs = sanitizeUiPrefs(settings.get('uiPrefs'));

  const zoom = (direction: 'in' | 'out' | 'reset') => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    const factor = nextZoomFactor(mainWindow.webContents.getZoomFactor(), direction);
    mainWindow.webContents.setZoomFactor(factor);
    uiPrefs = { ...uiPrefs, zoomFactor: factor };
    persist('uiPrefs', uiPrefs);
  };
  const about = () => {
    const options = {
      type: 'info' as const,
      title: vi.shell.aboutTitle,
      message: vi.app.name,
      detail: vi.shell.aboutDetail(app.getVersion(), dataFile),
      buttons: [vi.common.close],
      noLink: true,
    };
    const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
    shown.catch((error: unknown) => log('about dialog failed', error));
  };
  const devTools = !app.isPackaged;
  const print = (): boolean => {
    // Ctrl+P reaches the menu before the page, and the print views' "In" button calls app.print:
    // a print view is printed with its paper and orientation (print.ts) — window.print() would
    // start from the printer's default, portrait; other screens are not documents and are not printed.
    if (!mainWindow || mainWindow.isDestroyed() || !isPrintView(mainWindow.webContents.getURL())) return false;
    printView(mainWindow.webContents, log);
    return true;
  };
  printOnScreen = print;
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ zoom, about, print, devTools })));

  const windowState = restoreWindowState(settings.get('window'), screen.getAllDisplays().map((d) => d.workArea));
  const screenSize = screen.getPrimaryDisplay().workAreaSize;
  const window = new BrowserWindow({
    ...(windowState.bounds ?? {
      width: Math.min(DEFAULT_WINDOW_SIZE.width, screenSize.width),
      height: Math.min(DEFAULT_WINDOW_SIZE.height, screenSize.height),
      center: true,
    }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: vi.app.name,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(appRoot, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click on a link fires auxclick, which can open windows outside setWindowOpenHandler's view.
      disableBlinkFeatures: 'Auxclick',
      devTools,
      zoomFactor: uiPrefs.zoomFactor,
    },
  });
  mainWindow = window;
  ownContents.add(window.webContents);

  // The window title stays the product name; the page's <title> does not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (windowState.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    persist('window', { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log('cannot load the interface', error));

  // Monthly evaluation reminders as desktop notifications (rules in shared/, chosen by the core).
  // The portable build has no installer-made Start-menu shortcut, without which Windows drops them.
  const shortcut = portableShortcutPlan({ platform, env, appData: app.getPath('appData'), appUserModelId: APP_USER_MODEL_ID });
  if (shortcut) {
    let result: ReturnType<typeof ensurePortableShortcut> | 'failed';
    try {
      result = ensurePortableShortcut(shell, shortcut);
    } catch (error) {
      log('writing the Start-menu shortcut failed', error);
      result = 'failed';
    }
    if (result === 'failed') log(`cannot create the Start-menu shortcut ${shortcut.path}; reminders show inside the app only`);
  }
  const reminders = startEvaluationReminders({
    Notification: electron.Notification,
    platform,
    call: (method, input) => dispatch(core, method, input),
    setInterval,
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    onClick: () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      window.loadURL(`${APP_ENTRY_URL}#/evaluation`).catch((error: unknown) => log('cannot open the evaluation screen', error));
    },
    log,
  });
  app.on('will-quit', () => reminders.stop());

  return { core, window, dataFile };

}

function startupErrorMessage(error: unknown): string {
  if (error instanceof AttkError) return error.message;
  return vi.errors.dbOpen(error instanceof Error ? error.message : String(error));
}
