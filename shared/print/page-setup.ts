// The paper of each print view, for whoever prints it: Electron's main process (webContents.print /
// printToPDF, electron/main/print.ts) and the tests (Playwright page.pdf). The views' own CSS
// (renderer/src/features/print/print.css) says the same with @page; this table exists because
// Electron's print to a printer does not follow @page: without `landscape: true` the system
// dialog starts in the printer's default (portrait) and a landscape sheet is shrunk onto it.

export interface PageSetup {
  pageSize: 'A4';
  landscape: boolean;
}

/** Print routes (renderer/src/app/App.tsx) and their orientation (the views' PrintFrame `landscape`). */
export const PRINT_ROUTES: Readonly<Record<string, PageSetup>> = {
  '/print/report': { pageSize: 'A4', landscape: false },
  '/print/cancellations': { pageSize: 'A4', landscape: false },
  '/print/sign-sheet': { pageSize: 'A4', landscape: true },
  '/print/district-report': { pageSize: 'A4', landscape: false },
};

const DEFAULT_SETUP: PageSetup = { pageSize: 'A4', landscape: false };

/** The page setup for an app URL (`app://attk/index.html#/print/sign-sheet?campaign=1`) or a hash route. */
export function pageSetupFor(urlOrRoute: string): PageSetup {
  const hash = urlOrRoute.includes('#') ? urlOrRoute.slice(urlOrRoute.indexOf('#') + 1) : urlOrRoute;
  const path = hash.split('?')[0] ?? '';
  return PRINT_ROUTES[path] ?? DEFAULT_SETUP;
}

/** Whether the URL shows a print view (the menu's print command prints only those). */
export function isPrintView(urlOrRoute: string): boolean {
  const hash = urlOrRoute.includes('#') ? urlOrRoute.slice(urlOrRoute.indexOf('#') + 1) : urlOrRoute;
  return (hash.split('?')[0] ?? '') in PRINT_ROUTES;
}
