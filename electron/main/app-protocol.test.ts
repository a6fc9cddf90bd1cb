import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, CSP, isAppUrl, mimeTypeOf, resolveAppRequest, serveAppRequest } from './app-protocol';

const ROOT = join(tmpdir(), 'attk-renderer-root');
const INDEX = join(ROOT, 'index.html');

describe('resolveAppRequest: files of the renderer build', () => {
  it.each([
    ['app://attk/', INDEX],
    ['app://attk', INDEX],
    ['app://attk/index.html', INDEX],
    ['app://attk/assets/index-DwPnIP1F.js', join(ROOT, 'assets', 'index-DwPnIP1F.js')],
    ['app://attk/assets/index-Bq_x-9.css', join(ROOT, 'assets', 'index-Bq_x-9.css')],
    ['app://attk/fonts/Inter-Regular.woff2', join(ROOT, 'fonts', 'Inter-Regular.woff2')],
    // The query and the fragment never reach the file system.
    ['app://attk/assets/app.js?../../secret.txt', join(ROOT, 'assets', 'app.js')],
    ['app://attk/index.html#/../../secret.txt', INDEX],
    ['app://attk/index.html?x=%2e%2e%2fsecret', INDEX],
  ])('%s → a file inside the build', (url, expected) => {
    expect(resolveAppRequest(url, ROOT)).toBe(expected);
  });

  it.each([
    'app://attk/people',
    'app://attk/people/42/edit',
    'app://attk/assets/',
    'app://attk/accounts/',
  ])('%s (extension-less: a client-side route) → the app shell', (url) => {
    expect(resolveAppRequest(url, ROOT)).toBe(INDEX);
  });
});

describe('resolveAppRequest: crafted URLs are refused (null)', () => {
  it.each([
    // dot segments, plain and percent-encoded
    'app://attk/../etc/passwd',
    'app://attk/assets/../../secret.txt',
    'app://attk/./index.html',
    'app://attk/%2e%2e/etc/passwd',
    'app://attk/%2E%2E/etc/passwd',
    'app://attk/.%2e/secret.txt',
    'app://attk/%2e/index.html',
    'app://attk/%252e%252e/secret.txt',
    'app://attk/..;/secret.js',
    // encoded separators and backslashes
    'app://attk/assets%2f..%2f..%2fsecret.txt',
    'app://attk/assets%2F..%2Fsecret.txt',
    'app://attk/%2fetc%2fpasswd',
    'app://attk/..%5c..%5csecret.txt',
    'app://attk/assets\\..\\..\\secret.txt',
    'app://attk/\\\\server\\share\\secret.txt',
    // NUL bytes
    'app://attk/index.html%00.png',
    'app://attk/index.html\0.png',
    // absolute paths, drive letters, alternate data streams
    'app://attk//etc/passwd',
    'app://attk/C:/Windows/win.ini',
    'app://attk/C:%5cWindows%5cwin.ini',
    'app://attk/index.html::$DATA',
    // hidden files, home, Windows devices and name tricks
    'app://attk/.env',
    'app://attk/assets/.hidden.js',
    'app://attk/~/secret.txt',
    'app://attk/CON.js',
    'app://attk/nul',
    'app://attk/assets/LPT1.txt',
    'app://attk/aux',
    'app://attk/index.html.',
    'app://attk/index.html%20',
    'app://attk/%C3%BCnicode.js',
    'app://attk/assets/app.js%3F.html',
    'app://attk/%ZZ.js',
    // other hosts, schemes, ports, credentials
    'app://evil/index.html',
    'app://attk.evil.example/index.html',
    'app://attk@evil/index.html',
    'app://user:pass@attk/index.html',
    'app://attk:8080/index.html',
    'app:///etc/passwd',
    'https://attk/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '',
    'not a url',
    `app://attk/${'a'.repeat(3000)}.js`,
  ])('%s', (url) => {
    expect(resolveAppRequest(url, ROOT)).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('accepts our origin with any path, and nothing else', () => {
    expect(isAppUrl('app://attk/index.html#/people')).toBe(true);
    expect(isAppUrl('app://attk/')).toBe(true);
    expect(isAppUrl('https://evil.example/')).toBe(false);
    expect(isAppUrl('app://attk.evil/')).toBe(false);
    expect(isAppUrl('app://x@attk/')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('serveAppRequest', () => {
  const root = mkdtempSync(join(tmpdir(), 'attk-serve-'));
  beforeAll(() => {
    mkdirSync(join(root, 'assets'));
    mkdirSync(join(root, 'assets', 'dir.js'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>ATTK</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, '..', 'attk-outside-secret.txt'), 'secret');
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(join(root, '..', 'attk-outside-secret.txt'), { force: true });
  });
  const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, root);

  it('serves the app shell with the CSP and nosniff headers', async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>ATTK</title>');
  });

  it('serves a script as JavaScript', async () => {
    const res = await get('app://attk/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers 404 (still with the CSP) for a missing asset, a directory, or a crafted path', async () => {
    for (const url of ['app://attk/assets/missing.js', 'app://attk/assets/dir.js', 'app://attk/../attk-outside-secret.txt']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
    }
  });

  it('is read-only: anything but GET and HEAD is 405; HEAD has no body', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    expect((await get(APP_ENTRY_URL, 'PUT')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('the CSP forbids inline scripts, eval, plugins, framing and foreign connections', () => {
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).toContain("connect-src 'self'");
  });
});

describe('mimeTypeOf', () => {
  it('knows the build output and falls back to octet-stream', () => {
    expect(mimeTypeOf('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('x.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream');
  });
});
