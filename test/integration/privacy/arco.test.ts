import { and, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { RequestRow } from '../../../src/db/requests.ts';
import {
  arcoRequests,
  auditLog,
  outboxJobs,
  requestEvents,
  requests,
  satisfactionSurveys,
} from '../../../src/db/schema/index.ts';
import { translator } from '../../../src/i18n/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { requestErasure } from '../../../src/services/privacy/request-erasure.ts';
import { resolveArcoRequest } from '../../../src/services/privacy/resolve-arco-request.ts';
import { sendSignInLink } from '../../../src/services/requests/requester-access.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { formClient } from '../portal/form-client.ts';
import { aStaffUser, signInAs } from '../staff/staff-helpers.ts';

const PAGE = '/mis-solicitudes/datos-personales/derechos';
const EXPORT = '/mis-solicitudes/datos-personales/descarga';
const ERASE = '/mis-solicitudes/datos-personales/eliminacion';

describe.each(testEngines())('ARCO rights on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T16:00:00Z'); // Tuesday 10:00 in Toluca
  let aliceDelivered: RequestRow;
  let aliceOpen: RequestRow;
  let bob: RequestRow;
  let alice: ReturnType<typeof formClient>;

  type MailPayload = { template: string; to: string; locale: string; data: Record<string, unknown> };
  const arcoMails = async (template: string) =>
    (await handle.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send')))
      .map((j) => j.payload as MailPayload)
      .filter((p) => p.template === template);

  /** Signs a requester in through the e-mail link, as the portal does. */
  async function signIn(email: string) {
    await sendSignInLink(deps, { email, locale: 'es-MX' });
    const jobs = await handle.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
    const job = jobs.filter((j) => j.payload.to === email).at(-1)!;
    const link = (job.payload.data as { link: string }).link;
    const client = formClient(app);
    await client.get(new URL(link).pathname);
    const r = await client.post('/mis-solicitudes/entrar', { token: link.split('/').at(-1)! });
    expect(r.status).toBe(303);
    return client;
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock }));
    aliceDelivered = await aRequest(handle.db, {
      status: 'delivered',
      deliveredAt: new Date('2026-11-23T18:00:00Z'),
      requesterName: 'Alicia Ramírez',
      requesterEmail: 'alicia@example.org',
      requesterPhone: '7220000001',
      purpose: 'Plan municipal de desarrollo de Toluca',
      publishConsent: true,
    });
    aliceOpen = await aRequest(handle.db, {
      status: 'in_review',
      requesterName: 'Alicia Ramírez',
      requesterEmail: 'alicia@example.org',
      purpose: 'Segunda consulta para el plan',
    });
    bob = await aRequest(handle.db, {
      status: 'delivered',
      requesterName: 'Roberto Gómez',
      requesterEmail: 'roberto@example.org',
      purpose: 'Reportaje sobre migración',
    });
    await handle.db.insert(requestEvents).values([
      {
        requestId: aliceDelivered.id,
        at: clock.now(),
        actor: 'requester',
        action: 'submitted',
        toStatus: 'received',
      },
      {
        requestId: aliceDelivered.id,
        at: clock.now(),
        actor: 'staff:1',
        action: 'note',
        visibleToRequester: false,
        message: 'Nota interna del equipo',
      },
      { requestId: bob.id, at: clock.now(), actor: 'requester', action: 'submitted', toStatus: 'received' },
    ]);
    await handle.db.insert(satisfactionSurveys).values([
      {
        requestId: aliceDelivered.id,
        answered: 'yes',
        ease: 4,
        comment: 'Muy útil',
        submittedAt: clock.now(),
      },
      {
        requestId: bob.id,
        answered: 'no',
        ease: 1,
        comment: 'Comentario de Roberto',
        submittedAt: clock.now(),
      },
    ]);
    alice = await signIn('alicia@example.org');
  });
  afterAll(() => handle.close());

  it('needs a requester session', async () => {
    const anonymous = formClient(app);
    for (const path of [PAGE, EXPORT]) {
      const r = await anonymous.get(path);
      expect(r.status).toBe(303);
      expect(r.location).toBe('/mis-solicitudes');
    }
  });

  it('exports everything about the requester and nothing about anyone else', async () => {
    const page = await alice.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="${EXPORT}"`);

    const r = await alice.get(EXPORT);
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-disposition')).toContain('attachment');
    const text = await r.res.text();
    const data = JSON.parse(text);
    expect(data.email).toBe('alicia@example.org');
    expect(data.requests.map((x: { folio: string }) => x.folio).sort()).toEqual(
      [aliceDelivered.folio, aliceOpen.folio].sort(),
    );
    const delivered = data.requests.find((x: { folio: string }) => x.folio === aliceDelivered.folio);
    expect(delivered.requester).toMatchObject({
      name: 'Alicia Ramírez',
      phone: '7220000001',
      sector: 'academia',
    });
    expect(delivered.consent).toEqual({
      privacyNoticeVersion: aliceDelivered.privacyConsentVersion,
      privacyConsentAt: aliceDelivered.privacyConsentAt.toISOString(),
      publishConsent: true,
    });
    expect(delivered.question.purpose).toBe('Plan municipal de desarrollo de Toluca');
    expect(delivered.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted']);
    expect(delivered.survey).toMatchObject({ answered: 'yes', ease: 4, comment: 'Muy útil' });
    for (const other of ['roberto@example.org', 'Roberto', bob.folio, 'migración', 'Comentario de Roberto'])
      expect(text).not.toContain(other);
    expect(text).not.toContain('Nota interna');

    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'requester.data_exported'));
    expect(audit).toMatchObject({ actor: 'requester', data: { requests: 2 } });
    expect(JSON.stringify(audit)).not.toContain('alicia');
  });

  it('asks for deletion once, after confirming, with its own deadline', async () => {
    await alice.get(PAGE);
    const unconfirmed = await alice.post(ERASE, {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toContain('Marca la casilla');
    expect(await handle.db.select().from(arcoRequests)).toEqual([]);

    const r = await alice.post(ERASE, { confirm: '1' });
    expect(r.status).toBe(303);
    await alice.post(ERASE, { confirm: '1' });
    const rows = await handle.db.select().from(arcoRequests);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', kind: 'cancellation', email: 'alicia@example.org' });
    // 20 working days: more than four calendar weeks.
    expect(rows[0]!.dueAt.getTime() - clock.now().getTime()).toBeGreaterThan(26 * 24 * 3600_000);
    const page = await alice.get(PAGE);
    expect(page.html).toContain(rows[0]!.code);
    // One acknowledgment by e-mail, although she asked twice.
    expect(await arcoMails('privacy.arco_received')).toEqual([
      {
        template: 'privacy.arco_received',
        to: 'alicia@example.org',
        locale: 'es-MX',
        data: { code: rows[0]!.code, dueAt: rows[0]!.dueAt.toISOString() },
      },
    ]);
  });

  it('lets staff see it and, once the open request is closed, anonymise only that person', async () => {
    const [arco] = await handle.db.select().from(arcoRequests);
    const clerk = await aStaffUser(deps, 'ventanilla');
    const browser = await signInAs(app, deps, clerk);
    const list = await browser.get('/staff/arco');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(arco!.code);
    const detail = await browser.get(`/staff/arco/${arco!.code}`);
    const html = await detail.text();
    expect(html).toContain('alicia@example.org');
    expect(html).toContain(aliceOpen.folio);
    const viewed = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'arco.personal_data_viewed'), eq(auditLog.subject, arco!.code)));
    expect(viewed).toHaveLength(1);

    const refused = await browser.post(`/staff/arco/${arco!.code}`, { decision: 'reject', note: '' });
    expect(refused.status).toBe(400);
    const blocked = await browser.post(`/staff/arco/${arco!.code}`, { decision: 'complete', note: '' });
    expect(blocked.status).toBe(409);
    expect(
      (await handle.db.select().from(requests).where(eq(requests.id, aliceDelivered.id)))[0]!.anonymizedAt,
    ).toBeNull();

    await handle.db
      .update(requests)
      .set({ status: 'cancelled', closedAt: clock.now() })
      .where(eq(requests.id, aliceOpen.id));
    const done = await browser.post(`/staff/arco/${arco!.code}`, { decision: 'complete', note: '' });
    expect(done.status).toBe(303);
    const [after] = await handle.db.select().from(arcoRequests);
    expect(after).toMatchObject({ status: 'completed', email: null, requestsAnonymized: 2 });
    expect(await arcoMails('privacy.arco_resolved')).toEqual([
      {
        template: 'privacy.arco_resolved',
        to: 'alicia@example.org',
        locale: 'es-MX',
        data: { code: arco!.code, outcome: 'granted' },
      },
    ]);
    const rows = await handle.db.select().from(requests);
    for (const r of rows.filter((x) => x.id !== bob.id)) {
      expect(r).toMatchObject({ requesterName: '', purpose: '' });
      expect(r.requesterEmail).toMatch(/^anonimo:/);
      expect(r.anonymizedAt).not.toBeNull();
    }
    expect(rows.find((x) => x.id === bob.id)).toMatchObject({
      requesterEmail: 'roberto@example.org',
      anonymizedAt: null,
    });
    // Acting twice is a conflict, not a second anonymisation.
    expect((await browser.post(`/staff/arco/${arco!.code}`, { decision: 'complete', note: '' })).status).toBe(
      409,
    );
    // Her session is gone with her data.
    expect((await alice.get(EXPORT)).status).toBe(303);
  });

  it('a refusal is e-mailed with its reason', async () => {
    const actor = { type: 'requester', email: 'roberto@example.org' } as const;
    const { arco } = await requestErasure(deps, actor);
    const clerk = await aStaffUser(deps, 'ventanilla');
    const reason = 'Sus datos se requieren para atender un recurso de revisión en curso.';
    await resolveArcoRequest(deps, clerk.actor, {
      code: arco.code,
      body: { decision: 'reject', note: reason },
      t: translator('es-MX'),
    });
    const sent = (await arcoMails('privacy.arco_resolved')).filter((p) => p.data.code === arco.code);
    expect(sent).toEqual([
      {
        template: 'privacy.arco_resolved',
        to: 'roberto@example.org',
        locale: 'es-MX',
        data: { code: arco.code, outcome: 'refused', reason },
      },
    ]);
  });

  it('is closed to roles without access to personal data', async () => {
    const tecnico = await aStaffUser(deps, 'tecnico');
    const browser = await signInAs(app, deps, tecnico);
    expect((await browser.get('/staff/arco')).status).toBe(403);
  });
});
