import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveDownload, type DownloadItemLike, type SaveDownloadDeps } from './save-download';

// The function the shell's `will-download` handler runs (save-download.ts), with the dialog faked:
// every path the user can pick goes through the publisher before Chromium writes a byte.

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attk-save-as-'));
  db = join(dir, 'attk.sqlite');
  writeFileSync(db, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
  writeFileSync(`${db}-wal`, 'WAL');
  writeFileSync(`${db}.signing-key.pem`, 'KEY');
  mkdirSync(join(dir, 'backups'));
  mkdirSync(join(dir, 'exports'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeItem(name = 'bao-cao.xlsx') {
  const item = { savePath: '', cancelled: false, done: null as null | ((e: unknown, s: 'completed' | 'cancelled' | 'interrupted') => void) };
  const api: DownloadItemLike = {
    getFilename: () => name,
    setSavePath: (p) => void (item.savePath = p),
    cancel: () => void (item.cancelled = true),
    once: (_event, listener) => (item.done = listener),
  };
  return { item, api };
}

function deps(answers: (string | undefined)[]) {
  const errors: string[] = [];
  const asked: string[] = [];
  const d: SaveDownloadDeps = {
    dialog: {
      showSaveDialogSync: ((...args: unknown[]) => {
        asked.push((args[args.length - 1] as { defaultPath: string }).defaultPath);
        return answers.shift();
      }) as SaveDownloadDeps['dialog']['showSaveDialogSync'],
      showErrorBox: (_title, content) => void errors.push(content),
    },
    dataFile: () => db,
    window: () => null,
  };
  return { d, errors, asked };
}

describe('Save-As in the desktop shell', () => {
  it('refuses the database, its -wal, the key and backups/ (asking again each time); the user may then cancel', () => {
    const { item, api } = fakeItem();
    const { d, errors, asked } = deps([db, `${db}-wal`, `${db}.signing-key.pem`, join(dir, 'backups', 'x.xlsx'), undefined]);
    expect(saveDownload(api, d)).toBeNull();
    expect(errors).toHaveLength(4);
    expect(errors[0]).toContain('cơ sở dữ liệu của ATTK');
    expect(errors[2]).toContain('khóa ký số');
    expect(errors[3]).toContain('backups');
    expect(asked[0]).toBe(join(dir, 'exports', 'bao-cao.xlsx'));
    expect(item.savePath).toBe('');
    expect(item.cancelled).toBe(true);
    expect(readFileSync(`${db}-wal`, 'utf8')).toBe('WAL');
  });

  it('another database in the same folder is refused too, even though the dialog confirmed replacing it', () => {
    const other = join(dir, 'quan.sqlite');
    writeFileSync(other, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    const { item, api } = fakeItem();
    const { d, errors } = deps([other, undefined]);
    expect(saveDownload(api, d)).toBeNull();
    expect(errors[0]).toContain('cơ sở dữ liệu');
    expect(item.cancelled).toBe(true);
  });

  it('a new name: Chromium writes to a temporary file beside it, published when the download completes', () => {
    const { item, api } = fakeItem();
    const target = join(dir, 'exports', 'bao-cao.xlsx');
    const pending = saveDownload(api, deps([target]).d)!;
    expect(item.savePath).toBe(pending.tmp);
    expect(item.savePath.startsWith(join(dir, 'exports', '.attk-'))).toBe(true);
    writeFileSync(item.savePath, 'NEW');
    item.done!({}, 'completed');
    expect(readFileSync(target, 'utf8')).toBe('NEW');
    expect(readdirSync(join(dir, 'exports'))).toEqual(['bao-cao.xlsx']);
  });

  it('an existing file the user chose to replace in the dialog is replaced; an interrupted download leaves it as it was', () => {
    const target = join(dir, 'exports', 'bao-cao.xlsx');
    writeFileSync(target, 'OLD');
    const first = fakeItem();
    saveDownload(first.api, deps([target]).d);
    writeFileSync(first.item.savePath, 'HALF');
    first.item.done!({}, 'interrupted');
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    expect(existsSync(first.item.savePath)).toBe(false);

    const second = fakeItem();
    saveDownload(second.api, deps([target]).d);
    writeFileSync(second.item.savePath, 'NEW');
    second.item.done!({}, 'completed');
    expect(readFileSync(target, 'utf8')).toBe('NEW');
    expect(readdirSync(join(dir, 'exports'))).toEqual(['bao-cao.xlsx']);
  });
});
