import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRequestByFolio, type RequestRow } from '../../src/db/requests.ts';
import { oficios, outboxJobs } from '../../src/db/schema/index.ts';
import type { StaffRole } from '../../src/domain/actor.ts';
import { mailDir } from '../../src/mail/transport.ts';
import { createStatsEngine } from '../../src/stats/engine.ts';
import { parseDataDir } from '../../src/stats/import.ts';
import { STAFF_COOKIE } from '../../src/web/staff/auth.ts';
import { aRequest } from '../helpers/factories.ts';
import { sharedDataDir } from '../helpers/shared-data.ts';
import { aStaffSession } from '../helpers/staff-session.ts';
import { hasPoppler, pdfsig, pdftotext } from '../unit/documents/poppler.ts';
import { checkPage, chromiumAvailable, type OpenBrowser, openBrowser } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

/** Submits the form posting to `…{actionEnd}` and waits for the page it leads to. */
async function submit(page: Page, actionEnd: string) {
  const form = page.locator(`form[action$="${actionEnd}"]`);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
}

const dir = sharedDataDir();
const poppler = hasPoppler();
const available = chromiumAvailable();

describe.skipIf(!available || !dir)('a staff answer from received to delivered, in Chromium', () => {
  let server: TestServer;
  let browser: OpenBrowser;
  let page: Page;
  const tokens = new Map<StaffRole, string>();
  const people = {
    ventanilla: { email: 'ventanilla@coespo.example', name: 'Marta Ventanilla' },
    tecnico: { email: 'tecnico@coespo.example', name: 'Jorge Técnico' },
    director: { email: 'directora@coespo.example', name: 'Lucía Directora' },
  } as const;

  beforeAll(async () => {
    const stats = createStatsEngine();
    stats.load(parseDataDir(dir!));
    server = await startTestServer({ background: true, overrides: { stats } });
    for (const role of ['ventanilla', 'tecnico', 'director'] as const) {
      const { token } = await aStaffSession(server.deps.db, role, {
        ...people[role],
        at: server.deps.clock.now(),
      });
      tokens.set(role, token);
    }
    browser = await openBrowser({ javaScript: true });
    page = await browser.newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The staff member using the browser from now on (one staff cookie at a time). */
  async function as(role: StaffRole) {
    await browser.context.addCookies([
      { name: STAFF_COOKIE, value: tokens.get(role)!, url: `${server.url}/staff` },
    ]);
  }
  const requestPage = (folio: string) => `${server.url}/staff/solicitudes/${encodeURIComponent(folio)}`;
  const status = async (folio: string) => (await findRequestByFolio(server.deps.db, folio))!.status;

  async function queuedMail(template: string, to: string) {
    const jobs = await server.deps.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
    return jobs
      .map((j) => j.payload as { template: string; to: string; data: Record<string, unknown> })
      .filter((p) => p.template === template && p.to === to);
  }

  /** The requester signs in to the portal with the link from their e-mail. */
  async function requesterSignsIn(req: RequestRow) {
    // A fresh browser session: no other requester (nor staff) signed in.
    await browser.context.clearCookies();
    await page.goto(`${server.url}/mis-solicitudes`);
    await page.locator('input[name="email"]').fill(req.requesterEmail);
    await submit(page, '/mis-solicitudes/acceso');
    const [link] = await queuedMail('requester.sign_in_link', req.requesterEmail);
    await page.goto(String(link!.data.link));
    await submit(page, '/mis-solicitudes/entrar');
  }

  /** The sent e-mails (the worker writes .eml files) to `to` whose subject contains `subject`. */
  async function receivedMail(to: string, subject: string): Promise<ParsedMail> {
    let found: ParsedMail | undefined;
    await expect
      .poll(
        async () => {
          const folder = mailDir(server.dataDir);
          if (!existsSync(folder)) return false;
          for (const f of readdirSync(folder).filter((n) => n.endsWith('.eml'))) {
            const mail = await simpleParser(readFileSync(join(folder, f)));
            const rcpt = Array.isArray(mail.to) ? mail.to[0] : mail.to;
            if (rcpt?.text.includes(to) && mail.subject?.includes(subject)) found = mail;
          }
          return found !== undefined;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    return found!;
  }

  async function download(url: string): Promise<Uint8Array> {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    return new Uint8Array(await res.body());
  }

  it('an "Otro" request: triage, prevención answered, assignment, composed answer, returned, signed with the seal, delivered', {
    timeout: 600_000,
  }, async () => {
    const req = await aRequest(server.deps.db, {
      status: 'received',
      indicators: [],
      otherText: 'Población de Toluca comparada con la de Metepec en el último censo',
      geo: 'mun:15106',
      years: [2020],
      formats: ['xlsx'],
      receivedAt: server.deps.clock.now(),
      requesterEmail: 'rosa.otro@example.org',
    });
    const { folio } = req;

    // Ventanilla: triage, then a prevención.
    await as('ventanilla');
    await page.goto(requestPage(folio));
    await checkPage(page, 'staff-answer-01-ventanilla-recibida');
    await submit(page, '/revisar');
    expect(await status(folio)).toBe('in_review');
    await page
      .locator('form[action$="/prevenir"] textarea[name="question"]')
      .fill('¿Qué indicador de población necesitas: total, por sexo o por edad?');
    await submit(page, '/prevenir');
    expect(await status(folio)).toBe('clarification_requested');
    await checkPage(page, 'staff-answer-02-ventanilla-prevencion');

    // The requester answers in the portal.
    await requesterSignsIn(req);
    await page.goto(`${server.url}/mis-solicitudes/${encodeURIComponent(folio)}`);
    await checkPage(page, 'staff-answer-03-portal-prevencion');
    await page
      .locator('form[action$="/aclaracion"] textarea')
      .fill('La población total de ambos municipios.');
    await submit(page, '/aclaracion');
    expect(await status(folio)).toBe('in_review');

    // Ventanilla assigns it to the técnico.
    await as('ventanilla');
    await page.goto(requestPage(folio));
    await page
      .locator('form[action$="/asignar"] select[name="assigneeId"]')
      .selectOption({ label: people.tecnico.name });
    await submit(page, '/asignar');
    expect(await status(folio)).toBe('assigned');

    // The técnico starts and composes: two municipalities from the engine, a paragraph, an XLSX annex.
    await as('tecnico');
    await page.goto(requestPage(folio));
    await submit(page, '/iniciar');
    expect(await status(folio)).toBe('in_preparation');
    const workbench = `${requestPage(folio)}/respuesta`;
    await page.goto(workbench);
    await checkPage(page, 'staff-answer-04-tecnico-taller');
    await page.locator('input[name="indicators"][value="population_total"]').first().check();
    await page.locator('input[name="places"][value="mun:15106"]').first().check();
    await page.locator('input[name="places"][value="mun:15054"]').first().check();
    await page.locator('input[name="years"]').fill('2020');
    const paragraph = 'Toluca tiene más del doble de habitantes que Metepec según el Censo 2020.';
    await page.locator('textarea[name="explanation"]').fill(paragraph);
    await submit(page, '/respuesta');
    expect(page.url()).toContain('guardado=');
    expect(await page.locator('body').textContent()).toContain('Metepec');

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Tabulado');
    sheet.addRow(['Municipio', 'Población 2020']);
    sheet.addRow(['Toluca', 910608]);
    sheet.addRow(['Metepec', 242307]);
    const annex = Buffer.from(await wb.xlsx.writeBuffer());
    const annexSha = createHash('sha256').update(annex).digest('hex');
    await page.locator('form[action$="/respuesta/anexos"] input[type="file"]').setInputFiles({
      name: 'tabulado-toluca-metepec.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: annex,
    });
    await submit(page, '/respuesta/anexos');
    expect(await page.locator('body').textContent()).toContain(annexSha);
    await checkPage(page, 'staff-answer-05-tecnico-borrador');

    await page.goto(requestPage(folio));
    await submit(page, '/enviar-a-firma');
    expect(await status(folio)).toBe('pending_approval');

    // The director reviews the rendered oficio and returns it with a comment.
    await as('director');
    await page.goto(`${requestPage(folio)}/firmar`);
    await checkPage(page, 'staff-answer-06-director-revision');
    expect(await page.locator('.oficio-page img').count()).toBeGreaterThan(0);
    const comment = 'Agrega que las cifras son de población residente habitual.';
    await page.locator('form[action$="/firmar/devolver"] textarea[name="comments"]').fill(comment);
    await submit(page, '/firmar/devolver');
    expect(await status(folio)).toBe('in_preparation');

    // The técnico sees the comment, edits the paragraph and sends it again.
    await as('tecnico');
    await page.goto(workbench);
    expect(await page.locator('body').textContent()).toContain(comment);
    const edited = `${paragraph} Las cifras son de población residente habitual.`;
    await page.locator('textarea[name="explanation"]').fill(edited);
    await submit(page, '/respuesta');
    await page.goto(requestPage(folio));
    await submit(page, '/enviar-a-firma');
    expect(await status(folio)).toBe('pending_approval');

    // The director views the oficio again and signs it with the seal (no JavaScript needed).
    await as('director');
    await page.goto(`${requestPage(folio)}/firmar`);
    await checkPage(page, 'staff-answer-07-director-firma');
    const draft = await download(`${requestPage(folio)}/firmar/borrador.pdf`);
    if (poppler) expect(pdftotext(draft, { nodiag: true }).replace(/\s+/g, ' ')).toContain(edited);
    await submit(page, '/firmar/sellar');
    expect(await status(folio)).toBe('delivered');
    await checkPage(page, 'staff-answer-08-director-entregada');

    // The requester receives the e-mail with the oficio attached and download links.
    const [oficio] = await server.deps.db.select().from(oficios).where(eq(oficios.folio, folio));
    const mail = await receivedMail(req.requesterEmail, `Respuesta oficial a tu solicitud ${folio}`);
    const attached = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(createHash('sha256').update(attached.content).digest('hex')).toBe(oficio!.sha256);
    const links = [...String(mail.text).matchAll(/https?:\/\/\S+\/descargas\/\S+/g)].map((m) => m[0]);
    const oficioUrl = links.find((u) => u.includes(oficio!.sha256))!;
    const annexUrl = links.find((u) => u.includes(annexSha))!;
    const pdf = await download(oficioUrl);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(oficio!.sha256);
    if (poppler) {
      expect(pdfsig(pdf)).toContain('Signature is Valid.');
      const text = pdftotext(pdf, { nodiag: true }).replace(/\s+/g, ' ');
      expect(text).toContain(edited);
      expect(text).toContain(annexSha);
      expect(text).toContain('Toluca');
      expect(text).toContain('Metepec');
    }
    const annexBack = await download(annexUrl);
    expect(createHash('sha256').update(annexBack).digest('hex')).toBe(annexSha);
  });

  it('no procedente: the requester gets a signed oficio with the recurso de revisión', {
    timeout: 300_000,
  }, async () => {
    const req = await aRequest(server.deps.db, {
      status: 'in_review',
      receivedAt: server.deps.clock.now(),
      requesterEmail: 'rosa.rechazo@example.org',
    });
    const explanation = 'Los datos de defunciones por hospital los genera la Secretaría de Salud del Estado.';
    await as('ventanilla');
    await page.goto(requestPage(req.folio));
    await page.locator('form[action$="/rechazar"] select[name="reason"]').selectOption('not_competent');
    await page.locator('form[action$="/rechazar"] textarea[name="text"]').fill(explanation);
    await submit(page, '/rechazar');
    expect(await status(req.folio)).toBe('rejected');
    await checkPage(page, 'staff-answer-09-ventanilla-no-procedente');

    const mail = await receivedMail(req.requesterEmail, `Tu solicitud ${req.folio} no es procedente`);
    const attached = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    const pdf = new Uint8Array(attached.content);
    if (poppler) {
      expect(pdfsig(pdf)).toContain('Signature is Valid.');
      const text = pdftotext(pdf, { nodiag: true }).replace(/\s+/g, ' ');
      expect(text).toContain(explanation);
      const appeal = server.deps.config.agency.recursoRevision;
      expect(text).toContain('tiene derecho a interponer el recurso de revisión ante');
      expect(text).toContain(appeal.venue);
      expect(text).toContain(`dentro de los ${appeal.workingDays} días hábiles`);
    }

    // The portal lists the oficio, and it downloads.
    await requesterSignsIn(req);
    await page.goto(`${server.url}/mis-solicitudes/${encodeURIComponent(req.folio)}`);
    await checkPage(page, 'staff-answer-10-portal-no-procedente');
    const href = await page.locator('a[href*="/documentos/"]').first().getAttribute('href');
    const fromPortal = await download(`${server.url}${href}`);
    expect(createHash('sha256').update(fromPortal).digest('hex')).toBe(
      createHash('sha256').update(pdf).digest('hex'),
    );
  });
});
