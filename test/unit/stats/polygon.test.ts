import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../../src/domain/geography.ts';
import { BoundaryIndex, convexRing } from '../../../src/stats/geography/polygon.ts';

// Hand-made "municipalities" near Toluca: a square with a square hole, and an L-shaped (concave) one.
const square: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [-99.7, 19.2],
      [-99.6, 19.2],
      [-99.6, 19.3],
      [-99.7, 19.3],
      [-99.7, 19.2],
    ],
    [
      [-99.67, 19.23],
      [-99.67, 19.27],
      [-99.63, 19.27],
      [-99.63, 19.23],
      [-99.67, 19.23],
    ],
  ],
};
const ell: PolygonGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [-99.6, 19.2],
        [-99.4, 19.2],
        [-99.4, 19.25],
        [-99.55, 19.25],
        [-99.55, 19.35],
        [-99.6, 19.35],
        [-99.6, 19.2],
      ],
    ],
  ],
};
const index = new BoundaryIndex([
  { code: '15005', geometry: square },
  { code: '15106', geometry: ell },
]);
const rect = (x0: number, y0: number, x1: number, y1: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

describe('polygon → municipalities by area share', () => {
  it('a polygon covering a whole municipality gives share 1; outside gives nothing', () => {
    expect(index.shares(rect(-99.8, 19.1, -99.59, 19.4)).find((s) => s.code === '15005')?.share).toBeCloseTo(
      1,
      9,
    );
    expect(index.shares(rect(-98, 18, -97.9, 18.1))).toEqual([]);
  });

  it('the fast convex clip and the general intersection agree on area shares', () => {
    const coord = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(coord, coord, coord, coord, (a, b, c, d) => {
        const [x0, x1] = [-99.75 + 0.4 * Math.min(a, b), -99.75 + 0.4 * Math.max(a, b) + 0.01];
        const [y0, y1] = [19.15 + 0.25 * Math.min(c, d), 19.15 + 0.25 * Math.max(c, d) + 0.01];
        const q = rect(x0, y0, x1, y1);
        const fast = index.shares(q);
        const general = index.shares(q, { general: true });
        expect(fast.map((s) => s.code)).toEqual(general.map((s) => s.code));
        for (const [i, s] of fast.entries()) expect(s.share).toBeCloseTo(general[i]!.share, 6);
      }),
      { numRuns: 40 },
    );
  });

  it('a concave polygon (cut into triangles) agrees with the general intersection', () => {
    const notch: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [-99.75, 19.15],
          [-99.45, 19.15],
          [-99.45, 19.4],
          [-99.58, 19.22],
          [-99.75, 19.4],
          [-99.75, 19.15],
        ],
      ],
    };
    expect(convexRing(notch)).toBeNull();
    const fast = index.shares(notch);
    const general = index.shares(notch, { general: true });
    expect(fast.map((s) => s.code)).toEqual(['15005', '15106']);
    for (const [i, s] of fast.entries()) expect(s.share).toBeCloseTo(general[i]!.share, 6);
  });

  it('a hole is not counted as covered area', () => {
    // The hole is 0.04 × 0.04 of the 0.1 × 0.1 square: a polygon over the hole only covers ~0.
    const overHole = index.shares(rect(-99.669, 19.231, -99.631, 19.269));
    expect(overHole.find((s) => s.code === '15005')).toBeUndefined();
  });

  it('only convex single-ring polygons take the fast path', () => {
    expect(convexRing(rect(0, 0, 1, 1))).not.toBeNull();
    expect(convexRing(ell)).toBeNull();
    expect(convexRing(square)).toBeNull();
  });
});
