// electron-builder `afterPack` hook (electron-builder.yml): puts the Electron build of every native
// module into the packaged app and refuses to let a package leave with any other binary.
//
// Why: electron-builder's own rebuild (`npmRebuild`, switched off in electron-builder.yml) rebuilds
// node_modules in place, breaking `npm test` and the CLI, and after `npm rebuild` its marker can make
// the next `npm run dist` ship the Node build, which no Windows PC can load. Instead the package
// receives the very builds `npm start` runs with (.electron-native/, prepared by start-electron.mjs),
// each checked from its bytes against the packaged Electron: file format of the platform, CPU, and
// NODE_MODULE_VERSION (or Node-API).
//
// When it runs (app-builder-lib 26 platformPackager.doPack): after the app files are copied — app.asar
// written, `asarUnpack` files in app.asar.unpacked/ — and before fuses, signing and the installer.
// The addons are replaced inside app.asar.unpacked/, so app.asar itself (whose header hash the
// ASAR-integrity fuse checks) is not touched; Electron reads unpacked files straight from disk
// (shell/common/asar/archive.cc, Archive::CopyFileOut). Context fields used: appOutDir,
// electronPlatformName, arch (builder-util's Arch enum), packager.getResourcesDir(appOutDir),
// packager.info.framework.version (the Electron being packaged), packager.info.projectDir.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, readSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addonMismatch, inspectAddon, NATIVE_MODULES, preparedBinding, preparedDir } from './native-modules.mjs';

/** builder-util's `Arch` enum (out/arch.d.ts): ia32 = 0, x64 = 1, armv7l = 2, arm64 = 3, universal = 4. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export class NativePackagingError extends Error {
  constructor(message) {
    super(`ATTK afterPack: ${message}`);
    this.name = 'NativePackagingError';
  }
}

/** NODE_MODULE_VERSION of an Electron release, from node-abi (the table @electron/rebuild uses). */
export async function electronAbi(electronVersion) {
  const { getAbi } = await import('node-abi');
  return Number(getAbi(electronVersion, 'electron'));
}

/** Runs start-electron.mjs --prepare-only for the target (prebuilt binaries or a local compile). */
function prepareWithStartScript(projectDir, { platform, arch }) {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'start-electron.mjs');
  const result = spawnSync(process.execPath, [script, '--prepare-only', `--platform=${platform}`, `--arch=${arch}`], {
    cwd: projectDir,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new NativePackagingError(`preparing the Electron builds for ${platform}-${arch} failed (see above)`);
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

function* nodeFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) yield* nodeFiles(file);
    else if (entry.name.endsWith('.node')) yield file;
  }
}

/**
 * The hook. `options` exist for tests: `abiOf` (Electron version → NODE_MODULE_VERSION), `prepare`
 * (called when .electron-native/ has no set for this target), `modules`, `log`.
 * Returns what it placed: `[{ module, from, to, sha256 }]`.
 */
export async function afterPack(context, options = {}) {
  const { modules = NATIVE_MODULES, abiOf = electronAbi, log = (m) => console.log(`  • ${m}`) } = options;
  const packager = context.packager;
  const projectDir = packager.info.projectDir;
  const electronVersion = packager.info.framework.version;
  const platform = context.electronPlatformName;
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch;
  if (arch === 'universal' || !arch) throw new NativePackagingError(`arch ${String(context.arch)} is not packaged by ATTK (one build per CPU)`);
  const abi = await abiOf(electronVersion);
  if (!Number.isInteger(abi)) throw new NativePackagingError(`no NODE_MODULE_VERSION known for Electron ${electronVersion}`);
  const target = { platform, arch, abi, electronVersion };

  const dir = preparedDir(projectDir, { electronVersion, platform, arch });
  const stampFile = join(dir, 'prepared.json');
  if (!existsSync(stampFile)) {
    const prepare = options.prepare ?? ((t) => prepareWithStartScript(projectDir, t));
    await prepare({ electronVersion, platform, arch });
  }
  if (!existsSync(stampFile)) throw new NativePackagingError(`no Electron builds prepared in ${dir}; run: npm run electron:prepare -- --platform=${platform} --arch=${arch}`);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    throw new NativePackagingError(`${stampFile} is unreadable; delete ${dir} and package again`);
  }
  if (stamp.electron !== electronVersion || stamp.platform !== platform || stamp.arch !== arch) {
    throw new NativePackagingError(`${dir} was prepared for ${stamp.electron} ${stamp.platform}-${stamp.arch}, the package is Electron ${electronVersion} ${platform}-${arch}`);
  }

  const archive = join(packager.getResourcesDir(context.appOutDir), 'app.asar');
  if (!existsSync(archive)) throw new NativePackagingError(`${relative(context.appOutDir, archive)} is missing: ATTK is packaged with "asar: true"`);
  const inArchive = new Map(asarEntries(readAsarHeader(archive)));
  // A .node kept inside the archive would be copied to a temporary file and loaded from there,
  // unchecked: every addon must be unpacked, and be one of ours.
  for (const [path, node] of inArchive) {
    if (path.endsWith('.node') && !node.unpacked) throw new NativePackagingError(`${path} is inside app.asar; native addons must be listed in "asarUnpack"`);
  }
  const unpacked = `${archive}.unpacked`;
  // Everything is checked before anything is copied: a refused package is left as it was.
  const plan = modules.map((module) => {
    const installed = readPackageVersion(join(projectDir, 'node_modules', module.name));
    if (stamp.modules?.[module.name] !== installed) {
      throw new NativePackagingError(`${module.name}: prepared from version ${stamp.modules?.[module.name] ?? '(none)'}, node_modules has ${installed}; delete ${dir} and package again`);
    }
    const from = preparedBinding(dir, module);
    if (!existsSync(from)) throw new NativePackagingError(`${module.name}: ${from} is missing; delete ${dir} and package again`);
    const info = inspectAddon(readFileSync(from));
    const problem = addonMismatch(info, target);
    if (problem) throw new NativePackagingError(`${module.name}: ${from} cannot run in Electron ${electronVersion} ${platform}-${arch}: ${problem}`);
    const to = join(unpacked, 'node_modules', module.name, ...module.file.split('/'));
    // Only a file listed (as unpacked) in app.asar's header can be loaded through the archive path
    // the package's own JavaScript uses: the file is replaced, never added.
    const entry = inArchive.get(`node_modules/${module.name}/${module.file}`);
    if (!entry?.unpacked || !existsSync(to)) {
      throw new NativePackagingError(`${module.name}: ${relative(context.appOutDir, to)} is not in the package as an unpacked file; check "files" and "asarUnpack" in electron-builder.yml`);
    }
    return { module, from, to, abi: info.abi };
  });
  const placedFiles = new Set(plan.map((p) => p.to));
  // Nothing else native may travel: every .node in the package is one of ours.
  for (const file of nodeFiles(unpacked)) {
    if (placedFiles.has(file)) continue;
    const problem = addonMismatch(inspectAddon(readFileSync(file)), target);
    throw new NativePackagingError(
      `${relative(context.appOutDir, file)} is a native addon ATTK does not prepare${problem ? ` (${problem})` : ''}; exclude it in "files" or add its module to native-modules.mjs`,
    );
  }

  const placed = [];
  for (const { module, from, to, abi: moduleAbi } of plan) {
    const temp = `${to}.attk-tmp`;
    copyFileSync(from, temp);
    renameSync(temp, to);
    const digest = sha256(to);
    if (digest !== sha256(from)) throw new NativePackagingError(`${module.name}: ${to} differs from ${from} after copying`);
    log(`${module.name}: Electron ${electronVersion} ${platform}-${arch} build (${moduleAbi === 'napi' ? 'Node-API' : `NODE_MODULE_VERSION ${moduleAbi}`}) → ${relative(context.appOutDir, to)}`);
    placed.push({ module: module.name, from, to, sha256: digest });
  }
  return placed;
}

/**
 * The JSON header of an asar archive (@electron/asar's format: a pickle holding the header size,
 * then a pickle holding the JSON string), read without a dependency.
 */
export function readAsarHeader(archive) {
  const fd = openSync(archive, 'r');
  try {
    const sizes = Buffer.alloc(16);
    readSync(fd, sizes, 0, 16, 0);
    const jsonLength = sizes.readUInt32LE(12);
    const json = Buffer.alloc(jsonLength);
    readSync(fd, json, 0, jsonLength, 16);
    return JSON.parse(json.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** Every file of an asar header as [path with '/', node]. */
function* asarEntries(node, prefix = '') {
  for (const [name, child] of Object.entries(node.files ?? {})) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (child.files) yield* asarEntries(child, path);
    else yield [path, child];
  }
}

function readPackageVersion(moduleDir) {
  try {
    return JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')).version;
  } catch {
    throw new NativePackagingError(`${moduleDir} is missing: run npm ci first`);
  }
}

// electron-builder calls the named export `afterPack` (app-builder-lib util/resolve.js resolveFunction).
export default afterPack;
