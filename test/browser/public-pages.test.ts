import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxJobs } from '../../src/db/schema/index.ts';
import { aRequest } from '../helpers/factories.ts';
import {
  axeViolations,
  checkPage,
  chromiumAvailable,
  type OpenBrowser,
  openBrowser,
} from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

// Issue 19: every public page (other than the request journey, tested step by step elsewhere) at
// phone and desktop width: the page never scrolls sideways, axe finds nothing, and the home page
// shows what you can get, the start button and the search above the fold of a 375×667 phone.
const PAGES = [
  ['/', 'inicio'],
  ['/datos', 'datos'],
  ['/datos/indicador/population_total', 'datos-indicador'],
  ['/datos?indicador=population_total&geo=mun%3A15106&anio=2020', 'datos-consulta'],
  ['/estadisticas', 'estadisticas'],
  ['/respuestas', 'respuestas'],
  ['/verificar', 'verificar'],
  ['/verificar/ABCD-EFGH-JKMN-PQRS', 'verificar-desconocido'],
  ['/aviso-de-privacidad', 'aviso'],
  ['/consulta', 'consulta'],
  ['/mis-solicitudes', 'mis-solicitudes-acceso'],
] as const;

const WIDTHS = [320, 375, 1280] as const;

async function submit(page: Page, actionEnd: string) {
  const form = page.locator(`form[action$="${actionEnd}"]`);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
}

/** Every width: the document is no wider than the window (no sideways scroll). */
async function fitsEveryWidth(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${name}: ancho del documento a ${width} px`).toBeLessThanOrEqual(width);
  }
}

/** axe at phone width (checkPage runs it at desktop width and takes the screenshots). */
async function checkPhoneAndDesktop(page: Page, name: string) {
  await page.setViewportSize({ width: 375, height: 900 });
  expect(await axeViolations(page), `axe en ${name} a 375 px`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkPage(page, `publica-${name}`);
}

const available = chromiumAvailable();

describe.skipIf(!available)('public pages at 320, 375 and 1280 px', () => {
  let server: TestServer;
  let browser: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await openBrowser();
    page = await browser.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(PAGES)('%s: no sideways scroll, no axe violations', { timeout: 180_000 }, async (path, name) => {
    await page.goto(`${server.url}${path}`);
    await fitsEveryWidth(page, name);
    await checkPhoneAndDesktop(page, name);
  });

  it('home: what you can get, the start button and the search fit a 375×667 phone; the datasets sit behind a link', async () => {
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(`${server.url}/`);
    const bottom = (selector: string) =>
      page.locator(selector).evaluate((e) => e.getBoundingClientRect().bottom);
    expect(await bottom('main .lead')).toBeLessThanOrEqual(667);
    expect(await bottom('a.button--start[href="/solicitud/nueva"]')).toBeLessThanOrEqual(667);
    expect(await bottom('#home-q')).toBeLessThanOrEqual(667);
    expect(await page.locator('#datos-cargados').count()).toBe(0);
    expect(await page.locator('a[href="/datos#datos-cargados"]').count()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('home: the search looks up published answers', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('#home-q').fill('población');
    await Promise.all([page.waitForURL('**/respuestas?q=*'), page.locator('#home-q').press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Respuestas publicadas');
    expect(await page.locator('#f-q').inputValue()).toBe('población');
  });

  it('/verificar with an unknown code: a Spanish 404 with the form and the code typed', async () => {
    const res = await page.goto(`${server.url}/verificar/ABCD-EFGH-JKMN-PQRS`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('No existe ese código');
    expect(await page.locator('.result-panel--bad').textContent()).toContain('ABCD-EFGH-JKMN-PQRS');
    expect(await page.locator('form[action="/verificar"] input[name="codigo"]').inputValue()).toBe(
      'ABCD-EFGH-JKMN-PQRS',
    );
    await Promise.all([
      page.waitForURL('**/verificar/ZZZZ*'),
      page
        .locator('input[name="codigo"]')
        .fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ')
        .then(() => page.getByRole('button', { name: 'Verificar' }).click()),
    ]);
    expect(await page.locator('h1').textContent()).toBe('No existe ese código');
  });

  it('Tus solicitudes: the list of a signed-in requester fits a phone', { timeout: 120_000 }, async () => {
    const email = 'persona.con.un.correo.largo@example.org';
    for (const geo of ['mun:15106', 'mun:15057']) {
      await aRequest(server.deps.db, { requesterEmail: email, geo, receivedAt: server.deps.clock.now() });
    }
    await page.goto(`${server.url}/mis-solicitudes`);
    await page.locator('input[name="email"]').fill(email);
    await submit(page, '/mis-solicitudes/acceso');
    const jobs = await server.deps.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'));
    const link = jobs
      .map((j) => j.payload as { template: string; to: string; data: Record<string, unknown> })
      .find((p) => p.template === 'requester.sign_in_link' && p.to === email)?.data.link;
    await page.goto(String(link));
    await submit(page, '/mis-solicitudes/entrar');
    expect(await page.locator('h1').textContent()).toBe('Tus solicitudes');
    expect(await page.locator('main table tbody tr').count()).toBe(2);
    await fitsEveryWidth(page, 'tus-solicitudes');
    await checkPhoneAndDesktop(page, 'tus-solicitudes');
  });
});
