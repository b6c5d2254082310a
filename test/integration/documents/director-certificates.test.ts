import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { createTestCa } from '../../../src/documents/dev-ca.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { installSigner } from '../../../src/services/answers/install-signer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aStaffUser, signInAs } from '../staff/staff-helpers.ts';
import { fakeStats } from './fake-stats.ts';

describe.each(testEngines())('installed signing certificates in the admin on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const ca = createTestCa({ now: new Date() });
  const first = ca.issue({ cn: 'Firma Anterior', o: 'COESPO' }, 'uno');
  const efirma = ca.issue({ cn: 'Lucía Hernández Muñoz', o: 'COESPO' }, 'dos');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { stats: fakeStats() }));
  }, 120_000);
  afterAll(() => handle.close());

  it("lists each certificate's use, holder, serial, validity and state; only for who manages settings", {
    timeout: 120_000,
  }, async () => {
    const lucia = await aStaffUser(deps, 'director', 'Lucía Hernández');
    await installSigner(deps, { role: 'director', cer: first.cer }, SYSTEM);
    const installed = await installSigner(
      deps,
      { role: 'director', cer: efirma.cer, staffId: lucia.actor.id },
      SYSTEM,
    );

    const admin = await signInAs(app, deps, await aStaffUser(deps, 'admin'));
    const index = await (await admin.get('/staff/admin')).text();
    expect(index).toContain('href="/staff/admin/certificados"');
    const res = await admin.get('/staff/admin/certificados');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Certificados de firma instalados');
    expect(html).toContain('e.firma de Lucía Hernández');
    expect(html).toContain('Lucía Hernández Muñoz');
    expect(html).toContain(installed.serial);
    // The first one was replaced by the second (one active director certificate at a time).
    expect(html).toContain('e.firma de la dirección');
    expect(html).toContain('Firma Anterior');
    expect(html).toMatch(/Activo[\s\S]*Inactivo/);
    expect(html).toMatch(/\d{1,2} de \w+ de \d{4} al \d{1,2} de \w+ de \d{4}/);

    const director = await signInAs(app, deps, lucia);
    expect((await director.get('/staff/admin/certificados')).status).toBe(403);
  });
});
