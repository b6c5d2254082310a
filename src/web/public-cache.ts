import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DEFAULT_LOCALE, parseLocale } from '../i18n/index.ts';
import type { Deps } from '../services/deps.ts';
import type { AppEnv } from './context.ts';

/**
 * Public pages that are the same for everyone: rendered once per data version, locale and URL, then
 * served from memory with an ETag (a repeat visit gets 304) and `Cache-Control: public`. None of them
 * has a form, so they need no CSRF cookie; no session either. Served before the per-request middleware
 * (request id, locale set-up, the request log line), which is what made them cost milliseconds.
 */
const CACHEABLE = [
  /^\/$/,
  /^\/datos$/,
  /^\/datos\/indicador\/[A-Za-z0-9_.-]+$/,
  // Place profiles (/lugares and /lugares/{slug}): rendered once per data version and locale.
  /^\/lugares(\/[a-z0-9-]+)?$/,
];

/** Browsers and proxies may reuse a page for this long; after an import they see new data within it. */
const MAX_AGE_SECONDS = 60;
/** Entries also expire here: the pages show the current year (folio example). */
const TTL_MS = 60_000;
/** Indicator pages × query strings are many: the oldest entries make room. */
const MAX_ENTRIES = 500;

type Entry = { body: ArrayBuffer; status: number; headers: [string, string][]; etag: string; at: number };

export function isCacheablePublicPage(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && CACHEABLE.some((r) => r.test(path));
}

export function publicPageCache(deps: Deps): MiddlewareHandler<AppEnv> {
  const entries = new Map<string, Entry>();
  // The engine replaces its dataset list on every load: a different list is a new data version.
  let dataVersion: unknown = deps.stats.datasets();
  return async (c, next) => {
    if (!isCacheablePublicPage(c.req.method, c.req.path)) return next();
    // `?lang=` sets the language cookie: that response is personal, render it normally.
    if (c.req.query('lang') !== undefined) return next();
    const current = deps.stats.datasets();
    if (current !== dataVersion) {
      entries.clear();
      dataVersion = current;
    }
    const locale = parseLocale(getCookie(c, 'lang')) ?? DEFAULT_LOCALE;
    const url = c.req.url;
    const key = `${locale} ${url.slice(url.indexOf('/', url.indexOf('//') + 2))}`;
    const now = Date.now();
    let hit = entries.get(key);
    if (hit && now - hit.at > TTL_MS) {
      entries.delete(key);
      hit = undefined;
    }
    if (!hit) {
      await next();
      const res = c.res;
      if (res.status !== 200 || res.headers.has('set-cookie')) return;
      const body = await res.clone().arrayBuffer();
      const etag = `W/"${createHash('sha1').update(new Uint8Array(body)).digest('base64url')}"`;
      // Each response gets its own request id; the rest of the headers (CSP and the like) are the page's.
      const headers: [string, string][] = [];
      res.headers.forEach((value, name) => {
        if (name !== 'x-request-id') headers.push([name, value]);
      });
      hit = { body, status: res.status, headers, etag, at: now };
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, hit);
      c.res = replay(hit, c.req.header('if-none-match'));
      return;
    }
    return replay(hit, c.req.header('if-none-match'));
  };
}

function replay(e: Entry, ifNoneMatch: string | undefined): Response {
  const headers = new Headers(e.headers);
  headers.set('etag', e.etag);
  headers.set('cache-control', `public, max-age=${MAX_AGE_SECONDS}`);
  headers.append('vary', 'Cookie');
  if (ifNoneMatch === e.etag) return new Response(null, { status: 304, headers });
  return new Response(e.body, { status: e.status, headers });
}
