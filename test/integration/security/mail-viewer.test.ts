// Issue 16 finding 6: /staff/correo only for roles that see personal data, secrets masked, every look audited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { auditLog } from '../../../src/db/schema/index.ts';
import { mailSendHandler } from '../../../src/jobs/handlers/mail-send.ts';
import { drainJobs } from '../../../src/jobs/worker.ts';
import { createMailer } from '../../../src/mail/transport.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { sendSignInLink } from '../../../src/services/requests/requester-access.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { lastSignInLink, staffClient } from '../../helpers/security.ts';

describe.each(testEngines())('the outgoing-mail viewer on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let app: ReturnType<typeof testApp>['app'];
  let dir: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'dato-mail-viewer-'));
    ({ app, deps } = testApp(handle, {
      config: testConfig({ DATA_DIR: dir }),
      mailer: createMailer({ dataDir: dir }),
    }));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await handle.close();
  });

  it('admin, auditor and técnico are refused; ventanilla and director read it with the sign-in link masked, audited', async () => {
    await aRequest(deps.db, { requesterEmail: 'lucia@example.org' });
    await sendSignInLink(deps, { email: 'lucia@example.org', locale: 'es-MX' });
    await drainJobs(deps, { handlers: { 'mail.send': mailSendHandler() } });
    const link = (await lastSignInLink(deps.db, 'lucia@example.org'))!;
    const token = link.split('/').at(-1)!;
    expect(token.length).toBeGreaterThanOrEqual(20);

    for (const role of ['admin', 'auditor', 'tecnico'] as const) {
      const { client } = await staffClient(app, deps, role);
      expect([role, (await client.get('/staff/correo')).status]).toEqual([role, 403]);
    }
    const { client, user } = await staffClient(app, deps, 'ventanilla');
    const list = await client.get('/staff/correo');
    expect(list.status).toBe(200);
    expect(list.html).toContain('lucia@example.org');
    const href = /href="(\/staff\/correo\/[0-9a-f]{24})"/.exec(list.html)![1]!;
    const one = await client.get(href);
    expect(one.status).toBe(200);
    expect(one.html).toContain('[oculto]');
    expect(one.html).not.toContain(token);
    const eml = await app.request(`${href}/eml`, {
      headers: { cookie: `dato_staff=${client.jar.get('dato_staff')}` },
    });
    expect(eml.status).toBe(200);
    const raw = await eml.text();
    expect(raw).toContain('[oculto]');
    expect(raw).not.toContain(token);
    expect(raw.replace(/=\r?\n/g, '')).not.toContain(token);

    const audits = await deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actor, `staff:${user.id}`));
    expect(audits.map((a) => a.action).sort()).toEqual(['mail.list_viewed', 'mail.viewed', 'mail.viewed']);

    const { client: director } = await staffClient(app, deps, 'director');
    expect((await director.get(href)).status).toBe(200);
  });
});
