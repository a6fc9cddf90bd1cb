import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { resolveStaticPath, startHarness, type Harness } from '../../electron/cli/harness';
import { makeTestCore, type TestCore } from './harness-core';

let t: TestCore;
let h: Harness;
const renderer = mkdtempSync(join(tmpdir(), 'attk-renderer-'));

beforeAll(async () => {
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>ATTK</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  t = makeTestCore();
  h = await startHarness({ core: t.core, rendererDir: renderer });
});
afterAll(async () => {
  await h.close();
  t.close();
});

/** Raw HTTP so the test controls every header (fetch forbids setting Host). */
function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: h.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${h.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}`, ...headers },
    body: JSON.stringify(input),
  });

describe('attk serve harness', () => {
  it('listens on loopback only and prints the token in the URL fragment', () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(h.openUrl).toBe(`${h.url}#token=${h.token}`);
    expect(h.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the contract: a call with the token reaches the real core', async () => {
    const r = await api('systems.list', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).result).toHaveLength(3);
  });

  it('refuses API calls without the token, with a wrong token, or a foreign Host or Origin', async () => {
    expect((await api('systems.list', {}, { authorization: '' })).status).toBe(401);
    expect((await api('systems.list', {}, { authorization: `Bearer ${'x'.repeat(h.token.length)}` })).status).toBe(401);
    expect((await api('systems.list', {}, { host: `evil.example:${h.port}` })).status).toBe(421);
    expect((await api('systems.list', {}, { host: 'localhost:1' })).status).toBe(421);
    expect((await api('systems.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('systems.list', {}, { origin: `http://127.0.0.1:${h.port}` })).status).toBe(200);
    expect((await api('systems.list', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send('/api/_methods')).status).toBe(401);
  });

  it('returns typed errors for bad JSON, unknown methods and invalid input', async () => {
    const bad = await send('/api/people.list', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` }, body: '{"q":' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.parse((await api('nope', {})).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(JSON.parse((await api('people.list', { limit: 'all' })).body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['limit'] } });
  });

  it('publishes every contract method with a JSON Schema of its input', async () => {
    const r = await send('/api/_methods', { headers: { authorization: `Bearer ${h.token}` } });
    const { methods } = JSON.parse(r.body) as { methods: { name: string; kind: string; input: { type?: string } }[] };
    expect(methods.map((m) => m.name)).toEqual(methodNames);
    const create = methods.find((m) => m.name === 'people.create')!;
    expect(create.kind).toBe('write');
    expect(create.input).toMatchObject({ type: 'object', required: ['fullName'], additionalProperties: false });
  });

  it('serves the renderer with a strict CSP, falls back to index.html for routes, and refuses traversal', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await send('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await send('/people')).body).toContain('<title>ATTK</title>');
    expect((await send('/assets/missing.js')).status).toBe(404);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/..%5c..%5cpackage.json', '/%00']) {
      const r = await send(path);
      expect(r.body, path).not.toContain('"name"');
      expect([404, 400], path).toContain(r.status);
    }
  });

  it('resolves static paths only inside the root', () => {
    expect(resolveStaticPath('/srv/r', '/assets/a.js')).toBe('/srv/r/assets/a.js');
    expect(resolveStaticPath('/srv/r', '/../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/a\\..\\..\\x')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/C:/Windows/win.ini')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/%E0%A4%A')).toBeNull();
  });
});
