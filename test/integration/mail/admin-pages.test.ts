import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { enqueueJob } from '../../../src/db/outbox.ts';
import { auditLog, outboxJobs } from '../../../src/db/schema/index.ts';
import type { StaffRole } from '../../../src/domain/actor.ts';
import { mailSendHandler } from '../../../src/jobs/handlers/mail-send.ts';
import { drainJobs } from '../../../src/jobs/worker.ts';
import { createMailer } from '../../../src/mail/transport.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { queueMail } from '../../../src/services/mail/send-queued-mail.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { csrfOf } from '../../helpers/csrf.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aStaffSession } from '../../helpers/staff-session.ts';

describe.each(testEngines())('admin pages /staff/correo and /staff/tareas on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let dir: string;
  const cookies: Partial<Record<StaffRole, string>> = {};

  async function signIn(role: StaffRole) {
    cookies[role] = (await aStaffSession(deps.db, role)).cookie;
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'dato-admin-mail-'));
    const t = testApp(handle, {
      config: testConfig({ DATA_DIR: dir }),
      mailer: createMailer({ dataDir: dir }),
    });
    app = t.app;
    deps = t.deps;
    for (const role of ['admin', 'tecnico', 'auditor', 'ventanilla', 'director'] as const) await signIn(role);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await handle.close();
  });

  it('lists development e-mails for roles that see personal data, shows one, and refuses the others', async () => {
    await queueMail(deps.db, deps, {
      template: 'request.rejected',
      to: 'ana@example.org',
      data: {
        folio: 'COESPO-2026-000009',
        reason: '<i>Fuera de competencia</i>',
        trackingUrl: 'https://x.example/c',
      },
      dedupeKey: 'mail:request.rejected:COESPO-2026-000009',
    });
    await drainJobs(deps, { handlers: { 'mail.send': mailSendHandler() } });

    const list = await app.request('/staff/correo', { headers: { cookie: cookies.ventanilla! } });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('Tu solicitud COESPO-2026-000009 no es procedente');
    expect(html).toContain('ana@example.org');
    const href = /href="(\/staff\/correo\/[0-9a-f]{24})"/.exec(html)?.[1];
    expect(href).toBeTruthy();

    const one = await (await app.request(href!, { headers: { cookie: cookies.director! } })).text();
    expect(one).toContain('&lt;i&gt;Fuera de competencia&lt;/i&gt;');
    const eml = await app.request(`${href}/eml`, { headers: { cookie: cookies.ventanilla! } });
    expect(eml.headers.get('content-type')).toBe('message/rfc822');

    for (const role of ['tecnico', 'admin', 'auditor'] as const)
      expect((await app.request('/staff/correo', { headers: { cookie: cookies[role]! } })).status).toBe(403);
    expect((await app.request('/staff/correo')).status).toBe(303);
    expect(
      (await app.request('/staff/correo/..%2F..%2Fsecret', { headers: { cookie: cookies.ventanilla! } }))
        .status,
    ).toBe(404);
  });

  it('lists dead jobs and "reintentar" puts one back in the queue, audited', async () => {
    await enqueueJob(deps.db, { kind: 'test.broken', dedupeKey: 'broken:1', runAt: new Date(), payload: {} });
    await drainJobs(deps, { handlers: {} }); // no handler: dead at once
    const [dead] = await deps.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, 'broken:1'));
    expect(dead!.status).toBe('dead');

    const page = await app.request('/staff/tareas', { headers: { cookie: cookies.admin! } });
    const html = await page.text();
    expect(html).toContain('test.broken');
    const csrf = csrfOf(page, html);

    const post = (cookie: string) =>
      app.request(`/staff/tareas/${dead!.id}/reintentar`, {
        method: 'POST',
        headers: {
          cookie: `${cookie}; ${csrf.cookie}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `_csrf=${encodeURIComponent(csrf.token)}`,
      });
    expect((await post(cookies.auditor!)).status).toBe(403);
    const res = await post(cookies.admin!);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/tareas?reintentada=${dead!.id}`);
    const [again] = await deps.db.select().from(outboxJobs).where(eq(outboxJobs.id, dead!.id));
    expect(again).toMatchObject({ status: 'pending', attempts: 0 });
    const audit = await deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `outbox:${dead!.id}`));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('outbox.retry');
    // Not dead any more: a second retry is a conflict.
    expect((await post(cookies.admin!)).status).toBe(409);
  });
});
