import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs } from '../../../src/db/schema/index.ts';
import { downloadPath } from '../../../src/documents/links.ts';
import { renderMail } from '../../../src/mail/templates/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aDeliveredRequest, requesterClient, staffClient } from '../../helpers/security.ts';

const SCRIPT = '<script>alert("x")</script>';
const IMG = '"><img src=x onerror=alert(1)>';
/** Markup that must never reach a page or an e-mail as markup. */
const RAW = [/<script>alert/i, /<img src=x/i];

function expectNoRawMarkup(where: string, html: string) {
  for (const re of RAW) expect([where, re.test(html)]).toEqual([where, false]);
}

describe.each(testEngines())('HTML escaping and download names on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T17:00:00Z');
  const email = 'hacker@example.org';
  let folio: string;
  let trackingToken: string;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock, config: testConfig({ RATE_LIMIT_DISABLED: '1' }) }));
    const res = await app.request('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        indicators: ['population_total'],
        otherText: `Otro dato ${SCRIPT}`,
        geo: 'mun:15106',
        years: [2020],
        formats: ['xlsx'],
        purpose: `Investigación ${SCRIPT} ${IMG}`,
        requester: { name: `Ana ${IMG}`, email, sector: 'academia', organization: `Org ${SCRIPT}` },
        privacyConsent: true,
      }),
    });
    expect(res.status).toBe(201);
    ({ folio, trackingToken } = (await res.json()) as { folio: string; trackingToken: string });
  });
  afterAll(() => handle.close());

  it('staff pages show the typed markup as text, never as markup', async () => {
    const { client } = await staffClient(app, deps, 'director');
    const page = await client.get(`/staff/solicitudes/${folio}`);
    expect(page.status).toBe(200);
    expectNoRawMarkup('staff request page', page.html);
    // Shown, escaped: the test would pass vacuously if the field were not on the page.
    expect(page.html).toContain('&lt;script&gt;');
    for (const path of ['/staff/solicitudes', '/staff/auditoria', '/staff/correo']) {
      const r = await client.get(path);
      expect([path, r.status]).toEqual([path, 200]);
      expectNoRawMarkup(path, r.html);
    }
  });

  it('requester pages (tracking link, Mis solicitudes, status lookup) escape it too', async () => {
    const tracking = await app.request(`/seguimiento/${folio}/${trackingToken}`);
    expect(tracking.status).toBe(200);
    expectNoRawMarkup('tracking', await tracking.text());
    const { client } = await requesterClient(app, deps.db, email);
    for (const path of ['/mis-solicitudes', `/mis-solicitudes/${folio}`]) {
      const r = await client.get(path);
      expect([path, r.status]).toEqual([path, 200]);
      expectNoRawMarkup(path, r.html);
    }
    const lookup = await client.post('/consulta', { folio, email });
    expectNoRawMarkup('/consulta', lookup.html);
    const arco = await client.get('/mis-solicitudes/datos-personales/derechos');
    expectNoRawMarkup('arco', arco.html);
  });

  it('every queued e-mail and every template with markup in its text renders it escaped', async () => {
    const jobs = await deps.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      const p = job.payload as { template: string; data: unknown };
      const mail = await renderMail(p.template, p.data, 'es-MX', deps.config.agency);
      expectNoRawMarkup(p.template, mail.html);
    }
    const url = 'https://datos.example.org/x';
    const text = `${SCRIPT} ${IMG}`;
    const samples: [string, unknown][] = [
      [
        'request.acknowledgment',
        { folio, receivedAt: clock.now().toISOString(), dueAt: null, trackingUrl: url, summary: text },
      ],
      ['request.clarification_requested', { folio, question: text, replyUrl: url }],
      ['request.status_changed', { folio, status: 'in_review', message: text, trackingUrl: url }],
      ['request.rejected', { folio, reason: text, trackingUrl: url }],
      [
        'request.delivered',
        {
          folio,
          trackingUrl: url,
          verificationUrl: url,
          documents: [{ name: text, url }],
          attachDocumentIds: [],
        },
      ],
      ['staff.alert_due_soon', { folio: text.slice(0, 60), dueAt: clock.now().toISOString(), staffUrl: url }],
    ];
    for (const [template, data] of samples) {
      const mail = await renderMail(template, data, 'es-MX', deps.config.agency);
      expectNoRawMarkup(template, mail.html);
      expect([template, mail.html.includes('&lt;')]).toEqual([template, true]);
    }
  });

  it('download names never carry a path; a signed link with a traversing id reads nothing', async () => {
    const { sha256 } = await aDeliveredRequest(deps, { email: 'otra@example.org', fileText: 'a,b\n1,2\n' });
    const later = new Date(clock.now().getTime() + 3_600_000);
    const named = await app.request(downloadPath(deps.secret, sha256, '../../etc/passwd', later));
    expect(named.status).toBe(200);
    const disposition = named.headers.get('content-disposition') ?? '';
    const plain = /filename="([^"]*)"/.exec(disposition)?.[1] ?? '';
    expect(plain).not.toMatch(/[/\\]/);
    expect(disposition).not.toMatch(/filename\*=UTF-8''[^;]*(\/|\\)/);
    for (const id of ['../../package.json', '..%2F..%2Fpackage.json', `${sha256.slice(0, 62)}/.`]) {
      const r = await app.request(downloadPath(deps.secret, id, 'x.csv', later));
      expect([id, [403, 404].includes(r.status)]).toEqual([id, true]);
      expect(await r.text()).not.toContain('"dependencies"');
    }
  });
});
