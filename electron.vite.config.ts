import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One build for the three Electron targets (electron-vite), plus the `attk` CLI, which is a
// second entry of the Node-side build so it shares the core chunk with the main process.
export default defineConfig({
  main: {
    build: {
      // playwright-core is a devDependency used only by `attk bench`: load it from node_modules.
      externalizeDeps: { include: ['playwright-core'] },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/main.ts'),
          // The Excel import's worker_threads entry (electron/core/import/run-reader.ts finds it beside the entries).
          'import-worker': resolve(__dirname, 'electron/core/import/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle zod and the contract into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default; a smaller bundle starts faster on old PCs.
      minify: true,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
