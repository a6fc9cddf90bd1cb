// Loads pkcs11js (PKCS#11 tokens: USB signing keys) with an optional Electron build of its addon.
//
// pkcs11js's index.js requires its addon by a fixed relative path (./build/Release/pkcs11.node),
// which in the project folder is the Node build. When the main process names another build
// (`npm start`: electron/main/native-bindings.ts), that file is loaded first and registered in
// require's cache under the package's own path, so index.js — with its error classes and method
// wrappers — runs unchanged on top of it. The packaged app passes nothing: the package's own file
// is the Electron build there (electron/cli/after-pack.mjs). Loading happens on first call only, so
// the app starts even where no token driver is ever used.
import { createRequire, Module } from 'node:module';

type Pkcs11js = typeof import('pkcs11js');

const requireHere = createRequire(import.meta.url);
let loaded: { binding: string | null; module: Pkcs11js } | null = null;

export function loadPkcs11js(binding?: string): Pkcs11js {
  const wanted = binding ?? null;
  if (loaded) {
    // One process, one addon: a second, different build cannot be loaded beside the first.
    if (loaded.binding !== wanted) throw new Error(`pkcs11js is already loaded from ${loaded.binding ?? 'its package'}`);
    return loaded.module;
  }
  if (wanted) {
    const target = requireHere.resolve('pkcs11js/build/Release/pkcs11.node');
    const addon = new Module(target) as NodeJS.Module & { filename: string; loaded: boolean };
    addon.filename = target;
    process.dlopen(addon, wanted);
    addon.loaded = true;
    requireHere.cache[target] = addon;
  }
  loaded = { binding: wanted, module: requireHere('pkcs11js') as Pkcs11js };
  return loaded.module;
}
