import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDeliveredAnswerWithFiles } from '../helpers/delivered-answer.ts';
import { checkPage, chromiumAvailable, type OpenBrowser, openBrowser } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

// Issue 17: the answer's files as the requester sees them, at phone and desktop width.
describe.skipIf(!chromiumAvailable())("the requester's answer files in Chromium", () => {
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

  it('lists each file in words with format and size, "Descargar todo", the expiry and what is missing', async () => {
    const { page: path } = await aDeliveredAnswerWithFiles(
      server.deps,
      {},
      {
        indicators: [{ id: 'population_total', name: 'Población total' }],
        omitted: [
          {
            format: 'map',
            reason:
              'No se elaboró el mapa: el área de la solicitud no se pudo ubicar en el Estado de México.',
          },
        ],
      },
    );
    await page.goto(`${server.url}${path}`);
    const list = page.locator('section[aria-labelledby="documentos"]');
    await expect(list.getByRole('link', { name: 'Tabla de datos (Excel, 12 KB)' }).count()).resolves.toBe(1);
    await expect(list.getByRole('link', { name: 'Descargar todo (ZIP, 1.5 MB)' }).count()).resolves.toBe(1);
    // Nothing sideways on a phone.
    await page.setViewportSize({ width: 375, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 900 });
    await checkPage(page, 'respuesta-archivos');
  }, 120_000);
});
