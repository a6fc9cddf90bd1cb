// Given a pkcs11.node at another path (as `npm start` hands the Electron build to the main
// process), loadPkcs11js loads that file under pkcs11js's own JavaScript.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPkcs11js } from './pkcs11js';

const require = createRequire(import.meta.url);
const packaged = join(dirname(require.resolve('pkcs11js/package.json')), 'build', 'Release', 'pkcs11.node');
const dir = mkdtempSync(join(tmpdir(), 'attk-pkcs11-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadPkcs11js', () => {
  it('refuses a binding that is not there, and loads nothing', () => {
    expect(() => loadPkcs11js(join(dir, 'missing.node'))).toThrow();
  });

  it('loads the named build, not the package’s own file, with the package’s wrappers around it', () => {
    const binding = join(dir, 'pkcs11-electron.node');
    copyFileSync(packaged, binding);
    const pkcs11 = loadPkcs11js(binding);
    expect(typeof pkcs11.PKCS11).toBe('function');
    expect(typeof (pkcs11 as unknown as { Pkcs11Error: unknown }).Pkcs11Error).toBe('function'); // set by index.js
    const maps = readFileSync('/proc/self/maps', 'utf8');
    expect(maps).toContain(binding);
    expect(maps).not.toContain(packaged);
    expect(loadPkcs11js(binding)).toBe(pkcs11);
    expect(() => loadPkcs11js()).toThrow(/already loaded from .*pkcs11-electron\.node/);
  });
});
