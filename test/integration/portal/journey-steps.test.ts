import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { formClient } from './form-client.ts';

const BASE = '/solicitud/nueva';

/** Each error summary link's target, and whether the page has an element with that id. */
function summaryTargets(html: string): { href: string; found: boolean }[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => ({
    href: m[1]!,
    found: html.includes(`id="${m[1]}"`),
  }));
}

describe.each(testEngines())('journey steps on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  const clock = fixedClock('2026-11-23T16:00:00Z');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    app = testApp(handle, { clock }).app;
  });
  afterAll(() => handle.close());

  it('an empty answer on every step: each summary link lands on an element of the page', async () => {
    const client = formClient(app);
    await client.get(`${BASE}/indicadores`);
    const steps: [string, Record<string, string | string[]>][] = [
      ['indicadores', { indicators: ['population_total'] }],
      ['geografia', { geoLevel: 'mun' }],
      ['lugar', { geo: 'mun:15106' }],
      ['anios', { years: ['2020'] }],
      ['formatos', { formats: ['xlsx'] }],
      ['proposito', { purpose: 'Diagnóstico municipal de población para el plan de desarrollo' }],
      ['datos', { name: 'Ana Pérez', email: 'ana@example.org', sector: 'academia' }],
      ['consentimiento', { privacyConsent: 'yes' }],
    ];
    for (const [step, fields] of steps) {
      const empty = await client.post(`${BASE}/${step}`, {});
      expect(empty.status, step).toBe(400);
      const targets = summaryTargets(empty.html);
      expect(targets.length, step).toBeGreaterThan(0);
      for (const t of targets) expect(t, step).toEqual({ href: t.href, found: true });
      expect(empty.html, step).toContain('autofocus');
      const ok = await client.post(`${BASE}/${step}`, fields);
      expect(ok.status, step).toBe(303);
    }
    // The review page: a no-JavaScript send too soon names the wait and links to the send button.
    const early = await client.post(`${BASE}/enviar`, { altcha: '', website: '' });
    expect(early.status).toBe(400);
    expect(early.html).toMatch(/Espera \d+ segundos/);
    const targets = summaryTargets(early.html);
    expect(targets).toEqual([{ href: 'f-submit', found: true }]);
  });

  it('every step says where the person is: "Paso n de m", one step fewer for the whole state', async () => {
    const client = formClient(app);
    const count = (html: string) => /Paso (\d+) de (\d+)/.exec(html)?.slice(1).map(Number);
    expect(count((await client.get(`${BASE}/indicadores`)).html)).toEqual([1, 8]);
    await client.post(`${BASE}/indicadores`, { indicators: ['population_total'] });
    expect(count((await client.get(`${BASE}/geografia`)).html)).toEqual([2, 8]);
    await client.post(`${BASE}/geografia`, { geoLevel: 'mun' });
    const place = await client.get(`${BASE}/lugar`);
    expect(count(place.html)).toEqual([3, 8]);
    expect(place.html).toContain('<title>¿Qué municipio?');
    await client.post(`${BASE}/geografia`, { geoLevel: 'state' });
    expect(count((await client.get(`${BASE}/anios`)).html)).toEqual([3, 7]);
  });
});
