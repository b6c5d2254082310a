import { describe, expect, it } from 'vitest';
import { stepTitle } from '../../../../src/web/requester/journey/step.ts';
import { placeStep } from '../../../../src/web/requester/journey/steps/place.tsx';
import { errorsOf, parse, patchOf, renderView, stepCtx } from './step-context.ts';

const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [-99.7, 19.3],
      [-99.6, 19.3],
      [-99.6, 19.4],
      [-99.7, 19.4],
      [-99.7, 19.3],
    ],
  ],
};

describe('journey step: place', () => {
  it('is skipped for the whole state', () => {
    expect(placeStep.applies?.({ geoLevel: 'state' })).toBe(false);
    expect(placeStep.applies?.({ geoLevel: 'mun' })).toBe(true);
  });

  it('a municipality of the catalog is kept; another level or an unknown id is refused', async () => {
    expect(patchOf(await parse(placeStep, { geo: 'mun:15002' }, { geoLevel: 'mun' }))).toEqual({
      geo: 'mun:15002',
      geoGeojson: null,
    });
    expect(errorsOf(await parse(placeStep, { geo: 'region:1' }, { geoLevel: 'mun' }))[0]?.field).toBe('geo');
    expect(errorsOf(await parse(placeStep, { geo: 'mun:99999' }, { geoLevel: 'mun' }))[0]?.field).toBe('geo');
  });

  it('a set needs two municipalities or more and is stored sorted without repeats', async () => {
    const patch = patchOf(
      await parse(placeStep, { municipalities: ['15033', '15001', '15033'] }, { geoLevel: 'set' }),
    );
    expect(patch.geo).toBe('set:15001,15033');
    const errors = errorsOf(await parse(placeStep, { municipalities: ['15001'] }, { geoLevel: 'set' }));
    expect(errors[0]?.field).toBe('municipalities');
  });

  it('a pasted GeoJSON polygon is kept as geometry; broken JSON keeps the text for correction', async () => {
    const patch = patchOf(
      await parse(placeStep, { geojsonText: JSON.stringify(SQUARE) }, { geoLevel: 'polygon' }),
    );
    expect(patch.geo).toMatch(/^polygon:/);
    expect(patch.geoGeojson?.type).toBe('Polygon');
    const bad = await parse(placeStep, { geojsonText: '{"type":' }, { geoLevel: 'polygon' });
    expect(errorsOf(bad)[0]?.field).toBe('geojsonText');
    expect('raw' in bad && bad.raw.geojsonText).toBe('{"type":');
  });

  it('the municipality page lists the catalog and keeps the choice', async () => {
    const html = await renderView(placeStep, stepCtx({ geoLevel: 'mun', geo: 'mun:15002' }));
    expect(html).toContain('<option value="mun:15002" selected="">Acolman</option>');
  });
});

describe('journey step: place, its title', () => {
  it('is the question its heading asks, for each kind of area', async () => {
    const { t } = stepCtx();
    for (const level of ['mun', 'region', 'zm', 'set', 'polygon'] as const) {
      const ctx = stepCtx({ geoLevel: level });
      const html = await renderView(placeStep, ctx);
      const heading = /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
      expect(t(stepTitle(placeStep, ctx.state)), level).toBe(heading);
    }
  });
});
