// Issue 16 finding 5 and issue 17: every door that takes a polygon (the statistics API's POST and GET
// /api/v1/values, the request API, the journey's upload) refuses each kind of bad polygon with a Spanish
// 400 that says what is wrong, before any clipping; a GeoJSON FeatureCollection is accepted; a polygon
// partly outside the state says which share is outside.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { refusalMessages } from '../../helpers/security.ts';
import { formClient } from '../portal/form-client.ts';

const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const poly = (...rings: unknown[][]) => ({ type: 'Polygon', coordinates: rings });
const feature = (geometry: unknown) => ({ type: 'Feature', properties: {}, geometry });

/** A closed ring of `n` distinct vertices around Toluca. */
function circle(n: number) {
  const pts = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return [-99.65 + 0.1 * Math.cos(a), 19.29 + 0.1 * Math.sin(a)];
  });
  return poly([...pts, pts[0]]);
}

/** Each kind of bad polygon and a piece of the Spanish message that names it. */
const BAD: [string, unknown, RegExp][] = [
  ['a Point', { type: 'Point', coordinates: [-99.6, 19.3] }, /no contiene un polígono GeoJSON/],
  [
    'a FeatureCollection without polygons',
    { type: 'FeatureCollection', features: [feature({ type: 'Point', coordinates: [-99.6, 19.3] })] },
    /FeatureCollection no contiene ningún polígono/,
  ],
  [
    'a latitude out of range',
    poly([
      [-99.7, 19.2],
      [-99.6, 95],
      [-99.6, 19.3],
      [-99.7, 19.2],
    ]),
    /coordenadas no válidas/,
  ],
  [
    'a coordinate as text',
    poly([
      [-99.7, 19.2],
      [-99.6, '19.2'],
      [-99.6, 19.3],
      [-99.7, 19.2],
    ]),
    /coordenadas no válidas/,
  ],
  [
    'an open ring',
    poly([
      [-99.7, 19.2],
      [-99.6, 19.2],
      [-99.6, 19.3],
      [-99.7, 19.3],
    ]),
    /no está cerrado/,
  ],
  ['5,001 vertices', circle(5000), /tiene 5001 vértices y se aceptan hasta 5000/],
  [
    'fewer than 3 distinct points',
    poly([
      [-99.7, 19.2],
      [-99.6, 19.2],
      [-99.7, 19.2],
      [-99.6, 19.2],
      [-99.7, 19.2],
    ]),
    /menos de 3 puntos distintos/,
  ],
  [
    'zero area',
    poly([
      [-99.7, 19.2],
      [-99.6, 19.25],
      [-99.5, 19.3],
      [-99.7, 19.2],
    ]),
    /superficie es cero/,
  ],
  [
    'across the antimeridian',
    poly([
      [179.5, 10],
      [-179.5, 10],
      [-179.5, 11],
      [179.5, 11],
      [179.5, 10],
    ]),
    /antimeridiano/,
  ],
  [
    'self-intersecting (a bow tie)',
    poly([
      [-99.7, 19.2],
      [-99.6, 19.3],
      [-99.6, 19.2],
      [-99.7, 19.3],
      [-99.7, 19.2],
    ]),
    /se cruza consigo mismo .*cerca de longitud -99\.65000, latitud 19\.25000/,
  ],
];

const REQUEST = {
  indicators: ['population_total'],
  years: [2020],
  formats: ['xlsx'],
  purpose: 'Diagnóstico de población de un área de la zona metropolitana',
  requester: { name: 'Luis Gómez', email: 'luis@example.org', sector: 'academia' },
  privacyConsent: true,
};

/** Two square "municipalities" side by side (Toluca, Metepec): enough to resolve a polygon. */
const boundaries = [
  { code: '15106', geometry: { type: 'Polygon' as const, coordinates: [square(-99.8, 19.2, 0.2)] } },
  { code: '15054', geometry: { type: 'Polygon' as const, coordinates: [square(-99.6, 19.2, 0.2)] } },
];

describe.each(testEngines())('polygon checks at every door on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const config = testConfig({ RATE_LIMIT_DISABLED: '1' });
    const stats = createStatsEngine({
      indicators: config.agency.indicators,
      data: { datasets: [], facts: [], boundaries },
    });
    ({ app } = testApp(handle, { config, stats }));
  });
  afterAll(() => handle.close());

  const json = (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  /** The journey's upload step, as a person without JavaScript posts it. */
  async function journeyUpload(geojson: unknown) {
    const client = formClient(app);
    await client.get('/solicitud/nueva/indicadores');
    await client.post('/solicitud/nueva/indicadores', { indicators: ['population_total'], otherText: '' });
    await client.post('/solicitud/nueva/geografia', { geoLevel: 'polygon' });
    const file = new File([JSON.stringify(geojson)], 'area.geojson');
    return client.post('/solicitud/nueva/lugar', { geojsonFile: file });
  }

  const doors: [string, (geo: unknown) => Promise<{ status: number; messages: string[] }>][] = [
    [
      'POST /api/v1/values',
      async (geo) => {
        const res = await json('/api/v1/values', { indicators: ['population_total'], geo });
        return { status: res.status, messages: await refusalMessages(res) };
      },
    ],
    [
      'GET /api/v1/values',
      async (geo) => {
        const q = encodeURIComponent(JSON.stringify(geo));
        const res = await app.request(`/api/v1/values?indicator=population_total&geo=${q}`);
        return { status: res.status, messages: await refusalMessages(res) };
      },
    ],
    [
      'POST /api/v1/requests',
      async (geo) => {
        const res = await json('/api/v1/requests', { ...REQUEST, geo });
        return { status: res.status, messages: await refusalMessages(res) };
      },
    ],
    [
      'the journey upload (/solicitud/nueva/lugar)',
      async (geo) => {
        const r = await journeyUpload(geo);
        const res = new Response(r.html, { headers: { 'content-type': 'text/html' } });
        return { status: r.status, messages: await refusalMessages(res) };
      },
    ],
  ];

  describe.each(doors)('%s', (_door, send) => {
    it.each(BAD)('%s: a Spanish 400 saying what is wrong', async (_kind, geo, message) => {
      // The GET door carries the polygon in the URL, which the API caps at 4,000 characters.
      if (_door.startsWith('GET') && JSON.stringify(geo).length > 3000) return;
      const { status, messages } = await send(geo);
      expect(status).toBe(400);
      expect(messages.join(' ')).toMatch(message);
    });

    it('a FeatureCollection as geojson.io or QGIS exports it is accepted', async () => {
      const fc = {
        type: 'FeatureCollection',
        features: [
          feature(poly(square(-99.75, 19.25, 0.05))),
          feature({
            type: 'LineString',
            coordinates: [
              [-99.7, 19.3],
              [-99.6, 19.3],
            ],
          }),
          feature(poly(square(-99.55, 19.25, 0.05))),
        ],
      };
      const { status, messages } = await send(fc);
      expect(status, messages.join(' ')).toBeLessThan(400);
    });
  });

  it('POST /api/v1/values: a merged FeatureCollection resolves to both municipalities', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [feature(poly(square(-99.75, 19.25, 0.05))), feature(poly(square(-99.55, 19.25, 0.05)))],
    };
    const res = await json('/api/v1/values', { indicators: ['population_total'], geo: fc });
    expect(res.status).toBe(200);
    const notes = ((await res.json()) as { notes: string[] }).notes.join(' ');
    expect(notes).toMatch(/15106|Toluca/);
    expect(notes).toMatch(/15054|Metepec/);
    expect(notes).not.toMatch(/fuera de/);
  });

  it('a polygon partly outside the state says which share of it is outside', async () => {
    // 0.1 × 0.1 degrees, its west half beyond the west edge of the two "municipalities" (-99.8).
    const res = await json('/api/v1/values', {
      indicators: ['population_total'],
      geo: poly(square(-99.85, 19.25, 0.1)),
    });
    expect(res.status).toBe(200);
    const notes = ((await res.json()) as { notes: string[] }).notes.join(' ');
    expect(notes).toMatch(/El 50 % de la superficie del polígono queda fuera de/);
  });
});
