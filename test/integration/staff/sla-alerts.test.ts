import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs, requests, slaAlerts } from '../../../src/db/schema/index.ts';
import { addWorkingTime, HOUR_MS } from '../../../src/domain/working-calendar.ts';
import { SWEEPS } from '../../../src/jobs/sweeps/index.ts';
import { addNonWorkingDay } from '../../../src/services/calendar/add-non-working-day.ts';
import { computeDueAt } from '../../../src/services/calendar/compute-due-at.ts';
import { loadCalendar } from '../../../src/services/calendar/load-calendar.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { assignRequest } from '../../../src/services/staff/assign-request.ts';
import { sendSlaAlerts as runSlaAlerts } from '../../../src/services/staff/send-sla-alerts.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffUser, signInAs } from './staff-helpers.ts';

const START = new Date('2026-11-23T16:00:00Z'); // Monday 10:00 in Mexico City

describe.each(testEngines())('SLA alerts and the calendar on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let app: ReturnType<typeof testApp>['app'];
  const clock = fixedClock(START);
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock }));
  });
  afterAll(() => handle.close());

  it('the scheduler lists both staff sweeps', () => {
    expect(SWEEPS.map((s) => s.name)).toEqual(
      expect.arrayContaining(['sla-alerts', 'expire-clarifications']),
    );
  });

  it('alerts ventanilla and the assignee at 75 % of the time and when overdue, each alert once', async () => {
    const desk = await aStaffUser(deps, 'ventanilla');
    const analyst = await aStaffUser(deps, 'tecnico');
    const receivedAt = clock.now();
    const req = await aRequest(deps.db, { receivedAt, dueAt: await computeDueAt(deps, receivedAt) });
    await assignRequest(deps, desk.actor, { folio: req.folio, assigneeId: analyst.id });
    const calendar = await loadCalendar(deps);
    const alerts = async (template: string) =>
      deps.db
        .select()
        .from(outboxJobs)
        .where(like(outboxJobs.dedupeKey, `mail:${template}:${req.folio}:%`));

    expect(await runSlaAlerts(deps, addWorkingTime(receivedAt, 53 * HOUR_MS, calendar))).toEqual({ sent: 0 });
    const dueSoon = addWorkingTime(receivedAt, 54 * HOUR_MS, calendar);
    expect((await runSlaAlerts(deps, dueSoon)).sent).toBe(1);
    const soon = await alerts('staff.alert_due_soon');
    expect(soon.map((j) => j.payload.to).sort()).toEqual([analyst.email, desk.email].sort());
    expect(soon[0]!.payload.data).toMatchObject({
      folio: req.folio,
      dueAt: req.dueAt!.toISOString(),
      staffUrl: `${deps.config.publicBaseUrl}/staff/solicitudes/${req.folio}`,
    });
    // Again later: nothing new.
    expect(await runSlaAlerts(deps, new Date(dueSoon.getTime() + HOUR_MS))).toEqual({ sent: 0 });
    expect(await alerts('staff.alert_due_soon')).toHaveLength(2);

    expect((await runSlaAlerts(deps, req.dueAt!)).sent).toBe(1);
    expect(await alerts('staff.alert_overdue')).toHaveLength(2);
    expect(await runSlaAlerts(deps, new Date(req.dueAt!.getTime() + 5 * HOUR_MS))).toEqual({ sent: 0 });
    const marked = await deps.db.select().from(slaAlerts).where(eq(slaAlerts.requestId, req.id));
    expect(marked.map((m) => m.kind).sort()).toEqual(['due_soon', 'overdue']);
  });

  it('a declared non-working day moves open deadlines, and the queue shows the badge', async () => {
    const admin = await aStaffUser(deps, 'admin');
    const receivedAt = new Date('2026-12-08T16:00:00Z'); // Tuesday 8 Dec, 10:00
    const req = await aRequest(deps.db, { receivedAt, dueAt: await computeDueAt(deps, receivedAt) });
    const before = req.dueAt!;
    const b = await signInAs(app, deps, admin);
    const bad = await b.post('/staff/admin/calendario', {
      date: '2026-13-40',
      description: 'x',
      gazetteReference: '',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Escribe una fecha válida');
    expect(html).toContain('Escribe la referencia de la Gaceta del Gobierno.');
    const ok = await b.post('/staff/admin/calendario', {
      date: '2026-12-11',
      description: 'Día del Empleado del Gobierno del Estado',
      gazetteReference: 'Gaceta del Gobierno, 15 de enero de 2026, sección primera',
    });
    expect(ok.status).toBe(303);
    const [after] = await deps.db.select().from(requests).where(eq(requests.id, req.id));
    // One working day (9 h) later, counted on the new calendar.
    const calendar = await loadCalendar(deps);
    expect(after!.dueAt!.getTime()).toBe(addWorkingTime(receivedAt, 72 * HOUR_MS, calendar).getTime());
    expect(after!.dueAt!.getTime()).toBeGreaterThan(before.getTime());
    const page = await (await b.get('/staff/admin/calendario?anio=2026')).text();
    expect(page).toContain('Gaceta del Gobierno, 15 de enero de 2026');
    expect(page).toContain('Día de la Revolución');
    const dup = await addNonWorkingDay(deps, admin.actor, {
      date: '2026-12-11',
      description: 'Otra vez',
      gazetteReference: 'Gaceta X',
    }).catch((e: Error) => e);
    expect(dup).toBeInstanceOf(Error);
    clock.set(new Date(after!.dueAt!.getTime() + HOUR_MS));
    const desk = await signInAs(app, deps, await aStaffUser(deps, 'ventanilla'));
    const queue = await (await desk.get('/staff/solicitudes?due=overdue')).text();
    expect(queue).toContain(req.folio);
    expect(queue).toContain('Vencida');
    const onTime = await (await desk.get('/staff/solicitudes?due=on_time')).text();
    expect(onTime).not.toContain(req.folio);
  });
});
