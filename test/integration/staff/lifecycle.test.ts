import { and, asc, eq, like } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio, moveRequestStatus } from '../../../src/db/requests.ts';
import { auditLog, outboxJobs, requestEvents, requestFiles } from '../../../src/db/schema/index.ts';
import { ConflictError, ForbiddenError } from '../../../src/domain/errors.ts';
import { addWorkingTime, HOUR_MS, workingTimeBetween } from '../../../src/domain/working-calendar.ts';
import { computeDueAt } from '../../../src/services/calendar/compute-due-at.ts';
import { loadCalendar } from '../../../src/services/calendar/load-calendar.ts';
import { resumeClockChanges } from '../../../src/services/calendar/resume-clock.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { expireOverdueClarifications as runExpireSweep } from '../../../src/services/staff/expire-clarification.ts';
import { triageRequest } from '../../../src/services/staff/triage-request.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffUser, type Browser, signInAs } from './staff-helpers.ts';

// Monday 23 Nov 2026, 10:00 in Mexico City.
const START = new Date('2026-11-23T16:00:00Z');

describe.each(testEngines())('request lifecycle by staff on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock(START);
  const as: Record<string, Browser> = {};
  const people: Record<string, Awaited<ReturnType<typeof aStaffUser>>> = {};

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock }));
    for (const key of ['ventanilla', 'tecnico', 'otroTecnico', 'director', 'admin', 'auditor'] as const) {
      const role = key === 'otroTecnico' ? 'tecnico' : key;
      people[key] = await aStaffUser(deps, role);
      as[key] = await signInAs(app, deps, people[key]!);
      clock.advance(31_000); // a new TOTP time step for the next sign-in
    }
  });
  afterAll(() => handle.close());

  const newRequest = async () => {
    const receivedAt = clock.now();
    return aRequest(deps.db, { receivedAt, dueAt: await computeDueAt(deps, receivedAt) });
  };
  const status = async (folio: string) => (await findRequestByFolio(deps.db, folio))!.status;
  const act = async (who: string, folio: string, slug: string, form: Record<string, string> = {}) => {
    const res = await as[who]!.post(`/staff/solicitudes/${folio}/${slug}`, form);
    // A redirect to the sign-in page would look like success: fail loudly instead.
    expect(res.headers.get('location') ?? '').not.toMatch(/^\/staff(\?|$)/);
    return res;
  };
  const mails = async (folio: string, template: string) =>
    deps.db
      .select()
      .from(outboxJobs)
      .where(like(outboxJobs.dedupeKey, `mail:${template}:${folio}:%`));

  it('walks received → review → assigned → preparation → approval → returned → approval, each step by its role', async () => {
    const req = await newRequest();
    const f = req.folio;

    expect((await act('tecnico', f, 'revisar')).status).toBe(403);
    expect((await act('auditor', f, 'revisar')).status).toBe(403);
    const triaged = await act('ventanilla', f, 'revisar');
    expect(triaged.status).toBe(303);
    expect(triaged.headers.get('location')).toBe(`/staff/solicitudes/${f}?hecho=revisar`);
    expect(await status(f)).toBe('in_review');
    expect(await mails(f, 'request.status_changed')).toHaveLength(1);

    // Assigning needs a técnico; ventanilla and director may assign, the técnico may not.
    expect((await act('tecnico', f, 'asignar', { assigneeId: people.tecnico!.id })).status).toBe(403);
    const wrong = await act('ventanilla', f, 'asignar', { assigneeId: people.director!.id });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Elige a una persona del área técnica');
    expect(await status(f)).toBe('in_review');
    expect((await act('ventanilla', f, 'asignar', { assigneeId: people.tecnico!.id })).status).toBe(303);
    expect(await status(f)).toBe('assigned');

    // Only the assigned técnico prepares.
    expect((await act('otroTecnico', f, 'iniciar')).status).toBe(403);
    expect((await act('ventanilla', f, 'iniciar')).status).toBe(403);
    expect((await act('tecnico', f, 'iniciar')).status).toBe(303);
    expect(await status(f)).toBe('in_preparation');

    // A working file: stored, listed, downloadable (audited).
    const form = new FormData();
    form.set('file', new File(['municipio,poblacion\n15106,910608\n'], 'tabla.csv', { type: 'text/csv' }));
    expect((await as.tecnico!.post(`/staff/solicitudes/${f}/archivos`, form)).status).toBe(303);
    const [file] = await deps.db.select().from(requestFiles).where(eq(requestFiles.requestId, req.id));
    expect(file!.name).toBe('tabla.csv');
    const page = await (await as.director!.get(`/staff/solicitudes/${f}`)).text();
    expect(page).toContain('tabla.csv');
    const download = await as.director!.get(`/staff/solicitudes/${f}/archivos/${file!.id}`);
    expect(await download.text()).toContain('15106,910608');

    expect((await act('director', f, 'enviar-a-firma')).status).toBe(403);
    expect((await act('tecnico', f, 'enviar-a-firma', { comment: 'Listo para firma' })).status).toBe(303);
    expect(await status(f)).toBe('pending_approval');

    expect((await act('tecnico', f, 'devolver', { comments: 'Falta la fuente' })).status).toBe(403);
    const empty = await act('director', f, 'devolver', { comments: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Escribe qué debe corregirse.');
    expect(
      (await act('director', f, 'devolver', { comments: 'Falta citar la fuente del Censo' })).status,
    ).toBe(303);
    expect(await status(f)).toBe('in_preparation');
    expect((await act('tecnico', f, 'enviar-a-firma', {})).status).toBe(303);
    expect(await status(f)).toBe('pending_approval');
    // Signing is the documents area's page; the director is sent there, nobody else sees the way.
    expect(await (await as.director!.get(`/staff/solicitudes/${f}`)).text()).toContain(
      `/staff/solicitudes/${f}/firmar`,
    );
    expect(await (await as.tecnico!.get(`/staff/solicitudes/${f}`)).text()).not.toContain('/firmar');

    const events = await deps.db
      .select()
      .from(requestEvents)
      .where(eq(requestEvents.requestId, req.id))
      .orderBy(asc(requestEvents.id));
    expect(events.map((e) => e.toStatus)).toEqual([
      'in_review',
      'assigned',
      'in_preparation',
      'pending_approval',
      'in_preparation',
      'pending_approval',
    ]);
    // Internal steps are not shown to the requester.
    expect(events.find((e) => e.action === 'return_for_changes')!.visibleToRequester).toBe(false);
    const audits = await deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, f))
      .orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'request.triage',
        'request.assign',
        'request.start_preparation',
        'request.file_attached',
        'request.file_downloaded',
        'request.personal_data_viewed',
        'request.submit_for_approval',
        'request.return_for_changes',
      ]),
    );
  });

  it('shows only the actions valid for the status and role, and personal data only to those allowed', async () => {
    const req = await newRequest();
    const desk = await (await as.ventanilla!.get(`/staff/solicitudes/${req.folio}`)).text();
    expect(desk).toContain(`/staff/solicitudes/${req.folio}/revisar`);
    expect(desk).toContain(`/staff/solicitudes/${req.folio}/rechazar`);
    expect(desk).toContain(req.requesterEmail);
    const analyst = await (await as.tecnico!.get(`/staff/solicitudes/${req.folio}`)).text();
    expect(analyst).not.toContain('/revisar');
    expect(analyst).not.toContain(req.requesterEmail);
    expect(analyst).toContain('Tu rol no tiene acceso a los datos personales');
    const auditor = await (await as.auditor!.get(`/staff/solicitudes/${req.folio}`)).text();
    expect(auditor).not.toContain('action-form');
    const views = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subject, req.folio), eq(auditLog.action, 'request.personal_data_viewed')));
    expect(views.map((v) => v.actor)).toEqual([`staff:${people.ventanilla!.id}`]);
  });

  it('rejects with a legal reason from the list plus text; a bad reason changes nothing', async () => {
    const req = await newRequest();
    const bad = await act('ventanilla', req.folio, 'rechazar', { reason: 'porque-si', text: 'corto' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Elige el fundamento.');
    expect(html).toContain('Explica el motivo a la persona solicitante');
    expect(await status(req.folio)).toBe('received');
    expect(
      (
        await act('tecnico', req.folio, 'rechazar', {
          reason: 'duplicate',
          text: 'Duplica el folio anterior',
        })
      ).status,
    ).toBe(403);
    const ok = await act('director', req.folio, 'rechazar', {
      reason: 'not_competent',
      text: 'Los datos de salud los genera la Secretaría de Salud.',
    });
    expect(ok.status).toBe(303);
    const after = (await findRequestByFolio(deps.db, req.folio))!;
    expect(after.status).toBe('rejected');
    expect(after.closedAt).not.toBeNull();
    const [mail] = await mails(req.folio, 'request.rejected');
    expect(mail!.payload).toMatchObject({ to: req.requesterEmail, template: 'request.rejected' });
    expect(String((mail!.payload.data as { reason: string }).reason)).toContain('no es competencia');
    // Closed: no further action is valid.
    expect((await act('ventanilla', req.folio, 'revisar')).status).toBe(409);
  });

  it('a prevención stops the clock; the answer resumes it and adds the paused working time to the deadline', async () => {
    const req = await newRequest();
    const short = await act('ventanilla', req.folio, 'prevenir', { question: 'corta' });
    expect(short.status).toBe(400);
    clock.advance(2 * HOUR_MS);
    // Two idle hours end a session: sign in again.
    as.ventanilla = await signInAs(app, deps, people.ventanilla!);
    const asked = await act('ventanilla', req.folio, 'prevenir', {
      question: '¿Qué años del censo necesitas exactamente?',
    });
    expect(asked.status).toBe(303);
    const paused = (await findRequestByFolio(deps.db, req.folio))!;
    expect(paused.status).toBe('clarification_requested');
    expect(paused.pausedAt!.getTime()).toBe(clock.now().getTime());
    const [mail] = await mails(req.folio, 'request.clarification_requested');
    expect((mail!.payload.data as { question: string }).question).toBe(
      '¿Qué años del censo necesitas exactamente?',
    );
    // The queue shows the clock stopped.
    expect(
      await (await as.ventanilla!.get('/staff/solicitudes?status=clarification_requested')).text(),
    ).toContain('Plazo detenido');

    // The requester answers the next day (the portal's use case does this move with resumeClockChanges).
    clock.advance(24 * HOUR_MS);
    const calendar = await loadCalendar(deps);
    const changes = await resumeClockChanges(deps, paused, clock.now());
    await moveRequestStatus(deps.db, paused.id, 'clarification_requested', 'in_review', changes, clock.now());
    const resumed = (await findRequestByFolio(deps.db, req.folio))!;
    const pausedWorking = workingTimeBetween(paused.pausedAt!, clock.now(), calendar);
    expect(pausedWorking).toBe(9 * HOUR_MS);
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.pausedWorkingMs).toBe(pausedWorking);
    expect(resumed.dueAt!.getTime()).toBeGreaterThan(paused.dueAt!.getTime());
    expect(workingTimeBetween(paused.dueAt!, resumed.dueAt!, calendar)).toBe(pausedWorking);
  });

  it('a prevención unanswered for 10 working days expires by the sweep (not a day earlier)', async () => {
    as.ventanilla = await signInAs(app, deps, people.ventanilla!);
    const req = await newRequest();
    expect(
      (await act('ventanilla', req.folio, 'prevenir', { question: 'Indica el municipio, por favor.' }))
        .status,
    ).toBe(303);
    const calendar = await loadCalendar(deps);
    const pausedAt = (await findRequestByFolio(deps.db, req.folio))!.pausedAt!;
    const lapse = addWorkingTime(pausedAt, 10 * 9 * HOUR_MS, calendar);
    expect(await runExpireSweep(deps, new Date(lapse.getTime() - 60_000))).toEqual({ expired: 0 });
    expect(await status(req.folio)).toBe('clarification_requested');
    expect(await runExpireSweep(deps, lapse)).toEqual({ expired: 1 });
    expect(await status(req.folio)).toBe('expired');
    expect(await mails(req.folio, 'request.status_changed')).toHaveLength(1);
    expect(await runExpireSweep(deps, lapse)).toEqual({ expired: 0 });
  });

  it('two clerks triaging the same request at once: exactly one wins', async () => {
    const req = await newRequest();
    const results = await Promise.allSettled([
      triageRequest(deps, people.ventanilla!.actor, { folio: req.folio }),
      triageRequest(deps, people.ventanilla!.actor, { folio: req.folio }),
      triageRequest(deps, people.ventanilla!.actor, { folio: req.folio }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const losers = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(losers).toHaveLength(2);
    for (const l of losers) expect(l.reason).toBeInstanceOf(ConflictError);
    const events = await deps.db.select().from(requestEvents).where(eq(requestEvents.requestId, req.id));
    expect(events).toHaveLength(1);
    const audits = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subject, req.folio), eq(auditLog.action, 'request.triage')));
    expect(audits).toHaveLength(1);
  });

  it('use cases refuse the wrong role with ForbiddenError before touching anything', async () => {
    const req = await newRequest();
    await expect(triageRequest(deps, people.tecnico!.actor, { folio: req.folio })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(triageRequest(deps, { type: 'anonymous' }, { folio: req.folio })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await status(req.folio)).toBe('received');
  });

  it('previews the asked data from the statistics engine when it can answer', async () => {
    const asked: unknown[] = [];
    const stats = {
      ...deps.stats,
      datasets: () => deps.stats.datasets(),
      canAnswer: (q: unknown) => {
        asked.push(q);
        return { ok: true as const };
      },
      table: () => ({
        geo: 'mun:15106',
        geoName: 'Toluca',
        level: 'mun',
        notes: [],
        rows: [
          { indicatorName: 'Población total', geoName: 'Toluca', year: 2020, value: 910608, decimals: 0 },
        ],
      }),
    } as unknown as Deps['stats'];
    const t = testApp(handle, { clock, stats });
    const req = await newRequest();
    clock.advance(31_000); // a new TOTP time step: ventanilla signed in before with this clock
    const b = await signInAs(t.app, t.deps, people.ventanilla!);
    const html = await (await b.get(`/staff/solicitudes/${req.folio}`)).text();
    expect(asked).toEqual([{ indicators: ['population_total'], geo: 'mun:15106', years: [2020] }]);
    expect(html).toContain('Población total');
    expect(html).toContain('910,608');
  });
});
