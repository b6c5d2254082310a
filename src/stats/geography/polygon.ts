import { area } from '@turf/area';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PolygonGeometry } from '../../domain/geography.ts';

type BBox = [number, number, number, number];
type Boundary = { code: string; feature: Feature<Polygon | MultiPolygon>; bbox: BBox; area: number };

function bboxOf(g: PolygonGeometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings)
    for (const [x, y] of ring as [number, number][]) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  return b;
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Shares below this are slivers from simplified borders, not real coverage. */
const MIN_SHARE = 1e-4;

/**
 * Municipal boundaries prepared for polygon queries (bounding boxes and areas computed once).
 * `shares` intersects a polygon with each candidate municipality (turf) and returns the share of each
 * municipality's area that the polygon covers.
 */
export class BoundaryIndex {
  private readonly items: Boundary[];

  constructor(boundaries: readonly { code: string; geometry: PolygonGeometry }[]) {
    this.items = boundaries.map((b) => {
      const f = feature(b.geometry as Polygon | MultiPolygon);
      return { code: b.code, feature: f, bbox: bboxOf(b.geometry), area: area(f) };
    });
  }

  get size(): number {
    return this.items.length;
  }

  shares(polygon: PolygonGeometry): { code: string; share: number }[] {
    const poly = feature(polygon as Polygon | MultiPolygon);
    const box = bboxOf(polygon);
    const out: { code: string; share: number }[] = [];
    for (const b of this.items) {
      if (!overlaps(box, b.bbox) || b.area === 0) continue;
      const inter = intersect(featureCollection([poly, b.feature]));
      if (!inter) continue;
      const share = Math.min(1, area(inter) / b.area);
      if (share >= MIN_SHARE) out.push({ code: b.code, share });
    }
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }
}
