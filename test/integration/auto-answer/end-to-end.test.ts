import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio } from '../../../src/db/requests.ts';
import { answers, auditLog, oficios, outboxJobs, requestEvents } from '../../../src/db/schema/index.ts';
import { verifyPdfSignature } from '../../../src/documents/verify.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { jobHandlers } from '../../../src/jobs/handlers/index.ts';
import { type RunningWorker, startWorker } from '../../../src/jobs/worker.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import { autoAnswerRequest } from '../../../src/services/auto-answer/auto-answer-request.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { createStatsEngine, type StatsEngine } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { postRequestsApi } from '../../helpers/api.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { waitFor } from '../../helpers/processes.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { hasPoppler, pdfsig } from '../../unit/documents/poppler.ts';
import { startSmtpSink } from '../mail/smtp-sink.ts';
import { aStaffUser } from '../staff/staff-helpers.ts';

const dataDir = sharedDataDir();
const poppler = hasPoppler();

const standard = (email: string) => ({
  indicators: ['population_total', 'population_female'],
  geo: 'mun:15106',
  years: [2020],
  formats: ['xlsx', 'csv', 'oficio'],
  purpose: 'Diagnóstico para el plan municipal de desarrollo',
  requester: { name: 'Ana <b>Pérez</b>', email, sector: 'gobierno_municipal' },
  privacyConsent: true,
});

const until = <T>(what: string, check: () => Promise<T | undefined>) =>
  waitFor(what, check, { timeoutMs: 20_000, everyMs: 50 });

describe.skipIf(!dataDir).each(testEngines())('automatic answer end to end on %s', (engine) => {
  let stats: StatsEngine;
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    stats = createStatsEngine();
    stats.load(parseDataDir(dataDir!));
    handle = await createTestDatabase(engine);
    sink = await startSmtpSink();
    ({ app, deps } = testApp(handle, {
      stats,
      mailer: sink.mailer,
      config: testConfig({ RATE_LIMIT_DISABLED: '1' }),
    }));
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await sink.close();
    await handle.close();
  });

  const submit = async (body: unknown) => {
    const res = await postRequestsApi(app, body);
    expect(res.status).toBe(201);
    return (await res.json()) as { folio: string; trackingToken: string };
  };

  it('POST /api/v1/requests → delivered, oficio sealed (pdfsig verifies), e-mail with the oficio in the SMTP sink', async () => {
    worker = startWorker(deps, { handlers: jobHandlers(), pollMs: 20 });
    const { folio, trackingToken } = await submit(standard('ana@example.org'));

    // The requester sees it answered through the API.
    const view = await until('the request delivered', async () => {
      const res = await app.request(`/api/v1/requests/${folio}`, {
        headers: { authorization: `Bearer ${trackingToken}` },
      });
      const json = (await res.json()) as { status: string };
      return json.status === 'delivered' ? json : undefined;
    });
    expect(view.status).toBe('delivered');

    const req = (await findRequestByFolio(deps.db, folio))!;
    expect(req).toMatchObject({ status: 'delivered', answeredBy: 'auto' });
    const [oficio] = await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id));
    expect(oficio).toMatchObject({ signerRole: 'seal', status: 'valid' });
    const pdf = (await deps.documents.get(oficio!.sha256))!;
    expect(verifyPdfSignature(pdf).valid).toBe(true);
    if (poppler) expect(pdfsig(pdf)).toContain('Signature is Valid.');

    const mails = await until('both e-mails in the SMTP sink', async () => {
      const mine = sink.received.filter((m) => m.subject?.includes(folio));
      return mine.length >= 2 ? mine : undefined;
    });
    const delivered = mails.find((m) => m.subject === `Respuesta oficial a tu solicitud ${folio}`)!;
    expect(delivered).toBeDefined();
    expect(mails.some((m) => m.subject === `Recibimos tu solicitud ${folio}`)).toBe(true);
    const attached = delivered.attachments.find((a) => a.filename === `oficio-${folio}.pdf`)!;
    expect(attached.content.equals(pdf)).toBe(true);
    expect(delivered.html || '').toContain(`/verificar/${oficio!.verificationCode}`);
    expect(delivered.text).toContain('.xlsx');

    // Everything the system did is in the audit log as "sistema".
    const audit = await deps.db.select().from(auditLog).where(eq(auditLog.subject, folio));
    const bySystem = audit.filter((a) => a.actor === 'sistema').map((a) => a.action);
    expect(bySystem).toEqual(
      expect.arrayContaining(['answer.prepared', 'request.signed', 'request.delivered']),
    );
  });

  it('AUTO_ANSWER=approval: prepared and waiting for the director, who alone is told', async () => {
    const approval = { ...deps, config: testConfig({ AUTO_ANSWER: 'approval', RATE_LIMIT_DISABLED: '1' }) };
    const director = await aStaffUser(deps, 'director');
    await aStaffUser(deps, 'ventanilla');
    const req = await aRequest(deps.db, {
      indicators: ['population_total'],
      geo: 'mun:15033',
      years: [2020],
    });
    expect(await autoAnswerRequest(approval, req.id)).toEqual({ kind: 'prepared' });
    expect(await autoAnswerRequest(approval, req.id)).toEqual({ kind: 'skipped', why: 'not_received' });
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('pending_approval');
    const prepared = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    expect(prepared.map((a) => a.status)).toEqual(['prepared']);
    expect(await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id))).toHaveLength(0);
    const events = await deps.db.select().from(requestEvents).where(eq(requestEvents.requestId, req.id));
    expect(events.map((e) => [e.actor, e.toStatus])).toEqual([['sistema', 'pending_approval']]);
    // One e-mail per director, queued once although the job ran twice; nothing to the requester.
    const mails = (await deps.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'))).filter(
      (j) => JSON.stringify(j.payload).includes(req.folio),
    );
    expect(mails.map((j) => j.payload)).toEqual([
      {
        template: 'staff.answer_ready_for_signature',
        to: director.email,
        locale: 'es-MX',
        data: {
          folio: req.folio,
          staffUrl: `${approval.config.publicBaseUrl}/staff/solicitudes/${encodeURIComponent(req.folio)}`,
        },
      },
    ]);
  });

  it('a run cut short after sealing resumes at delivery', async () => {
    const req = await aRequest(deps.db, {
      indicators: ['population_total'],
      geo: 'mun:15058',
      years: [2020],
    });
    await buildAnswer(deps, { requestId: req.id }, SYSTEM);
    await signAnswer(deps, { requestId: req.id }, SYSTEM);
    expect(await autoAnswerRequest(deps, req.id)).toEqual({ kind: 'delivered' });
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('delivered');
    expect(await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id))).toHaveLength(1);
  });

  it('a request staff already triaged is left alone', async () => {
    const req = await aRequest(deps.db, { status: 'in_review', indicators: ['population_total'] });
    expect(await autoAnswerRequest(deps, req.id)).toEqual({ kind: 'skipped', why: 'not_received' });
    expect(await deps.db.select().from(answers).where(eq(answers.requestId, req.id))).toHaveLength(0);
  });
});
