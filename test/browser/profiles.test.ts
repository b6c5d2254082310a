// Place profiles in Chromium on the official data: a municipality, a region, a zone, the state and the
// index, with no axe violations, one h1, and no sideways scrolling on a 375 px phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatsEngine } from '../../src/stats/engine.ts';
import { parseDataDir } from '../../src/stats/import.ts';
import { sharedDataDir } from '../helpers/shared-data.ts';
import { checkPage, chromiumAvailable, type OpenBrowser, openBrowser } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const available = chromiumAvailable();
const dir = sharedDataDir();

// A profile is a long page: axe and two full-page screenshots take tens of seconds on a loaded machine.
describe.skipIf(!available || !dir)('place profiles in Chromium', () => {
  let server: TestServer;
  let browser: OpenBrowser;

  beforeAll(async () => {
    const stats = createStatsEngine();
    stats.load(parseDataDir(dir!));
    server = await startTestServer({ env: { STATS_DATA_DIR: dir! }, overrides: { stats } });
    browser = await openBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['/lugares', 'perfiles-indice', 'Perfiles de los lugares'],
    ['/lugares/nezahualcoyotl', 'perfil-municipio', 'Nezahualcóyotl'],
    ['/lugares/region-xiii-tenancingo', 'perfil-region', 'Región XIII Tenancingo'],
    ['/lugares/zm-toluca', 'perfil-zona', 'ZM Toluca'],
    ['/lugares/estado-de-mexico', 'perfil-estado', 'Estado de México'],
  ])(
    '%s: no axe violations, one h1, no sideways scroll at 375 px',
    async (path, name, heading) => {
      const page = await browser.newPage(1280);
      expect((await page.goto(`${server.url}${path}`))?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe(heading);
      await checkPage(page, name);
      await page.setViewportSize({ width: 375, height: 900 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path}: ancho del documento a 375 px`).toBeLessThanOrEqual(375);
      if (path !== '/lugares') {
        // The charts are images with a text alternative; the map shows the place.
        expect(await page.locator('svg.place-map[role="img"]').count()).toBe(1);
        expect(await page.locator('svg.profile-chart[role="img"]').count()).toBeGreaterThan(1);
      }
      await page.close();
    },
    180_000,
  );

  it('«Recibir en oficio firmado» of a block: the pre-fill page has no axe violations and continues into the journey', async () => {
    const page = await browser.newPage(1280);
    await page.goto(`${server.url}/lugares/nezahualcoyotl`);
    await page.locator('a[href="/lugares/nezahualcoyotl/oficio?bloque=health"]').click();
    expect(await page.locator('h1').textContent()).toBe(
      'Recibir en oficio firmado: Salud y discapacidad, Nezahualcóyotl',
    );
    await checkPage(page, 'perfil-oficio');
    await page.getByRole('button', { name: 'Continuar con la solicitud' }).click();
    // The journey's review page sends to its first question still open (the formats).
    expect(new URL(page.url()).pathname).toMatch(/^\/solicitud\/nueva\//);
    await page.close();
  }, 180_000);
});
