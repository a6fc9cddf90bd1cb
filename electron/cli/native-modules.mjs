// The native addons ATTK ships, where their Electron builds are prepared, and how to tell from a
// `.node` file alone which platform, CPU and ABI it was built for.
//
// Shared by start-electron.mjs (`npm start` prepares the Electron builds) and after-pack.mjs
// (`npm run dist` places exactly those builds in the package and refuses anything else). Plain
// Node, no dependencies: electron-builder loads the hook without any build step.
import { join } from 'node:path';

/**
 * Every native module of the app. `file` is the path, inside the package, from which the package's
 * own JavaScript loads its addon (better-sqlite3 through `bindings`, pkcs11js by a fixed require);
 * the main process hands pkcs11js's prepared addon to electron/core/native/pkcs11js.ts, which
 * loads it under the package's own index.js;
 * `env` is the variable through which `npm start` hands the prepared Electron build to the main
 * process (see electron/main/native-bindings.ts). `prebuilt`: the package publishes prebuilt
 * binaries for Electron that prebuild-install can fetch (pkcs11js does not; it is compiled).
 */
export const NATIVE_MODULES = Object.freeze([
  Object.freeze({ name: 'better-sqlite3', file: 'build/Release/better_sqlite3.node', env: 'ATTK_SQLITE_BINDING', prebuilt: true }),
  Object.freeze({ name: 'pkcs11js', file: 'build/Release/pkcs11.node', env: 'ATTK_PKCS11_BINDING', prebuilt: false }),
]);

/** `.electron-native/electron-<version>-<platform>-<arch>`: one prepared set per Electron build target. */
export function preparedDir(projectDir, { electronVersion, platform, arch }) {
  return join(projectDir, '.electron-native', `electron-${electronVersion}-${platform}-${arch}`);
}

/** Where the Electron build of one module sits inside its prepared set. */
export function preparedBinding(dir, module) {
  return join(dir, module.name, ...module.file.split('/'));
}

/** The stamp written once a set is prepared; afterPack compares it with what it packages. */
export function preparedStamp({ electronVersion, platform, arch, modules }) {
  return { electron: electronVersion, platform, arch, modules };
}

const PE_MACHINES = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' };
const ELF_MACHINES = { 62: 'x64', 183: 'arm64', 3: 'ia32', 40: 'armv7l' };
const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64' };
/** The executable format each Electron platform loads. */
export const PLATFORM_FORMAT = Object.freeze({ win32: 'pe', linux: 'elf', darwin: 'macho' });

/**
 * What a `.node` file was built for, read from its bytes (never loaded: loading a foreign or wrong
 * build crashes or throws). `abi` is the NODE_MODULE_VERSION in the exported
 * `node_register_module_v<N>` symbol (NODE_MODULE_INIT, better-sqlite3), or 'napi' for a Node-API
 * addon (`napi_register_module_v1`, pkcs11js), whose ABI is the same in Node and Electron.
 * @param {Uint8Array} bytes
 * @returns {{ format: 'pe'|'elf'|'macho'|'unknown', arch: string|null, abi: number|'napi'|null, abiConflict: boolean }}
 */
export function inspectAddon(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format = 'unknown';
  let arch = null;
  if (buf.length >= 0x40 && buf[0] === 0x4d && buf[1] === 0x5a) {
    const peOffset = buf.readUInt32LE(0x3c);
    if (peOffset + 6 <= buf.length && buf.readUInt32LE(peOffset) === 0x00004550) {
      format = 'pe';
      arch = PE_MACHINES[buf.readUInt16LE(peOffset + 4)] ?? null;
    }
  } else if (buf.length >= 0x14 && buf.readUInt32BE(0) === 0x7f454c46) {
    format = 'elf';
    const machine = buf[5] === 2 ? buf.readUInt16BE(0x12) : buf.readUInt16LE(0x12);
    arch = ELF_MACHINES[machine] ?? null;
  } else if (buf.length >= 8 && buf.readUInt32LE(0) === 0xfeedfacf) {
    format = 'macho';
    arch = MACHO_CPUS[buf.readUInt32LE(4)] ?? null;
  }
  const text = buf.toString('latin1');
  const versions = new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((m) => Number(m[1])));
  const napi = text.includes('napi_register_module_v1');
  let abi = null;
  if (versions.size === 1) abi = [...versions][0];
  else if (versions.size === 0 && napi) abi = 'napi';
  return { format, arch, abi, abiConflict: versions.size > 1 };
}

/**
 * Why an addon cannot run in the given Electron build, or null when it can. Pure, so that the
 * refusals are tested one by one.
 * @param {ReturnType<typeof inspectAddon>} info
 * @param {{ platform: string, arch: string, abi: number, electronVersion?: string }} target
 */
export function addonMismatch(info, target) {
  const format = PLATFORM_FORMAT[target.platform];
  if (!format) return `unsupported platform ${target.platform}`;
  if (info.format !== format) return `built as ${info.format === 'unknown' ? 'an unknown file format' : info.format.toUpperCase()}, ${target.platform} needs ${format.toUpperCase()}`;
  if (info.arch !== target.arch) return `built for CPU ${info.arch ?? 'unknown'}, the package is ${target.arch}`;
  if (info.abiConflict) return 'declares several NODE_MODULE_VERSIONs';
  if (info.abi === null) return 'declares no NODE_MODULE_VERSION and is not a Node-API addon';
  if (info.abi !== 'napi' && info.abi !== target.abi) {
    const node = info.abi === Number(process.versions.modules) ? ` (that of Node.js ${process.versions.node}: a Node build)` : '';
    return `NODE_MODULE_VERSION ${info.abi}${node}, Electron ${target.electronVersion ?? ''} needs ${target.abi}`.replace('Electron  needs', 'Electron needs');
  }
  return null;
}
