import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/cli/harness';
import { makeTestCore, type TestCore } from './harness-core';

/**
 * `attk serve` hardening, request by request, over raw sockets so every header is exactly what
 * the test wrote (Node's http client always adds Host). Extends harness.test.ts.
 */
let t: TestCore;
let h: Harness;
const renderer = mkdtempSync(join(tmpdir(), 'attk-hard-'));

beforeAll(async () => {
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>ATTK</title>');
  t = makeTestCore();
  h = await startHarness({ core: t.core, rendererDir: renderer });
});
afterAll(async () => {
  await h.close();
  t.close();
  rmSync(renderer, { recursive: true, force: true });
});

/** Send raw bytes, return the status code (0 when the connection is refused or dropped). */
function raw(text: string, host = '127.0.0.1', family: 4 | 6 = 4): Promise<{ status: number; body: string }> {
  return new Promise((done) => {
    const socket = connect({ host, port: h.port, family });
    let data = '';
    socket.setTimeout(3000, () => socket.destroy());
    socket.on('connect', () => socket.end(text));
    socket.on('data', (c) => (data += c));
    socket.on('error', () => done({ status: 0, body: '' }));
    socket.on('close', () => done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), body: data.split('\r\n\r\n').slice(1).join('\r\n\r\n') }));
  });
}

function post(headers: Record<string, string | undefined>, path = '/api/systems.list', body = '{}'): Promise<{ status: number; body: string }> {
  const lines = [`POST ${path} HTTP/1.1`];
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) lines.push(`${k}: ${v}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', '', body);
  return raw(lines.join('\r\n'));
}

const good = () => ({ Host: `127.0.0.1:${h.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${h.token}` });

describe('attk serve: loopback only', () => {
  it('accepts connections on 127.0.0.1', async () => {
    expect((await post(good())).status).toBe(200);
  });

  it('is not reachable on ::1 or on any other address of this machine', async () => {
    expect((await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nConnection: close\r\n\r\n`, '::1', 6)).status).toBe(0);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!);
    for (const address of others) {
      const r = await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nConnection: close\r\n\r\n`, address.address, address.family === 'IPv6' ? 6 : 4);
      expect(r.status, address.address).toBe(0);
    }
  });
});

describe('attk serve: every API call needs the token', () => {
  it.each<[string, string | undefined]>([
    ['no Authorization header', undefined],
    ['empty', ''],
    ['scheme only', 'Bearer'],
    ['scheme and space', 'Bearer '],
    ['lower-case scheme', 'bearer TOKEN'],
    ['Basic scheme', 'Basic TOKEN'],
    ['token without scheme', 'TOKEN'],
    ['token with a character changed', 'Bearer TOKEN*'],
    ['token prefix', 'Bearer PREFIX'],
    ['token twice', 'Bearer TOKENTOKEN'],
  ])('refuses %s', async (_label, auth) => {
    const value = auth?.replace('TOKEN*', `${h.token.slice(0, -1)}${h.token.endsWith('A') ? 'B' : 'A'}`).replace('PREFIX', h.token.slice(0, 10)).replace(/TOKEN/g, h.token);
    const r = await post({ ...good(), Authorization: value });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses the token anywhere but the Authorization header (query, cookie)', async () => {
    const { Authorization: _a, ...noAuth } = good();
    expect((await post(noAuth, `/api/systems.list?token=${h.token}`)).status).toBe(401);
    expect((await post({ ...noAuth, Cookie: `token=${h.token}` })).status).toBe(401);
  });

  it('requires the token for the method list too (/api/_methods)', async () => {
    expect((await raw(`GET /api/_methods HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nConnection: close\r\n\r\n`)).status).toBe(401);
    expect((await raw(`GET /api/_methods HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nAuthorization: Bearer x\r\nConnection: close\r\n\r\n`)).status).toBe(401);
    expect((await raw(`GET /api/_methods HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nAuthorization: Bearer ${h.token}\r\nConnection: close\r\n\r\n`)).status).toBe(200);
  });

  it('refuses other verbs, including a CORS preflight', async () => {
    expect((await raw(`OPTIONS /api/systems.list HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n`)).status).toBe(403);
    expect((await raw(`GET /api/systems.list HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nAuthorization: Bearer ${h.token}\r\nConnection: close\r\n\r\n`)).status).toBe(405);
  });
});

describe('attk serve: Host and Origin must be its own', () => {
  it.each<[string, string | undefined, number]>([
    // Node's HTTP server itself answers 400 to an HTTP/1.1 request without Host.
    ['missing Host', undefined, 400],
    ['empty Host', '', 421],
    ['another name (DNS rebinding)', 'evil.example:PORT', 421],
    ['right name, another port', '127.0.0.1:1', 421],
    ['no port', '127.0.0.1', 421],
    ['0.0.0.0', '0.0.0.0:PORT', 421],
    ['IPv6 loopback', '[::1]:PORT', 421],
    ['a look-alike', '127.0.0.1.evil.example:PORT', 421],
    ['localhost, right port', 'localhost:PORT', 200],
    ['127.0.0.1, right port', '127.0.0.1:PORT', 200],
  ])('%s', async (_label, host, status) => {
    const r = await post({ ...good(), Host: host?.replace('PORT', String(h.port)) });
    expect(r.status).toBe(status);
  });

  it.each<[string, string, number]>([
    ['a foreign site', 'http://evil.example', 403],
    ['the null origin (sandboxed frame, file://)', 'null', 403],
    ['https on the same host and port', 'https://127.0.0.1:PORT', 403],
    ['another port', 'http://127.0.0.1:1', 403],
    ['with a path', 'http://127.0.0.1:PORT/', 403],
    ['its own origin', 'http://127.0.0.1:PORT', 200],
    ['its own origin by name', 'http://localhost:PORT', 200],
  ])('Origin: %s', async (_label, origin, status) => {
    const r = await post({ ...good(), Origin: origin.replace('PORT', String(h.port)) });
    expect(r.status).toBe(status);
  });

  it('static files check Host too', async () => {
    expect((await raw(`GET / HTTP/1.1\r\nHost: evil.example:${h.port}\r\nConnection: close\r\n\r\n`)).status).toBe(421);
  });
});
