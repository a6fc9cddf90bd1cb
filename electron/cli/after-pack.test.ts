// The afterPack step run on a fake packaged app: an app.asar made by @electron/asar (the library
// electron-builder packs with) holding the Node builds as unpacked files, exactly as `npm run dist`
// leaves them before the hook, and a .electron-native/ set as start-electron.mjs prepares it.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterPack, electronAbi, readAsarHeader } from './after-pack.mjs';
import { addonMismatch, inspectAddon, NATIVE_MODULES, preparedBinding, preparedDir } from './native-modules.mjs';

const require = createRequire(import.meta.url);
const NODE_SQLITE = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const NODE_PKCS11 = join(dirname(require.resolve('pkcs11js/package.json')), 'build', 'Release', 'pkcs11.node');
const ELECTRON = '45.4.1';
const ABI = 150;
const VERSIONS = { 'better-sqlite3': '12.11.1', pkcs11js: '2.1.7' };

/** A minimal PE (Windows DLL) image: MZ header, PE signature, machine, then the exported symbol names. */
function fakePe(machine: number, ...symbols: string[]): Buffer {
  const head = Buffer.alloc(0x100);
  head.write('MZ', 0, 'latin1');
  head.writeUInt32LE(0x80, 0x3c);
  head.write('PE\0\0', 0x80, 'latin1');
  head.writeUInt16LE(machine, 0x84);
  return Buffer.concat([head, Buffer.from(`\0${symbols.join('\0')}\0`, 'latin1')]);
}
const X64 = 0x8664;
const ARM64 = 0xaa64;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface FakeApp {
  projectDir: string;
  appOutDir: string;
  unpacked: string;
  nativeDir: (platform?: string, arch?: string) => string;
  context: (platform?: string, arch?: number) => Parameters<typeof afterPack>[0];
}

/**
 * Given a project whose node_modules hold the Node builds, and a packaged app (asar + unpacked
 * addons) made from it by @electron/asar with `unpack: '*.node'` (our asarUnpack).
 */
async function fakeApp(opts: { unpack?: string; extraAddon?: boolean } = {}): Promise<FakeApp> {
  const projectDir = mkdtempSync(join(tmpdir(), 'attk-afterpack-'));
  dirs.push(projectDir);
  const stage = join(projectDir, 'stage');
  for (const module of NATIVE_MODULES) {
    const pkgDir = join(projectDir, 'node_modules', module.name);
    mkdirSync(pkgDir, { recursive: true });
    writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: module.name, version: VERSIONS[module.name as keyof typeof VERSIONS] }));
    const staged = join(stage, 'node_modules', module.name, ...module.file.split('/'));
    mkdirSync(dirname(staged), { recursive: true });
    cpSync(module.name === 'pkcs11js' ? NODE_PKCS11 : NODE_SQLITE, staged);
    writeFileSync(join(stage, 'node_modules', module.name, 'index.js'), 'module.exports = {};\n');
  }
  if (opts.extraAddon) {
    mkdirSync(join(stage, 'node_modules', 'other', 'build'), { recursive: true });
    cpSync(NODE_SQLITE, join(stage, 'node_modules', 'other', 'build', 'other.node'));
  }
  mkdirSync(join(stage, 'out', 'main'), { recursive: true });
  writeFileSync(join(stage, 'out', 'main', 'index.js'), '// main\n');
  writeFileSync(join(stage, 'package.json'), '{"name":"attk","main":"out/main/index.js"}');
  const appOutDir = join(projectDir, 'dist', 'win-unpacked');
  const resources = join(appOutDir, 'resources');
  mkdirSync(resources, { recursive: true });
  const asar = (await import('@electron/asar')) as unknown as {
    createPackageWithOptions: (src: string, dest: string, options: { unpack?: string }) => Promise<void>;
  };
  await asar.createPackageWithOptions(stage, join(resources, 'app.asar'), opts.unpack === '' ? {} : { unpack: opts.unpack ?? '*.node' });
  return {
    projectDir,
    appOutDir,
    unpacked: join(resources, 'app.asar.unpacked'),
    nativeDir: (platform = 'win32', arch = 'x64') => preparedDir(projectDir, { electronVersion: ELECTRON, platform, arch }),
    context: (platform = 'win32', arch = 1) => ({
      appOutDir,
      electronPlatformName: platform,
      arch,
      packager: { info: { projectDir, framework: { version: ELECTRON } }, getResourcesDir: (out: string) => join(out, 'resources') },
    }),
  };
}

/** What start-electron.mjs --prepare-only leaves: one binding per module and the stamp. */
function prepare(dir: string, addons: Record<string, Buffer>, stamp: Partial<{ electron: string; platform: string; arch: string; modules: Record<string, string> }> = {}) {
  for (const module of NATIVE_MODULES) {
    const file = preparedBinding(dir, module);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, addons[module.name]!);
  }
  const [platform, arch] = dir.split('-').slice(-2);
  writeFileSync(join(dir, 'prepared.json'), JSON.stringify({ electron: ELECTRON, platform, arch, modules: VERSIONS, ...stamp }));
}

const electronWin = { 'better-sqlite3': fakePe(X64, `node_register_module_v${ABI}`), pkcs11js: fakePe(X64, 'napi_register_module_v1') };
const unpackedFile = (app: FakeApp, name: string) => {
  const module = NATIVE_MODULES.find((m) => m.name === name)!;
  return join(app.unpacked, 'node_modules', name, ...module.file.split('/'));
};
const quiet = { abiOf: () => ABI, log: () => {} };

describe('afterPack: places the prepared Electron builds', () => {
  it('replaces each Node build in app.asar.unpacked with the prepared Electron build, byte for byte', async () => {
    const app = await fakeApp();
    prepare(app.nativeDir(), electronWin);

    const placed = await afterPack(app.context(), quiet);

    expect(placed.map((p) => p.module)).toEqual(['better-sqlite3', 'pkcs11js']);
    for (const name of ['better-sqlite3', 'pkcs11js'] as const) {
      const bytes = readFileSync(unpackedFile(app, name));
      expect(sha(bytes)).toBe(sha(electronWin[name]));
      expect(placed.find((p) => p.module === name)?.sha256).toBe(sha(electronWin[name]));
    }
    expect(inspectAddon(readFileSync(unpackedFile(app, 'better-sqlite3')))).toMatchObject({ format: 'pe', arch: 'x64', abi: ABI });
    // app.asar is not rewritten: its header (hashed by the ASAR-integrity fuse) still lists the files as unpacked.
    const header = readAsarHeader(join(app.appOutDir, 'resources', 'app.asar')) as { files: Record<string, { files: Record<string, unknown> }> };
    expect(Object.keys(header.files.node_modules!.files)).toEqual(expect.arrayContaining(['better-sqlite3', 'pkcs11js']));
    expect(existsSync(`${unpackedFile(app, 'pkcs11js')}.attk-tmp`)).toBe(false);
  });

  it('asks for the set to be prepared when .electron-native/ has none for the target, then uses it', async () => {
    const app = await fakeApp();
    const asked: unknown[] = [];
    await afterPack(app.context(), {
      ...quiet,
      prepare: (target) => {
        asked.push(target);
        prepare(app.nativeDir(), electronWin);
      },
    });
    expect(asked).toEqual([{ electronVersion: ELECTRON, platform: 'win32', arch: 'x64' }]);
    expect(sha(readFileSync(unpackedFile(app, 'better-sqlite3')))).toBe(sha(electronWin['better-sqlite3']));
  });

  it('knows Electron 45 needs NODE_MODULE_VERSION 150 (node-abi, the table @electron/rebuild uses)', async () => {
    expect(await electronAbi('45.4.1')).toBe(150);
  });
});

describe('afterPack: refuses, and leaves the package as it was', () => {
  async function refused(app: FakeApp, context = app.context(), options: Parameters<typeof afterPack>[1] = quiet) {
    const before = readFileSync(unpackedFile(app, 'better-sqlite3'));
    const error = await afterPack(context, options).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('NativePackagingError');
    expect(sha(readFileSync(unpackedFile(app, 'better-sqlite3')))).toBe(sha(before));
    return error!.message;
  }

  it('the Node build of better-sqlite3 (the one npm test uses) for an Electron package', async () => {
    const app = await fakeApp();
    prepare(app.nativeDir('linux', 'x64'), { 'better-sqlite3': readFileSync(NODE_SQLITE), pkcs11js: readFileSync(NODE_PKCS11) });
    const message = await refused(app, app.context('linux', 1));
    expect(message).toContain('better-sqlite3');
    expect(message).toContain(`NODE_MODULE_VERSION ${process.versions.modules}`);
    expect(message).toContain(`needs ${ABI}`);
  });

  it('a Linux build in a Windows package, and an arm64 build in an x64 package', async () => {
    const app = await fakeApp();
    prepare(app.nativeDir(), { ...electronWin, pkcs11js: readFileSync(NODE_PKCS11) });
    expect(await refused(app)).toMatch(/pkcs11js: .* built as ELF, win32 needs PE/);
    prepare(app.nativeDir(), { ...electronWin, 'better-sqlite3': fakePe(ARM64, `node_register_module_v${ABI}`) });
    expect(await refused(app)).toMatch(/better-sqlite3: .* built for CPU arm64, the package is x64/);
  });

  it('a set prepared for another Electron version or target, or from other module versions', async () => {
    const app = await fakeApp();
    prepare(app.nativeDir(), electronWin, { electron: '44.0.0' });
    expect(await refused(app)).toMatch(/prepared for 44\.0\.0 win32-x64, the package is Electron 45\.4\.1 win32-x64/);
    prepare(app.nativeDir(), electronWin, { modules: { ...VERSIONS, 'better-sqlite3': '12.9.0' } });
    expect(await refused(app)).toMatch(/better-sqlite3: prepared from version 12\.9\.0, node_modules has 12\.11\.1/);
  });

  it('nothing prepared and preparing fails', async () => {
    const app = await fakeApp();
    expect(await refused(app, app.context(), { ...quiet, prepare: () => {} })).toMatch(/no Electron builds prepared .*electron:prepare -- --platform=win32 --arch=x64/);
  });

  it('an addon without a known ABI, or a universal (two-CPU) package', async () => {
    const app = await fakeApp();
    prepare(app.nativeDir(), { ...electronWin, 'better-sqlite3': fakePe(X64, 'node_register_module_v150', 'node_register_module_v139') });
    expect(await refused(app)).toMatch(/several NODE_MODULE_VERSIONs/);
    prepare(app.nativeDir(), { ...electronWin, pkcs11js: fakePe(X64, 'some_other_symbol') });
    expect(await refused(app)).toMatch(/pkcs11js: .* declares no NODE_MODULE_VERSION and is not a Node-API addon/);
    expect(await refused(app, app.context('win32', 4))).toMatch(/arch 4 is not packaged/);
  });

  it('an addon packed inside app.asar instead of unpacked (asarUnpack missing)', async () => {
    const app = await fakeApp({ unpack: 'nothing-matches' });
    mkdirSync(dirname(unpackedFile(app, 'better-sqlite3')), { recursive: true });
    writeFileSync(unpackedFile(app, 'better-sqlite3'), 'placeholder');
    prepare(app.nativeDir(), electronWin);
    expect(await refused(app)).toMatch(/node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node is inside app\.asar/);
  });

  it('any other native addon in the package', async () => {
    const app = await fakeApp({ extraAddon: true });
    prepare(app.nativeDir(), electronWin);
    expect(await refused(app)).toMatch(/other\.node is a native addon ATTK does not prepare \(built as ELF, win32 needs PE\)/);
  });
});

describe('inspectAddon / addonMismatch read a .node file without loading it', () => {
  it('reads the real Node builds of this machine', () => {
    const arch = process.arch;
    expect(inspectAddon(readFileSync(NODE_SQLITE))).toEqual({ format: 'elf', arch, abi: Number(process.versions.modules), abiConflict: false });
    expect(inspectAddon(readFileSync(NODE_PKCS11))).toEqual({ format: 'elf', arch, abi: 'napi', abiConflict: false });
  });

  it('accepts a Node-API addon for any Electron ABI, on its own platform and CPU only', () => {
    const napi = inspectAddon(fakePe(X64, 'napi_register_module_v1'));
    expect(addonMismatch(napi, { platform: 'win32', arch: 'x64', abi: 150 })).toBeNull();
    expect(addonMismatch(napi, { platform: 'win32', arch: 'arm64', abi: 150 })).toMatch(/CPU x64/);
    expect(addonMismatch(napi, { platform: 'darwin', arch: 'x64', abi: 150 })).toMatch(/darwin needs MACHO/);
    expect(addonMismatch(inspectAddon(Buffer.from('not a binary')), { platform: 'win32', arch: 'x64', abi: 150 })).toMatch(/unknown file format/);
  });
});
