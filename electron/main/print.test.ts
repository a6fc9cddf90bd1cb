import { describe, expect, it } from 'vitest';
import { isPrintView, pageSetupFor, PRINT_ROUTES } from '../../shared/print/page-setup';
import { electronPdfOptions, electronPrintOptions, playwrightPdfOptions, printView, printViewToPdf, type PrintableContents } from './print';

function contents(url: string) {
  const printed: unknown[] = [];
  const pdfs: unknown[] = [];
  let callback: ((success: boolean, reason: string) => void) | undefined;
  const wc: PrintableContents = {
    getURL: () => url,
    print: (options, cb) => {
      printed.push(options);
      callback = cb;
    },
    printToPDF: async (options) => {
      pdfs.push(options);
      return Buffer.from('%PDF-1.7');
    },
  };
  return { wc, printed, pdfs, finish: (success: boolean, reason: string) => callback?.(success, reason) };
}

describe('print views through the main process', () => {
  it('prints the sign sheet landscape on A4 and the report portrait, keeping the page’s CSS margins', () => {
    const sheet = contents('app://attk/index.html#/print/sign-sheet?campaign=3&unit=2');
    printView(sheet.wc, () => {});
    expect(sheet.printed).toEqual([{ silent: false, printBackground: true, landscape: true, pageSize: 'A4', margins: { marginType: 'default' } }]);
    const report = contents('app://attk/index.html#/print/report?campaign=3');
    printView(report.wc, () => {});
    expect(report.printed).toEqual([expect.objectContaining({ landscape: false, pageSize: 'A4' })]);
  });

  it('renders a view to PDF preferring the CSS page size, with no margins of its own', async () => {
    const sheet = contents('app://attk/index.html#/print/sign-sheet?campaign=3');
    expect((await printViewToPdf(sheet.wc)).toString()).toBe('%PDF-1.7');
    expect(sheet.pdfs).toEqual([
      { pageSize: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, margins: { top: 0, bottom: 0, left: 0, right: 0 } },
    ]);
  });

  it('logs a failed print job but not the user cancelling the dialog', () => {
    const logged: string[] = [];
    const job = contents('app://attk/index.html#/print/report');
    printView(job.wc, (m) => logged.push(m));
    job.finish(false, 'Print job canceled');
    expect(logged).toEqual([]);
    job.finish(false, 'Printer is out of paper');
    expect(logged).toEqual(['printing failed']);
  });

  it('gives Playwright the same settings as printToPDF (the e2e print test uses them)', () => {
    for (const setup of Object.values(PRINT_ROUTES)) {
      const electron = electronPdfOptions(setup);
      expect(playwrightPdfOptions(setup)).toEqual({
        format: electron.pageSize,
        landscape: electron.landscape,
        preferCSSPageSize: electron.preferCSSPageSize,
        printBackground: electron.printBackground,
        displayHeaderFooter: electron.displayHeaderFooter,
        margin: { top: '0', bottom: '0', left: '0', right: '0' },
      });
    }
    expect(electronPrintOptions(pageSetupFor('#/print/cancellations')).landscape).toBe(false);
  });

  it('knows which screens are print views', () => {
    expect(isPrintView('app://attk/index.html#/print/district-report?campaign=1')).toBe(true);
    expect(isPrintView('app://attk/index.html#/accounts')).toBe(false);
    expect(pageSetupFor('app://attk/index.html#/accounts')).toEqual({ pageSize: 'A4', landscape: false });
  });
});
