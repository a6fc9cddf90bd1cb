import { describe, expect, it } from 'vitest';
import { NATIVE_MODULES } from '../cli/native-modules.mjs';
import { NATIVE_BINDING_ENV, nativeBindings } from './native-bindings';

const env = { ATTK_SQLITE_BINDING: '/p/.electron-native/e/better-sqlite3/build/Release/better_sqlite3.node', ATTK_PKCS11_BINDING: '/p/pkcs11.node' };

describe('nativeBindings', () => {
  it('unpackaged (npm start): the Electron builds start-electron.mjs names', () => {
    expect(nativeBindings(false, env)).toEqual({ betterSqlite3: env.ATTK_SQLITE_BINDING, pkcs11js: env.ATTK_PKCS11_BINDING });
    expect(nativeBindings(false, { ATTK_SQLITE_BINDING: '' })).toEqual({});
  });

  it('packaged: never native code named by the environment', () => {
    expect(nativeBindings(true, env)).toEqual({});
  });

  it('reads the variables start-electron.mjs sets (native-modules.mjs)', () => {
    expect(Object.values(NATIVE_BINDING_ENV).sort()).toEqual(NATIVE_MODULES.map((m) => m.env).sort());
  });
});
