import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio } from '../../../src/db/requests.ts';
import { answers, oficios, outboxJobs } from '../../../src/db/schema/index.ts';
import { createTestCa } from '../../../src/documents/dev-ca.ts';
import { fileSignerProvider } from '../../../src/documents/signer.ts';
import { verifyPdfSignature } from '../../../src/documents/verify.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import type { AppError } from '../../../src/domain/errors.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { deliverAnswer } from '../../../src/services/answers/deliver-answer.ts';
import { revokeOficio } from '../../../src/services/answers/revoke-oficio.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp } from '../../helpers/app.ts';
import { csrfOf } from '../../helpers/csrf.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { hasPoppler, pdfsig } from '../../unit/documents/poppler.ts';
import { fakeStats } from './fake-stats.ts';

const poppler = hasPoppler();

async function csrf(app: Hono<AppEnv>, path: string) {
  const page = await app.request(path);
  return csrfOf(page, await page.text());
}

describe.each(testEngines())('official answers on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { stats: fakeStats() }));
  });
  afterAll(() => handle.close());

  async function answered(formats = ['xlsx', 'csv', 'chart', 'oficio']) {
    const req = await aRequest(deps.db, { status: 'received', geo: 'set:15033,15058', formats });
    await buildAnswer(deps, { requestId: req.id }, SYSTEM);
    const signed = await signAnswer(deps, { requestId: req.id }, SYSTEM);
    return { req, signed };
  }

  it('builds, seals and delivers an automatic answer; pdfsig and Node verify the oficio', async () => {
    const { req, signed } = await answered();
    const [answer] = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    expect(answer!.status).toBe('signed');
    expect(answer!.files.map((f) => f.kind).sort()).toEqual([
      'chart',
      'csv',
      'csv_meta',
      'oficio',
      'xlsx',
      'zip',
    ]);
    const pdf = (await deps.documents.get(signed.sha256))!;
    expect(verifyPdfSignature(pdf).valid).toBe(true);
    if (poppler) {
      const report = pdfsig(pdf);
      expect(report).toContain('Signature is Valid.');
      expect(report).toContain('Total document signed');
    }
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('signed');
    const [oficio] = await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id));
    expect(oficio).toMatchObject({ sha256: signed.sha256, status: 'valid', signerRole: 'seal', test: true });
    expect(oficio!.number).toMatch(/^COESPO\/DO\/2026\/\d{6}$/);

    await deliverAnswer(deps, { requestId: req.id }, SYSTEM);
    const delivered = (await findRequestByFolio(deps.db, req.folio))!;
    expect(delivered.status).toBe('delivered');
    expect(delivered.deliveredAt).not.toBeNull();
    const [job] = await deps.db
      .select()
      .from(outboxJobs)
      .where(eq(outboxJobs.dedupeKey, `mail:request.delivered:${req.folio}`));
    const payload = job!.payload as {
      template: string;
      to: string;
      data: {
        attachDocumentIds: string[];
        documents: { name: string; label: string; url: string }[];
        bundle: { label: string; url: string };
        linksExpireAt: string;
        verificationUrl: string;
      };
    };
    expect(payload.template).toBe('request.delivered');
    expect(payload.to).toBe(req.requesterEmail);
    expect(payload.data.attachDocumentIds).toEqual([signed.sha256]);
    expect(payload.data.verificationUrl).toContain(`/verificar/${signed.verificationCode}`);
    // Each file but the ZIP in words with its size; the ZIP as "Descargar todo"; links expire in 30 days.
    expect(payload.data.documents).toHaveLength(5);
    expect(payload.data.documents.map((d) => d.label)).toContainEqual(
      expect.stringMatching(/^Tabla de datos \(Excel, \d+ KB\)$/),
    );
    expect(payload.data.documents.map((d) => d.label).join(' ')).not.toMatch(/csv_meta|\(chart\)|\(zip\)/);
    expect(payload.data.bundle.label).toMatch(/^Descargar todo \(ZIP, \d+ KB\)$/);
    expect(new Date(payload.data.linksExpireAt).getTime() - delivered.deliveredAt!.getTime()).toBe(
      30 * 24 * 3600_000,
    );

    // Each link downloads its exact bytes; a changed signature is refused.
    const link = payload.data.documents.find((d) => d.name.endsWith('.pdf'))!;
    const res = await app.request(link.url.replace(deps.config.publicBaseUrl, ''));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    const forged = await app.request(
      link.url.replace(deps.config.publicBaseUrl, '').replace(/s=[^&]+/, 's=AAAA'),
    );
    expect(forged.status).toBe(403);
  });

  it('numbers oficios in sequence', async () => {
    const a = await answered(['xlsx']);
    const b = await answered(['xlsx']);
    const n = (s: string) => Number(s.split('/').at(-1));
    expect(n(b.signed.number)).toBe(n(a.signed.number) + 1);
  });

  it('/verificar shows the oficio without personal data; an uploaded copy is checked', async () => {
    const { req, signed } = await answered(['xlsx']);
    const page = await app.request(`/verificar/${signed.verificationCode.toLowerCase()}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(req.folio);
    expect(html).toContain(signed.sha256);
    expect(html).toContain('Válido');
    expect(html).toContain('no tiene validez oficial');
    expect(html).not.toContain(req.requesterName);
    expect(html).not.toContain(req.requesterEmail);

    const pdf = (await deps.documents.get(signed.sha256))!;
    const upload = async (bytes: Uint8Array) => {
      const { cookie, token } = await csrf(app, `/verificar/${signed.verificationCode}`);
      const form = new FormData();
      form.set('_csrf', token);
      form.set('archivo', new File([new Uint8Array(bytes)], 'oficio.pdf', { type: 'application/pdf' }));
      const res = await app.request(`/verificar/${signed.verificationCode}`, {
        method: 'POST',
        body: form,
        headers: { cookie },
      });
      // The result is in the response to the upload; a URL can never carry one.
      expect(res.status).toBe(200);
      expect(res.headers.get('location')).toBeNull();
      return res.text();
    };
    expect(await upload(pdf)).toContain(
      'El archivo es idéntico al documento oficial registrado y su firma electrónica es válida.',
    );
    const tampered = Buffer.from(pdf);
    tampered[300] = tampered[300]! ^ 0x01;
    expect(await upload(tampered)).toContain('El archivo fue modificado');
  });

  it('a revoked or replaced oficio says so on /verificar', async () => {
    const first = await answered(['xlsx']);
    const second = await answered(['xlsx']);
    const third = await answered(['xlsx']);
    await revokeOficio(deps, { code: first.signed.verificationCode, reason: 'Error en la cifra' }, SYSTEM);
    await revokeOficio(
      deps,
      {
        code: second.signed.verificationCode,
        replacedByCode: third.signed.verificationCode,
        reason: 'Corrección',
      },
      SYSTEM,
    );
    expect(await (await app.request(`/verificar/${first.signed.verificationCode}`)).text()).toContain(
      'Revocado',
    );
    expect(await (await app.request(`/verificar/${second.signed.verificationCode}`)).text()).toContain(
      'Sustituido por otro documento',
    );
    expect(await (await app.request(`/verificar/${third.signed.verificationCode}`)).text()).toContain(
      'Válido',
    );
    const tecnico = {
      type: 'staff' as const,
      id: '00000000-0000-0000-0000-000000000002',
      role: 'tecnico' as const,
    };
    const err = await revokeOficio(deps, { code: third.signed.verificationCode, reason: 'x' }, tecnico).catch(
      (e: AppError) => e,
    );
    expect((err as AppError).messageKey).toBe('error.forbidden');
  });

  it('unknown or malformed code → 404 page', async () => {
    expect((await app.request('/verificar/0000-0000-0000-0000')).status).toBe(404);
    expect((await app.request('/verificar/no-es-un-codigo')).status).toBe(404);
  });

  it('refuses to seal for staff, twice, or without a prepared answer', async () => {
    const req = await aRequest(deps.db, { status: 'received', geo: 'set:15033,15058' });
    const code = async (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: AppError) => e.messageKey,
      );
    expect(await code(signAnswer(deps, { requestId: req.id }, SYSTEM))).toBe('documents.error.no_answer');
    await buildAnswer(deps, { requestId: req.id }, SYSTEM);
    expect(
      await code(
        signAnswer(
          deps,
          { requestId: req.id },
          { type: 'staff', id: '00000000-0000-0000-0000-000000000001', role: 'director' },
        ),
      ),
    ).toBe('error.forbidden');
    await signAnswer(deps, { requestId: req.id }, SYSTEM);
    expect(await code(signAnswer(deps, { requestId: req.id }, SYSTEM))).toBe('error.invalid_transition');
  });

  it('a seal with a wrong password signs nothing and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dato-seal-'));
    try {
      const ca = createTestCa({ now: new Date() });
      const f = ca.issue({ cn: 'Sello', o: 'COESPO' }, 'buena');
      const signersDir = join(dir, 'config', 'signers');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(signersDir, { recursive: true });
      writeFileSync(join(signersDir, 'seal.cer'), f.cer);
      writeFileSync(join(signersDir, 'seal.key'), f.key);
      const bad = { ...deps, signers: fileSignerProvider(dir, 'mala') };
      const req = await aRequest(deps.db, { status: 'received', geo: 'set:15033,15058' });
      await buildAnswer(bad, { requestId: req.id }, SYSTEM);
      const err = await signAnswer(bad, { requestId: req.id }, SYSTEM).catch((e: AppError) => e);
      expect((err as AppError).messageKey).toBe('documents.error.wrong_password');
      expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('received');
      expect(await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id))).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
