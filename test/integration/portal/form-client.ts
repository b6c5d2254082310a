import type { Hono } from 'hono';
import type { AppEnv } from '../../../src/web/context.ts';
import { cookieHeader, keepCookies } from '../../helpers/cookie-jar.ts';
import { csrfTokenIn } from '../../helpers/csrf.ts';

/**
 * A browser without JavaScript over `app.request`: keeps cookies, reads the CSRF token from the last
 * page, posts forms (url-encoded, or multipart when given a File) and does not follow redirects.
 */
export function formClient(app: Hono<AppEnv>) {
  const jar = new Map<string, string>();
  let csrf = '';
  let lastHtml = '';

  const read = async (res: Response) => {
    const body = res.headers.get('content-type')?.includes('text/html') ? await res.text() : '';
    if (body) {
      lastHtml = body;
      csrf = csrfTokenIn(body) ?? csrf;
    }
    return { status: res.status, location: res.headers.get('location'), html: body, res };
  };

  return {
    jar,
    get html() {
      return lastHtml;
    },
    async get(path: string) {
      const res = await app.request(path, { headers: { cookie: cookieHeader(jar) } });
      keepCookies(jar, res);
      return read(res);
    },
    async post(path: string, fields: Record<string, string | string[] | File>) {
      let body: URLSearchParams | FormData;
      const headers: Record<string, string> = { cookie: cookieHeader(jar) };
      if (Object.values(fields).some((v) => v instanceof File)) {
        body = new FormData();
        body.append('_csrf', csrf);
        for (const [k, v] of Object.entries(fields)) {
          for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
        }
      } else {
        body = new URLSearchParams({ _csrf: csrf });
        for (const [k, v] of Object.entries(fields)) {
          for (const one of Array.isArray(v) ? v : [v as string]) body.append(k, one);
        }
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      const res = await app.request(path, { method: 'POST', headers, body });
      keepCookies(jar, res);
      return read(res);
    },
    /** GET, then follow redirects (303/302) until a page. */
    async visit(path: string) {
      let r = await this.get(path);
      for (let i = 0; i < 5 && r.location; i++) r = await this.get(r.location);
      return r;
    },
  };
}

/** The text of the page's first <h1>, tags stripped. */
export function h1(html: string): string {
  return (/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '').trim();
}
