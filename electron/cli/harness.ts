import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { z } from 'zod';
import { contract, methodNames } from '../../shared/api/contract';
import type { ApiError, Envelope } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { dispatch, type Core } from '../core/api/dispatch';

/**
 * The browser harness behind `attk serve`: the built renderer and the same contract the Electron
 * preload exposes, over HTTP on loopback only. Every API call needs the per-run token; Host and
 * Origin must be this server's own (DNS-rebinding and cross-site requests are refused).
 */
export interface HarnessOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
}

export interface Harness {
  url: string;
  /** URL with the token in the fragment (never sent to the server, never in logs). */
  openUrl: string;
  token: string;
  port: number;
  close: () => Promise<void>;
}

export const HARNESS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
// 40 MB: an Excel import sends the file as base64 (a 20 MB file is ~27 MB of JSON).
const MAX_BODY = 40 * 1024 * 1024;

/** Resolve a request path inside `root`; null for anything that escapes it or looks crafted. */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) return null;
  const resolved = normalize(join(root, ...segments));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  if (!resolved.startsWith(base) && resolved !== normalize(root)) return null;
  return resolved;
}

export function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let port = options.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const methodsDoc = methodNames.map((name) => ({
    name,
    kind: contract[name].kind,
    input: z.toJSONSchema(contract[name].input as z.ZodType, { io: 'input', unrepresentable: 'any' }),
  }));

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('[attk serve]', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: vi.errors.internal } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!allowedHosts().has(req.headers.host ?? '')) return forbid(res, 421);
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return forbid(res, 403);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(req)) return forbid(res, 401);
      const name = url.pathname.slice('/api/'.length);
      if (name === '_methods' && req.method === 'GET') return sendJson(res, 200, { methods: methodsDoc });
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: vi.errors.forbidden } });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return forbid(res, 415);
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: vi.errors.invalidInput } });
      let input: unknown;
      try {
        input = body.length === 0 ? undefined : JSON.parse(body);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: vi.errors.invalidInput } });
      }
      const envelope = await dispatch(options.core, name, input);
      return sendJson(res, 200, envelope);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return forbid(res, 405);
    let file = resolveStaticPath(options.rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return forbid(res, 404);
    let info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      // Client-side routes fall back to the app shell; missing assets stay 404.
      if (extname(file) !== '') return forbid(res, 404);
      file = join(options.rendererDir, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info?.isFile()) return forbid(res, 404);
    }
    const data = await readFile(file);
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': HARNESS_CSP,
      'X-Frame-Options': 'DENY',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  function hasToken(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : port;
      const url = `http://127.0.0.1:${port}/`;
      resolvePromise({
        url,
        openUrl: `${url}#token=${token}`,
        token,
        port,
        // closeAllConnections: a socket Chromium opened speculatively but never sent a request on
        // does not count as idle, and server.close() alone waits for it (up to headersTimeout, 60 s).
        close: () => new Promise((done) => (server.close(() => done()), server.closeAllConnections())),
      });
    });
  });
}

function forbid(res: ServerResponse, status: number): void {
  const error: ApiError = { code: 'FORBIDDEN', message: vi.errors.forbidden };
  sendJson(res, status, { ok: false, error });
}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown> | object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
