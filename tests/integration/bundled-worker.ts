import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/**
 * The file worker (electron/core/import/worker.ts) bundled the way electron-vite builds
 * out/main/import-worker.js, for tests that run tasks in a real worker thread (under vitest there is
 * no built worker beside the sources, so tasks otherwise run inline). The folder is inside the
 * project (node_modules/.cache), so the bundle resolves exceljs and better-sqlite3 like out/main does.
 */
export async function bundleFileWorker(prefix = 'attk-worker-'): Promise<{ dir: string; url: URL; remove: () => void }> {
  const cache = resolve(__dirname, '../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, prefix));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve(__dirname, '../../electron/core/import/worker.ts'),
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'esm', entryFileNames: 'import-worker.js' } },
    },
  });
  return { dir, url: pathToFileURL(join(dir, 'import-worker.js')), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
