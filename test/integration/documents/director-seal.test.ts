import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findRequestByFolio, moveRequestStatus } from '../../../src/db/requests.ts';
import { answers, oficioCounters, oficios, outboxJobs } from '../../../src/db/schema/index.ts';
import { verifyPdfSignature } from '../../../src/documents/verify.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { hasPoppler, pdfsig, pdftotext } from '../../unit/documents/poppler.ts';
import { aStaffUser, type Browser, signInAs } from '../staff/staff-helpers.ts';
import { fakeStats } from './fake-stats.ts';

const poppler = hasPoppler();

describe.each(testEngines())('director reviews and signs with the institutional seal on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  let director: Browser;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { stats: fakeStats() }));
    // No director e.firma is registered in this database: the seal is their way to sign.
    director = await signInAs(app, deps, await aStaffUser(deps, 'director', 'Lucía Hernández'));
  }, 120_000);
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

  const counters = () => deps.db.select().from(oficioCounters);

  it('shows the rendered oficio as an unsigned draft, with its files, and takes no número de oficio', {
    timeout: 120_000,
  }, async () => {
    const req = await awaitingSignature();
    const before = await counters();
    const page = await director.get(`/staff/solicitudes/${req.folio}/firmar`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Revisar y firmar la respuesta');
    if (poppler) expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]{1000,}"/);
    expect(html).toContain('Página 1 de');
    // The data file the answer carries, with its size.
    const [answer] = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    const xlsx = answer!.files.find((f) => f.kind === 'xlsx')!;
    expect(html).toContain(xlsx.name);
    expect(html).toMatch(/\d+(\.\d)? KB/);
    expect(html).toContain('Firmar con el sello institucional y enviar');
    expect(html).toContain('Devolver al técnico');

    const draft = await director.get(`/staff/solicitudes/${req.folio}/firmar/borrador.pdf`);
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await draft.arrayBuffer());
    expect(verifyPdfSignature(pdf).valid).toBe(false);
    if (poppler) {
      const text = pdftotext(pdf, { nodiag: true });
      expect(text).toContain('BORRADOR — SIN FIRMA');
      expect(text).toContain('(se asigna al firmar)');
      expect(text).toContain(req.folio);
      expect(text).not.toContain('Código de verificación');
    }
    // Nothing was numbered or registered.
    expect(await counters()).toEqual(before);
    expect(await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id))).toHaveLength(0);
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('pending_approval');
  });

  it('without a registered e.firma tells the director what to ask the administrator, and offers the seal', {
    timeout: 120_000,
  }, async () => {
    const req = await awaitingSignature();
    const html = await (await director.get(`/staff/solicitudes/${req.folio}/firmar`)).text();
    expect(html).toContain('No tienes registrada tu e.firma');
    expect(html).toContain(
      'pide al administrador del sistema que registre en Dato Oficial tu certificado (.cer)',
    );
    expect(html).toContain('Mientras tanto, puedes firmar con el sello institucional.');
    expect(html).not.toContain('signer import');
    expect(html).not.toContain('signing.min.js');
  });

  it('signs with the seal without JavaScript, delivers, and queues the e-mail; pdfsig says valid', {
    timeout: 120_000,
  }, async () => {
    const req = await awaitingSignature();
    await director.get(`/staff/solicitudes/${req.folio}/firmar`);
    const res = await director.post(`/staff/solicitudes/${req.folio}/firmar/sellar`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/solicitudes/${req.folio}?hecho=firmar`);

    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('delivered');
    const [oficio] = await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id));
    expect(oficio).toMatchObject({
      signerRole: 'seal',
      signatoryName: deps.config.agency.signatory.name,
      signatoryPost: deps.config.agency.signatory.post,
    });
    const pdf = (await deps.documents.get(oficio!.sha256))!;
    expect(verifyPdfSignature(pdf).valid).toBe(true);
    if (poppler) {
      expect(pdfsig(pdf)).toContain('Signature is Valid.');
      const text = pdftotext(pdf, { nodiag: true }).replace(/\s+/g, ' ');
      expect(text).toContain(deps.config.agency.signatory.name);
      expect(text).toContain('Firmado con el sello electrónico institucional del COESPO');
      expect(text).toContain(oficio!.number);
      expect(text).not.toContain('BORRADOR');
    }
    const [job] = await deps.db
      .select()
      .from(outboxJobs)
      .where(eq(outboxJobs.dedupeKey, `mail:request.delivered:${req.folio}`));
    const payload = job!.payload as { template: string; data: { attachDocumentIds: string[] } };
    expect(payload.template).toBe('request.delivered');
    expect(payload.data.attachDocumentIds).toEqual([oficio!.sha256]);
  });

  it('a técnico and ventanilla cannot review nor sign (403); nothing changes', {
    timeout: 120_000,
  }, async () => {
    const req = await awaitingSignature();
    for (const role of ['tecnico', 'ventanilla'] as const) {
      const b = await signInAs(app, deps, await aStaffUser(deps, role));
      expect((await b.get(`/staff/solicitudes/${req.folio}/firmar`)).status).toBe(403);
      expect((await b.get(`/staff/solicitudes/${req.folio}/firmar/borrador.pdf`)).status).toBe(403);
      expect((await b.post(`/staff/solicitudes/${req.folio}/firmar/sellar`, {})).status).toBe(403);
    }
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('pending_approval');
    expect(await deps.db.select().from(oficios).where(eq(oficios.requestId, req.id))).toHaveLength(0);
  });

  it('returns the answer with comments from the review page; the draft stays for the técnico', {
    timeout: 120_000,
  }, async () => {
    const req = await awaitingSignature();
    await director.get(`/staff/solicitudes/${req.folio}/firmar`);
    const bad = await director.post(`/staff/solicitudes/${req.folio}/firmar/devolver`, { comments: 'no' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#f-return-comments"');
    expect(badHtml).toContain('>no</textarea>');
    const ok = await director.post(`/staff/solicitudes/${req.folio}/firmar/devolver`, {
      comments: 'Agrega la nota metodológica sobre 2015.',
    });
    expect(ok.status).toBe(303);
    expect((await findRequestByFolio(deps.db, req.folio))!.status).toBe('in_preparation');
    const [answer] = await deps.db.select().from(answers).where(eq(answers.requestId, req.id));
    expect(answer!.status).toBe('prepared');
  });
});
