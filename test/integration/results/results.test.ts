import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { requestEvents, satisfactionSurveys } from '../../../src/db/schema/index.ts';
import type { StaffRole } from '../../../src/domain/actor.ts';
import { ForbiddenError } from '../../../src/domain/errors.ts';
import type { RequestStatus } from '../../../src/domain/request-lifecycle.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { getServiceResults } from '../../../src/services/results/get-service-results.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffSession } from '../../helpers/staff-session.ts';

const local = (s: string) => new Date(`${s.replace(' ', 'T')}:00-06:00`);
const NOW = local('2026-11-25 12:00');

describe.each(testEngines())('service results pages and API on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let log: string[];
  const cookies: Partial<Record<StaffRole, string>> = {};

  async function history(
    o: Parameters<typeof aRequest>[1] & { receivedAt: Date },
    timeline: [string, RequestStatus][],
  ) {
    const r = await aRequest(deps.db, { status: timeline.at(-1)?.[1] ?? 'received', ...o });
    for (const [at, toStatus] of timeline) {
      await deps.db
        .insert(requestEvents)
        .values({ requestId: r.id, at: local(at), actor: 'test', action: 'test', toStatus });
    }
    return r;
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const t = testApp(handle, { clock: fixedClock(NOW) });
    app = t.app;
    deps = t.deps;
    log = t.log.lines;
    for (const role of ['director', 'auditor'] as const) {
      cookies[role] = (await aStaffSession(deps.db, role, { at: NOW })).cookie;
    }
    // Six automatic answers in March 2026 (academia), five of them with a survey answer.
    const ease = [5, 5, 4, 4, 3];
    for (let i = 1; i <= 6; i++) {
      const day = `2026-03-${String(2 + i).padStart(2, '0')}`;
      const r = await history(
        {
          receivedAt: local(`${day} 10:00`),
          requesterEmail: `a${i}@example.org`,
          answeredBy: 'auto',
          deliveredAt: local(`${day} 10:01`),
        },
        [
          [`${day} 10:00`, 'signed'],
          [`${day} 10:01`, 'delivered'],
        ],
      );
      if (i <= 5) {
        await deps.db.insert(satisfactionSurveys).values({
          requestId: r.id,
          answered: i === 5 ? 'partly' : 'yes',
          ease: ease[i - 1]!,
          comment: i === 1 ? 'Muy útil' : null,
          submittedAt: local(`${day} 12:00`),
        });
      }
    }
    // The same person (e-mail written differently) in 2025 and in 2026.
    await history(
      {
        receivedAt: local('2025-06-02 10:00'),
        requesterEmail: 'repite@example.org',
        requesterSector: 'osc',
        answeredBy: 'auto',
      },
      [
        ['2025-06-02 10:00', 'signed'],
        ['2025-06-02 10:01', 'delivered'],
      ],
    );
    // Staff answer with a clarification pause: Mon 10–12 (2 h) + [paused to Tue 12:00] + Tue 12–15 (3 h) = 5 h.
    await history(
      {
        receivedAt: local('2026-03-02 10:00'),
        requesterEmail: ' Repite@Example.org',
        requesterSector: 'osc',
        answeredBy: 'staff',
      },
      [
        ['2026-03-02 12:00', 'clarification_requested'],
        ['2026-03-03 12:00', 'in_review'],
        ['2026-03-03 13:00', 'assigned'],
        ['2026-03-03 13:00', 'in_preparation'],
        ['2026-03-03 14:00', 'pending_approval'],
        ['2026-03-03 14:30', 'signed'],
        ['2026-03-03 15:00', 'delivered'],
      ],
    );
    // One open request from the media.
    await history(
      {
        receivedAt: local('2026-04-06 10:00'),
        requesterSector: 'medios',
        requesterEmail: 'prensa@example.org',
      },
      [],
    );
  });
  afterAll(() => handle.close());

  it('computes the measures from the database, excluding the clarification pause', async () => {
    const staff = { type: 'staff', id: 'x', role: 'auditor' } as const;
    const r = await getServiceResults(deps, staff, { year: 2026, fromMonth: 1, toMonth: 12, sector: null });
    expect(r.current.total).toMatchObject({
      received: 8,
      answered: 7,
      answeredAuto: 6,
      answeredStaff: 1,
      pending: 1,
    });
    expect(r.current.total).toMatchObject({ requesters: 8, newRequesters: 7, returningRequesters: 1 });
    expect(r.previous.total).toMatchObject({ received: 1, answered: 1 });
    const osc = await getServiceResults(deps, staff, {
      year: 2026,
      fromMonth: 1,
      toMonth: 12,
      sector: 'osc',
    });
    expect(osc.current.total.answerTime.medianHours).toBe(5);
    expect(osc.current.total.stageMedianHours).toEqual({ triage: 3, preparation: 1, approval: 1 });
    expect(r.current.total.survey).toMatchObject({ responses: 5, meanEase: 4.2, comments: 1 });
  });

  it('refuses the staff results to an actor without results.view', async () => {
    await expect(
      getServiceResults(
        deps,
        { type: 'requester', email: 'x@example.org' },
        { year: 2026, fromMonth: 1, toMonth: 12, sector: null },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('GET /api/v1/service-stats gives the public measures with small counts withheld', async () => {
    const res = await app.request('/api/v1/service-stats?year=2026');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      year: 2026,
      previousYear: 2025,
      slaWorkingHours: 72,
      smallCounts: { shownAs: '<5' },
    });
    expect(body.current.total).toMatchObject({
      received: 8,
      answered: 7,
      answeredAuto: 6,
      answeredStaff: '<5',
    });
    expect(body.current.total.bySector).toEqual({
      academia: { requests: 6, requesters: 6 },
      osc: { requests: '<5', requesters: '<5' },
      medios: { requests: '<5', requesters: '<5' },
    });
    expect(body.current.total.survey).toMatchObject({
      responses: 5,
      meanEase: 4.2,
      answered: { yes: '<5', partly: '<5', no: 0 },
    });
    expect(body.current.total.topMunicipalities[0]).toMatchObject({ code: '15106', requests: 8 });
    expect(body.current.total.topMunicipalities[0].name).toBeTruthy();
    // Previous year: a single request → withheld; its median rests on fewer than 5 cases → not shown.
    expect(body.previous.total.received).toBe('<5');
    expect(body.previous.total.answerTime.medianHours).toBeNull();
    expect(JSON.stringify(body)).not.toContain('@example.org');
  });

  it('documents GET /service-stats in the OpenAPI registry', async () => {
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    expect(doc.paths['/service-stats'].get.responses['200']).toBeTruthy();
    expect(doc.components.schemas.StatCount.oneOf).toContainEqual({ const: '<5' });
  });

  it('the API refuses a bad year with a Spanish message', async () => {
    const res = await app.request('/api/v1/service-stats?year=abc');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0]).toMatchObject({ field: 'year' });
    expect(body.errors[0].message).toContain('Elige un año');
  });

  it('/estadisticas shows charts, tables, definitions and no personal data', async () => {
    const res = await app.request('/estadisticas?year=2026');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('Estadísticas del servicio');
    expect(html).toContain('<svg role="img"');
    expect(html).toContain('&lt;5');
    expect(html).toContain('Tiempo de respuesta (mediana)');
    expect(html).toContain('sin contar el tiempo en que la solicitud esperaba la aclaración');
    expect(html).not.toContain('@example.org');
    expect(html).not.toContain('<script');
    const en = await (await app.request('/estadisticas?year=2026&lang=en')).text();
    expect(en).toContain('Service statistics');
  });

  it('/staff/resultados needs a staff session and shows the full figures with filters', async () => {
    expect((await app.request('/staff/resultados')).status).toBe(303);
    const res = await app.request('/staff/resultados?year=2026&from=3&to=3', {
      headers: { cookie: cookies.director! },
    });
    const html = await res.text();
    if (res.status !== 200) console.log(log.filter((l) => l.includes('error')).join('\n'));
    expect(res.status).toBe(200);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('Comparación con el año anterior');
    expect(html).toContain('Periodo: marzo a marzo de 2026');
    expect(html).not.toContain('&lt;5');
    expect(html).toContain('href="/staff/resultados/exportar/xlsx?year=2026&amp;from=3&amp;to=3"');
    const sector = await (
      await app.request('/staff/resultados?year=2026&sector=medios', {
        headers: { cookie: cookies.auditor! },
      })
    ).text();
    expect(sector).toMatch(/<option value="medios" selected/);
  });

  it('/staff/resultados refuses bad filters with a Spanish message and changes nothing', async () => {
    const res = await app.request('/staff/resultados?year=2026&from=5&to=2', {
      headers: { cookie: cookies.director! },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('El mes inicial debe ser anterior o igual al mes final.');
    const bad = await app.request('/staff/resultados?sector=marcianos', {
      headers: { cookie: cookies.director! },
    });
    expect(bad.status).toBe(400);
  });

  it('exports CSV and XLSX', async () => {
    const csv = await app.request('/staff/resultados/exportar/csv?year=2026', {
      headers: { cookie: cookies.director! },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('resultados-2026-01-12.csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Año,Mes,Solicitudes recibidas,Solicitudes respondidas/);
    expect(lines).toContain(lines.find((l) => l.startsWith('2026,Total,8,7,6,1,')));
    expect(lines.find((l) => l.startsWith('2026,marzo,'))).toMatch(/^2026,marzo,7,7,/);

    const xlsx = await app.request('/staff/resultados/exportar/xlsx?year=2026', {
      headers: { cookie: cookies.auditor! },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Resumen',
      'Mensual',
      'Sectores',
      'Temas',
      'Definiciones',
    ]);
    const received = wb.getWorksheet('Resumen')!.getRow(2).values as unknown[];
    expect(received.slice(1)).toEqual(['Solicitudes recibidas', 1, 8, 7]);

    expect(
      (await app.request('/staff/resultados/exportar/pdf', { headers: { cookie: cookies.director! } }))
        .status,
    ).toBe(400);
  });
});
