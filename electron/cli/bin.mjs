#!/usr/bin/env node
// The `attk` command. The CLI is TypeScript built by `npm run build` (run automatically by
// `npm install` through the "prepare" script) into out/main/cli.js; this file only loads it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = join(root, 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  // Not translated through vi.ts: the built bundle that holds the strings is what is missing.
  console.error('ATTK: chưa có bản dựng (out/main/cli.js). Hãy chạy "npm run build" trong thư mục dự án.');
  process.exit(2);
}
const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2));
