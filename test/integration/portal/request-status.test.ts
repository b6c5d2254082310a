import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs, requests } from '../../../src/db/schema/index.ts';
import { renderMail } from '../../../src/mail/templates/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { requestClarification } from '../../../src/services/staff/request-clarification.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { formClient, h1 } from './form-client.ts';

const TOKEN = 'seguimiento-token-de-prueba-0123456789';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const REFRESH = /<noscript><meta http-equiv="refresh" content="\d+"\/?><\/noscript>/;

describe.each(testEngines())('the requester after submitting, on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T17:00:00Z'); // Tuesday 11:00 in Toluca

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock }));
  });
  afterAll(() => handle.close());

  it('the status page refreshes itself while received, can be turned off, and stops after', async () => {
    const r = await aRequest(handle.db, { receivedAt: clock.now(), trackingTokenHash: sha(TOKEN) });
    const url = `/seguimiento/${r.folio}/${TOKEN}`;
    const live = await formClient(app).get(url);
    expect(live.status).toBe(200);
    expect(live.html).toMatch(REFRESH);
    expect(live.html).toContain('/static/status-live.js');
    expect(live.html).toContain('href="?actualizar=no"');
    const off = await formClient(app).get(`${url}?actualizar=no`);
    expect(off.html).not.toMatch(REFRESH);
    expect(off.html).not.toContain('/static/status-live.js');
    await handle.db.update(requests).set({ status: 'delivered' }).where(eq(requests.id, r.id));
    const done = await formClient(app).get(url);
    expect(done.html).not.toMatch(REFRESH);
    expect(done.html).not.toContain('/static/status-live.js');
  });

  it('a prevención: the e-mail gives the deadline as a date and a single-use link that opens the request', async () => {
    const email = 'lucia.prevencion@example.org';
    const r = await aRequest(handle.db, { requesterEmail: email, receivedAt: clock.now() });
    await requestClarification(
      deps,
      { type: 'staff', id: 'v1', role: 'ventanilla' },
      {
        folio: r.folio,
        question: '¿Qué años necesitas exactamente?',
      },
    );
    const jobs = await handle.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
    const job = jobs.find(
      (j) => (j.payload as { template: string }).template === 'request.clarification_requested',
    );
    const payload = job!.payload as { to: string; data: { replyUrl: string; deadline: string } };
    expect(payload.to).toBe(email);
    // Ten working days from Tuesday 24 November 11:00: Tuesday 8 December, 11:00.
    expect(new Date(payload.data.deadline).toISOString()).toBe('2026-12-08T17:00:00.000Z');
    const mail = await renderMail(
      'request.clarification_requested',
      { folio: r.folio, ...payload.data },
      'es-MX',
      deps.config.agency,
    );
    expect(mail.text).toContain('Tienes hasta el 8 de diciembre de 2026');
    expect(mail.text).toContain('Si no respondes a tiempo, la solicitud se concluye');
    const link = new URL(payload.data.replyUrl);
    expect(link.pathname).toMatch(/^\/mis-solicitudes\/entrar\/[A-Za-z0-9_-]{40,}$/);
    expect(link.searchParams.get('solicitud')).toBe(r.folio);

    const client = formClient(app);
    const landing = await client.get(`${link.pathname}${link.search}`);
    expect(h1(landing.html)).toBe(`Abrir tu solicitud ${r.folio}`);
    const token = link.pathname.split('/').at(-1)!;
    const opened = await client.post('/mis-solicitudes/entrar', { token, solicitud: r.folio });
    expect(opened.location).toBe(`/mis-solicitudes/${r.folio}`);
    const page = await client.get(opened.location!);
    expect(page.html).toContain('¿Qué años necesitas exactamente?');
    expect(page.html).toContain('Tienes hasta el 8 de diciembre de 2026');
    // Single use: the same link again opens nothing.
    const again = await formClient(app).post('/mis-solicitudes/entrar', { token, solicitud: r.folio });
    expect(again.location).toBeNull();
    expect(again.html).toContain('no es válido');
  });
});
