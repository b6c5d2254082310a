// Issue 16 finding 11: the duplicate guard never tells a folio to whoever typed an address.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs } from '../../../src/db/schema/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { requestBody } from '../reliability/harness.ts';

describe.each(testEngines())('the duplicate guard on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let app: ReturnType<typeof testApp>['app'];
  const clock = fixedClock('2026-11-24T17:00:00Z');
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock, config: testConfig({ RATE_LIMIT_DISABLED: '1' }) }));
  });
  afterAll(() => handle.close());

  const post = (body: unknown) =>
    app.request('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('another person sending the same question from someone’s address learns no folio; the owner is e-mailed it once a day', async () => {
    const owner = requestBody('duplicado', 1);
    const first = (await (await post(owner)).json()) as { folio: string };
    const intruder = { ...owner, requester: { ...owner.requester, name: 'Otra Persona' } };
    for (let i = 0; i < 3; i++) {
      const res = await post(intruder);
      expect(res.status).toBe(409);
      const text = await res.text();
      expect(text).not.toContain(first.folio);
      expect(text).toContain('Enviamos su folio a ese correo');
    }
    const notices = (await deps.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'))).filter(
      (j) => j.dedupeKey?.startsWith('mail:request.duplicate_notice:'),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.payload).toMatchObject({
      to: owner.requester.email,
      data: { folio: first.folio },
    });
  });
});
