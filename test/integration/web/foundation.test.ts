import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

describe.each(testEngines())('web foundation on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let log: string[];
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const t = testApp(handle);
    app = t.app;
    log = t.log.lines;
    // A route that fails, to see the 500 page (registered before the catch-all public routes run).
    app.get('/__boom', () => {
      throw new Error('secreto interno: stack de prueba');
    });
  });
  afterAll(() => handle.close());

  it('GET /healthz → 200 ok', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('renders a Spanish home page as a full document', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="es-MX">');
    expect(html).toContain('Solicita información sociodemográfica oficial');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('serves English with ?lang=en', async () => {
    const html = await (await app.request('/?lang=en')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Request official sociodemographic information');
  });

  it('unknown path → Spanish 404 page with status 404', async () => {
    const res = await app.request('/no-existe');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('No encontramos esta página');
  });

  it('unknown API path → JSON 404', async () => {
    const res = await app.request('/api/v1/no-existe');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('a thrown error → Spanish 500 page, no stack trace, logged with the request id', async () => {
    const res = await app.request('/__boom');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('Lo sentimos, hubo un problema con el servicio');
    expect(html).not.toContain('secreto interno');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
    const id = res.headers.get('x-request-id');
    expect(id).toBeTruthy();
    expect(html).toContain(id!);
    expect(log.some((l) => l.includes('unhandled error') && l.includes(id!))).toBe(true);
  });

  it('sends the security headers', async () => {
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuses a form POST without a valid CSRF token with 403', async () => {
    const res = await app.request('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=falso',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('El formulario caducó');
  });

  it('serves the stylesheet', async () => {
    const res = await app.request('/static/app.css');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('.error-summary');
  });

  it('/healthz → 503 with the reason when the database is gone', async () => {
    const dead = await createTestDatabase(engine);
    const { app: deadApp } = testApp(dead);
    await dead.close();
    const res = await deadApp.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'error', db: 'unreachable' });
  });
});
