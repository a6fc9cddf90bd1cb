#!/usr/bin/env node
// `npm start` (after `electron-vite build`): run the desktop app from the project folder.
//
// better-sqlite3 is a native addon, and Electron's ABI differs from Node's. node_modules/better-sqlite3
// keeps the Node build (for `npm test` and the `attk` CLI); the Electron build is prepared once per
// Electron version in .electron-native/electron-<version>/ and handed to the app through
// ATTK_SQLITE_BINDING (better-sqlite3's `nativeBinding` option). Never @electron/rebuild or
// `electron-builder install-app-deps`: both rebuild node_modules in place and break the Node build.
//
// Usage: node electron/cli/start-electron.mjs [--prepare-only] [-- extra Electron arguments]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The messages are written here in Vietnamese rather than taken from shared/i18n/vi.ts: this is a
// plain Node script that runs before (and without) the TypeScript build, so it cannot import vi.ts.
const MSG = {
  noElectronPackage: 'ATTK: chưa cài Electron. Hãy chạy "npm install" trong thư mục dự án (cần kết nối Internet).',
  noElectronBinary:
    'ATTK: không tìm thấy chương trình Electron (tải về lần đầu khi chạy, khoảng 100 MB). ' +
    'Hãy kiểm tra kết nối Internet rồi chạy lại "npm start"; nếu vẫn lỗi, xóa thư mục node_modules/electron và chạy "npm install".',
  noBuild: 'ATTK: chưa có bản dựng (out/main/index.js). Hãy chạy "npm run build" trong thư mục dự án.',
  preparing: (version) => `ATTK: đang chuẩn bị thư viện better-sqlite3 cho Electron ${version} (chỉ làm một lần)…`,
  nativeFailed: (version) =>
    `ATTK: không chuẩn bị được better-sqlite3 cho Electron ${version}. Cần kết nối Internet để tải bản dựng sẵn; ` +
    'nếu không có bản dựng sẵn, máy cần Python và Visual Studio Build Tools (Windows) để biên dịch. Xem thông báo lỗi ở trên.',
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const prepareOnly = args.includes('--prepare-only');
const electronArgs = args.filter((a) => a !== '--prepare-only' && a !== '--');

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

let electronVersion;
try {
  electronVersion = readJson(requireFromRoot.resolve('electron/package.json')).version;
} catch {
  fail(MSG.noElectronPackage);
}

/** Environment for the native build: nothing from the Node build (.ci sets npm_config_nodedir) may leak in. */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source|devdir)$/i.test(key)) delete env[key];
  }
  return env;
}

function run(script, scriptArgs, cwd) {
  const result = spawnSync(process.execPath, [script, ...scriptArgs], { cwd, stdio: 'inherit', env: buildEnv() });
  return result.status === 0;
}

function findNodeGyp() {
  const candidates = [];
  try {
    candidates.push(requireFromRoot.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed in the project: fall back to the copy npm ships with
  }
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  const nodeDir = dirname(process.execPath);
  candidates.push(join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** Returns the path of better_sqlite3.node built for this Electron, preparing it on first use. */
function prepareNativeBinding() {
  const arch = process.arch;
  const sourceDir = dirname(requireFromRoot.resolve('better-sqlite3/package.json'));
  const sqliteVersion = readJson(join(sourceDir, 'package.json')).version;
  const baseDir = join(root, '.electron-native', `electron-${electronVersion}`);
  const copyDir = join(baseDir, 'better-sqlite3');
  const binding = join(copyDir, 'build', 'Release', 'better_sqlite3.node');
  const stampFile = join(baseDir, 'prepared.json');
  const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch };

  if (existsSync(binding) && existsSync(stampFile)) {
    try {
      if (JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp)) return binding;
    } catch {
      // unreadable stamp: prepare again
    }
  }

  console.log(MSG.preparing(electronVersion));
  mkdirSync(baseDir, { recursive: true });
  const workDir = `${copyDir}.tmp-${process.pid}`;
  rmSync(workDir, { recursive: true, force: true });
  // The copy leaves out build/ (the Node build, ~17 MB): node_modules/better-sqlite3 is only read.
  cpSync(sourceDir, workDir, {
    recursive: true,
    filter: (file) => {
      const rel = relative(sourceDir, file);
      return rel !== 'build' && !rel.startsWith(`build${sep}`);
    },
  });
  const built = () => existsSync(join(workDir, 'build', 'Release', 'better_sqlite3.node'));

  // 1. A prebuilt binary for this Electron (better-sqlite3 publishes them; prebuild-install is its dependency).
  const prebuildInstall = createRequire(join(sourceDir, 'package.json')).resolve('prebuild-install/bin.js');
  run(prebuildInstall, ['--runtime', 'electron', '--target', electronVersion, '--arch', arch], workDir);

  // 2. Otherwise compile against Electron's headers.
  if (!built()) {
    const nodeGyp = findNodeGyp();
    if (nodeGyp) {
      run(
        nodeGyp,
        ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
        workDir,
      );
    }
  }

  if (!built()) {
    rmSync(workDir, { recursive: true, force: true });
    fail(MSG.nativeFailed(electronVersion));
  }
  rmSync(copyDir, { recursive: true, force: true });
  renameSync(workDir, copyDir);
  writeFileSync(stampFile, `${JSON.stringify(stamp)}\n`);
  return binding;
}

async function electronBinary() {
  try {
    // The `electron` package's main export is the path of its binary (downloaded on first use).
    const { default: path } = await import('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (prepareOnly) {
  console.log(prepareNativeBinding());
  process.exit(0);
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) fail(MSG.noBuild, 2);
const electronPath = await electronBinary();
if (!electronPath) fail(MSG.noElectronBinary);
const binding = prepareNativeBinding();

const env = { ...process.env, ATTK_SQLITE_BINDING: binding };
// Inherited from a parent tool, this would make Electron run as plain Node instead of the app.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronPath, [root, ...electronArgs], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => fail(`${MSG.noElectronBinary}\n${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
