import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enqueueJob } from '../../../src/db/outbox.ts';
import { auditLog, outboxJobs, requestEvents, requests } from '../../../src/db/schema/index.ts';
import { jobHandlers } from '../../../src/jobs/handlers/index.ts';
import { drainJobs } from '../../../src/jobs/worker.ts';
import { autoAnswerRequest } from '../../../src/services/auto-answer/auto-answer-request.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { metricsRegistry } from '../../../src/services/ops/metrics.ts';
import { testConfig } from '../../helpers/app.ts';
import { testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { withTestDeps } from '../../helpers/suite.ts';

// Without imported data the engine knows the catalog but cannot answer: every request stays for staff.
describe.each(testEngines())('automatic answer declined on %s', (engine) => {
  let deps: Deps;
  withTestDeps(engine, {}, (d) => {
    deps = d;
  });

  const notes = (requestId: string) =>
    deps.db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId));
  const statusOf = async (id: string) =>
    (await deps.db.select().from(requests).where(eq(requests.id, id)))[0]!.status;

  it('an "otro" request stays received with an internal note, audited as sistema, once', async () => {
    const req = await aRequest(deps.db, { otherText: 'Datos de migración por colonia' });
    await enqueueJob(deps.db, {
      kind: 'request.auto_answer',
      dedupeKey: `auto_answer:${req.folio}`,
      runAt: new Date(),
      payload: { requestId: req.id },
    });
    await drainJobs(deps, { handlers: jobHandlers() });
    // The job runs again (e.g. after a crash): still one note.
    expect(await autoAnswerRequest(deps, req.id)).toEqual({
      kind: 'declined',
      reasonKey: 'auto_answer.reason.other',
    });
    expect(await statusOf(req.id)).toBe('received');
    const events = await notes(req.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: 'sistema',
      action: 'auto_answer.declined',
      visibleToRequester: false,
    });
    expect(events[0]!.message).toContain('«otro»');
    const audit = await deps.db.select().from(auditLog).where(eq(auditLog.subject, req.folio));
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['sistema', 'request.auto_answer_declined']]);
    const [job] = await deps.db
      .select()
      .from(outboxJobs)
      .where(eq(outboxJobs.dedupeKey, `auto_answer:${req.folio}`));
    expect(job!.status).toBe('done');
    const metric = await metricsRegistry.getSingleMetricAsString('dato_auto_answer_duration_seconds');
    expect(metric).toMatch(/dato_auto_answer_duration_seconds_count\{outcome="declined"\} [1-9]/);
  });

  it('a request whose data is not loaded stays for ventanilla, saying so', async () => {
    const req = await aRequest(deps.db, {
      indicators: ['population_total'],
      geo: 'mun:15106',
      years: [2020],
    });
    const outcome = await autoAnswerRequest(deps, req.id);
    expect(outcome.kind).toBe('declined');
    const [note] = await notes(req.id);
    expect(note!.message).toMatch(
      /^No se respondió automáticamente: .+ Queda para atención de ventanilla\.$/,
    );
    expect(await statusOf(req.id)).toBe('received');
  });

  it('an unresolvable polygon stays for ventanilla', async () => {
    const req = await aRequest(deps.db, {
      geo: 'polygon',
      geoGeojson: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [0, 1],
            [1, 1],
            [0, 0],
          ],
        ],
      },
    });
    expect(await autoAnswerRequest(deps, req.id)).toEqual({
      kind: 'declined',
      reasonKey: 'auto_answer.reason.polygon',
    });
    expect(await statusOf(req.id)).toBe('received');
  });

  it('does nothing with AUTO_ANSWER=off or once staff moved the request', async () => {
    const off = { ...deps, config: testConfig({ AUTO_ANSWER: 'off' }) };
    const a = await aRequest(deps.db, { otherText: 'algo' });
    expect(await autoAnswerRequest(off, a.id)).toEqual({ kind: 'skipped', why: 'off' });
    const b = await aRequest(deps.db, { status: 'in_review', otherText: 'algo' });
    expect(await autoAnswerRequest(deps, b.id)).toEqual({ kind: 'skipped', why: 'not_received' });
    expect(await notes(a.id)).toHaveLength(0);
    expect(await notes(b.id)).toHaveLength(0);
  });

  it('dead-letters a job for a request that does not exist', async () => {
    await enqueueJob(deps.db, {
      kind: 'request.auto_answer',
      dedupeKey: 'auto_answer:ghost',
      runAt: new Date(),
      payload: { requestId: '00000000-0000-4000-8000-000000000000' },
    });
    await drainJobs(deps, { handlers: jobHandlers() });
    const [job] = await deps.db
      .select()
      .from(outboxJobs)
      .where(eq(outboxJobs.dedupeKey, 'auto_answer:ghost'));
    expect(job!.status).toBe('dead');
  });
});
