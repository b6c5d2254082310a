import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs } from '../../../src/db/schema/index.ts';
import { jobHandlers } from '../../../src/jobs/handlers/index.ts';
import { drainJobs } from '../../../src/jobs/worker.ts';
import type { OutgoingMail } from '../../../src/mail/transport.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { formClient } from '../portal/form-client.ts';

const EMAIL = 'Valeria.Quintero@Example.org';
const NAME = 'Valeria Quintero Zamudio';
const PHONE = '7225550199';

describe.each(testEngines())('personal data never reaches the logs (%s)', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let log: string[];
  const clock = fixedClock('2026-11-23T16:00:00Z');
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
    ({ app, deps } = t);
    log = t.log.lines;
  });
  afterAll(() => handle.close());

  it('a whole journey — submit, e-mails, automatic answer, portal, export, deletion — logs no name, e-mail or phone', async () => {
    const client = formClient(app);
    const base = '/solicitud/nueva';
    await client.get(`${base}/indicadores`);
    const steps: [string, Record<string, string | string[]>][] = [
      ['indicadores', { indicators: ['population_total'], otherText: '' }],
      ['geografia', { geoLevel: 'mun' }],
      ['lugar', { geo: 'mun:15106' }],
      ['anios', { years: ['2020'], yearsOther: '' }],
      ['formatos', { formats: ['xlsx'] }],
      ['proposito', { purpose: 'Diagnóstico para el plan municipal de desarrollo' }],
      ['datos', { name: NAME, email: EMAIL, sector: 'gobierno_municipal', organization: '', phone: PHONE }],
      ['consentimiento', { privacyConsent: 'yes' }],
    ];
    for (const [step, fields] of steps) {
      const r = await client.post(`${base}/${step}`, fields);
      expect(r.status, step).toBe(303);
      await client.get(r.location!);
    }
    await client.get(`${base}/revisar`);
    clock.advance(60_000);
    const submitted = await client.post(`${base}/enviar`, { altcha: '', website: '' });
    expect(submitted.status).toBe(303);
    await drainJobs(deps, { handlers: jobHandlers() });
    expect(sent.some((m) => JSON.stringify(m).toLowerCase().includes(EMAIL.toLowerCase()))).toBe(true);

    // The requester portal: sign-in link, export, deletion request.
    const portal = formClient(app);
    await portal.get('/mis-solicitudes');
    expect((await portal.post('/mis-solicitudes/acceso', { email: EMAIL })).status).toBe(303);
    const jobs = await handle.db.select().from(outboxJobs);
    const link = jobs
      .map((j) => (j.payload.data as { link?: string } | undefined)?.link)
      .find((l): l is string => !!l)!;
    await portal.get(new URL(link).pathname);
    expect((await portal.post('/mis-solicitudes/entrar', { token: link.split('/').at(-1)! })).status).toBe(
      303,
    );
    await drainJobs(deps, { handlers: jobHandlers() });
    expect((await portal.get('/mis-solicitudes/datos-personales/descarga')).status).toBe(200);
    await portal.get('/mis-solicitudes/datos-personales/derechos');
    expect(
      (await portal.post('/mis-solicitudes/datos-personales/eliminacion', { confirm: '1' })).status,
    ).toBe(303);

    // Something was logged (requests, jobs), so the check below is not vacuous.
    expect(log.length).toBeGreaterThan(5);
    const all = log.join('\n').toLowerCase();
    for (const personal of [EMAIL, 'valeria.quintero', 'valeria', 'quintero', 'zamudio', PHONE])
      expect(all, personal).not.toContain(personal.toLowerCase());
  });
});
