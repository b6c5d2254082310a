import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../src/db/schema/index.ts';
import { checkPage, chromiumAvailable, type OpenBrowser, openBrowser } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

async function continueTo(page: Page, path: string) {
  await Promise.all([page.waitForURL(`**${path}`), page.getByRole('button', { name: 'Continuar' }).click()]);
}

async function journey(page: Page, server: TestServer, mode: 'js' | 'nojs', email: string) {
  const tag = (n: string) => `${mode}-${n}`;
  await page.goto(`${server.url}/`);
  await checkPage(page, tag('01-inicio'));
  await Promise.all([
    page.waitForURL('**/solicitud/nueva/indicadores'),
    page.getByRole('link', { name: 'Solicitar información' }).last().click(),
  ]);
  await checkPage(page, tag('02-indicadores'));

  // An error first: the summary links to the field and the page stays accessible.
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
  expect(await page.title()).toMatch(/^Error: /);
  await checkPage(page, tag('02b-indicadores-error'));

  await page.locator('input[value="population_total"]').check();
  await continueTo(page, '/solicitud/nueva/geografia');
  await checkPage(page, tag('03-geografia'));
  await page.locator('input[name="geoLevel"][value="mun"]').check();
  await continueTo(page, '/solicitud/nueva/lugar');
  await checkPage(page, tag('04-lugar'));
  await page.locator('select[name="geo"]').selectOption('mun:15106');
  await continueTo(page, '/solicitud/nueva/anios');
  await checkPage(page, tag('05-anios'));
  await page.locator('input[name="years"][value="2020"]').check();
  await continueTo(page, '/solicitud/nueva/formatos');
  await checkPage(page, tag('06-formatos'));
  await page.locator('input[name="formats"][value="xlsx"]').check();
  await page.locator('input[name="formats"][value="map"]').check();
  await continueTo(page, '/solicitud/nueva/proposito');
  await checkPage(page, tag('07-proposito'));
  await page.getByLabel('Propósito').fill('Diagnóstico para el plan municipal de desarrollo');
  await continueTo(page, '/solicitud/nueva/datos');
  await checkPage(page, tag('08-datos'));
  await page.getByLabel('Nombre completo').fill('Rosa Martínez');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Academia o investigación').check();
  await continueTo(page, '/solicitud/nueva/consentimiento');
  await checkPage(page, tag('09-consentimiento'));
  await page.locator('input[name="privacyConsent"]').check();
  await continueTo(page, '/solicitud/nueva/revisar');
  await checkPage(page, tag('10-revisar'));
  expect(await page.getByRole('link', { name: /Cambiar/ }).count()).toBeGreaterThanOrEqual(8);

  if (mode === 'nojs') server.advanceClock(60_000);
  await Promise.all([
    page.waitForURL('**/solicitud/confirmacion', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Enviar solicitud' }).click(),
  ]);
  await checkPage(page, tag('11-confirmacion'));
  const folio = (await page.locator('.folio').textContent())?.trim();
  expect(folio).toMatch(/^COESPO-\d{4}-\d{6}$/);
  const [row] = await server.deps.db.select().from(requests).where(eq(requests.folio, folio!));
  expect(row?.requesterEmail).toBe(email);

  // The tracking link from the confirmation page.
  await Promise.all([
    page.waitForURL('**/seguimiento/**'),
    page.getByRole('link', { name: 'Ver el estado de mi solicitud' }).click(),
  ]);
  await checkPage(page, tag('12-seguimiento'));
  return folio!;
}

const available = chromiumAvailable();

describe.skipIf(!available)('request journey in Chromium', () => {
  let server: TestServer;
  let browser: OpenBrowser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server.close();
  });

  it('with JavaScript: the proof of work runs in the page and the request gets a folio', {
    timeout: 240_000,
  }, async () => {
    browser = await openBrowser({ javaScript: true });
    const page = await browser.newPage();
    const folio = await journey(page, server, 'js', 'rosa.js@example.org');
    const [row] = await server.deps.db.select().from(requests).where(eq(requests.folio, folio));
    expect(row?.formats).toEqual(['xlsx', 'map']);
    await browser.close();
    browser = undefined;
  });

  it('without JavaScript: the same journey works end to end', { timeout: 240_000 }, async () => {
    browser = await openBrowser({ javaScript: false });
    const page = await browser.newPage();
    await journey(page, server, 'nojs', 'rosa.nojs@example.org');
    await browser.close();
    browser = undefined;
  });

  it('área específica: the municipality list can be filtered, and ticked boxes are kept', {
    timeout: 120_000,
  }, async () => {
    browser = await openBrowser({ javaScript: true });
    const page = await browser.newPage();
    await page.goto(`${server.url}/solicitud/nueva/indicadores`);
    await page.locator('input[value="population_total"]').check();
    await continueTo(page, '/solicitud/nueva/geografia');
    await page.locator('input[name="geoLevel"][value="set"]').check();
    await continueTo(page, '/solicitud/nueva/lugar');
    const search = page.getByLabel('Buscar un municipio en la lista');
    await search.fill('toluca');
    await expect.poll(() => page.locator('.choice:visible').count()).toBe(1);
    await page.getByLabel('Toluca').check();
    await search.fill('ecatepec');
    await page.getByLabel('Ecatepec de Morelos').check();
    await checkPage(page, 'js-04b-varios-municipios');
    await search.fill('');
    await expect.poll(() => page.locator('.choice:visible').count()).toBe(125);
    await continueTo(page, '/solicitud/nueva/anios');
    await page.goto(`${server.url}/solicitud/nueva/lugar`);
    expect(
      await page
        .locator('input[name="municipalities"]:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['15033', '15106']);
    await browser.close();
    browser = undefined;
  });

  it('the other public pages pass axe', { timeout: 120_000 }, async () => {
    browser = await openBrowser();
    const page = await browser.newPage();
    for (const [path, name] of [
      ['/aviso-de-privacidad', 'aviso'],
      ['/consulta', 'consulta'],
      ['/mis-solicitudes', 'mis-solicitudes'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await checkPage(page, `pub-${name}`);
    }
    await page.goto(`${server.url}/consulta`);
    await page.getByRole('button', { name: 'Consultar' }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    await checkPage(page, 'pub-consulta-error');
  });
});
