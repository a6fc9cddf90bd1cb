import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { expect, type Page } from '@playwright/test';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../electron/cli/bin.mjs');

export interface Served {
  url: string;
  dbFile: string;
  stop: () => Promise<void>;
}

/** Run the real `attk` command (as a user would) and wait for it to finish. */
export function attk(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Start `attk serve` on a fresh temporary database (optionally filled by `attk demo`), with a
 * fixed "today" so dates in the UI are reproducible. Returns the URL with its token.
 */
export async function serve(options: { demo?: 'unit' | 'district'; today?: string } = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'attk-e2e-'));
  const dbFile = join(dir, 'attk.sqlite');
  const today = options.today ?? '2024-01-20';
  if (options.demo) {
    const r = await attk(['demo', '--db', dbFile, '--size', options.demo, '--today', today, '--json']);
    if (r.code !== 0) throw new Error(`attk demo failed: ${r.stderr}${r.stdout}`);
  }
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--db', dbFile, '--json', '--today', today], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const url = await new Promise<string>((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        done((JSON.parse(line) as { url: string }).url);
      } catch {
        fail(new Error(`unexpected serve output: ${line}`));
      }
    });
    child.once('exit', (code) => fail(new Error(`attk serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    dbFile,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Open a screen from the sidebar and wait until the app shows it: the address is the link's and
 * the link is marked current (same render as the new screen). Without the wait, a fill() right
 * after the click can reach the previous screen's search box (seen once in devices.spec).
 */
export async function openScreen(page: Page, name: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true });
  await link.click();
  const href = (await link.getAttribute('href')) ?? '';
  await expect(page).toHaveURL((url) => url.hash === href.replace(/^#?/, '#'));
  await expect(link).toHaveAttribute('aria-current', 'page');
}
