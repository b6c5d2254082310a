import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRequestByFolio, moveRequestStatus } from '../../../src/db/requests.ts';
import { oficios } from '../../../src/db/schema/index.ts';
import { createTestCa } from '../../../src/documents/dev-ca.ts';
import { verifyPdfSignature } from '../../../src/documents/verify.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { installSigner } from '../../../src/services/answers/install-signer.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import {
  axeViolations,
  chromiumAvailable,
  type OpenBrowser,
  openBrowser,
} from '../../browser/helpers/browser.ts';
import { signInStaffInBrowser, startTestServer, type TestServer } from '../../browser/helpers/server.ts';
import { aRequest } from '../../helpers/factories.ts';
import { fakeStats } from './fake-stats.ts';

const available = chromiumAvailable();

// The bundled page script (src/web/static/signing.min.js) in a real browser: the .key is read and
// decrypted in Chromium, only signatures travel.
describe.skipIf(!available)('signing page in Chromium', () => {
  let server: TestServer;
  let browser: OpenBrowser;
  let keyPath: string;
  const ca = createTestCa({ now: new Date() });
  const efirma = ca.issue({ cn: 'Lucía Hernández Muñoz', o: 'Consejo Estatal de Población' }, 'clave-ñ 2026');

  beforeAll(async () => {
    server = await startTestServer({ overrides: { stats: fakeStats() } });
    await installSigner(server.deps, { role: 'director', cer: efirma.cer }, SYSTEM);
    keyPath = join(mkdtempSync(join(tmpdir(), 'dato-key-')), 'lucia.key');
    writeFileSync(keyPath, efirma.key);
    browser = await openBrowser();
    await signInStaffInBrowser(server, browser, 'director', {
      email: 'lucia@coespo.example',
      name: 'Lucía Hernández',
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function awaitingSignature() {
    const req = await aRequest(server.deps.db, {
      status: 'received',
      geo: 'set:15033,15058',
      formats: ['xlsx'],
    });
    await buildAnswer(server.deps, { requestId: req.id }, SYSTEM);
    await moveRequestStatus(server.deps.db, req.id, 'received', 'pending_approval');
    return req;
  }

  it('a wrong password is reported on the page and nothing is sent', async () => {
    const req = await awaitingSignature();
    const page = await browser.newPage();
    await page.goto(`${server.url}/staff/solicitudes/${req.folio}/firmar`);
    // This page's own content: the shared staff bar is checked by the staff pages' tests.
    await page.evaluate(() => document.querySelector('.staff-bar')?.remove());
    expect(await axeViolations(page)).toEqual([]);
    await page.setInputFiles('#f-key', keyPath);
    await page.fill('#f-password', 'incorrecta');
    await page.click('#signing-form button[type=submit]');
    await expect.poll(() => page.textContent('#signing-status')).toContain('La contraseña es incorrecta');
    expect((await findRequestByFolio(server.deps.db, req.folio))!.status).toBe('pending_approval');
  });

  it('signs with the right password and lands on the request page', async () => {
    const req = await awaitingSignature();
    const page = await browser.newPage();
    await page.goto(`${server.url}/staff/solicitudes/${req.folio}/firmar`);
    await page.setInputFiles('#f-key', keyPath);
    await page.fill('#f-password', 'clave-ñ 2026');
    await Promise.all([
      page.waitForURL(`${server.url}/staff/solicitudes/${req.folio}`, { timeout: 30_000 }),
      page.click('#signing-form button[type=submit]'),
    ]);
    expect((await findRequestByFolio(server.deps.db, req.folio))!.status).toBe('delivered');
    const [oficio] = await server.deps.db.select().from(oficios).where(eq(oficios.requestId, req.id));
    expect(oficio!.signerRole).toBe('director');
    expect(verifyPdfSignature((await server.deps.documents.get(oficio!.sha256))!).valid).toBe(true);
  }, 60_000);

  it('/verificar/{code}: no axe violations, and an uploaded genuine copy is confirmed', async () => {
    const req = await aRequest(server.deps.db, {
      status: 'received',
      geo: 'set:15033,15058',
      formats: ['xlsx'],
    });
    await buildAnswer(server.deps, { requestId: req.id }, SYSTEM);
    const signed = await signAnswer(server.deps, { requestId: req.id }, SYSTEM);
    const pdfPath = join(mkdtempSync(join(tmpdir(), 'dato-pdf-')), 'oficio.pdf');
    writeFileSync(pdfPath, (await server.deps.documents.get(signed.sha256))!);
    const page = await browser.newPage();
    await page.goto(`${server.url}/verificar/${signed.verificationCode}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.setInputFiles('#f-archivo', pdfPath);
    // The result comes in the response to the upload (POST), not from a redirect's URL.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 200),
      page.click('form[enctype] button[type=submit]'),
    ]);
    await page.waitForLoadState('load');
    expect(await page.textContent('main')).toContain(
      'El archivo es idéntico al documento oficial registrado',
    );
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
