import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoHistory } from '../../src/services/results/generate-demo-history.ts';
import {
  axeViolations,
  chromiumAvailable,
  type OpenBrowser,
  openBrowser,
  screenshot,
} from './helpers/browser.ts';
import { signInStaffInBrowser, startTestServer, type TestServer } from './helpers/server.ts';

const available = chromiumAvailable();

describe.skipIf(!available)('results pages in Chromium', () => {
  let server: TestServer;
  let browser: OpenBrowser;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    server = await startTestServer();
    await generateDemoHistory(server.deps, { fromYear: year - 1, toYear: year, seed: 11 });
    // The pages have no scripts of their own; axe needs JavaScript to run (it hangs without it).
    browser = await openBrowser();
    await signInStaffInBrowser(server, browser, 'director', {
      email: 'directora@coespo.example',
      name: 'Directora de prueba',
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('/staff/resultados at 1280 px: charts, tables, no axe violations', async () => {
    const page = await browser.newPage(1280);
    await page.goto(`${server.url}/staff/resultados?year=${year}`);
    expect(await page.locator('h1').textContent()).toBe('Resultados del servicio');
    expect(await page.locator('figure svg[role="img"]').count()).toBe(6);
    expect(await page.locator('table.results-yoy tbody tr').count()).toBeGreaterThan(15);
    await screenshot(page, 'resultados-staff');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('/estadisticas at 1280 px: no axe violations', async () => {
    const page = await browser.newPage(1280);
    await page.goto(`${server.url}/estadisticas?year=${year}`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('figure svg[role="img"]').count()).toBe(6);
    await screenshot(page, 'estadisticas');
    expect(await axeViolations(page)).toEqual([]);
  });
});
