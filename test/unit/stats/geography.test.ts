import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGeoId, isPolygonGeoJson, normalizeGeoId, parseGeoId } from '../../../src/domain/geography.ts';
import { placeCatalog } from '../../../src/stats/geography/catalog.ts';

describe('geography ids', () => {
  it.each([
    ['state:15', { level: 'state', code: '15' }],
    ['mun:15033', { level: 'mun', code: '15033' }],
    ['region:6', { level: 'region', code: '6' }],
    ['zm:15.02', { level: 'zm', code: '15.02' }],
    ['set:15058,15033,15033', { level: 'set', codes: ['15033', '15058'] }],
  ])('parses %s', (id, ref) => {
    expect(parseGeoId(id)).toEqual(ref);
  });

  it.each([
    '',
    'state:09',
    'mun:1533',
    'mun:09002',
    'region:0',
    'zm:1502',
    'set:',
    'set:15033,abc',
    'pais:MX',
    'mun:15033x',
  ])('rejects %j', (id) => {
    expect(parseGeoId(id)).toBeNull();
  });

  it('a set normalizes to sorted codes without repeats, and formatting round-trips', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 125 }), { minLength: 1, maxLength: 20 }), (nums) => {
        const codes = nums.map((n) => `15${String(n).padStart(3, '0')}`);
        const id = normalizeGeoId(`set:${codes.join(',')}`)!;
        const ref = parseGeoId(id)!;
        expect(ref.level).toBe('set');
        if (ref.level !== 'set') return;
        expect(ref.codes).toEqual([...new Set(codes)].sort());
        expect(formatGeoId(ref)).toBe(id);
      }),
    );
  });

  it('accepts closed WGS84 polygons and rejects other shapes', () => {
    const ring = [
      [-99.1, 19.5],
      [-99.0, 19.5],
      [-99.0, 19.6],
      [-99.1, 19.5],
    ];
    expect(isPolygonGeoJson({ type: 'Polygon', coordinates: [ring] })).toBe(true);
    expect(
      isPolygonGeoJson({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[ring]] } }),
    ).toBe(true);
    expect(isPolygonGeoJson({ type: 'Polygon', coordinates: [ring.slice(0, 3)] })).toBe(false);
    expect(isPolygonGeoJson({ type: 'Polygon', coordinates: [[...ring.slice(0, 3), [-99.2, 19.5]]] })).toBe(
      false,
    );
    expect(isPolygonGeoJson({ type: 'Point', coordinates: [-99, 19] })).toBe(false);
    expect(
      isPolygonGeoJson({
        type: 'Polygon',
        coordinates: [
          [
            [500, 19],
            [501, 19],
            [501, 20],
            [500, 19],
          ],
        ],
      }),
    ).toBe(false);
  });
});

describe('place catalog (config/geography)', () => {
  const catalog = placeCatalog();

  it('has the 125 municipalities with INEGI codes', () => {
    const codes = catalog.byLevel.mun.map((p) => p.members[0]);
    expect(codes).toHaveLength(125);
    expect(new Set(codes).size).toBe(125);
    expect(codes.every((c) => /^15\d{3}$/.test(c!))).toBe(true);
    expect(catalog.municipalityName('15033')).toBe('Ecatepec de Morelos');
  });

  it('has the 20 regions of the 2017–2023 scheme, each municipality in exactly one', () => {
    const regions = catalog.byLevel.region;
    expect(regions).toHaveLength(20);
    expect(
      regions.every((r) => r.scheme?.name === 'Regionalización 2017–2023' && r.scheme.year === 2017),
    ).toBe(true);
    // Membership counts published by COPLADEM (see SOURCES.md), regions I to XX.
    expect(regions.map((r) => r.members.length)).toEqual([
      13, 14, 4, 3, 2, 6, 7, 4, 5, 1, 10, 11, 10, 7, 4, 1, 2, 4, 12, 5,
    ]);
    const all = regions.flatMap((r) => r.members);
    expect(new Set(all).size).toBe(125);
  });

  it('has the 2015 metropolitan zones with their delimitation year', () => {
    const zones = new Map(catalog.byLevel.zm.map((z) => [z.id, z]));
    expect([...zones.keys()].sort()).toEqual(['zm:09.01', 'zm:15.01', 'zm:15.02']);
    expect(zones.get('zm:09.01')!.members).toHaveLength(59);
    expect(zones.get('zm:15.02')!.members).toHaveLength(16);
    expect(zones.get('zm:15.01')!.members).toHaveLength(6);
    expect([...zones.values()].every((z) => z.scheme?.year === 2015)).toBe(true);
  });
});
