import { describe, expect, it } from 'vitest';
import { MIN_WINDOW_SIZE, nextZoomFactor, restoreWindowState, sanitizeUiPrefs } from './settings';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('restoreWindowState', () => {
  it('restores bounds that are on a screen', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1200, height: 700 }, maximized: true };
    expect(restoreWindowState(saved, [laptop])).toEqual(saved);
  });

  it('ignores bounds left on a monitor that is no longer plugged in', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(restoreWindowState(saved, [rightMonitor, laptop]).bounds).toEqual(saved.bounds);
    expect(restoreWindowState(saved, [laptop])).toEqual({ maximized: false });
  });

  it('ignores a window whose title bar would be above or below every screen', () => {
    expect(restoreWindowState({ bounds: { x: 10, y: -400, width: 1000, height: 700 } }, [laptop]).bounds).toBeUndefined();
    expect(restoreWindowState({ bounds: { x: 10, y: 710, width: 1000, height: 700 } }, [laptop]).bounds).toBeUndefined();
  });

  it('ignores a window with only a sliver on screen', () => {
    expect(restoreWindowState({ bounds: { x: -1150, y: 10, width: 1200, height: 700 } }, [laptop]).bounds).toBeUndefined();
  });

  it('shrinks a window larger than its screen, and grows one below the minimum size', () => {
    expect(restoreWindowState({ bounds: { x: 0, y: 0, width: 1920, height: 1040 } }, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
    expect(restoreWindowState({ bounds: { x: 0, y: 0, width: 200, height: 100 } }, [laptop]).bounds).toEqual({ x: 0, y: 0, ...MIN_WINDOW_SIZE });
  });

  it.each([undefined, null, 'x', 42, { bounds: 'x' }, { bounds: { x: 1, y: 2, width: '3', height: 4 } }, { bounds: { x: 0.5, y: 0, width: 1000, height: 700 } }, { bounds: { x: 0, y: 0, width: -5, height: 700 } }, { bounds: { x: 0, y: 0, width: Infinity, height: 700 } }])(
    'treats a hand-edited or damaged value (%j) as "no saved bounds"',
    (raw) => {
      expect(restoreWindowState(raw, [laptop]).bounds).toBeUndefined();
    },
  );
});

describe('UI preferences', () => {
  it('keeps a valid zoom factor and replaces anything else by 1', () => {
    expect(sanitizeUiPrefs({ zoomFactor: 1.2 })).toEqual({ zoomFactor: 1.2 });
    for (const raw of [undefined, null, {}, { zoomFactor: '2' }, { zoomFactor: 9 }, { zoomFactor: 0 }, { zoomFactor: NaN }]) {
      expect(sanitizeUiPrefs(raw)).toEqual({ zoomFactor: 1 });
    }
  });

  it('zooms in tenths, within 50 %–200 %, without floating-point drift', () => {
    expect(nextZoomFactor(1, 'in')).toBe(1.1);
    expect(nextZoomFactor(0.7, 'out')).toBe(0.6);
    expect(nextZoomFactor(2, 'in')).toBe(2);
    expect(nextZoomFactor(0.5, 'out')).toBe(0.5);
    expect(nextZoomFactor(1.7, 'reset')).toBe(1);
    let z = 1;
    for (let i = 0; i < 3; i++) z = nextZoomFactor(z, 'out');
    expect(z).toBe(0.7);
  });
});
