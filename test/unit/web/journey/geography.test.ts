import { describe, expect, it } from 'vitest';
import { GEO_LEVELS, geographyStep } from '../../../../src/web/requester/journey/steps/geography.tsx';
import { errorsOf, parse, patchOf, renderView, stepCtx } from './step-context.ts';

describe('journey step: kind of area', () => {
  it('the whole state needs no place: the state id is filled in', async () => {
    expect(patchOf(await parse(geographyStep, { geoLevel: 'state' }))).toEqual({
      geoLevel: 'state',
      geo: 'state:15',
      geoGeojson: null,
    });
  });

  it('a new kind of area forgets the place chosen before; the same kind keeps it', async () => {
    const changed = patchOf(
      await parse(geographyStep, { geoLevel: 'region' }, { geoLevel: 'mun', geo: 'mun:15001' }),
    );
    expect(changed).toEqual({ geoLevel: 'region', geo: undefined, geoGeojson: null });
    const same = patchOf(
      await parse(geographyStep, { geoLevel: 'mun' }, { geoLevel: 'mun', geo: 'mun:15001' }),
    );
    expect(same).toEqual({ geoLevel: 'mun' });
  });

  it('an unknown kind is an error on the field', async () => {
    const [error] = errorsOf(await parse(geographyStep, { geoLevel: 'planet' }));
    expect(error?.field).toBe('geoLevel');
  });

  it('offers every kind with the agency words filled in', async () => {
    const html = await renderView(geographyStep, stepCtx({ geoLevel: 'zm' }));
    for (const level of GEO_LEVELS) expect(html).toContain(`value="${level}"`);
    expect(html).toContain('value="zm" checked');
    expect(html).not.toMatch(/\{(agency|state|municipalityCount)\}/);
  });
});
