import { and, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs, requestEvents, requests, satisfactionSurveys } from '../../../src/db/schema/index.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { formClient, h1 } from './form-client.ts';

describe.each(testEngines())('requester portal on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  const clock = fixedClock('2026-11-24T17:00:00Z'); // Tuesday 11:00 in Toluca
  const email = 'maria.lopez@example.org';

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app } = testApp(handle, { clock }));
  });
  afterAll(() => handle.close());

  async function signInLinkFor(address: string): Promise<string | undefined> {
    const jobs = await handle.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
    const mine = jobs.filter(
      (j) =>
        (j.payload as { template: string; to: string }).template === 'requester.sign_in_link' &&
        j.payload.to === address,
    );
    const last = mine.at(-1)?.payload as { data: { link: string; expiresMinutes: number } } | undefined;
    if (last) expect(last.data.expiresMinutes).toBe(30);
    return last?.data.link;
  }

  async function signIn(address: string) {
    const client = formClient(app);
    await client.get('/mis-solicitudes');
    const asked = await client.post('/mis-solicitudes/acceso', { email: address.toUpperCase() });
    expect(asked.location).toBe('/mis-solicitudes?enviado=1');
    const link = await signInLinkFor(address);
    expect(link).toBeDefined();
    const page = await client.get(new URL(link!).pathname);
    expect(h1(page.html)).toBe('Entrar a Mis solicitudes');
    const token = new URL(link!).pathname.split('/').at(-1)!;
    const entered = await client.post('/mis-solicitudes/entrar', { token });
    expect(entered.location).toBe('/mis-solicitudes');
    return { client, token };
  }

  it('an e-mail with requests gets a single-use link that opens the list of their requests', async () => {
    const mine = await aRequest(handle.db, { requesterEmail: email, receivedAt: clock.now() });
    const other = await aRequest(handle.db, { requesterEmail: 'otra@example.org', receivedAt: clock.now() });
    const { client, token } = await signIn(email);
    const list = await client.get('/mis-solicitudes');
    expect(h1(list.html)).toBe('Tus solicitudes');
    expect(list.html).toContain(mine.folio);
    expect(list.html).not.toContain(other.folio);
    expect(list.html).toContain('href="/mis-solicitudes/datos-personales/derechos"');

    // The link works once.
    const again = formClient(app);
    await again.get('/mis-solicitudes');
    const reused = await again.post('/mis-solicitudes/entrar', { token });
    expect(reused.status).toBe(422);
    expect(reused.html).toContain('El enlace para entrar no es válido, ya se usó o venció');

    // Someone else's request is not found (no leak of existence).
    expect((await client.get(`/mis-solicitudes/${other.folio}`)).status).toBe(404);
    const detail = await client.get(`/mis-solicitudes/${mine.folio}`);
    expect(h1(detail.html)).toBe(`Solicitud ${mine.folio}`);
    expect(detail.html).toContain('Recibida');
    expect(detail.html).toContain('Fecha límite de respuesta');
  });

  it('an unknown e-mail sees the same message and no mail is queued; a link expires after 30 minutes', async () => {
    const client = formClient(app);
    await client.get('/mis-solicitudes');
    const r = await client.post('/mis-solicitudes/acceso', { email: 'nadie@example.org' });
    expect(r.location).toBe('/mis-solicitudes?enviado=1');
    expect(await signInLinkFor('nadie@example.org')).toBeUndefined();
    const bad = await client.post('/mis-solicitudes/acceso', { email: 'no es correo' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Escribe un correo electrónico válido');

    await client.post('/mis-solicitudes/acceso', { email });
    const link = await signInLinkFor(email);
    clock.advance(31 * 60_000);
    const late = await client.post('/mis-solicitudes/entrar', {
      token: new URL(link!).pathname.split('/').at(-1)!,
    });
    expect(late.status).toBe(422);
  });

  it('answering a prevención resumes the clock: in_review, due time moved by the paused working time', async () => {
    const pausedAt = new Date('2026-11-24T16:00:00Z'); // Tuesday 10:00 local
    const dueAt = new Date('2026-12-01T16:00:00Z');
    const r = await aRequest(handle.db, {
      requesterEmail: email,
      status: 'clarification_requested',
      pausedAt,
      dueAt,
      receivedAt: new Date('2026-11-23T16:00:00Z'),
    });
    await handle.db.insert(requestEvents).values({
      requestId: r.id,
      at: pausedAt,
      actor: 'staff:x',
      action: 'request_clarification',
      fromStatus: 'received',
      toStatus: 'clarification_requested',
      message: '¿Qué años necesitas exactamente?',
    });
    clock.set('2026-11-24T18:00:00Z'); // two working hours later
    const { client } = await signIn(email);
    const page = await client.get(`/mis-solicitudes/${r.folio}`);
    expect(page.html).toContain('¿Qué años necesitas exactamente?');
    expect(page.html).toContain('El plazo está detenido');

    const empty = await client.post(`/mis-solicitudes/${r.folio}/aclaracion`, { answer: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('Escribe tu respuesta.');
    const ok = await client.post(`/mis-solicitudes/${r.folio}/aclaracion`, {
      answer: 'Solo 2020, por favor.',
    });
    expect(ok.status).toBe(303);
    const [after] = await handle.db.select().from(requests).where(eq(requests.id, r.id));
    expect(after!.status).toBe('in_review');
    expect(after!.pausedAt).toBeNull();
    expect(after!.pausedWorkingMs).toBe(2 * 3600_000);
    expect(after!.dueAt!.getTime() - dueAt.getTime()).toBe(2 * 3600_000);
    const events = await handle.db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, r.id), eq(requestEvents.action, 'clarification_answered')));
    expect(events[0]?.message).toBe('Solo 2020, por favor.');
    // Answering twice is refused: the request is no longer waiting.
    const twice = await client.post(`/mis-solicitudes/${r.folio}/aclaracion`, { answer: 'otra vez' });
    expect(twice.status).toBe(409);
  });

  it('cancel closes an open request and tells the requester', async () => {
    const r = await aRequest(handle.db, { requesterEmail: email, status: 'in_review' });
    const { client } = await signIn(email);
    const confirm = await client.get(`/mis-solicitudes/${r.folio}/cancelar`);
    expect(h1(confirm.html)).toBe(`¿Cancelar la solicitud ${r.folio}?`);
    const done = await client.post(`/mis-solicitudes/${r.folio}/cancelar`, {});
    expect(done.status).toBe(303);
    const [after] = await handle.db.select().from(requests).where(eq(requests.id, r.id));
    expect(after!.status).toBe('cancelled');
    expect(after!.closedAt).not.toBeNull();
    const jobs = await handle.db.select().from(outboxJobs);
    const mails = jobs
      .map((j) => j.payload as { template?: string; to?: string; data?: { folio?: string; status?: string } })
      .filter((p) => p.template === 'request.status_changed' && p.data?.folio === r.folio);
    expect(mails.map((p) => [p.to, p.data?.status])).toEqual([[email, 'cancelled']]);
    expect((await client.post(`/mis-solicitudes/${r.folio}/cancelar`, {})).status).toBe(409);
  });

  it('after delivery, the 3-question survey is taken once', async () => {
    const r = await aRequest(handle.db, {
      requesterEmail: email,
      status: 'delivered',
      deliveredAt: clock.now(),
    });
    const { client } = await signIn(email);
    const page = await client.get(`/mis-solicitudes/${r.folio}`);
    expect(page.html).toContain('¿Cómo te atendimos?');
    const bad = await client.post(`/mis-solicitudes/${r.folio}/encuesta`, { answered: 'quizá', ease: '9' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Elige un número del 1 al 5.');
    const ok = await client.post(`/mis-solicitudes/${r.folio}/encuesta`, {
      answered: 'partly',
      ease: '4',
      comment: 'Más años',
    });
    expect(ok.status).toBe(303);
    const rows = await handle.db
      .select()
      .from(satisfactionSurveys)
      .where(eq(satisfactionSurveys.requestId, r.id));
    expect(rows).toMatchObject([{ answered: 'partly', ease: 4, comment: 'Más años' }]);
    expect((await client.get(`/mis-solicitudes/${r.folio}`)).html).toContain(
      'Gracias por responder la encuesta.',
    );
    const twice = await client.post(`/mis-solicitudes/${r.folio}/encuesta`, { answered: 'yes', ease: '5' });
    expect(twice.status).toBe(409);
  });

  it('/consulta shows the status by folio and e-mail without personal data', async () => {
    const r = await aRequest(handle.db, { requesterEmail: email, requesterName: 'María López Ruiz' });
    const client = formClient(app);
    await client.get('/consulta');
    const found = await client.post('/consulta', {
      folio: r.folio.toLowerCase(),
      email: email.toUpperCase(),
    });
    expect(found.status).toBe(200);
    expect(h1(found.html)).toBe(`Solicitud ${r.folio}`);
    expect(found.html).toContain('Recibida');
    expect(found.html).not.toContain('María López');
    expect(found.html).not.toContain(email);
    const wrong = await client.post('/consulta', { folio: r.folio, email: 'otra@example.org' });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('No encontramos una solicitud con ese folio y ese correo');
    const empty = await client.post('/consulta', { folio: '', email: '' });
    expect(empty.html).toContain('Escribe el folio.');
    expect(empty.html).toContain('Escribe tu correo electrónico.');
  });
});
