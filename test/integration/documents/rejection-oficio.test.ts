import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio, moveRequestStatus } from '../../../src/db/requests.ts';
import { answers, oficios, outboxJobs } from '../../../src/db/schema/index.ts';
import { verifyPdfSignature } from '../../../src/documents/verify.ts';
import { renderMail } from '../../../src/mail/templates/index.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { requestDocuments } from '../../../src/services/requests/documents.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { hasPoppler, pdfsig, pdftotext } from '../../unit/documents/poppler.ts';
import { aStaffUser, type Browser, signInAs } from '../staff/staff-helpers.ts';
import { fakeStats } from './fake-stats.ts';

const poppler = hasPoppler();

describe.each(testEngines())('the signed rejection oficio (no procedente) on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let desk: Browser;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { stats: fakeStats() }));
    desk = await signInAs(app, deps, await aStaffUser(deps, 'ventanilla'));
  }, 120_000);
  afterAll(() => handle.close());

  const explanation =
    'Los registros de nacimientos por hospital los genera la Secretaría de Salud del Estado; dirige tu solicitud a su Unidad de Transparencia.';

  async function reject(folio: string) {
    await desk.get(`/staff/solicitudes/${folio}`);
    return desk.post(`/staff/solicitudes/${folio}/rechazar`, { reason: 'not_competent', text: explanation });
  }

  it('signs an oficio with the reason, the text and the recurso de revisión; e-mails it; the portal lists it', {
    timeout: 120_000,
  }, async () => {
    const req = await aRequest(deps.db, { status: 'in_review' });
    const res = await reject(req.folio);
    expect(res.status).toBe(303);
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('rejected');

    const [oficio] = await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id));
    expect(oficio).toMatchObject({ signerRole: 'seal', status: 'valid', folio: req.folio });
    const pdf = (await deps.documents.get(oficio!.sha256))!;
    expect(verifyPdfSignature(pdf).valid).toBe(true);
    if (poppler) {
      expect(pdfsig(pdf)).toContain('Signature is Valid.');
      const text = pdftotext(pdf, { nodiag: true }).replace(/\s+/g, ' ');
      expect(text).toContain('no es procedente por el siguiente motivo');
      expect(text).toContain('La información solicitada no es competencia del COESPO.');
      expect(text).toContain(explanation);
      const appeal = deps.config.agency.recursoRevision;
      expect(text).toContain('tiene derecho a interponer el recurso de revisión ante');
      expect(text).toContain(appeal.venue);
      expect(text).toContain(`dentro de los ${appeal.workingDays} días hábiles`);
      expect(text).toContain(oficio!.number);
      expect(text).toContain(oficio!.verificationCode);
      expect(text).toContain(deps.config.agency.signatory.name);
      // No data table in a rejection.
      expect(text).not.toContain('Indicador');
    }

    // Registered for /verificar.
    const verify = await app.request(`/verificar/${oficio!.verificationCode}`);
    expect(verify.status).toBe(200);
    expect(await verify.text()).toContain(req.folio);

    // The e-mail carries the PDF and a download link.
    const jobs = (await deps.db.select().from(outboxJobs)).filter(
      (j) => (j.payload as { template?: string; data?: { folio?: string } }).data?.folio === req.folio,
    );
    const mail = jobs.find((j) => (j.payload as { template: string }).template === 'request.rejected')!;
    const payload = mail.payload as { to: string; data: Record<string, unknown> };
    expect(payload.to).toBe(req.requesterEmail);
    expect(payload.data.attachDocumentIds).toEqual([oficio!.sha256]);
    const rendered = await renderMail('request.rejected', payload.data, 'es-MX', deps.config.agency);
    expect(rendered.attachmentIds).toEqual([oficio!.sha256]);
    expect(rendered.text).toContain('va adjunto a este correo');
    expect(rendered.text).toContain(`oficio-${req.folio}.pdf`);
    expect(rendered.text).toContain(`/verificar/${oficio!.verificationCode}`);

    // Listed in the requester's portal.
    const after = (await findRequestByFolio(deps.db, req.folio))!;
    const docs = await requestDocuments(deps, after, null);
    expect(docs.map((d) => [d.kind, d.sha256])).toEqual([['oficio', oficio!.sha256]]);
  });

  it('rejecting an answer awaiting signature supersedes the prepared answer', {
    timeout: 120_000,
  }, async () => {
    const req = await aRequest(deps.db, {
      status: 'in_preparation',
      geo: 'set:15033,15058',
      formats: ['xlsx'],
    });
    await buildAnswer(deps, { requestId: req.id }, (await aStaffUser(deps, 'tecnico')).actor);
    await moveRequestStatus(deps.db, req.id, 'in_preparation', 'pending_approval');
    expect((await reject(req.folio)).status).toBe(303);
    const rows = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    expect(rows.map((a) => a.status).sort()).toEqual(['delivered', 'superseded']);
    const docs = await requestDocuments(deps, (await findRequestByFolio(deps.db, req.folio))!, null);
    expect(docs.map((d) => d.kind)).toEqual(['oficio']);
  });
});
