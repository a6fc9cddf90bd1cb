import type { Rectangle } from './electron-api';

/**
 * Shell preferences kept by electron-store (a JSON file beside the database): the window's place
 * and a few UI preferences. Never business data. The file is user-editable, so everything read
 * back is treated as untrusted and sanitised here.
 */
export interface WindowState {
  bounds?: Rectangle;
  maximized: boolean;
}

export interface UiPrefs {
  /** Page zoom chosen from the View menu (1 = 100 %). */
  zoomFactor: number;
}

export interface Settings {
  window: WindowState;
  uiPrefs: UiPrefs;
}

/** The slice of electron-store (or `conf`) the shell uses. */
export interface SettingsStore {
  get(key: keyof Settings): unknown;
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}

export const DEFAULT_SETTINGS: Settings = {
  window: { maximized: false },
  uiPrefs: { zoomFactor: 1 },
};

export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;

/** Settings are a convenience: when the file cannot be opened, the app runs with a store in memory. */
export function createMemoryStore(initial: Partial<Settings> = {}): SettingsStore {
  const values = new Map<keyof Settings, unknown>(Object.entries({ ...DEFAULT_SETTINGS, ...initial }) as [keyof Settings, unknown][]);
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
  };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/** A title-bar strip this tall and this wide must be on a screen, or the user cannot grab the window. */
const GRAB_HEIGHT = 32;
const GRAB_WIDTH = 120;

/**
 * The saved window state, if it still makes sense on the current displays. Bounds saved on a
 * monitor that has since been unplugged (or with a resolution that shrank) are dropped or shrunk,
 * so the window never opens off-screen or larger than the screen it lands on.
 */
export function restoreWindowState(raw: unknown, workAreas: readonly Rectangle[]): WindowState {
  if (typeof raw !== 'object' || raw === null) return { maximized: false };
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  const state: WindowState = { maximized: maximized === true };
  if (typeof bounds !== 'object' || bounds === null) return state;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height) || width <= 0 || height <= 0) return state;

  const area = workAreas.find((a) => {
    const overlap = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    return overlap >= GRAB_WIDTH && y >= a.y && y <= a.y + a.height - GRAB_HEIGHT;
  });
  if (!area) return state;
  state.bounds = {
    x,
    y,
    width: Math.min(Math.max(width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(height, MIN_WINDOW_SIZE.height), area.height),
  };
  return state;
}

export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 2;
const ZOOM_STEP = 0.1;

export function sanitizeUiPrefs(raw: unknown): UiPrefs {
  const zoom = (raw as { zoomFactor?: unknown } | null | undefined)?.zoomFactor;
  const valid = typeof zoom === 'number' && Number.isFinite(zoom) && zoom >= ZOOM_MIN && zoom <= ZOOM_MAX;
  return { zoomFactor: valid ? zoom : DEFAULT_SETTINGS.uiPrefs.zoomFactor };
}

/** The View menu's zoom steps, rounded to tenths so repeated steps do not drift (0.30000000000000004). */
export function nextZoomFactor(current: number, direction: 'in' | 'out' | 'reset'): number {
  if (direction === 'reset' || !Number.isFinite(current)) return 1;
  const next = Math.round((current + (direction === 'in' ? ZOOM_STEP : -ZOOM_STEP)) * 10) / 10;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, next));
}
