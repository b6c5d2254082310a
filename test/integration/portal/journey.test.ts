import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import {
  auditLog,
  outboxJobs,
  requestDrafts,
  requestEvents,
  requests,
} from '../../../src/db/schema/index.ts';
import { mailSendHandler } from '../../../src/jobs/handlers/mail-send.ts';
import { drainJobs } from '../../../src/jobs/worker.ts';
import type { OutgoingMail } from '../../../src/mail/transport.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { formClient, h1 } from './form-client.ts';

const BASE = '/solicitud/nueva';

/** Valid answers, step by step, as a person would post them without JavaScript. */
function answers(email: string): [string, Record<string, string | string[]>][] {
  return [
    ['indicadores', { indicators: ['population_total', 'pct_female'], otherText: '' }],
    ['geografia', { geoLevel: 'mun' }],
    ['lugar', { geo: 'mun:15106' }],
    ['anios', { years: ['2020', '2010'], yearsOther: '' }],
    ['formatos', { formats: ['xlsx', 'csv'] }],
    ['proposito', { purpose: 'Diagnóstico municipal de población para el plan de desarrollo' }],
    ['datos', { name: 'Ana Pérez', email, sector: 'academia', organization: '', phone: '' }],
    ['consentimiento', { privacyConsent: 'yes' }],
  ];
}

async function fillJourney(client: ReturnType<typeof formClient>, email: string) {
  await client.get(`${BASE}/indicadores`);
  for (const [step, fields] of answers(email)) {
    const r = await client.post(`${BASE}/${step}`, fields);
    expect(r.status, `${step}: ${h1(r.html)}`).toBe(303);
    await client.get(r.location!);
  }
  const review = await client.get(`${BASE}/revisar`);
  expect(review.status).toBe(200);
  return review;
}

function decodeAttr(s: string) {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What the browser script does: solve the page's ALTCHA challenge. */
async function solvePow(html: string): Promise<string> {
  const attr = /data-altcha="([^"]+)"/.exec(html)![1]!;
  const challenge = JSON.parse(decodeAttr(attr));
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe.each(testEngines())('request journey without JavaScript on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let log: string[];
  const clock = fixedClock('2026-11-23T16:00:00Z'); // Monday 10:00 in Toluca
  const sent: OutgoingMail[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const t = testApp(handle, {
      clock,
      mailer: {
        kind: 'file',
        send: async (m) => {
          sent.push(m);
          return { response: 'ok' };
        },
        close() {},
      },
    });
    app = t.app;
    deps = t.deps;
    log = t.log.lines;
  });
  afterAll(() => handle.close());

  const requestCount = async () => (await handle.db.select({ id: requests.id }).from(requests)).length;

  it('home explains the service and links to the journey, /datos and the privacy notice', async () => {
    const html = (await formClient(app).get('/')).html;
    expect(html).toContain('72 horas hábiles');
    expect(html).toContain('gratuito');
    expect(html).toContain('href="/solicitud/nueva"');
    expect(html).toContain('href="/datos"');
    expect(html).toContain('href="/aviso-de-privacidad"');
    const privacy = (await formClient(app).get('/aviso-de-privacidad')).html;
    expect(h1(privacy)).toBe('Aviso de privacidad');
    expect(privacy).toContain('Aviso de privacidad simplificado');
    expect(privacy).toContain('Versión 2026-01');
  });

  it('goes from the first step to a folio, queues the acknowledgment and produces the e-mail', async () => {
    const client = formClient(app);
    const review = await fillJourney(client, 'Ana.Perez@Example.org');
    expect(h1(review.html)).toBe('Revisa tu solicitud');
    expect(review.html).toContain('Población total');
    expect(review.html).toContain('Toluca');
    expect(review.html).toContain('2010, 2020');
    expect(review.html).toContain(`href="${BASE}/datos?volver=revisar"`);

    // Without JavaScript, a submit seconds after starting is held back, saying how long to wait.
    const tooFast = await client.post(`${BASE}/enviar`, { altcha: '', website: '' });
    expect(tooFast.status).toBe(400);
    expect(tooFast.html).toContain('Espera 20 segundos y vuelve a pulsar «Enviar solicitud»');
    expect(tooFast.html).toContain('solo puede enviarse cuando han pasado 20 segundos');
    expect(await requestCount()).toBe(0);

    clock.advance(60_000);
    const sentForm = await client.post(`${BASE}/enviar`, { altcha: '', website: '' });
    expect(sentForm.status).toBe(303);
    expect(sentForm.location).toBe('/solicitud/confirmacion');
    const confirmation = await client.get('/solicitud/confirmacion');
    expect(h1(confirmation.html)).toBe('Recibimos tu solicitud');
    expect(confirmation.html).toContain('COESPO-2026-000001');
    expect(confirmation.html).toMatch(/href="\/seguimiento\/COESPO-2026-000001\/[A-Za-z0-9_-]{20,}"/);
    expect(confirmation.html).toContain('a más tardar');

    const [row] = await handle.db.select().from(requests).where(eq(requests.folio, 'COESPO-2026-000001'));
    expect(row).toMatchObject({
      status: 'received',
      requesterEmail: 'ana.perez@example.org',
      indicators: ['population_total', 'pct_female'],
      geo: 'mun:15106',
      years: [2010, 2020],
      formats: ['xlsx', 'csv'],
      queryKey: 'pct_female,population_total|mun:15106|2010,2020',
      privacyConsentVersion: '2026-01',
    });
    expect(row!.dueAt!.getTime()).toBeGreaterThan(row!.receivedAt.getTime());
    expect(row!.trackingTokenHash).toMatch(/^[0-9a-f]{64}$/);

    const jobs = await handle.db.select().from(outboxJobs);
    const ack = jobs.find((j) => j.kind === 'mail.send');
    expect(ack?.payload).toMatchObject({
      template: 'request.acknowledgment',
      to: 'ana.perez@example.org',
      data: { folio: 'COESPO-2026-000001', dueAt: row!.dueAt!.toISOString() },
    });
    expect(jobs.find((j) => j.kind === 'request.auto_answer')?.payload).toEqual({ requestId: row!.id });
    const events = await handle.db.select().from(requestEvents).where(eq(requestEvents.requestId, row!.id));
    expect(events.map((e) => e.action)).toEqual(['submitted']);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.subject, 'COESPO-2026-000001'));
    expect(audit.map((a) => a.action)).toContain('request.submitted');
    expect(JSON.stringify(audit)).not.toContain('ana.perez');

    await drainJobs(deps, { handlers: { 'mail.send': mailSendHandler() } });
    const mail = sent.find((m) => m.to === 'ana.perez@example.org');
    expect(mail?.subject).toContain('COESPO-2026-000001');
    expect(mail?.text).toContain('/seguimiento/COESPO-2026-000001/');

    // Personal data never reaches the logs.
    expect(log.join('\n')).not.toContain('ana.perez');
  });

  it('a double submit makes one request', async () => {
    const client = formClient(app);
    await fillJourney(client, 'doble@example.org');
    clock.advance(60_000);
    const before = await requestCount();
    const first = await client.post(`${BASE}/enviar`, { altcha: '' });
    const second = await client.post(`${BASE}/enviar`, { altcha: '' });
    expect(first.location).toBe('/solicitud/confirmacion');
    expect(second.location).toBe('/solicitud/confirmacion');
    expect(await requestCount()).toBe(before + 1);
  });

  it('accepts a solved proof of work at once, and refuses the same solution twice', async () => {
    const client = formClient(app);
    const review = await fillJourney(client, 'pow@example.org');
    const payload = await solvePow(review.html);
    const before = await requestCount();
    const ok = await client.post(`${BASE}/enviar`, { altcha: payload });
    expect(ok.location).toBe('/solicitud/confirmacion');
    expect(await requestCount()).toBe(before + 1);

    const other = formClient(app);
    await fillJourney(other, 'pow2@example.org');
    const replay = await other.post(`${BASE}/enviar`, { altcha: payload });
    expect(replay.status).toBe(400);
    expect(replay.html).toContain('No se pudo completar la verificación automática');
    const bogus = await other.post(`${BASE}/enviar`, { altcha: 'bm8tanNvbg==' });
    expect(bogus.status).toBe(400);
    expect(await requestCount()).toBe(before + 1);
  });

  it('the same e-mail asking the same within 24 h is told so; the folio goes to that address, not to the page', async () => {
    const client = formClient(app);
    const review = await fillJourney(client, 'ana.perez@example.org');
    expect(review.html).toContain('Ya se envió esta misma solicitud');
    // Whoever typed the address may not own it (issue 16, finding 11).
    expect(review.html).not.toContain('COESPO-2026-000001');
    // Choosing to send anyway is allowed.
    clock.advance(60_000);
    const before = await requestCount();
    const r = await client.post(`${BASE}/enviar`, { altcha: '', allowDuplicate: '1' });
    expect(r.location).toBe('/solicitud/confirmacion');
    expect(await requestCount()).toBe(before + 1);
  });

  it('fills the honeypot → refused like a bot', async () => {
    const client = formClient(app);
    await fillJourney(client, 'bot@example.org');
    clock.advance(60_000);
    const before = await requestCount();
    const r = await client.post(`${BASE}/enviar`, { altcha: '', website: 'http://spam.example' });
    expect(r.status).toBe(400);
    expect(await requestCount()).toBe(before);
  });

  const LONG = (n: number) => 'x'.repeat(n);
  const bad: [string, Record<string, string | string[]>, string][] = [
    ['indicadores', {}, 'Elige al menos un indicador o describe lo que necesitas en «Otro».'],
    ['indicadores', { indicators: ['no_existe'] }, 'no existe en el catálogo'],
    ['indicadores', { otherText: LONG(1001) }, 'Escribe como máximo 1000 caracteres.'],
    ['geografia', {}, 'Elige el tipo de área geográfica.'],
    ['geografia', { geoLevel: 'planeta' }, 'Elige el tipo de área geográfica.'],
    ['lugar', { geo: '' }, 'Elige un área de la lista.'],
    ['lugar', { geo: 'mun:15999' }, 'Elige un área de la lista.'],
    ['anios', {}, 'Elige al menos un año.'],
    ['anios', { yearsOther: '20x0' }, 'Escribe años de cuatro cifras'],
    ['anios', { yearsOther: '1800' }, 'Escribe años de cuatro cifras'],
    ['formatos', {}, 'Elige al menos un formato.'],
    ['formatos', { formats: ['pdf'] }, 'Elige formatos de la lista'],
    ['proposito', { purpose: '' }, 'Cuéntanos para qué usarás la información.'],
    ['proposito', { purpose: 'corto' }, 'al menos 10 caracteres'],
    ['proposito', { purpose: LONG(2001) }, 'Escribe como máximo 2000 caracteres.'],
    ['datos', { name: '', email: 'a@b.mx', sector: 'academia' }, 'Escribe tu nombre completo.'],
    [
      'datos',
      { name: 'Ana', email: 'no-es-correo', sector: 'academia' },
      'Escribe un correo electrónico válido',
    ],
    ['datos', { name: 'Ana', email: 'a@b.mx', sector: 'marciano' }, 'Elige tu sector.'],
    [
      'datos',
      { name: 'Ana', email: 'a@b.mx', sector: 'osc', phone: 'llámame' },
      'Escribe un teléfono válido',
    ],
    ['datos', { name: LONG(101), email: 'a@b.mx', sector: 'osc' }, 'Escribe como máximo 100 caracteres.'],
    ['consentimiento', {}, 'Para enviar la solicitud debes aceptar el aviso de privacidad.'],
  ];

  it.each(bad)(
    'bad input on %s %j → Spanish message, input kept, nothing stored',
    async (step, fields, message) => {
      const client = formClient(app);
      await fillJourney(client, 'errores@example.org');
      const draftsBefore = await handle.db.select().from(requestDrafts);
      const before = await requestCount();
      const r = await client.post(`${BASE}/${step}?volver=revisar`, fields);
      expect(r.status).toBe(400);
      expect(r.html).toContain('class="error-summary"');
      expect(r.html).toContain(message.replace(/«/g, '«'));
      expect(r.html).toMatch(/<title>Error: /);
      for (const v of Object.values(fields).flat()) {
        if (v && v.length < 100 && !['planeta', 'marciano', 'no_existe', 'pdf', 'mun:15999'].includes(v))
          expect(r.html).toContain(v);
      }
      expect(await requestCount()).toBe(before);
      expect(await handle.db.select().from(requestDrafts)).toEqual(draftsBefore);
    },
  );

  it('a polygon uploaded as a file is accepted; a broken one is refused', async () => {
    const client = formClient(app);
    await fillJourney(client, 'poligono@example.org');
    await client.post(`${BASE}/geografia?volver=revisar`, { geoLevel: 'polygon' });
    const ring = [
      [-99.7, 19.2],
      [-99.5, 19.2],
      [-99.5, 19.4],
      [-99.7, 19.2],
    ];
    const broken = new File(['{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}'], 'a.geojson');
    const bad = await client.post(`${BASE}/lugar?volver=revisar`, { geojsonFile: broken });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('no está cerrado');
    const good = new File([JSON.stringify({ type: 'Polygon', coordinates: [ring] })], 'area.geojson');
    const ok = await client.post(`${BASE}/lugar?volver=revisar`, { geojsonFile: good });
    expect(ok.status).toBe(303);
    expect((await client.get(`${BASE}/revisar`)).html).toContain('El área que dibujaste');
  });

  it('several municipalities make a set in normal form', async () => {
    const client = formClient(app);
    await fillJourney(client, 'conjunto@example.org');
    await client.post(`${BASE}/geografia?volver=revisar`, { geoLevel: 'set' });
    const one = await client.post(`${BASE}/lugar?volver=revisar`, { municipalities: ['15106'] });
    expect(one.html).toContain('Marca al menos dos municipios.');
    const ok = await client.post(`${BASE}/lugar?volver=revisar`, { municipalities: ['15106', '15033'] });
    expect(ok.location).toBe(`${BASE}/revisar`);
    const review = await client.get(`${BASE}/revisar`);
    expect(review.html).toContain('2 municipios: Ecatepec de Morelos, Toluca');
  });

  it('jumping ahead lands on the first unanswered step', async () => {
    const client = formClient(app);
    const r = await client.get(`${BASE}/formatos`);
    expect(r.location).toBe(`${BASE}/indicadores`);
    const review = await client.get(`${BASE}/revisar`);
    expect(review.location).toBe(`${BASE}/indicadores`);
  });
});
