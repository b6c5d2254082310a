import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, chromiumAvailable, type OpenBrowser, openBrowser } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const BASE = '/solicitud/nueva';

async function continueTo(page: Page, path: string) {
  await Promise.all([page.waitForURL(`**${path}`), page.getByRole('button', { name: 'Continuar' }).click()]);
}

/** An empty answer: focus on the summary, and each summary link lands on a visible, focused field. */
async function followSummary(page: Page, name: string) {
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
  expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), name).toBe(
    true,
  );
  await checkPage(page, `pasos-${name}-error`);
  const hrefs = await page
    .locator('.error-summary a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length, name).toBeGreaterThan(0);
  for (const href of hrefs) {
    await page.locator(`.error-summary a[href="${href}"]`).click();
    const target = page.locator(href!);
    expect(await target.count(), `${name} ${href}`).toBe(1);
    await expect.poll(() => target.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => page.evaluate((id) => document.activeElement?.id === id, href!.slice(1)), {
        timeout: 10_000,
      })
      .toBe(true);
  }
}

/**
 * «Paso n de 8» on the step, styled as a caption (muted colour, smaller than the heading, just above
 * it), not bare body text.
 */
async function stepIndicator(page: Page, n: number) {
  const caption = page.locator('.step-count');
  expect(await caption.textContent()).toBe(`Paso ${n} de 8`);
  const look = await caption.evaluate((el) => {
    const style = getComputedStyle(el);
    const body = getComputedStyle(document.body);
    const h1 = document.querySelector('h1')!;
    return {
      color: style.color,
      bodyColor: body.color,
      size: Number.parseFloat(style.fontSize),
      bodySize: Number.parseFloat(body.fontSize),
      h1Size: Number.parseFloat(getComputedStyle(h1).fontSize),
      gap: h1.getBoundingClientRect().top - el.getBoundingClientRect().bottom,
    };
  });
  expect(look.color, `paso ${n}: color`).toBe('rgb(80, 90, 95)');
  expect(look.color).not.toBe(look.bodyColor);
  expect(look.size).toBeGreaterThan(look.bodySize);
  expect(look.size).toBeLessThan(look.h1Size);
  expect(look.gap, `paso ${n}: justo encima de la pregunta`).toBeGreaterThanOrEqual(0);
  expect(look.gap).toBeLessThan(24);
}

const available = chromiumAvailable();

describe.skipIf(!available)('journey steps in Chromium', () => {
  let server: TestServer;
  let browser: OpenBrowser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server.close();
  });

  it('every step: step count, axe at 375 and 1280 px, error summary focused and every link lands', {
    timeout: 300_000,
  }, async () => {
    browser = await openBrowser({ javaScript: true });
    const page = await browser.newPage();
    await page.goto(`${server.url}${BASE}/indicadores`);
    await stepIndicator(page, 1);
    await checkPage(page, 'pasos-1-indicadores');
    // The indicator filter: one search box; a topic with nothing to show is hidden with its heading.
    const search = page.getByLabel('Buscar un indicador en la lista');
    await search.fill('internet');
    await expect.poll(() => page.locator('.choice:visible').count()).toBeLessThan(5);
    expect(await page.locator('fieldset:visible').count()).toBe(1);
    await search.fill('');
    await followSummary(page, '1-indicadores');
    await page.locator('input[value="population_total"]').check();
    await page.locator('input[value="population_0_2"]').check();
    await continueTo(page, `${BASE}/geografia`);
    await stepIndicator(page, 2);

    await checkPage(page, 'pasos-2-geografia');
    await followSummary(page, '2-geografia');
    await page.locator('input[name="geoLevel"][value="mun"]').check();
    await continueTo(page, `${BASE}/lugar`);
    await stepIndicator(page, 3);

    expect(await page.title()).toMatch(/^¿Qué municipio\?/);
    await checkPage(page, 'pasos-3-lugar');
    await followSummary(page, '3-lugar');
    await page.locator('select[name="geo"]').selectOption('mun:15106');
    await continueTo(page, `${BASE}/anios`);
    await stepIndicator(page, 4);

    await checkPage(page, 'pasos-4-anios');
    expect(await page.getByText('Solo con datos de: Población total').count()).toBeGreaterThan(0);
    await followSummary(page, '4-anios');
    await page.locator('input[name="years"][value="2020"]').check();
    await continueTo(page, `${BASE}/formatos`);
    await stepIndicator(page, 5);

    await checkPage(page, 'pasos-5-formatos');
    await followSummary(page, '5-formatos');
    await page.locator('input[name="formats"][value="xlsx"]').check();
    await continueTo(page, `${BASE}/proposito`);
    await stepIndicator(page, 6);

    await checkPage(page, 'pasos-6-proposito');
    await followSummary(page, '6-proposito');
    await page.getByLabel('Propósito').fill('Diagnóstico para el plan municipal de desarrollo');
    await continueTo(page, `${BASE}/datos`);
    await stepIndicator(page, 7);

    await checkPage(page, 'pasos-7-datos');
    await followSummary(page, '7-datos');
    await page.getByLabel('Nombre completo').fill('Rosa Martínez');
    await page.getByLabel('Correo electrónico').fill('rosa.pasos@example.org');
    await page.getByLabel('Academia o investigación').check();
    await continueTo(page, `${BASE}/consentimiento`);

    await stepIndicator(page, 8);
    await checkPage(page, 'pasos-8-consentimiento');
    await followSummary(page, '8-consentimiento');
    await page.locator('input[name="privacyConsent"]').check();
    await continueTo(page, `${BASE}/revisar`);
    await checkPage(page, 'pasos-9-revisar');
    expect(await page.locator('#altcha-status').textContent()).toContain('tu navegador resolverá');
  });
});
