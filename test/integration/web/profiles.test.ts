// Place profiles (/lugares): every place of the catalog has a page, before any data is loaded (the place,
// and a note that its figures are not loaded yet) and with the official data (its figures beside its
// region's and the state's, the map, the sources); the pages come from the public page cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { formatNumber } from '../../../src/i18n/format.ts';
import { profilePlaces } from '../../../src/services/profiles/place-slugs.ts';
import { createStatsEngine, type StatsEngine } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { formClient } from '../portal/form-client.ts';

const dir = sharedDataDir();

const h1Of = (html: string) => [...html.matchAll(/<h1[^>]*>([^<]*)<\/h1>/g)].map((m) => m[1] ?? '');
const decodeHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

describe.each(testEngines())('place profiles without data on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  let stats: StatsEngine;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({
      app,
      deps: { stats },
    } = testApp(handle, {
      stats: createStatsEngine({ indicators: testConfig().agency.indicators }),
    }));
  });
  afterAll(() => handle.close());

  it('/lugares links every place of the catalog once: the state, its regions, zones and municipalities', async () => {
    const res = await app.request('/lugares');
    expect(res.status).toBe(200);
    const html = await res.text();
    const links = [...html.matchAll(/href="\/lugares\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    const places = stats.geographies();
    expect(new Set(links).size).toBe(links.length);
    expect(links.length).toBe(places.length);
    expect(links).toContain('estado-de-mexico');
    expect(links).toContain('nezahualcoyotl');
    expect(links).toContain('region-x-nezahualcoyotl');
    expect(links).toContain('zm-del-valle-de-mexico-parte-mexiquense');
  });

  it('a place page says its figures are not loaded yet; an unknown place is 404', async () => {
    const res = await app.request('/lugares/toluca');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(h1Of(html)).toEqual(['Toluca']);
    expect(html).toContain('Aún no se han cargado las cifras oficiales');
    expect((await app.request('/lugares/atlantida')).status).toBe(404);
  });

  it('comes from the page cache: same ETag, 304 on a repeat, no cookie', async () => {
    const first = await app.request('/lugares/ecatepec-de-morelos');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('set-cookie')).toBeNull();
    const repeat = await app.request('/lugares/ecatepec-de-morelos', { headers: { 'if-none-match': etag! } });
    expect(repeat.status).toBe(304);
  });
});

describe.skipIf(!dir).each(testEngines())(
  'place profiles on the official data (../shared/data) on %s',
  (engine) => {
    let handle: DatabaseHandle;
    let app: ReturnType<typeof testApp>['app'];
    let stats: StatsEngine;

    beforeAll(async () => {
      handle = await createTestDatabase(engine);
      // The engine straight from the files: the pages read only the engine, never the database.
      stats = createStatsEngine({ indicators: testConfig().agency.indicators });
      stats.load(parseDataDir(dir!));
      const config = testConfig({ STATS_DATA_DIR: dir! });
      ({ app } = testApp(handle, { stats, config }));
    }, 120_000);
    afterAll(() => handle.close());

    it('every place renders: 200, one h1 with its name, its 2020 population as the first key figure, the map', async () => {
      const places = profilePlaces(stats).all;
      expect(places.length).toBe(149);
      for (const p of places) {
        const res = await app.request(`/lugares/${p.slug}`);
        expect(res.status, p.slug).toBe(200);
        const html = await res.text();
        expect(h1Of(html).map(decodeHtml), p.slug).toEqual([p.name]);
        const population = stats.value({ indicator: 'population_total', geo: p.id, year: 2020 });
        const headline = html.slice(html.indexOf('id="cifras-principales"'));
        expect(
          headline.indexOf(`${formatNumber(population.value as number, 0)} personas`),
          p.slug,
        ).toBeGreaterThan(0);
        expect(html, p.slug).toContain('class="place-map"');
      }
    }, 300_000);

    it('Nezahualcóyotl: 1,077,208 people in 2020 beside the state’s 16,992,418, the 2015 pyramid and its sources', async () => {
      const html = await (await app.request('/lugares/nezahualcoyotl')).text();
      expect(html).toContain('1,077,208 personas');
      expect(html).toContain('16,992,418 personas');
      expect(html).toContain('Pirámide de población 2015');
      // Each kind of population figure is marked: censuses, counts, the survey and CONAPO's projections.
      for (const kind of ['Censo', 'Conteo', 'Encuesta Intercensal (estimación)', 'Proyección CONAPO'])
        expect(html).toContain(`<td>${kind}</td>`);
      expect(html).toContain('INEGI, Censo de Población y Vivienda 2020');
      expect(html).toContain('href="/lugares/nezahualcoyotl/oficio?bloque=housing"');
    });

    it('«Recibir en oficio firmado» of a block pre-fills the request journey with its indicators, place and year', async () => {
      const browser = formClient(app);
      const page = await browser.get('/lugares/nezahualcoyotl/oficio?bloque=housing');
      expect(page.status).toBe(200);
      expect(page.html).toContain('action="/solicitud/nueva/prellenar"');
      const hidden = (name: string) =>
        [...page.html.matchAll(new RegExp(`type="hidden" name="${name}" value="([^"]+)"`, 'g'))].map(
          (m) => m[1]!,
        );
      expect(hidden('geo')).toEqual(['mun:15058']);
      expect(hidden('years')).toEqual(['2020']);
      expect(hidden('indicators')).toContain('pct_dwellings_internet');
      const sent = await browser.post('/solicitud/nueva/prellenar', {
        indicators: hidden('indicators'),
        geo: hidden('geo'),
        years: hidden('years'),
      });
      expect(sent.status).toBe(303);
      expect(sent.location).toBe('/solicitud/nueva/revisar');
      const place = await browser.get('/solicitud/nueva/lugar');
      expect(place.html).toMatch(/<option value="mun:15058" selected/);
      const indicators = await browser.get('/solicitud/nueva/indicadores');
      expect(indicators.html).toMatch(
        /value="pct_dwellings_internet"[^>]*checked|checked[^>]*value="pct_dwellings_internet"/,
      );
      expect((await app.request('/lugares/nezahualcoyotl/oficio?bloque=nada')).status).toBe(404);
    });

    it('a municipality is compared with its region and the state; a region with the state and lists its municipalities', async () => {
      const toluca = await (await app.request('/lugares/toluca')).text();
      expect(toluca).toMatch(/<th scope="col" class="num">Región XVII Toluca<\/th>/);
      expect(toluca).toMatch(/<th scope="col" class="num">Estado de México<\/th>/);
      const region = await (await app.request('/lugares/region-xvii-toluca')).text();
      const firstTable = region.slice(region.indexOf('<table class="profile-table">'));
      const columns = firstTable
        .slice(0, firstTable.indexOf('</thead>'))
        .match(/<th scope="col"[^>]*>[^<]*<\/th>/g);
      expect(columns?.map((c) => c.replace(/<[^>]+>/g, ''))).toEqual([
        'Indicador',
        'Región XVII Toluca',
        'Estado de México',
      ]);
      expect(region).toContain('href="/lugares/toluca"');
      expect(region).toContain('href="/lugares/zinacantepec"');
    });
  },
);
