import { afterEach, describe, expect, it } from 'vitest';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { loadPkcs11, useBinding } from './pkcs11';

// The shell may hand over the Electron build of pkcs11js (electron/core/native/pkcs11js.ts loads a
// named pkcs11.node; its own test covers that); without it the package's build is used, and an addon
// that cannot load is a Vietnamese error, not a crash of the app.
describe('pkcs11js for signing', () => {
  afterEach(() => useBinding(null));

  it('loads the package build by default, on first use', () => {
    expect(typeof loadPkcs11().PKCS11).toBe('function');
  });

  it('uses a module object the shell supplies', () => {
    const fake = { PKCS11: class {} } as unknown as Parameters<typeof useBinding>[0];
    useBinding(fake);
    expect(loadPkcs11()).toBe(fake);
  });

  it('says in Vietnamese that the signing component is missing when the named build cannot load', () => {
    useBinding('/nonexistent/.electron-native/electron-0/pkcs11js/build/Release/pkcs11.node');
    expect(() => loadPkcs11()).toThrow(AttkError);
    expect(() => loadPkcs11()).toThrow(vi.signing.errors.noModule);
  });
});
