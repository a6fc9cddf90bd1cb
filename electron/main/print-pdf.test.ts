import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-protocol';
import type { PdfPrinterDeps } from './print-pdf';
import { createPdfPrinter } from './print-pdf';

// The hidden print window for signing: as locked down as the main window, its calls trusted only
// while it exists, the route of the print view loaded, printed once the paper is there, destroyed.
class FakeWindow {
  static made: FakeWindow[] = [];
  loaded = '';
  destroyed = false;
  checks = 0;
  printed: unknown = null;
  readonly webContents = {
    executeJavaScript: async (code: string) => {
      expect(code).toContain("document.querySelector('article.paper')");
      return ++this.checks >= 3;
    },
    printToPDF: async (options: unknown) => {
      this.printed = options;
      return Buffer.from('%PDF-1.7 fake');
    },
  };
  constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
    FakeWindow.made.push(this);
  }
  async loadURL(url: string) {
    this.loaded = url;
  }
  destroy() {
    this.destroyed = true;
  }
}

describe('createPdfPrinter', () => {
  it('prints the route in a hidden, sandboxed window that is trusted only while it exists', async () => {
    const own = new WeakSet<object>();
    const print = createPdfPrinter({ BrowserWindow: FakeWindow as unknown as PdfPrinterDeps['BrowserWindow'], preload: '/app/out/preload/index.cjs', own: own as PdfPrinterDeps['own'] });
    const pdf = await print('/print/report?campaign=3&signer=A');
    const w = FakeWindow.made[0]!;
    expect(pdf.toString()).toBe('%PDF-1.7 fake');
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, preload: '/app/out/preload/index.cjs' });
    expect(w.loaded).toBe(`${APP_ENTRY_URL}#/print/report?campaign=3&signer=A`);
    expect(w.checks).toBe(3);
    expect(w.printed).toEqual({
      pageSize: 'A4', landscape: false, preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect(w.destroyed).toBe(true);
    expect(own.has(w.webContents)).toBe(false);
  });
});
