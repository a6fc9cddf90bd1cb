import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { loadPkcs11, useBinding } from './pkcs11';

// The shell hands over the Electron build of pkcs11js (as start-electron.mjs does for better-sqlite3);
// without it the Node build in node_modules is used, and a missing addon is a Vietnamese error, not a crash.
const requireHere = createRequire(import.meta.url);
const packageDir = dirname(requireHere.resolve('pkcs11js/package.json'));

describe('pkcs11js loader', () => {
  afterEach(() => {
    useBinding(null);
  });

  it('loads the Node build by default, lazily', () => {
    expect(typeof loadPkcs11().PKCS11).toBe('function');
  });

  it('uses a module object the shell supplies', () => {
    const fake = { PKCS11: class {} } as unknown as Parameters<typeof useBinding>[0];
    useBinding(fake);
    expect(loadPkcs11()).toBe(fake);
  });

  it('loads a pkcs11js copy from its folder or from the pkcs11.node inside it', () => {
    useBinding(join(packageDir, 'build', 'Release', 'pkcs11.node'));
    expect(typeof loadPkcs11().PKCS11).toBe('function');
    useBinding(packageDir);
    expect(typeof loadPkcs11().PKCS11).toBe('function');
  });

  it('says in Vietnamese that the signing component is missing', () => {
    useBinding('/nonexistent/.electron-native/electron-0/pkcs11js');
    expect(() => loadPkcs11()).toThrow(AttkError);
    expect(() => loadPkcs11()).toThrow(vi.signing.errors.noModule);
  });
});
