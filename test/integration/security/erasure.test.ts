// Issue 16 finding 10: an erasure revokes the download links and deletes the stored mail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { outboxJobs } from '../../../src/db/schema/index.ts';
import { downloadPath } from '../../../src/documents/links.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { jobHandlers } from '../../../src/jobs/handlers/index.ts';
import { drainJobs } from '../../../src/jobs/worker.ts';
import { listDevMailFiles } from '../../../src/mail/dev-mail-files.ts';
import { createMailer } from '../../../src/mail/transport.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { anonymizeRequests } from '../../../src/services/privacy/anonymize.ts';
import { sendSignInLink } from '../../../src/services/requests/requester-access.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aDeliveredRequest } from '../../helpers/security.ts';

describe.each(testEngines())('erasure of links and mail on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let app: ReturnType<typeof testApp>['app'];
  let dir: string;
  const clock = fixedClock('2026-11-26T17:00:00Z');
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'dato-erasure-'));
    ({ app, deps } = testApp(handle, {
      clock,
      config: testConfig({ DATA_DIR: dir }),
      mailer: createMailer({ dataDir: dir }),
    }));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await handle.close();
  });

  const mailTo = async (email: string) =>
    (await listDevMailFiles(dir)).filter((m) => m.toAddresses.includes(email)).length;

  it('after an erasure the old download links answer 403 in Spanish and the person’s mail is gone', async () => {
    const gone = await aDeliveredRequest(deps, {
      email: 'olvido@example.org',
      fileText: 'municipio,valor\nA,1\n',
    });
    const kept = await aDeliveredRequest(deps, {
      email: 'sigue@example.org',
      fileText: 'municipio,valor\nB,2\n',
    });
    const expires = new Date(clock.now().getTime() + 30 * 86_400_000);
    const linkGone = downloadPath(deps.secret, gone.sha256, 'datos.csv', expires);
    const linkKept = downloadPath(deps.secret, kept.sha256, 'datos.csv', expires);
    expect((await app.request(linkGone)).status).toBe(200);
    for (const email of ['olvido@example.org', 'sigue@example.org'])
      await sendSignInLink(deps, { email, locale: 'es-MX' });
    await drainJobs(deps, { handlers: jobHandlers() });
    expect(await mailTo('olvido@example.org')).toBe(1);

    await deps.db.transaction((tx) =>
      anonymizeRequests(
        tx,
        [gone.request.id],
        SYSTEM,
        { reason: 'arco', arcoCode: 'ARCO-PRUEBA' },
        clock.now(),
      ),
    );
    await drainJobs(deps, { handlers: jobHandlers() });

    const refused = await app.request(linkGone);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('los datos personales de la solicitud se eliminaron');
    expect(await mailTo('olvido@example.org')).toBe(0);
    const jobs = await deps.db.select().from(outboxJobs);
    expect(JSON.stringify(jobs.map((j) => j.payload))).not.toContain('olvido@example.org');
    // The signed files stay in the store (for /verificar); someone else's links and mail are untouched.
    expect(await deps.documents.get(gone.sha256)).not.toBeNull();
    expect((await app.request(linkKept)).status).toBe(200);
    expect(await mailTo('sigue@example.org')).toBe(1);

    // The second pass (after the confirmation e-mail) runs an hour later and finds nothing more.
    clock.advance(61 * 60_000);
    await drainJobs(deps, { handlers: jobHandlers() });
    expect(await mailTo('olvido@example.org')).toBe(0);
  });
});
