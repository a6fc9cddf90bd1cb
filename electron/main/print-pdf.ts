import { APP_ENTRY_URL } from './app-protocol';
import type { ElectronShellApi, WebContents } from './electron-api';
import { electronPdfOptions } from './print';
import { pageSetupFor } from '../../shared/print/page-setup';

// The report as PDF for signing (issue 20): the renderer's print route loaded in a hidden window with
// the main window's security options, printed by Chromium's own printToPDF — the same layout the
// harness tests print with page.pdf(). Kept to this one module: the print menu and dialogs are
// the shell's (electron/main), not the signing feature's.

const READY_TIMEOUT_MS = 30_000;

export interface PdfPrinterDeps {
  BrowserWindow: ElectronShellApi['BrowserWindow'];
  preload: string;
  /** The shell's own WebContents: the hidden window's API calls pass the trusted-sender check. */
  own: WeakSet<WebContents>;
}

export function createPdfPrinter(deps: PdfPrinterDeps): (route: string) => Promise<Buffer> {
  return async (route) => {
    const window = new deps.BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        preload: deps.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        devTools: false,
      },
    });
    deps.own.add(window.webContents);
    try {
      await window.loadURL(`${APP_ENTRY_URL}#${route}`);
      // The print view renders its paper once its data has loaded; fonts before printing.
      const started = Date.now();
      for (;;) {
        const ready = (await window.webContents.executeJavaScript("document.querySelector('article.paper') !== null && document.fonts.status === 'loaded'")) as boolean;
        if (ready) break;
        if (Date.now() - started > READY_TIMEOUT_MS) throw new Error('print view did not load');
        await new Promise((r) => setTimeout(r, 100));
      }
      // The same page settings as every print of this view (print.ts; tests/e2e/print.spec.ts).
      return Buffer.from(await window.webContents.printToPDF(electronPdfOptions(pageSetupFor(route))));
    } finally {
      deps.own.delete(window.webContents);
      window.destroy();
    }
  };
}
