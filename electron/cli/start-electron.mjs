#!/usr/bin/env node
// `npm start` (after `electron-vite build`): run the desktop app from the project folder.
//
// better-sqlite3 and pkcs11js are native addons, and Electron's ABI differs from Node's.
// node_modules keeps their Node builds (for `npm test` and the `attk` CLI); the Electron builds are
// prepared once per Electron version and target in .electron-native/electron-<version>-<platform>-<arch>/
// (native-modules.mjs) and handed to the app through ATTK_SQLITE_BINDING / ATTK_PKCS11_BINDING
// (electron/main/native-bindings.ts). `npm run dist` packages the very same files (after-pack.mjs).
// Never @electron/rebuild or `electron-builder install-app-deps`: both rebuild node_modules in place
// and break the Node build.
//
// Usage: node electron/cli/start-electron.mjs [--prepare-only [--platform=win32 --arch=x64]] [-- extra Electron arguments]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NATIVE_MODULES, preparedBinding, preparedDir, preparedStamp } from './native-modules.mjs';

// The messages are written here in Vietnamese rather than taken from shared/i18n/vi.ts: this is a
// plain Node script that runs before (and without) the TypeScript build, so it cannot import vi.ts.
const MSG = {
  noElectronPackage: 'ATTK: chưa cài Electron. Hãy chạy "npm install" trong thư mục dự án (cần kết nối Internet).',
  noElectronBinary:
    'ATTK: không tìm thấy chương trình Electron (tải về lần đầu khi chạy, khoảng 100 MB). ' +
    'Hãy kiểm tra kết nối Internet rồi chạy lại "npm start"; nếu vẫn lỗi, xóa thư mục node_modules/electron và chạy "npm install".',
  noBuild: 'ATTK: chưa có bản dựng (out/main/index.js). Hãy chạy "npm run build" trong thư mục dự án.',
  preparing: (version) => `ATTK: đang chuẩn bị các thư viện gốc (better-sqlite3, pkcs11js) cho Electron ${version} (chỉ làm một lần)…`,
  nativeFailed: (name, version, platform, arch) =>
    `ATTK: không chuẩn bị được ${name} cho Electron ${version} (${platform}-${arch}). Cần kết nối Internet để tải bản dựng sẵn; ` +
    'nếu không có bản dựng sẵn, máy cần Python và Visual Studio Build Tools (Windows) để biên dịch — và chỉ biên dịch được cho chính hệ điều hành đang chạy. Xem thông báo lỗi ở trên.',
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const prepareOnly = args.includes('--prepare-only');
/** `--platform=win32 --arch=x64` (with --prepare-only): prepare for another build target (prebuilt binaries only). */
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const target = { platform: option('platform') ?? process.platform, arch: option('arch') ?? process.arch };
const electronArgs = args.filter((a) => a !== '--prepare-only' && a !== '--' && !/^--(platform|arch)=/.test(a));

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

/**
 * Prepares (once) the Electron build of every native module in .electron-native/ and returns
 * `{ [moduleName]: bindingPath }`. A module is copied without its build/ folder (the Node build
 * stays untouched in node_modules), then given a prebuilt Electron binary (prebuild-install) or
 * compiled against Electron's headers (node-gyp; only for the platform this script runs on).
 */
function prepareNativeBindings({ platform, arch }) {
  const dir = preparedDir(root, { electronVersion, platform, arch });
  const stampFile = join(dir, 'prepared.json');
  const modules = Object.fromEntries(
    NATIVE_MODULES.map((module) => [module.name, readJson(requireFromRoot.resolve(`${module.name}/package.json`)).version]),
  );
  const stamp = preparedStamp({ electronVersion, platform, arch, modules });
  const bindings = Object.fromEntries(NATIVE_MODULES.map((module) => [module.name, preparedBinding(dir, module)]));
  if (Object.values(bindings).every((file) => existsSync(file)) && existsSync(stampFile)) {
    try {
      if (JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp)) return bindings;
    } catch {
      // unreadable stamp: prepare again
    }
  }
  console.log(MSG.preparing(electronVersion));
  mkdirSync(dir, { recursive: true });
  rmSync(stampFile, { force: true });
  for (const module of NATIVE_MODULES) prepareModule(module, dir, { platform, arch });
  writeFileSync(stampFile, `${JSON.stringify(stamp)}\n`);
  return bindings;
}

function prepareModule(module, dir, { platform, arch }) {
  const sourceDir = dirname(requireFromRoot.resolve(`${module.name}/package.json`));
  const copyDir = join(dir, module.name);
  const workDir = `${copyDir}.tmp-${process.pid}`;
  rmSync(workDir, { recursive: true, force: true });
  // The copy leaves out build/ (the Node build): node_modules/<module> is only read.
  cpSync(sourceDir, workDir, {
    recursive: true,
    filter: (file) => {
      const rel = relative(sourceDir, file);
      return rel !== 'build' && !rel.startsWith(`build${sep}`);
    },
  });
  const built = () => existsSync(join(workDir, ...module.file.split('/')));

  // 1. A prebuilt binary for this Electron, where the package publishes them.
  if (module.prebuilt) {
    const prebuildInstall = createRequire(join(sourceDir, 'package.json')).resolve('prebuild-install/bin.js');
    run(prebuildInstall, ['--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch], workDir);
  }
  // 2. Otherwise compile against Electron's headers (a compiler builds for the machine it runs on).
  if (!built() && platform === process.platform) {
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
    fail(MSG.nativeFailed(module.name, electronVersion, platform, arch));
  }
  rmSync(copyDir, { recursive: true, force: true });
  renameSync(workDir, copyDir);
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
  const bindings = prepareNativeBindings({ platform: target.platform, arch: target.arch });
  for (const file of Object.values(bindings)) console.log(file);
  process.exit(0);
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) fail(MSG.noBuild, 2);
const electronPath = await electronBinary();
if (!electronPath) fail(MSG.noElectronBinary);
const bindings = prepareNativeBindings({ platform: process.platform, arch: process.arch });

// The main process reads these (electron/main/native-bindings.ts) and only when unpackaged.
const env = { ...process.env };
for (const module of NATIVE_MODULES) env[module.env] = bindings[module.name];
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
