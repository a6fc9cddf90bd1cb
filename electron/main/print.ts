// Printing a print view from the main process, with the paper the view is laid out for.
//
// Both paths use Chromium's print of the page with its print CSS (@media print, @page size, margins
// and the page number in @top-center); what Electron adds must not fight it:
//   - printToPDF: `preferCSSPageSize: true` (otherwise the page is scaled to `pageSize`), margins 0
//     so that the CSS @page margins are the only ones, background printed; `landscape`/`pageSize`
//     repeat the CSS for Chromium builds that ignore @page size;
//   - print (a printer, or "Microsoft Print to PDF"): the system dialog starts from the printer's
//     defaults, not from @page (electron/electron#9868), so `landscape` and `pageSize: 'A4'` are
//     passed; `margins.marginType: 'default'` keeps the page's own margins.
// Playwright's page.pdf in tests/e2e/print.spec.ts is called with playwrightPdfOptions(), the same
// settings, and its PDFs are checked with pdfinfo/pdftotext. The "signing" work renders the report
// to PDF through printViewToPdf.
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import { pageSetupFor, type PageSetup } from '../../shared/print/page-setup';

export function electronPdfOptions(setup: PageSetup): PrintToPDFOptions {
  return {
    pageSize: setup.pageSize,
    landscape: setup.landscape,
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  };
}

export function electronPrintOptions(setup: PageSetup): WebContentsPrintOptions {
  return {
    silent: false,
    printBackground: true,
    landscape: setup.landscape,
    pageSize: setup.pageSize,
    margins: { marginType: 'default' },
  };
}

/** The same settings in Playwright's page.pdf terms (margins in its CSS units). */
export function playwrightPdfOptions(setup: PageSetup) {
  const pdf = electronPdfOptions(setup);
  return {
    format: pdf.pageSize as string,
    landscape: pdf.landscape ?? false,
    preferCSSPageSize: pdf.preferCSSPageSize ?? false,
    printBackground: pdf.printBackground ?? false,
    displayHeaderFooter: pdf.displayHeaderFooter ?? false,
    margin: { top: '0', bottom: '0', left: '0', right: '0' },
  };
}

/** What print.ts needs of a WebContents. */
export interface PrintableContents {
  getURL(): string;
  print(options: WebContentsPrintOptions, callback?: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
}

/** Opens the system print dialog for the view on screen, with its paper and orientation. */
export function printView(contents: PrintableContents, log: (message: string, error?: unknown) => void): void {
  contents.print(electronPrintOptions(pageSetupFor(contents.getURL())), (success, failureReason) => {
    // 'Print job canceled' is the user closing the dialog: not an error.
    if (!success && failureReason && !/cancel/i.test(failureReason)) log('printing failed', failureReason);
  });
}

/** The view on screen as a PDF, laid out exactly as printed. */
export function printViewToPdf(contents: PrintableContents): Promise<Buffer> {
  return contents.printToPDF(electronPdfOptions(pageSetupFor(contents.getURL())));
}
