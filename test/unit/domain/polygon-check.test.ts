// Issue 16 finding 5 / issue 17: every kind of bad polygon is named before any clipping; a
// FeatureCollection is accepted; simplification keeps the shape within its tolerance.
import { describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../../src/domain/geography.ts';
import { checkPolygon, ringArea2, simplifyPolygon } from '../../../src/domain/polygon-check.ts';

const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const poly = (...rings: unknown[][]) => ({ type: 'Polygon', coordinates: rings });
const kind = (v: unknown, max = 5000) => {
  const r = checkPolygon(v, max);
  return r.ok ? 'ok' : r.problem.kind;
};

describe('checkPolygon', () => {
  it('accepts a Polygon, a MultiPolygon and a Feature, and drops repeated points', () => {
    const withRepeat = [
      [-99.7, 19.2],
      [-99.6, 19.2],
      [-99.6, 19.2],
      [-99.6, 19.3],
      [-99.7, 19.2],
    ];
    const r = checkPolygon(poly(withRepeat), 5000);
    expect(r.ok && r.geometry).toEqual({ type: 'Polygon', coordinates: [withRepeat.toSpliced(2, 1)] });
    expect(kind({ type: 'MultiPolygon', coordinates: [[square(-99.7, 19.2, 0.1)]] })).toBe('ok');
    expect(kind({ type: 'Feature', properties: {}, geometry: poly(square(-99.7, 19.2, 0.1)) })).toBe('ok');
  });

  it('merges the polygon features of a FeatureCollection (as geojson.io and QGIS export) and skips points', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: poly(square(-99.7, 19.2, 0.1)) },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-99.5, 19.5] } },
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'MultiPolygon', coordinates: [[square(-99.5, 19.2, 0.1)]] },
        },
      ],
    };
    const r = checkPolygon(fc, 5000);
    expect(r.ok && r.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [[square(-99.7, 19.2, 0.1)], [square(-99.5, 19.2, 0.1)]],
    });
    // One polygon feature stays a Polygon.
    const one = checkPolygon({ type: 'FeatureCollection', features: [fc.features[0]] }, 5000);
    expect(one.ok && one.geometry.type).toBe('Polygon');
    // Two features that share an edge (neighbouring areas) are fine: they touch, they do not cross.
    const neighbours = {
      type: 'FeatureCollection',
      features: [square(-99.7, 19.2, 0.1), square(-99.6, 19.2, 0.1)].map((r) => ({
        type: 'Feature',
        geometry: poly(r),
      })),
    };
    expect(kind(neighbours)).toBe('ok');
  });

  it('names each kind of problem', () => {
    expect(kind({ type: 'Point', coordinates: [-99, 19] })).toBe('not_polygon');
    expect(kind('texto')).toBe('not_polygon');
    expect(
      kind({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
          },
        ],
      }),
    ).toBe('collection_without_polygon');
    expect(kind({ type: 'FeatureCollection', features: [] })).toBe('collection_without_polygon');
    expect(
      kind(
        poly([
          [-99.7, 19.2],
          [-99.6, Number.NaN],
          [-99.6, 19.3],
          [-99.7, 19.2],
        ]),
      ),
    ).toBe('coordinates');
    expect(
      kind(
        poly([
          [-99.7, 19.2],
          [-99.6, '19'],
          [-99.6, 19.3],
          [-99.7, 19.2],
        ]),
      ),
    ).toBe('coordinates');
    expect(
      kind(
        poly([
          [-99.7, 19.2],
          [-99.6, 95],
          [-99.6, 19.3],
          [-99.7, 19.2],
        ]),
      ),
    ).toBe('coordinates');
    expect(
      kind(
        poly([
          [-99.7, 19.2],
          [-99.6, 19.2],
          [-99.6, 19.3],
          [-99.7, 19.3],
        ]),
      ),
    ).toBe('not_closed');
    expect(kind(poly(square(-99.7, 19.2, 0.1)), 4)).toBe('too_many_vertices');
    expect(
      kind(
        poly([
          [-99.7, 19.2],
          [-99.6, 19.2],
          [-99.7, 19.2],
          [-99.6, 19.2],
          [-99.7, 19.2],
        ]),
      ),
    ).toBe('too_few_points');
    expect(
      kind(
        poly([
          [-99.7, 19.2],
          [-99.6, 19.2],
          [-99.5, 19.2],
          [-99.7, 19.2],
        ]),
      ),
    ).toBe('zero_area');
    expect(
      kind(
        poly([
          [179.5, 10],
          [-179.5, 10],
          [-179.5, 11],
          [179.5, 11],
          [179.5, 10],
        ]),
      ),
    ).toBe('antimeridian');
    // A bow tie: its two diagonals cross at (-99.65, 19.25).
    const bowTie = checkPolygon(
      poly([
        [-99.7, 19.2],
        [-99.6, 19.3],
        [-99.6, 19.2],
        [-99.7, 19.3],
        [-99.7, 19.2],
      ]),
      5000,
    );
    expect(bowTie.ok).toBe(false);
    if (!bowTie.ok && bowTie.problem.kind === 'self_intersecting') {
      expect(bowTie.problem.lon).toBeCloseTo(-99.65, 9);
      expect(bowTie.problem.lat).toBeCloseTo(19.25, 9);
    } else expect.unreachable(`problem ${JSON.stringify(bowTie)}`);
    // Two overlapping parts of one MultiPolygon cross each other too.
    expect(
      kind({ type: 'MultiPolygon', coordinates: [[square(-99.7, 19.2, 0.1)], [square(-99.65, 19.25, 0.1)]] }),
    ).toBe('self_intersecting');
  });

  it('a long ring that crosses itself once, far from its start, is found', () => {
    // A 2,000-point circle; then its west-most point is pulled east, across the whole circle.
    const n = 2000;
    const pts = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      return [-99.6 + 0.1 * Math.cos(a), 19.3 + 0.1 * Math.sin(a)];
    });
    expect(kind(poly([...pts, pts[0]!]))).toBe('ok');
    pts[n / 2] = [-99.4, 19.29];
    expect(kind(poly([...pts, pts[0]!]))).toBe('self_intersecting');
  });
});

describe('simplifyPolygon', () => {
  it('a 5,000-point circle keeps a few hundred points within the tolerance and its area', () => {
    const n = 5000;
    const pts = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      return [-99.6 + 0.25 * Math.cos(a), 19.3 + 0.2 * Math.sin(a)];
    });
    const g: PolygonGeometry = { type: 'Polygon', coordinates: [[...pts, pts[0]!]] };
    const s = simplifyPolygon(g, 1e-4);
    const ring = (s as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring.length).toBeLessThan(300);
    expect(ring.length).toBeGreaterThan(20);
    expect(ring[0]).toEqual(ring.at(-1));
    const before = ringArea2(g.coordinates[0]!);
    expect(Math.abs(ringArea2(ring) - before) / before).toBeLessThan(0.005);
  });

  it('a ring smaller than the tolerance is kept as it is', () => {
    const tiny: PolygonGeometry = { type: 'Polygon', coordinates: [square(-99.6, 19.3, 1e-5)] };
    expect(simplifyPolygon(tiny, 1e-4)).toEqual(tiny);
  });
});
