import { and, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { requestEvents } from '../../../src/db/schema/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffUser, signInAs } from './staff-helpers.ts';

// PostgreSQL text cannot hold NUL: the staff forms read through the same reader as the public ones,
// which drops it, instead of failing the insert with a 500.
describe.each(testEngines())('staff forms drop NUL bytes on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle));
  });
  afterAll(() => handle.close());

  it('an internal note with a NUL byte is saved without it', async () => {
    const b = await signInAs(app, deps, await aStaffUser(deps, 'ventanilla'));
    const req = await aRequest(deps.db);
    const res = await b.post(`/staff/solicitudes/${req.folio}/nota`, { note: 'antes\0después' });
    expect(res.status).toBe(303);
    const notes = await deps.db
      .select({ message: requestEvents.message })
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, req.id), eq(requestEvents.action, 'note')));
    expect(notes.map((n) => n.message)).toEqual(['antesdespués']);
  });
});
