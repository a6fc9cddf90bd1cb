import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The `app://attk/…` protocol that serves the built renderer. A custom standard, secure scheme
 * instead of file:// gives the page a real origin (so CSP 'self' and the sender check mean
 * something) and keeps the rest of the disk out of its reach.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'attk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must be registered before `app` is ready; `standard` gives relative URLs and an origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** Sent as a header on every app:// response (the same policy as `attk serve`). */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MAX_URL_LENGTH = 2048;
/** Build output names only: letters, digits, `_`, `-`, `.`; never a leading dot (., .., hidden files). */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** Windows opens a device, not a file, for these names, with or without an extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\.|$)/i;

/** True for a URL on our own origin (`app://attk`), whatever its path. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host.toLowerCase() === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * Map an app:// request URL to a file inside `rendererRoot`, or null when the URL is not ours or
 * looks crafted. Refuses rather than normalises: dot segments (plain or percent-encoded), encoded
 * separators, backslashes, NUL, drive letters and Windows device names never reach the file
 * system. The query and fragment are ignored. Extension-less paths are client-side routes and
 * get the app shell (index.html).
 */
export function resolveAppRequest(rawUrl: string, rendererRoot: string): string | null {
  if (typeof rawUrl !== 'string' || rawUrl.length > MAX_URL_LENGTH) return null;
  if (!rawUrl.toLowerCase().startsWith(`${APP_ORIGIN}/`) && rawUrl.toLowerCase() !== APP_ORIGIN) return null;
  // Only the path part is inspected raw; everything after ? or # is never used.
  const rawPath = rawUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';
  if (/[\\\0]|%(00|2e|2f|5c)/i.test(rawPath)) return null;
  // The URL parser would silently resolve these; a request that contains them is not ours.
  if (rawPath.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  if (!isAppUrl(rawUrl)) return null;
  const url = new URL(rawUrl);
  if (url.port !== '') return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname === '' || pathname === '/') return join(rendererRoot, 'index.html');
  const segments = pathname.slice(1).split('/');
  const trailingSlash = segments[segments.length - 1] === '';
  if (trailingSlash) segments.pop();
  for (const segment of segments) {
    if (!SAFE_SEGMENT.test(segment) || segment.endsWith('.') || WINDOWS_DEVICE.test(segment)) return null;
  }
  const last = segments[segments.length - 1] ?? '';
  if (trailingSlash || !last.includes('.')) return join(rendererRoot, 'index.html');

  // Belt and braces: whatever passed the checks above must still land inside the root.
  const root = resolve(rendererRoot);
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

const MIME: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  txt: 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return (dot >= 0 && MIME[file.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}

/** What the handler reads from Electron's request (a subset of the Fetch `Request`). */
export interface AppRequest {
  url: string;
  method: string;
}

/** The `protocol.handle('app', …)` handler: a static file server for the renderer build, read-only. */
export async function serveAppRequest(request: AppRequest, rendererRoot: string): Promise<Response> {
  const securityHeaders = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: securityHeaders });
  }
  const file = resolveAppRequest(request.url, rendererRoot);
  if (file === null) return new Response(null, { status: 404, headers: securityHeaders });
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return new Response(null, { status: 404, headers: securityHeaders });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...securityHeaders, 'Content-Type': mimeTypeOf(file), 'Cache-Control': 'no-cache' },
  });
}
