import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { beginPublish, type PendingOutput } from '../core/output/publish';
import type { BrowserWindowInstance, ElectronShellApi } from './electron-api';

// Save-As in the desktop app. The renderer saves a file the core sent (a report, the consolidated
// workbook, a signed PDF, the audit CSV) as a browser download; left to Chromium, the download is
// written straight to whatever path the save dialog returns — the database, its -wal, the unit's
// signing key, a file in backups/ (issue 16 §1: one mistyped name destroyed a database). Here the
// shell asks the path itself, passes it through the same publisher every export uses (refused
// before anything is written), lets Chromium write to the publisher's temporary name in that folder,
// and publishes the file when the download completes — or removes the temporary file if it fails.

/** The members of Electron's DownloadItem this uses. */
export interface DownloadItemLike {
  getFilename(): string;
  setSavePath(path: string): void;
  cancel(): void;
  once(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

export interface SaveDownloadDeps {
  dialog: Pick<ElectronShellApi['dialog'], 'showSaveDialogSync' | 'showErrorBox'>;
  /** The open database (it can change after a restore): its files are never a target. */
  dataFile: () => string;
  window: () => BrowserWindowInstance | null;
  log?: (message: string, error?: unknown) => void;
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.xlsx': { name: 'Excel', extensions: ['xlsx'] },
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
  '.docx': { name: 'Word', extensions: ['docx'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
};

/** Where the dialog opens: the exports folder beside the database, if there is one. */
function defaultFolder(dataFile: string): string {
  const exports = join(dirname(dataFile), 'exports');
  try {
    return statSync(exports).isDirectory() ? exports : dirname(dataFile);
  } catch {
    return dirname(dataFile);
  }
}

/**
 * `will-download` handler: asks where to save, checks the path with the publisher (asking again
 * after a refusal), and points Chromium at the publisher's temporary file. Returns the pending
 * output (null when the user cancelled) so the wiring test can follow it.
 */
export function saveDownload(item: DownloadItemLike, deps: SaveDownloadDeps): PendingOutput | null {
  const fileName = item.getFilename();
  const filter = FILTERS[extname(fileName).toLowerCase()];
  let defaultPath = join(defaultFolder(deps.dataFile()), fileName);
  for (let attempt = 0; attempt < 20; attempt++) {
    const window = deps.window();
    const options = {
      title: vi.shell.saveAsTitle,
      defaultPath,
      filters: filter ? [filter] : [],
      // The system dialog asks before an existing file is chosen (Windows and macOS always; Linux on request).
      properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    };
    const chosen = window ? deps.dialog.showSaveDialogSync(window, options) : deps.dialog.showSaveDialogSync(options);
    if (!chosen) break;
    try {
      // Choosing an existing file in the dialog is the user's "replace"; anything else must not exist.
      const pending = beginPublish(chosen, { dbFile: deps.dataFile(), mode: existsSync(chosen) ? 'replace' : 'refuse' });
      item.setSavePath(pending.tmp);
      item.once('done', (_event, state) => {
        if (state !== 'completed') {
          pending.abort();
          return;
        }
        try {
          pending.commit();
        } catch (error) {
          pending.abort();
          deps.dialog.showErrorBox(vi.shell.saveFailedTitle, error instanceof AttkError ? error.message : vi.errors.internal);
          deps.log?.('saving a download failed', error);
        }
      });
      return pending;
    } catch (error) {
      if (!(error instanceof AttkError)) deps.log?.('checking a save path failed', error);
      deps.dialog.showErrorBox(vi.shell.saveRefusedTitle, error instanceof AttkError ? error.message : vi.errors.internal);
      defaultPath = join(dirname(chosen), fileName);
    }
  }
  item.cancel();
  return null;
}

/** Registers the handler on the app's session (every download of every window the app made). */
export function guardDownloads(session: { on(event: 'will-download', listener: (event: unknown, item: DownloadItemLike) => void): unknown }, deps: SaveDownloadDeps): void {
  session.on('will-download', (_event, item) => {
    saveDownload(item, deps);
  });
}
