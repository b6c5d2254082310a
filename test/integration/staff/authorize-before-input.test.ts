import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio } from '../../../src/db/requests.ts';
import { testApp } from '../../helpers/app.ts';
import { csrfOf } from '../../helpers/csrf.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffSession } from '../../helpers/staff-session.ts';

// The permission is checked before the input: a role without it learns nothing from validation errors.
describe.each(testEngines())('staff actions authorise before reading input on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it.each([
    ['prevenir', 'received'],
    ['rechazar', 'in_review'],
    ['asignar', 'in_review'],
    ['devolver', 'pending_approval'],
  ] as const)(
    'a técnico posting an empty %s form gets 403, and the request does not move',
    async (slug, status) => {
      const { app } = testApp(handle);
      const req = await aRequest(handle.db, { status });
      const { cookie } = await aStaffSession(handle.db, 'tecnico', { email: `tec-${slug}@coespo.example` });
      const page = await app.request(`/staff/solicitudes/${req.folio}`, { headers: { cookie } });
      const csrf = csrfOf(page, await page.text());
      const res = await app.request(`/staff/solicitudes/${req.folio}/${slug}`, {
        method: 'POST',
        headers: { cookie: `${cookie}; ${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf.token }).toString(),
      });
      expect(res.status).toBe(403);
      expect((await findRequestByFolio(handle.db, req.folio))?.status).toBe(status);
    },
  );
});
