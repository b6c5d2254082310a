// Issue 20: the question box's page in Chromium — an answer and a question it cannot answer, at phone
// and desktop width: no axe violations, one h1, no sideways scroll at 375 px; and the answer's button
// opens the request journey prefilled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatsEngine } from '../../src/stats/engine.ts';
import { parseDataDir } from '../../src/stats/import.ts';
import { sharedDataDir } from '../helpers/shared-data.ts';
import { checkPage, chromiumAvailable, type OpenBrowser, openBrowser } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const dir = sharedDataDir();

describe.skipIf(!chromiumAvailable() || !dir)('/preguntar in Chromium', () => {
  let server: TestServer;
  let browser: OpenBrowser;

  beforeAll(async () => {
    server = await startTestServer({ overrides: { stats: createStatsEngine({ data: parseDataDir(dir!) }) } });
    // axe needs JavaScript to run; the page itself has none.
    browser = await openBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (q: string) => {
    const page = await browser.newPage(375);
    await page.goto(`${server.url}/preguntar?q=${encodeURIComponent(q)}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    return page;
  };

  it('an answer: the sentence, the years, the button that opens the journey prefilled', async () => {
    const page = await open('¿Cuántos habitantes tiene Neza?');
    expect(await page.locator('.panel .lead').textContent()).toContain('Nezahualcóyotl tenía');
    await checkPage(page, 'preguntar-respuesta');
    await page.getByRole('button', { name: 'Recibir este dato en un oficio firmado' }).click();
    await page.waitForURL(/\/solicitud\/nueva\/formatos$/, { timeout: 60_000 });
  }, 120_000);

  it('a question it cannot answer: what it understood, suggestions and the «Otro» request', async () => {
    const page = await open('poblacion de Atizapan');
    expect(await page.locator('.ask-suggestions a').count()).toBe(2);
    await checkPage(page, 'preguntar-sin-respuesta');
  }, 120_000);
});
