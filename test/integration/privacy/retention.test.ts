import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { RequestRow } from '../../../src/db/requests.ts';
import {
  auditLog,
  requestEvents,
  requesterSessions,
  requests,
  satisfactionSurveys,
} from '../../../src/db/schema/index.ts';
import { retentionSweep } from '../../../src/jobs/sweeps/retention.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { fixedClock, testConfig, testDeps } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';

describe.each(testEngines())('retention of personal data on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  const clock = fixedClock('2031-06-01T12:00:00Z');
  let due: RequestRow;
  let dueCancelled: RequestRow;
  let recent: RequestRow;
  let stillOpen: RequestRow;
  let alreadyAnonymised: RequestRow;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ deps } = testDeps(handle, { clock }));
    const old = new Date('2026-01-10T16:00:00Z');
    due = await aRequest(handle.db, {
      status: 'delivered',
      receivedAt: old,
      deliveredAt: new Date('2026-01-12T16:00:00Z'),
      requesterName: 'Rosa Díaz',
      requesterEmail: 'rosa@example.org',
      requesterOrganization: 'Universidad',
      requesterPhone: '7221234567',
      requesterSector: 'academia',
      purpose: 'Mi tesis de maestría',
      otherText: 'datos de mi colonia',
    });
    dueCancelled = await aRequest(handle.db, {
      status: 'cancelled',
      receivedAt: old,
      closedAt: new Date('2026-01-11T16:00:00Z'),
      requesterEmail: 'rosa@example.org',
    });
    // Closed 4 years before "now": not due with the default of 5 years.
    recent = await aRequest(handle.db, {
      status: 'delivered',
      receivedAt: new Date('2027-05-01T16:00:00Z'),
      deliveredAt: new Date('2027-05-02T16:00:00Z'),
      requesterEmail: 'otra@example.org',
    });
    // Received long ago but never closed: nobody's data is removed while it is in progress.
    stillOpen = await aRequest(handle.db, {
      status: 'in_review',
      receivedAt: old,
      updatedAt: old,
      requesterEmail: 'abierta@example.org',
    });
    alreadyAnonymised = await aRequest(handle.db, {
      status: 'rejected',
      receivedAt: old,
      closedAt: old,
      requesterName: '',
      requesterEmail: '',
      anonymizedAt: new Date('2030-01-01T00:00:00Z'),
    });
    await handle.db.insert(requestEvents).values({
      requestId: due.id,
      at: old,
      actor: 'staff:x',
      action: 'clarification_answered',
      message: 'Soy Rosa, mi teléfono es 7221234567',
    });
    await handle.db.insert(satisfactionSurveys).values({
      requestId: due.id,
      answered: 'yes',
      ease: 5,
      comment: 'Gracias, Rosa',
      submittedAt: old,
    });
    await handle.db.insert(requesterSessions).values({
      idHash: 'h',
      email: 'rosa@example.org',
      createdAt: old,
      expiresAt: new Date('2032-01-01T00:00:00Z'),
    });
  });
  afterAll(() => handle.close());

  const load = async (r: RequestRow) =>
    (await handle.db.select().from(requests).where(eq(requests.id, r.id)))[0]!;

  it('anonymises only requests closed more than RETENTION_YEARS ago, keeping the statistics', async () => {
    const result = (await retentionSweep.run(deps)) as { anonymized: number };
    expect(result.anonymized).toBe(2);

    const after = await load(due);
    expect(after).toMatchObject({
      requesterName: '',
      requesterOrganization: null,
      requesterPhone: null,
      purpose: '',
      otherText: '',
      anonymizedAt: clock.now(),
      // Statistics stay.
      requesterSector: 'academia',
      status: 'delivered',
      indicators: due.indicators,
      geo: due.geo,
      years: due.years,
      receivedAt: due.receivedAt,
      deliveredAt: due.deliveredAt,
    });
    expect(after.trackingTokenHash).not.toBe(due.trackingTokenHash);
    // The address becomes a random pseudonym, the same for one person's requests (distinct requesters
    // still count right in the results) and useless for mail or sign-in.
    expect(after.requesterEmail).toMatch(/^anonimo:[A-Za-z0-9_-]+$/);
    expect((await load(dueCancelled)).requesterEmail).toBe(after.requesterEmail);

    const [event] = await handle.db.select().from(requestEvents).where(eq(requestEvents.requestId, due.id));
    expect(event!.message).toBeNull();
    const [survey] = await handle.db
      .select()
      .from(satisfactionSurveys)
      .where(eq(satisfactionSurveys.requestId, due.id));
    expect(survey).toMatchObject({ answered: 'yes', ease: 5, comment: null });
    expect(await handle.db.select().from(requesterSessions)).toEqual([]);

    for (const untouched of [recent, stillOpen]) {
      const row = await load(untouched);
      expect(row.requesterEmail).toBe(untouched.requesterEmail);
      expect(row.anonymizedAt).toBeNull();
    }
    expect((await load(alreadyAnonymised)).anonymizedAt).toEqual(new Date('2030-01-01T00:00:00Z'));

    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'request.personal_data_anonymized'));
    expect(audits.map((a) => a.subject).sort()).toEqual([due.folio, dueCancelled.folio].sort());
    expect(audits.every((a) => a.actor === 'sistema' && a.data.reason === 'retention')).toBe(true);
    // No personal data in the audit log.
    expect(JSON.stringify(audits)).not.toContain('rosa@example.org');
  });

  it('is idempotent: a second run changes nothing and writes no audit entry', async () => {
    const before = await handle.db.select().from(auditLog);
    const result = (await retentionSweep.run(deps)) as { anonymized: number };
    expect(result.anonymized).toBe(0);
    expect(await handle.db.select().from(auditLog)).toHaveLength(before.length);
  });

  it('follows RETENTION_YEARS', async () => {
    const shorter = testDeps(handle, { clock, config: testConfig({ RETENTION_YEARS: '3' }) }).deps;
    const result = (await retentionSweep.run(shorter)) as { anonymized: number };
    expect(result.anonymized).toBe(1);
    expect((await load(recent)).anonymizedAt).not.toBeNull();
    const open = await handle.db
      .select()
      .from(requests)
      .where(inArray(requests.id, [stillOpen.id]));
    expect(open[0]!.anonymizedAt).toBeNull();
  });
});
