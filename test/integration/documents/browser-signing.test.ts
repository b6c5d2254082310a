import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio, moveRequestStatus } from '../../../src/db/requests.ts';
import { oficios } from '../../../src/db/schema/index.ts';
import { createTestCa } from '../../../src/documents/dev-ca.ts';
import { verifyPdfSignature } from '../../../src/documents/verify.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { installSigner } from '../../../src/services/answers/install-signer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { decryptKey, signBase64, signText } from '../../../src/web/staff/signing-crypto.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { hasPoppler, pdfsig } from '../../unit/documents/poppler.ts';
import { aStaffUser, type Browser, signInAs } from '../staff/staff-helpers.ts';
import { fakeStats } from './fake-stats.ts';

const poppler = hasPoppler();

describe.each(testEngines())("director's browser signing on %s", (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let browser: Browser;
  const ca = createTestCa({ now: new Date() });
  const efirma = ca.issue(
    { cn: 'Lucía Hernández Muñoz', o: 'Consejo Estatal de Población' },
    'contraseña del .key',
  );
  const other = ca.issue({ cn: 'Otra Persona', o: 'COESPO' }, 'otra');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { stats: fakeStats() }));
    // Only the certificate is registered; the .key stays with the "browser" below.
    await installSigner(deps, { role: 'director', cer: efirma.cer }, SYSTEM);
    browser = await signInAs(app, deps, await aStaffUser(deps, 'director'));
  });
  afterAll(() => handle.close());

  async function awaitingSignature() {
    const req = await aRequest(deps.db, {
      status: 'in_preparation',
      geo: 'set:15033,15058',
      formats: ['xlsx'],
    });
    const tecnico = await aStaffUser(deps, 'tecnico');
    await buildAnswer(deps, { requestId: req.id }, tecnico.actor);
    await moveRequestStatus(deps.db, req.id, 'in_preparation', 'pending_approval');
    return req;
  }

  async function postJson(path: string, body: unknown) {
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.request(path, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': browser.csrf,
      },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      json: (await res.json()) as Record<string, string> & { error?: { message: string } },
    };
  }

  it('signs in three steps with the key decrypted on the client; pdfsig verifies the result', async () => {
    const req = await awaitingSignature();
    const base = `/staff/solicitudes/${req.folio}/firmar`;
    const page = await browser.get(base);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/static/signing.min.js');
    expect(html).toContain('Tu archivo .key y tu contraseña no salen de tu computadora');

    expect(decryptKey(efirma.key, 'incorrecta')).toBeNull();
    const key = decryptKey(efirma.key, 'contraseña del .key')!;
    const started = await postJson(`${base}/iniciar`, {});
    expect(started.status).toBe(200);
    expect(started.json.cadena).toContain(req.folio);
    const sealed = await postJson(`${base}/sello`, {
      pendingId: started.json.pendingId,
      sello: signText(key, started.json.cadena!),
    });
    expect(sealed.status).toBe(200);
    const done = await postJson(`${base}/completar`, {
      pendingId: started.json.pendingId,
      signature: signBase64(key, sealed.json.signedAttributes!),
    });
    expect(done.status).toBe(200);
    expect(done.json.redirect).toBe(`/staff/solicitudes/${req.folio}`);

    // "Firmar y enviar": the director's one action also delivers (the e-mail is queued).
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('delivered');
    const [oficio] = await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id));
    expect(oficio).toMatchObject({ signerRole: 'director', test: true });
    const pdf = (await deps.documents.get(oficio!.sha256))!;
    const check = verifyPdfSignature(pdf);
    expect(check.valid).toBe(true);
    expect(check.certificate!.subject).toContain('Lucía Hernández Muñoz');
    if (poppler) expect(pdfsig(pdf)).toContain('Signature is Valid.');
  });

  it("refuses a signature made with a key that is not the director's registered one; nothing signed", async () => {
    const req = await awaitingSignature();
    const base = `/staff/solicitudes/${req.folio}/firmar`;
    await browser.get(base);
    const wrongKey = decryptKey(other.key, 'otra')!;
    const started = await postJson(`${base}/iniciar`, {});
    const sealed = await postJson(`${base}/sello`, {
      pendingId: started.json.pendingId,
      sello: signText(wrongKey, started.json.cadena!),
    });
    expect(sealed.status).toBe(422);
    expect(sealed.json.error!.message).toContain('no es válida para el certificado registrado');
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('pending_approval');
    expect(await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id))).toHaveLength(0);
  });

  it('a tecnico cannot open the signing page', async () => {
    const req = await awaitingSignature();
    const tecnico = await signInAs(app, deps, await aStaffUser(deps, 'tecnico'));
    expect((await tecnico.get(`/staff/solicitudes/${req.folio}/firmar`)).status).toBe(403);
  });
});
