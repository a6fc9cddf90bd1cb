import { EventEmitter } from 'node:events';
import { dirname } from 'node:path';
import type { ElectronShellApi } from '../../electron/main/electron-api';

/**
 * A stand-in for the `electron` module, made of plain objects that record what the shell asks of
 * them. It is the only fake in the wiring tests (the core, the SQLite file and the settings file
 * are real). It implements just what electron/main calls; a missing method fails the test loudly.
 */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  detached?: boolean;
}

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
}

export interface FakeNavigationEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault: () => void;
}

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  zoomFactor = 1;
  readonly mainFrame: FakeFrame = { url: 'app://attk/index.html', parent: null };

  /** What print() was called with (the system print dialog). */
  readonly printed: { landscape?: boolean; pageSize?: unknown; silent?: boolean }[] = [];

  getURL(): string {
    return this.mainFrame.url;
  }
  print(options: { landscape?: boolean; pageSize?: unknown; silent?: boolean }, callback?: (success: boolean, failureReason: string) => void): void {
    this.printed.push(options);
    callback?.(true, '');
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getZoomFactor(): number {
    return this.zoomFactor;
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }
  /** Emit a navigation-style event the way Electron does: one event object with url + preventDefault. */
  navigate(eventName: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): FakeNavigationEvent {
    const event: FakeNavigationEvent = {
      url,
      defaultPrevented: false,
      preventDefault() {
        event.defaultPrevented = true;
      },
    };
    this.emit(eventName, event, url);
    return event;
  }
}

export interface FakeElectronOptions {
  userData: string;
  appPath: string;
  gotSingleInstanceLock?: boolean;
  isPackaged?: boolean;
  version?: string;
  workAreas?: { x: number; y: number; width: number; height: number }[];
  /** The button the user picks in every dialog.showMessageBox (default 0, the first). */
  messageBoxResponse?: number;
  /** What the save dialog returns, one answer per call (undefined = the user cancelled). */
  saveDialogAnswers?: (string | undefined)[];
  /** app.getPath('appData') (default: the folder above userData). */
  appData?: string;
  /** Electron ≥ 45 on Windows has the static Notification.handleActivation (default true). */
  handleActivation?: boolean;
  /** Start-menu shortcuts that exist already, by path (shell.readShortcutLink). */
  shortcuts?: Record<string, { target: string; appUserModelId?: string }>;
}

export function createFakeElectron(options: FakeElectronOptions) {
  const notifications: { title: string; body: string }[] = [];
  /** Every call, in order, by name: lets tests assert "before ready". */
  const calls: string[] = [];
  const appEvents = new EventEmitter();
  const windows: FakeBrowserWindow[] = [];
  const privilegedSchemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const ipcHandlers = new Map<string, (event: FakeInvokeEvent, ...args: unknown[]) => unknown>();
  const errorBoxes: { title: string; content: string }[] = [];
  const messageBoxes: unknown[] = [];
  const saveDialogs: { defaultPath?: string; properties?: string[] }[] = [];
  const sessionListeners = new Map<string, (...args: unknown[]) => void>();
  const permission = {
    request: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void),
    check: null as null | ((wc: unknown, permission: string, origin: string, details: unknown) => boolean),
    device: null as null | ((details: unknown) => boolean),
  };
  const menus = { built: [] as unknown[][], applied: [] as unknown[] };
  const workAreas = options.workAreas ?? [{ x: 0, y: 0, width: 1920, height: 1040 }];
  let quitCount = 0;
  let userDataPath = options.userData;
  /** Notification objects the shell created, with their listeners, and the activation callback. */
  const notificationObjects: { options: { title: string; body: string }; listeners: Map<string, () => void>; shown: boolean }[] = [];
  const activation: { callback: ((details: { type: string; arguments: string }) => void) | null } = { callback: null };
  const shortcuts = new Map(Object.entries(options.shortcuts ?? {}));
  const shortcutWrites: { path: string; operation: string; details: Record<string, unknown> }[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    visible = false;
    focused = false;
    minimized = false;
    maximized = false;
    destroyed = false;
    bounds: { x: number; y: number; width: number; height: number };

    constructor(opts: Record<string, unknown>) {
      super();
      calls.push('new BrowserWindow');
      this.options = opts;
      this.bounds = {
        x: (opts.x as number | undefined) ?? 100,
        y: (opts.y as number | undefined) ?? 100,
        width: (opts.width as number | undefined) ?? 800,
        height: (opts.height as number | undefined) ?? 600,
      };
      const zoom = opts.webPreferences && (opts.webPreferences as Record<string, unknown>).zoomFactor;
      if (typeof zoom === 'number') this.webContents.zoomFactor = zoom;
      windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    restore(): void {
      this.minimized = false;
    }
    minimize(): void {
      this.minimized = true;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    /** What the user closing the window does: close → closed → (last one) window-all-closed. */
    close(): void {
      this.emit('close', { preventDefault() {} });
      this.destroyed = true;
      this.emit('closed');
      windows.splice(windows.indexOf(this), 1);
      if (windows.length === 0) appEvents.emit('window-all-closed');
    }
  }

  const app = {
    isPackaged: options.isPackaged ?? true,
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return options.gotSingleInstanceLock ?? true;
    },
    enableSandbox: () => void calls.push('enableSandbox'),
    setAppUserModelId: (id: string) => void calls.push(`setAppUserModelId ${id}`),
    quit: () => {
      calls.push('quit');
      quitCount++;
    },
    exit: () => void calls.push('exit'),
    on: (event: string, listener: Listener) => {
      calls.push(`app.on ${event}`);
      appEvents.on(event, listener as (...args: unknown[]) => void);
      return app;
    },
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    getPath: (name: string) => {
      if (name === 'appData') return options.appData ?? dirname(userDataPath);
      if (name !== 'userData') throw new Error(`fake app.getPath: ${name} not faked`);
      return userDataPath;
    },
    setPath: (name: string, path: string) => {
      if (name !== 'userData') throw new Error(`fake app.setPath: ${name} not faked`);
      calls.push(`setPath ${name} ${path}`);
      userDataPath = path;
    },
    getAppPath: () => options.appPath,
    getVersion: () => options.version ?? '0.1.0-test',
  };

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.push('registerSchemesAsPrivileged');
        privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        calls.push(`protocol.handle ${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof permission.request) => void (permission.request = h),
        setPermissionCheckHandler: (h: typeof permission.check) => void (permission.check = h),
        setDevicePermissionHandler: (h: typeof permission.device) => void (permission.device = h),
        on: (event: string, listener: (...args: unknown[]) => void) => void sessionListeners.set(event, listener),
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: FakeInvokeEvent, ...args: unknown[]) => unknown) => {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, handler);
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => void errorBoxes.push({ title, content }),
      showSaveDialogSync: (...args: unknown[]) => {
        saveDialogs.push(args[args.length - 1] as { defaultPath?: string });
        return (options.saveDialogAnswers ?? []).shift();
      },
      showMessageBox: (...args: unknown[]) => {
        messageBoxes.push(args);
        return Promise.resolve({ response: options.messageBoxResponse ?? 0, checkboxChecked: false });
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        menus.built.push(template);
        return { template };
      },
      setApplicationMenu: (menu: unknown) => void menus.applied.push(menu),
    },
    Notification: class FakeNotification {
      static handleActivation =
        options.handleActivation === false
          ? undefined
          : (callback: (details: { type: string; arguments: string }) => void) => {
              calls.push('Notification.handleActivation');
              activation.callback = callback;
            };
      private readonly record: (typeof notificationObjects)[number];
      constructor(readonly options: { title: string; body: string }) {
        notifications.push(options);
        this.record = { options, listeners: new Map(), shown: false };
        notificationObjects.push(this.record);
      }
      show(): void {
        this.record.shown = true;
      }
      on(event: string, listener: () => void): this {
        this.record.listeners.set(event, listener);
        return this;
      }
    },
    shell: {
      readShortcutLink: (path: string) => {
        const found = shortcuts.get(path);
        if (!found) throw new Error(`Failed to read shortcut link`);
        return { ...found };
      },
      writeShortcutLink: (path: string, operation: string, details: { target: string; appUserModelId?: string }) => {
        shortcutWrites.push({ path, operation, details: { ...details } });
        shortcuts.set(path, details);
        return true;
      },
    },
    screen: {
      getAllDisplays: () => workAreas.map((workArea) => ({ workArea, bounds: workArea })),
      getPrimaryDisplay: () => ({ workArea: workAreas[0], workAreaSize: { width: workAreas[0]!.width, height: workAreas[0]!.height } }),
    },
  };

  return {
    /** Cast once, here: the fake implements only the members the shell uses. */
    electron: electron as unknown as ElectronShellApi,
    calls,
    appEvents,
    windows,
    privilegedSchemes,
    protocolHandlers,
    ipcHandlers,
    errorBoxes,
    messageBoxes,
    saveDialogs,
    /** Listeners the shell put on the default session (will-download). */
    sessionListeners,
    notifications,
    notificationObjects,
    /** What Windows does when the user clicks one of the app's toasts (Notification.handleActivation). */
    activate: (type = 'click') => activation.callback?.({ type, arguments: '' }),
    shortcutWrites,
    permission,
    menus,
    quitCount: () => quitCount,
    /** Call an IPC handler the way ipcMain would for `ipcRenderer.invoke(channel, input)`. */
    invoke: async (channel: string, event: FakeInvokeEvent, input: unknown) => {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, input);
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
