// Which Electron build of each native module this process loads.
//
// - Packaged app: none is named here. `npm run dist` has put the Electron build of every native
//   module at the path its package loads by itself (app.asar.unpacked/node_modules/<module>/build/
//   Release/…, replaced and checked by electron/cli/after-pack.mjs), so plain `require` is right.
// - `npm start` (unpackaged): node_modules holds the Node builds (for `npm test` and the CLI);
//   electron/cli/start-electron.mjs prepares the Electron builds in .electron-native/ and names
//   them in these variables. Outside `npm start` they are ignored in a packaged app, so an
//   environment variable can never make the installed app load native code from elsewhere.
//
// How to use (app.ts does both): better-sqlite3 → createCore({ nativeBinding: bindings.betterSqlite3 });
// pkcs11js → createCore({ pkcs11Binding: bindings.pkcs11js }) → useBinding in
// electron/core/signing/pkcs11.ts → loadPkcs11js in electron/core/native/pkcs11js.ts, which loads
// that addon file under the package's own index.js, on first use.

/** Same names as `env` in electron/cli/native-modules.mjs (a test keeps them equal). */
export const NATIVE_BINDING_ENV = { betterSqlite3: 'ATTK_SQLITE_BINDING', pkcs11js: 'ATTK_PKCS11_BINDING' } as const;

export interface NativeBindings {
  /** better_sqlite3.node built for this Electron, or undefined to use the package's own. */
  betterSqlite3?: string;
  /** pkcs11.node built for this Electron, or undefined to use the package's own. */
  pkcs11js?: string;
}

export function nativeBindings(isPackaged: boolean, env: Record<string, string | undefined>): NativeBindings {
  if (isPackaged) return {};
  const result: NativeBindings = {};
  for (const key of Object.keys(NATIVE_BINDING_ENV) as Array<keyof NativeBindings>) {
    const value = env[NATIVE_BINDING_ENV[key]];
    if (value) result[key] = value;
  }
  return result;
}
