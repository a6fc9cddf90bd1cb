import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { createFakeElectron, type FakeElectron, type FakeFrame, type FakeWebContents } from '../../tests/wiring/fake-electron';
import { snapshot } from '../../tests/integration/harness-core';
import { CSP } from './app-protocol';
import { startApp, type RunningApp } from './app';
import { DEFAULT_SETTINGS, type Settings, type SettingsStore } from './settings';

/**
 * The Electron shell against a fake `electron` module, a real core on a temporary SQLite file and
 * a real settings file (`conf`, the store electron-store is built on).
 */
let dir: string;
let userData: string;
let appPath: string;
let running: RunningApp | null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attk-wiring-'));
  userData = join(dir, 'userData');
  appPath = join(dir, 'app');
  mkdirSync(join(appPath, 'out', 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>ATTK</title>');
  writeFileSync(join(appPath, 'out', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  running = null;
});

afterEach(() => {
  if (running?.core.db.open) running.core.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function settingsFile(): Conf<Settings> {
  return new Conf<Settings>({ cwd: userData, configName: 'settings', defaults: DEFAULT_SETTINGS, clearInvalidConfig: true });
}
const confStore = (): SettingsStore => {
  const conf = settingsFile();
  return { get: (key) => conf.get(key), set: (key, value) => conf.set(key, value) };
};

async function launch(options: Partial<Parameters<typeof createFakeElectron>[0]> = {}, env: Record<string, string> = {}) {
  const fake = createFakeElectron({ userData, appPath, ...options });
  running = await startApp(fake.electron, { openSettings: async () => confStore(), env, log: () => {} });
  return fake;
}

const mainWindowOf = (fake: FakeElectron) => {
  const window = fake.windows[0];
  if (!window) throw new Error('no window was created');
  return window;
};
const trustedEvent = (fake: FakeElectron) => {
  const contents = mainWindowOf(fake).webContents;
  return { sender: contents, senderFrame: contents.mainFrame };
};

describe('startup', () => {
  it('requests the single-instance lock first, and registers app:// as privileged before ready', async () => {
    const fake = await launch();
    expect(fake.calls[0]).toBe('requestSingleInstanceLock');
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('a second instance quits at once: no database, no window, no handlers', async () => {
    const fake = await launch({ gotSingleInstanceLock: false });
    expect(running).toBeNull();
    expect(fake.quitCount()).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(existsSync(join(userData, 'attk.sqlite'))).toBe(false);
  });

  it('when another instance starts, the first window is restored and focused', async () => {
    const fake = await launch();
    const window = mainWindowOf(fake);
    window.minimize();
    fake.appEvents.emit('second-instance', {}, [], dir, {});
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('opens (and creates) the database in the user-data folder', async () => {
    await launch();
    expect(running?.dataFile).toBe(join(userData, 'attk.sqlite'));
    expect(existsSync(join(userData, 'attk.sqlite'))).toBe(true);
  });

  it('ATTK_DB chooses another database file', async () => {
    const file = join(dir, 'elsewhere.sqlite');
    await launch({}, { ATTK_DB: file });
    expect(running?.dataFile).toBe(file);
    expect(existsSync(file)).toBe(true);
  });

  it('ATTK_SQLITE_BINDING (native code) is honoured by `npm start` but ignored by the packaged app', async () => {
    const bogus = join(dir, 'not-an-addon.node');
    writeFileSync(bogus, 'not a native module');
    const packaged = await launch({ isPackaged: true }, { ATTK_SQLITE_BINDING: bogus });
    expect(running).not.toBeNull();
    expect(packaged.errorBoxes).toHaveLength(0);
    running!.core.db.close();
    const unpackaged = await launch({ isPackaged: false }, { ATTK_SQLITE_BINDING: bogus });
    expect(running).toBeNull();
    expect(unpackaged.errorBoxes[0]?.content).toMatch(/^Không mở được cơ sở dữ liệu/);
  });

  it('a damaged database: the Vietnamese error is shown, the app quits, and the file is untouched', async () => {
    const file = join(dir, 'damaged.sqlite');
    const garbage = Buffer.from('Đây không phải là cơ sở dữ liệu SQLite. '.repeat(200));
    writeFileSync(file, garbage);
    const fake = await launch({}, { ATTK_DB: file });
    expect(running).toBeNull();
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]?.title).toBe(vi.shell.startupErrorTitle);
    expect(fake.errorBoxes[0]?.content).toMatch(/^Không mở được cơ sở dữ liệu/);
    expect(fake.quitCount()).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a database from a newer version is refused with its own message, untouched', async () => {
    const file = join(dir, 'future.sqlite');
    await launch({}, { ATTK_DB: file });
    running!.core.db.pragma('user_version = 999');
    running!.core.db.close();
    const before = readFileSync(file);
    const fake = await launch({}, { ATTK_DB: file });
    expect(fake.errorBoxes[0]?.content).toContain('phiên bản ATTK mới hơn');
    expect(fake.quitCount()).toBe(1);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('the window', () => {
  it('is sandboxed and isolated, with the CommonJS preload', async () => {
    const fake = await launch();
    const prefs = mainWindowOf(fake).options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs.preload).toBe(join(appPath, 'out', 'preload', 'index.cjs'));
  });

  it('has no devtools when packaged, and has them for `npm start`', async () => {
    expect(mainWindowOf(await launch({ isPackaged: true })).options.webPreferences!.devTools).toBe(false);
    running!.core.db.close();
    expect(mainWindowOf(await launch({ isPackaged: false })).options.webPreferences!.devTools).toBe(true);
  });

  it('opens hidden with the Vietnamese title and a minimum size, loads app://attk, and shows when ready', async () => {
    const fake = await launch();
    const window = mainWindowOf(fake);
    expect(window.options).toMatchObject({ show: false, title: vi.app.name });
    expect(window.options.minWidth).toBeGreaterThanOrEqual(800);
    expect(window.options.minHeight).toBeGreaterThanOrEqual(500);
    expect(window.loadedUrl).toBe('app://attk/index.html');
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('keeps the product name as the window title', async () => {
    const window = mainWindowOf(await launch());
    let prevented = false;
    window.emit('page-title-updated', { preventDefault: () => (prevented = true) }, 'ATTK');
    expect(prevented).toBe(true);
  });

  it('may not navigate away from app://attk, open windows, or attach a webview', async () => {
    const contents = mainWindowOf(await launch()).webContents;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
      expect(contents.navigate(event, 'https://evil.example/').defaultPrevented, event).toBe(true);
      expect(contents.navigate(event, 'file:///etc/passwd').defaultPrevented, event).toBe(true);
      expect(contents.navigate(event, 'app://attk/index.html#/people').defaultPrevented, event).toBe(false);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://attk/index.html' })).toEqual({ action: 'deny' });
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, {});
    expect(webviewPrevented).toBe(true);
  });

  it('every permission request, check and device request is denied', async () => {
    const fake = await launch();
    const contents = mainWindowOf(fake).webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      fake.permission.request!(contents, permission, (g) => (granted = g), {});
      expect(granted, permission).toBe(false);
      expect(fake.permission.check!(contents, permission, 'app://attk', {}), permission).toBe(false);
    }
    expect(fake.permission.device!({ deviceType: 'usb', origin: 'app://attk' })).toBe(false);
  });

  it('Save-As of a download goes through the publisher: the database is refused and asked again, the file lands under its name', async () => {
    const exportsDir = join(userData, 'exports');
    const fake = await launch({ saveDialogAnswers: [] });
    mkdirSync(exportsDir, { recursive: true });
    const dataFile = running!.dataFile;
    const before = readFileSync(dataFile);
    const listener = fake.sessionListeners.get('will-download');
    expect(listener).toBeTypeOf('function');
    // The user first picks the database itself, then a normal name in the exports folder.
    const target = join(exportsDir, 'bao-cao.xlsx');
    fake.saveDialogs.length = 0;
    const answers = [dataFile, target];
    (fake.electron.dialog as unknown as { showSaveDialogSync: (...a: unknown[]) => string | undefined }).showSaveDialogSync = (...args: unknown[]) => {
      fake.saveDialogs.push(args[args.length - 1] as { defaultPath?: string });
      return answers.shift();
    };
    let savePath = '';
    let done: ((event: unknown, state: string) => void) | null = null;
    listener!({}, { getFilename: () => 'bao-cao.xlsx', setSavePath: (p: string) => (savePath = p), cancel: () => { throw new Error('cancelled'); }, once: (_e: string, l: typeof done) => (done = l) });
    expect(fake.errorBoxes.at(-1)?.content).toContain('cơ sở dữ liệu của ATTK');
    expect(fake.saveDialogs).toHaveLength(2);
    expect(fake.saveDialogs[0]!.defaultPath).toBe(join(exportsDir, 'bao-cao.xlsx'));
    // Chromium writes to the publisher's temporary name beside the target, then the file is published.
    expect(savePath.startsWith(join(exportsDir, '.attk-'))).toBe(true);
    writeFileSync(savePath, 'XLSX');
    done!({}, 'completed');
    expect(readFileSync(target, 'utf8')).toBe('XLSX');
    expect(existsSync(savePath)).toBe(false);
    expect(readFileSync(dataFile).equals(before)).toBe(true);
  });

  it('installs the Vietnamese application menu', async () => {
    const fake = await launch();
    expect(fake.menus.applied).toHaveLength(1);
    const labels = (fake.menus.built[0] as { label: string }[]).map((m) => m.label);
    expect(labels).toEqual([vi.shell.menu.file, vi.shell.menu.view, vi.shell.menu.help]);
  });
});

describe('the app:// protocol', () => {
  it('serves the renderer build with the CSP header, and nothing outside it', async () => {
    const fake = await launch();
    const handle = fake.protocolHandlers.get('app')!;
    expect(handle).toBeTypeOf('function');
    const ok = await handle(new Request('app://attk/assets/app.js'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CSP);
    expect(await ok.text()).toBe('console.log(1)');
    const shell = await handle(new Request('app://attk/people/42'));
    expect(await shell.text()).toContain('<title>ATTK</title>');
    for (const url of ['app://attk/%2e%2e/%2e%2e/secret.txt', 'app://attk/..%2f..%2fsecret.txt', 'app://attk/..%5c..%5csecret.txt']) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBe(404);
    }
  });
});

describe('IPC: the contract, and only the contract', () => {
  it('handles exactly one channel per contract method', async () => {
    const fake = await launch();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(methodNames.map((name) => `attk:${name}`).sort());
  });

  it('a call from our window reaches the real core', async () => {
    const fake = await launch();
    const envelope = (await fake.invoke('attk:systems.list', trustedEvent(fake), {})) as Envelope<unknown[]>;
    expect(envelope.ok).toBe(true);
    expect(envelope.ok && envelope.result).toHaveLength(3);
  });

  it('the input is validated by the contract before any service runs', async () => {
    const fake = await launch();
    const envelope = (await fake.invoke('attk:people.get', trustedEvent(fake), { id: 'một' })) as Envelope<unknown>;
    expect(envelope.ok).toBe(false);
    expect(!envelope.ok && envelope.error.code).toBe('VALIDATION');
  });

  it('a write goes through the core in one transaction and is read back', async () => {
    const fake = await launch();
    const created = (await fake.invoke('attk:systems.create', trustedEvent(fake), {
      code: 'THU',
      name: 'Hệ thống thử nghiệm',
      adminIntervalMonths: 3,
      userIntervalMonths: 6,
    })) as Envelope<{ id: number; name: string }>;
    expect(created.ok).toBe(true);
    const list = (await fake.invoke('attk:systems.list', trustedEvent(fake), {})) as Envelope<{ name: string }[]>;
    expect(list.ok && list.result.map((s) => s.name)).toContain('Hệ thống thử nghiệm');
  });

  it("the print views' In button prints through the shell, with the view's orientation; other screens are not printed", async () => {
    const fake = await launch();
    const contents = mainWindowOf(fake).webContents;
    const printOnce = async (url: string) => {
      contents.mainFrame.url = url;
      const envelope = (await fake.invoke('attk:app.print', trustedEvent(fake), {})) as Envelope<{ handled: boolean }>;
      expect(envelope.ok).toBe(true);
      return envelope.ok && envelope.result.handled;
    };
    expect(await printOnce('app://attk/index.html#/print/sign-sheet?campaign=1')).toBe(true);
    expect(await printOnce('app://attk/index.html#/print/report?campaign=1')).toBe(true);
    expect(await printOnce('app://attk/index.html#/campaigns/1')).toBe(false);
    expect(contents.printed.map((o) => [o.landscape, o.pageSize, o.silent])).toEqual([
      [true, 'A4', false],
      [false, 'A4', false],
    ]);
  });

  const forbidden = (envelope: unknown) => {
    const e = envelope as Envelope<unknown>;
    expect(e.ok).toBe(false);
    expect(!e.ok && e.error).toEqual({ code: 'FORBIDDEN', message: vi.errors.forbidden });
  };

  it('a subframe of our window is refused', async () => {
    const fake = await launch();
    const contents = mainWindowOf(fake).webContents;
    const subframe: FakeFrame = { url: 'app://attk/index.html', parent: contents.mainFrame };
    forbidden(await fake.invoke('attk:systems.list', { sender: contents, senderFrame: subframe }, {}));
  });

  it('a top frame that navigated to another origin is refused', async () => {
    const fake = await launch();
    const contents = mainWindowOf(fake).webContents;
    for (const url of ['https://evil.example/', 'file:///C:/attk/index.html', 'app://evil/index.html']) {
      forbidden(await fake.invoke('attk:systems.list', { sender: contents, senderFrame: { url, parent: null } }, {}));
    }
  });

  it('a frame that is gone (null) is refused', async () => {
    const fake = await launch();
    forbidden(await fake.invoke('attk:systems.list', { sender: mainWindowOf(fake).webContents, senderFrame: null }, {}));
  });

  it('a WebContents the shell did not create is refused, even on app://attk', async () => {
    const fake = await launch();
    const stranger = new (mainWindowOf(fake).webContents.constructor as new () => FakeWebContents)();
    forbidden(await fake.invoke('attk:systems.list', { sender: stranger, senderFrame: stranger.mainFrame }, {}));
  });

  // Issue 22: the sender check on EVERY channel the shell registers (backup.*, lock.*, signing.*
  // included), for each kind of untrusted sender, with the database unchanged afterwards.
  it('every channel refuses every untrusted sender, and nothing is written', async () => {
    const fake = await launch();
    const contents = mainWindowOf(fake).webContents;
    const stranger = new (contents.constructor as new () => FakeWebContents)();
    const senders = [
      { sender: contents, senderFrame: { url: 'app://attk/index.html', parent: contents.mainFrame } },
      { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: contents, senderFrame: null },
      { sender: stranger, senderFrame: stranger.mainFrame },
    ];
    const channels = [...fake.ipcHandlers.keys()].sort();
    expect(channels).toEqual(expect.arrayContaining(['attk:backup.create', 'attk:backup.list', 'attk:backup.restore', 'attk:lock.clear', 'attk:district.importFiles', 'attk:signing.signReport']));
    expect(channels).toHaveLength(methodNames.length);
    const tables = () => snapshot({ db: running!.core.db } as Parameters<typeof snapshot>[0]);
    const before = tables();
    let refused = 0;
    for (const channel of channels) {
      for (const event of senders) {
        forbidden(await fake.invoke(channel, event, {}));
        refused++;
      }
    }
    expect(refused).toBe(methodNames.length * 4);
    expect(tables()).toEqual(before);
    // …while the same channels do answer our own window (the check is not simply "refuse all").
    expect((await fake.invoke('attk:backup.list', trustedEvent(fake), {}) as Envelope<unknown>).ok).toBe(true);
  });

  it('a refused call never reaches the core: a forbidden write changes nothing', async () => {
    const fake = await launch();
    const contents = mainWindowOf(fake).webContents;
    const before = running!.core.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    const input = { code: 'X', name: 'Không được ghi', adminIntervalMonths: 3, userIntervalMonths: 6 };
    forbidden(await fake.invoke('attk:systems.create', { sender: contents, senderFrame: null }, input));
    expect(running!.core.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
  });
});

describe('lifecycle and settings', () => {
  it('closing the last window quits; quitting closes the database', async () => {
    const fake = await launch();
    mainWindowOf(fake).close();
    expect(fake.quitCount()).toBe(1);
    expect(running!.core.db.open).toBe(true);
    fake.appEvents.emit('will-quit');
    expect(running!.core.db.open).toBe(false);
  });

  it('the window comes back where the user left it (saved on close, in the settings file)', async () => {
    const first = await launch();
    const window = mainWindowOf(first);
    window.bounds = { x: 200, y: 120, width: 1100, height: 700 };
    window.maximize();
    window.close();
    first.appEvents.emit('will-quit');
    expect(settingsFile().get('window')).toEqual({ bounds: { x: 200, y: 120, width: 1100, height: 700 }, maximized: true });

    const second = await launch();
    const restored = mainWindowOf(second);
    expect(restored.options).toMatchObject({ x: 200, y: 120, width: 1100, height: 700 });
    restored.emit('ready-to-show');
    expect(restored.isMaximized()).toBe(true);
  });

  it('bounds saved on a monitor that is gone are ignored', async () => {
    settingsFile().set('window', { bounds: { x: 3000, y: 100, width: 1100, height: 700 }, maximized: false });
    const window = mainWindowOf(await launch({ workAreas: [{ x: 0, y: 0, width: 1366, height: 728 }] }));
    expect(window.options.x).toBeUndefined();
    expect(window.options.width).toBeLessThanOrEqual(1366);
  });

  it('the zoom chosen in the View menu is applied and remembered', async () => {
    const fake = await launch();
    const menu = fake.menus.built[0] as { submenu?: { label?: string; click?: () => void }[] }[];
    const zoomIn = menu.flatMap((m) => m.submenu ?? []).find((i) => i.label === vi.shell.menu.zoomIn)!;
    zoomIn.click!();
    zoomIn.click!();
    expect(mainWindowOf(fake).webContents.getZoomFactor()).toBe(1.2);
    expect(settingsFile().get('uiPrefs')).toEqual({ zoomFactor: 1.2 });
    running!.core.db.close();
    const again = await launch();
    expect(mainWindowOf(again).options.webPreferences!.zoomFactor).toBe(1.2);
  });

  it('a settings file that cannot be opened does not stop the app', async () => {
    const fake = createFakeElectron({ userData, appPath });
    running = await startApp(fake.electron, { openSettings: () => Promise.reject(new Error('EACCES')), env: {}, log: () => {} });
    expect(running).not.toBeNull();
    expect(fake.windows).toHaveLength(1);
  });
});

describe('Windows data folder', () => {
  it('puts userData in %LOCALAPPDATA% before ready (Chromium profile, settings, database), under the installer’s AppUserModelID', async () => {
    const roaming = 'C:\\Users\\lan\\AppData\\Roaming\\ATTK - An toàn Tài khoản';
    const fake = createFakeElectron({ userData: roaming, appPath });
    mkdirSync(join(dir, 'db'));
    const file = join(dir, 'db', 'attk.sqlite');
    running = await startApp(fake.electron, {
      openSettings: async () => confStore(),
      env: { ATTK_DB: file, LOCALAPPDATA: 'C:\\Users\\lan\\AppData\\Local' },
      platform: 'win32',
      log: () => {},
    });
    expect(fake.calls).toContain('setAppUserModelId vn.attk.app');
    const setPath = fake.calls.indexOf('setPath userData C:\\Users\\lan\\AppData\\Local\\ATTK - An toàn Tài khoản');
    expect(setPath).toBeGreaterThan(-1);
    expect(setPath).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(running?.dataFile).toBe(file);
  });

  it('elsewhere keeps Electron’s userData and sets no AppUserModelID', async () => {
    const fake = await launch({}, {});
    expect(fake.calls.filter((c) => c.startsWith('setPath') || c.startsWith('setAppUserModelId'))).toEqual([]);
    expect(running?.dataFile).toBe(join(userData, 'attk.sqlite'));
  });
});

describe('reminders on Windows', () => {
  const roaming = 'C:\\Users\\lan\\AppData\\Roaming';
  async function launchWindows(env: Record<string, string>, options: Partial<Parameters<typeof createFakeElectron>[0]> = {}) {
    const fake = createFakeElectron({ userData, appPath, appData: roaming, ...options });
    running = await startApp(fake.electron, { openSettings: async () => confStore(), env: { ATTK_DB: join(userData, 'attk.sqlite'), ...env }, platform: 'win32', log: () => {} });
    return fake;
  }
  beforeEach(() => mkdirSync(userData, { recursive: true }));

  it('the portable build creates its Start-menu shortcut with the installer’s AppUserModelID, pointing at the .exe the user started', async () => {
    const exe = 'D:\\Phan mem\\ATTK-0.1.0-portable.exe';
    const fake = await launchWindows({ PORTABLE_EXECUTABLE_FILE: exe });
    const link = `${roaming}\\Microsoft\\Windows\\Start Menu\\Programs\\ATTK - An toàn Tài khoản (bản chạy trực tiếp).lnk`;
    expect(fake.shortcutWrites).toEqual([
      { path: link, operation: 'create', details: { target: exe, appUserModelId: 'vn.attk.app', description: vi.app.tagline, icon: exe, iconIndex: 0 } },
    ]);
    expect(fake.calls).toContain('setAppUserModelId vn.attk.app');
  });

  it('repoints the shortcut when the portable .exe moved, leaves a matching one alone, and the installed app writes none', async () => {
    const link = `${roaming}\\Microsoft\\Windows\\Start Menu\\Programs\\ATTK - An toàn Tài khoản (bản chạy trực tiếp).lnk`;
    const moved = await launchWindows({ PORTABLE_EXECUTABLE_FILE: 'E:\\ATTK.exe' }, { shortcuts: { [link]: { target: 'D:\\old\\ATTK.exe', appUserModelId: 'vn.attk.app' } } });
    expect(moved.shortcutWrites.map((w) => [w.operation, w.details.target])).toEqual([['replace', 'E:\\ATTK.exe']]);
    running?.core.db.close();
    const same = await launchWindows({ PORTABLE_EXECUTABLE_FILE: 'E:\\ATTK.exe' }, { shortcuts: { [link]: { target: 'E:\\ATTK.exe', appUserModelId: 'vn.attk.app' } } });
    expect(same.shortcutWrites).toEqual([]);
    running?.core.db.close();
    const installed = await launchWindows({});
    expect(installed.shortcutWrites).toEqual([]);
  });

  it('a click on a toast, even one Windows kept from an earlier run, restores the window on the evaluation screen', async () => {
    const fake = await launchWindows({});
    expect(fake.calls).toContain('Notification.handleActivation');
    const window = mainWindowOf(fake);
    window.minimize();
    fake.activate('click');
    expect(window.loadedUrl).toBe('app://attk/index.html#/evaluation');
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
  });
});
