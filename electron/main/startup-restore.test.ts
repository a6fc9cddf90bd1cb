import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from '../../shared/i18n/vi';
import { createFakeElectron } from '../../tests/wiring/fake-electron';
import { createCore, listBackups } from '../core';
import { generateDemo } from '../core/demo/generate';
import { startApp, type RunningApp } from './app';
import { createMemoryStore } from './settings';

/**
 * A damaged database at startup, in the Electron shell (fake `electron`, real files): the user is
 * told in Vietnamese and offered the newest good backup; nothing is restored unless they agree.
 */
let dir: string;
let file: string;
let running: RunningApp | null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attk-startup-'));
  file = join(dir, 'data', 'attk.sqlite');
  mkdirSync(join(dir, 'data'));
  mkdirSync(join(dir, 'app', 'out', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'app', 'out', 'renderer', 'index.html'), '<!doctype html><title>ATTK</title>');
  running = null;
});
afterEach(() => {
  if (running?.core.db.open) running.core.db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function damagedWithBackup(): Promise<{ damaged: Buffer; backupPath: string; people: number }> {
  const core = createCore({ file, shell: 'cli', appVersion: 'test' });
  generateDemo(core.db, 'unit', { today: '2024-01-20' });
  const people = (core.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  const created = await core.backups.create('daily');
  core.db.close();
  const bytes = readFileSync(file);
  bytes.write('garbage, not a database', 0, 'latin1');
  writeFileSync(file, bytes);
  return { damaged: bytes, backupPath: created.path, people };
}

async function launch(messageBoxResponse: number) {
  const fake = createFakeElectron({ userData: join(dir, 'userData'), appPath: join(dir, 'app'), messageBoxResponse });
  running = await startApp(fake.electron, { openSettings: async () => createMemoryStore(), env: { ATTK_DB: file }, log: () => {} });
  return fake;
}

describe('startup with a damaged database', () => {
  it('offers the newest good backup in a dialog; declining quits and leaves everything as it was', async () => {
    const { damaged, backupPath } = await damagedWithBackup();
    const fake = await launch(1);
    expect(running).toBeNull();
    expect(fake.messageBoxes).toHaveLength(1);
    const [options] = fake.messageBoxes[0] as [{ type: string; title: string; message: string; detail: string; buttons: string[]; cancelId: number }];
    expect(options.title).toBe(vi.shell.startupErrorTitle);
    expect(options.message).toMatch(/^Không mở được cơ sở dữ liệu/);
    expect(options.detail).toContain(backupPath);
    expect(options.detail).toContain('Tệp dữ liệu không bị ghi đè');
    expect(options.buttons).toEqual(['Khôi phục bản sao lưu gần nhất', 'Thoát']);
    expect(options.cancelId).toBe(1);
    expect(fake.quitCount()).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(readFileSync(file).equals(damaged)).toBe(true);
    expect(listBackups(join(dir, 'data', 'backups')).map((e) => e.kind)).toEqual(['daily']);
  });

  it('restores only when the user agrees, keeps the damaged file, and starts normally', async () => {
    const { damaged, people } = await damagedWithBackup();
    const fake = await launch(0);
    expect(running).not.toBeNull();
    expect(fake.windows).toHaveLength(1);
    expect((running!.core.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(people);
    const kept = listBackups(join(dir, 'data', 'backups')).find((e) => e.kind === 'damaged')!;
    expect(readFileSync(join(dir, 'data', 'backups', kept.name)).equals(damaged)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('without a good backup, says so in the error box and quits', async () => {
    writeFileSync(file, Buffer.from('SQLite format 3\0'.padEnd(4096, 'x')));
    const before = readFileSync(file);
    const fake = await launch(0);
    expect(running).toBeNull();
    expect(fake.messageBoxes).toHaveLength(0);
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]!.content).toContain(vi.reliability.damaged.noBackup);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
