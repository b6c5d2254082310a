import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { oficios, signingCertificates } from '../../../src/db/schema/index.ts';
import { sha256Hex } from '../../../src/documents/codes.ts';
import { issueOficio } from '../../../src/documents/issue.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp } from '../../helpers/app.ts';
import { csrfOf } from '../../helpers/csrf.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aDraft, testSigner } from '../../unit/documents/fixtures.ts';
import { fakeStats } from '../documents/fake-stats.ts';

const GENUINE = 'El archivo es idéntico al documento oficial registrado y su firma electrónica es válida.';
const RESULT_HEADING = 'Resultado de la comprobación';

describe.each(testEngines())(
  '/verificar: a result only from an upload, a signature only from the agency (%s)',
  (engine) => {
    let handle: DatabaseHandle;
    let app: Hono<AppEnv>;
    let deps: Deps;
    let agency: string;
    beforeAll(async () => {
      handle = await createTestDatabase(engine);
      ({ app, deps } = testApp(handle, { stats: fakeStats() }));
      agency = deps.config.agency.name;
    });
    afterAll(() => handle.close());

    async function signedOficio() {
      const req = await aRequest(deps.db, { status: 'received', geo: 'set:15033,15058', formats: ['xlsx'] });
      await buildAnswer(deps, { requestId: req.id }, SYSTEM);
      const signed = await signAnswer(deps, { requestId: req.id }, SYSTEM);
      return { ...signed, pdf: (await deps.documents.get(signed.sha256))! };
    }

    async function upload(code: string, bytes: Uint8Array) {
      const page = await app.request(`/verificar/${code}`);
      const { cookie, token } = csrfOf(page, await page.text());
      const form = new FormData();
      form.set('_csrf', token);
      form.set('archivo', new File([new Uint8Array(bytes)], 'oficio.pdf', { type: 'application/pdf' }));
      const res = await app.request(`/verificar/${code}`, {
        method: 'POST',
        body: form,
        headers: { cookie },
      });
      return { status: res.status, location: res.headers.get('location'), html: await res.text() };
    }

    /** A PDF with the same letter, signed by a throw-away CA nobody registered: self-consistent, not the agency's. */
    async function foreignPdf(code: string) {
      const { signer } = testSigner(deps.clock.now());
      return (await issueOficio(aDraft({ verificationCode: code }), signer)).pdf;
    }

    it('a URL cannot show a result: the query string of the old redirect shows only the record and the form', async () => {
      const { verificationCode } = await signedOficio();
      const res = await app.request(`/verificar/${verificationCode}?resultado=coincide&firma=valida`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain(GENUINE);
      expect(html).not.toContain(RESULT_HEADING);
      expect(html).not.toContain('Firma electrónica: válida');
      expect(html).toContain('name="archivo"');
    });

    it('the genuine copy: the result is in the response to the upload (no redirect), both checks named', async () => {
      const { verificationCode, pdf } = await signedOficio();
      const res = await upload(verificationCode, pdf);
      expect(res.status).toBe(200);
      expect(res.location).toBeNull();
      expect(res.html).toContain(RESULT_HEADING);
      expect(res.html).toContain(GENUINE);
      expect(res.html).toContain('Idéntico al documento registrado con este código.');
      expect(res.html).toContain(`Válida: firmado con un certificado registrado por ${agency}`);
      expect(res.html).toContain('class="result-panel result-panel--ok"');
      expect(res.html).not.toContain('mark--bad');
    });

    it('a PDF signed by another CA is "no es un documento emitido por" the agency, never a valid signature', async () => {
      const { verificationCode } = await signedOficio();
      const res = await upload(verificationCode, await foreignPdf(verificationCode));
      expect(res.status).toBe(200);
      expect(res.html).toContain(`Este archivo no es un documento emitido por ${agency}.`);
      expect(res.html).toContain(
        `No es un documento emitido por ${agency}: el certificado que firmó no es uno registrado`,
      );
      expect(res.html).toContain('El archivo fue modificado: no es idéntico al documento registrado.');
      expect(res.html).not.toContain('Válida:');
      expect(res.html).not.toContain(GENUINE);
    });

    it('even when the record names the foreign file (a changed database row), its signature is not the agency’s', async () => {
      const { verificationCode } = await signedOficio();
      const forged = await foreignPdf(verificationCode);
      await deps.db
        .update(oficios)
        .set({ sha256: sha256Hex(forged) })
        .where(eq(oficios.verificationCode, verificationCode));
      const res = await upload(verificationCode, forged);
      expect(res.html).toContain('Idéntico al documento registrado con este código.');
      expect(res.html).toContain(`Este archivo no es un documento emitido por ${agency}.`);
      expect(res.html).not.toContain(GENUINE);
    });

    it('a changed copy of a genuine oficio: "el archivo fue modificado"', async () => {
      const { verificationCode, pdf } = await signedOficio();
      const changed = Buffer.from(pdf);
      changed[300] = changed[300]! ^ 0x01;
      const res = await upload(verificationCode, changed);
      expect(res.html).toContain(
        'El archivo fue modificado: no es el documento oficial registrado con este código.',
      );
      expect(res.html).toContain('La firma está dañada o no corresponde al contenido del archivo.');
      // Shown as a failure (red, ✗), and the registered record carries no green «Válido» beside it.
      expect(res.html).toContain('class="result-panel result-panel--bad"');
      expect(res.html).toContain('class="mark mark--bad"');
      expect(res.html).not.toContain('result-panel--ok');
      expect(res.html).not.toContain('mark--ok');
    });

    it('the agency’s certificate outside its validity, or after it was replaced, at the signing time is not valid', async () => {
      const { verificationCode, pdf } = await signedOficio();
      const [row] = await deps.db
        .select()
        .from(oficios)
        .where(eq(oficios.verificationCode, verificationCode));
      const [cert] = await deps.db
        .select()
        .from(signingCertificates)
        .where(eq(signingCertificates.sha256, row!.certificateSha256));
      expect(cert).toBeDefined();

      await deps.db
        .update(oficios)
        .set({ signedAt: new Date(cert!.notBefore.getTime() - 86_400_000) })
        .where(eq(oficios.id, row!.id));
      const early = await upload(verificationCode, pdf);
      expect(early.html).toContain(
        `El certificado de ${agency} con el que se firmó no estaba vigente en la fecha de firma.`,
      );
      expect(early.html).toContain('El contenido es el registrado, pero su firma electrónica no es válida');

      // Replaced by another seal before the (registered) signing time.
      const replacedAt = new Date(cert!.createdAt.getTime() + 1000);
      await deps.db
        .update(signingCertificates)
        .set({ active: false })
        .where(eq(signingCertificates.id, cert!.id));
      await deps.db.insert(signingCertificates).values({
        role: cert!.role,
        subject: 'CN=Otro sello',
        serial: '99',
        sha256: 'f'.repeat(64),
        der: cert!.der,
        notBefore: cert!.notBefore,
        notAfter: cert!.notAfter,
        createdAt: replacedAt,
      });
      await deps.db
        .update(oficios)
        .set({ signedAt: new Date(replacedAt.getTime() + 60_000) })
        .where(eq(oficios.id, row!.id));
      const late = await upload(verificationCode, pdf);
      expect(late.html).toContain(`ya había sido dado de baja en la fecha de firma`);
      // Signed before the replacement: still valid.
      await deps.db
        .update(oficios)
        .set({ signedAt: new Date(replacedAt.getTime() - 1) })
        .where(eq(oficios.id, row!.id));
      expect((await upload(verificationCode, pdf)).html).toContain(GENUINE);
      await deps.db.delete(signingCertificates).where(eq(signingCertificates.sha256, 'f'.repeat(64)));
      await deps.db
        .update(signingCertificates)
        .set({ active: true })
        .where(eq(signingCertificates.id, cert!.id));
    });

    it('no file, or not a PDF: the page again with an error summary (400), no result', async () => {
      const { verificationCode } = await signedOficio();
      const res = await upload(verificationCode, new TextEncoder().encode('hola'));
      expect(res.status).toBe(400);
      expect(res.html).toContain('error-summary');
      expect(res.html).not.toContain(RESULT_HEADING);
    });
  },
);
