import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs, requesterSignInLinks } from '../../../src/db/schema/index.ts';
import { type Actor, SYSTEM } from '../../../src/domain/actor.ts';
import { renderMail } from '../../../src/mail/templates/index.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { deliverAnswer } from '../../../src/services/answers/deliver-answer.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { cancelRequest } from '../../../src/services/requests/cancel-request.ts';
import { rejectRequest } from '../../../src/services/staff/reject-request.ts';
import { triageRequest } from '../../../src/services/staff/triage-request.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { fakeStats } from '../documents/fake-stats.ts';
import { formClient, h1 } from './form-client.ts';

// Issue 19: every e-mail a requester gets after their request changes status opens that request
// with one click (a single-use sign-in link, as the prevención e-mail's), not /mis-solicitudes,
// which asked for a second e-mail round trip.
const VENTANILLA: Actor = { type: 'staff', id: 'v1', role: 'ventanilla' };

type MailPayload = { template: string; to: string; data: { folio: string; trackingUrl: string } };

describe.each(testEngines())('links in requester e-mails open the request, on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T17:00:00Z'); // Tuesday 11:00 in Toluca

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock, stats: fakeStats() }));
  });
  afterAll(() => handle.close());

  async function mailFor(folio: string, template: string): Promise<MailPayload> {
    const jobs = await handle.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
    const found = jobs
      .map((j) => j.payload as MailPayload)
      .filter((p) => p.template === template && p.data.folio === folio);
    expect(found, `${template} de ${folio}`).toHaveLength(1);
    return found[0]!;
  }

  /** The e-mail's button opens the request's page once; the same link a second time opens nothing. */
  async function opensOnce(mail: MailPayload, folio: string) {
    const rendered = await renderMail(mail.template, mail.data, 'es-MX', deps.config.agency);
    expect(rendered.text).toContain(mail.data.trackingUrl);
    // 30 days from 24 November 2026.
    expect(rendered.text).toContain('Funciona una sola vez y vence el 24 de diciembre de 2026');
    const link = new URL(mail.data.trackingUrl);
    expect(link.pathname).toMatch(/^\/mis-solicitudes\/entrar\/[A-Za-z0-9_-]{40,}$/);
    expect(link.searchParams.get('solicitud')).toBe(folio);

    const client = formClient(app);
    // Following the link only shows a button (a mail scanner's GET spends nothing).
    const landing = await client.get(`${link.pathname}${link.search}`);
    expect(h1(landing.html)).toBe(`Abrir tu solicitud ${folio}`);
    const landingAgain = await formClient(app).get(`${link.pathname}${link.search}`);
    expect(landingAgain.status).toBe(200);
    const token = link.pathname.split('/').at(-1)!;
    const opened = await client.post('/mis-solicitudes/entrar', { token, solicitud: folio });
    expect(opened.location).toBe(`/mis-solicitudes/${folio}`);
    const page = await client.get(opened.location!);
    expect(page.status).toBe(200);
    expect(h1(page.html)).toContain(folio);

    // Second use, from another browser: the link is spent, and the request asks to sign in again.
    const other = formClient(app);
    await other.get(`${link.pathname}${link.search}`);
    const again = await other.post('/mis-solicitudes/entrar', { token, solicitud: folio });
    expect(again.location).toBeNull();
    expect(again.html).toContain('no es válido');
    expect((await other.get(`/mis-solicitudes/${folio}`)).location).toBe('/mis-solicitudes');
  }

  it('the status change (in review) e-mail', async () => {
    const r = await aRequest(handle.db, {
      requesterEmail: 'ana.revision@example.org',
      receivedAt: clock.now(),
    });
    await triageRequest(deps, VENTANILLA, { folio: r.folio });
    const mail = await mailFor(r.folio, 'request.status_changed');
    expect(mail.to).toBe('ana.revision@example.org');
    await opensOnce(mail, r.folio);
  });

  it('the rejection (no procedente) e-mail', async () => {
    const r = await aRequest(handle.db, { status: 'in_review', receivedAt: clock.now() });
    await rejectRequest(deps, VENTANILLA, {
      folio: r.folio,
      reason: 'not_competent',
      text: 'La información la genera otra dependencia.',
    });
    await opensOnce(await mailFor(r.folio, 'request.rejected'), r.folio);
  });

  it('the cancellation confirmation', async () => {
    const email = 'beto.cancela@example.org';
    const r = await aRequest(handle.db, { requesterEmail: email, receivedAt: clock.now() });
    await cancelRequest(deps, { type: 'requester', email }, { folio: r.folio });
    const mail = await mailFor(r.folio, 'request.status_changed');
    expect((mail.data as { status?: string }).status).toBe('cancelled');
    await opensOnce(mail, r.folio);
  });

  it('the delivery of the answer', async () => {
    const r = await aRequest(handle.db, {
      status: 'received',
      geo: 'set:15033,15058',
      receivedAt: clock.now(),
    });
    await buildAnswer(deps, { requestId: r.id }, SYSTEM);
    await signAnswer(deps, { requestId: r.id }, SYSTEM);
    await deliverAnswer(deps, { requestId: r.id }, SYSTEM);
    await opensOnce(await mailFor(r.folio, 'request.delivered'), r.folio);
  });

  it('an anonymised request gets no e-mail, so no sign-in link is stored for it', async () => {
    const r = await aRequest(handle.db, { anonymizedAt: clock.now(), receivedAt: clock.now() });
    const links = async () => (await handle.db.select().from(requesterSignInLinks)).length;
    const before = await links();
    await triageRequest(deps, VENTANILLA, { folio: r.folio });
    expect(await links()).toBe(before);
    const jobs = await handle.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
    expect(jobs.filter((j) => (j.payload as MailPayload).data.folio === r.folio)).toEqual([]);
  });
});
