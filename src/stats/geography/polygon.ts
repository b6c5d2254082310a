import { area } from '@turf/area';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { tesselate } from '@turf/tesselate';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { UnprocessableError } from '../../domain/errors.ts';
import type { PolygonGeometry } from '../../domain/geography.ts';

type BBox = [number, number, number, number];
type Boundary = {
  code: string;
  geometry: PolygonGeometry;
  feature: Feature<Polygon | MultiPolygon>;
  bbox: BBox;
  area: number;
};

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

type Ring = number[][];

/** Twice the signed planar area of a closed ring (positive when counter-clockwise). */
function signedArea2(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++)
    a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return a;
}

/** The query polygon as a counter-clockwise convex ring, when it is one (rectangles, most drawn shapes). */
export function convexRing(g: PolygonGeometry): Ring | null {
  if (g.type !== 'Polygon' || g.coordinates.length !== 1) return null;
  let ring = g.coordinates[0]!;
  if (signedArea2(ring) < 0) ring = [...ring].reverse();
  let sign = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [a, b, c] = [ring[i]!, ring[i + 1]!, ring[(i + 2) % (ring.length - 1)]!];
    const cross = (b[0]! - a[0]!) * (c[1]! - b[1]!) - (b[1]! - a[1]!) * (c[0]! - b[0]!);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return null;
  }
  return ring;
}

/** Sutherland–Hodgman: the part of `subject` inside the convex counter-clockwise ring `clip`. */
export function clipRing(subject: Ring, clip: Ring): Ring {
  let out = subject.slice(0, -1);
  for (let i = 0; i < clip.length - 1 && out.length > 0; i++) {
    const [a, b] = [clip[i]!, clip[i + 1]!];
    const inside = (p: number[]) =>
      (b[0]! - a[0]!) * (p[1]! - a[1]!) - (b[1]! - a[1]!) * (p[0]! - a[0]!) >= 0;
    const cut = (p: number[], q: number[]) => {
      const [dx, dy] = [q[0]! - p[0]!, q[1]! - p[1]!];
      const [ex, ey] = [b[0]! - a[0]!, b[1]! - a[1]!];
      const t = (ex * (p[1]! - a[1]!) - ey * (p[0]! - a[0]!)) / (ey * dx - ex * dy);
      return [p[0]! + t * dx, p[1]! + t * dy];
    };
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const [p, q] = [input[j]!, input[(j + 1) % input.length]!];
      if (inside(q)) {
        if (!inside(p)) out.push(cut(p, q));
        out.push(q);
      } else if (inside(p)) out.push(cut(p, q));
    }
  }
  return out.length >= 3 ? [...out, out[0]!] : [];
}

/** The polygon as disjoint convex counter-clockwise rings with their bounding boxes. */
function convexPieces(g: PolygonGeometry): { ring: Ring; bbox: BBox }[] {
  const whole = convexRing(g);
  const rings = whole
    ? [whole]
    : tesselate(feature(g as Polygon | MultiPolygon)).features.map((t) => {
        const ring = t.geometry.coordinates[0] as Ring;
        return signedArea2(ring) < 0 ? [...ring].reverse() : ring;
      });
  return rings.map((ring) => ({ ring, bbox: bboxOf({ type: 'Polygon', coordinates: [ring] }) }));
}

/**
 * How much clipping one polygon may cost (issue 16, finding 5): a count of clipping steps (a vertex of
 * a municipality against an edge of a piece of the polygon), deterministic whatever the machine's load,
 * and a wall-clock deadline (performance.now()) as a backstop. Over either: a Spanish 422.
 */
export type ClipBudget = { steps: number; deadline?: number; used?: number };

function spend(budget: ClipBudget | undefined, steps: number) {
  if (!budget) return;
  budget.used = (budget.used ?? 0) + steps;
  if (budget.used > budget.steps || (budget.deadline !== undefined && performance.now() > budget.deadline))
    throw new UnprocessableError('stats.error.polygon_too_complex');
}

/** Geodesic area of the part of a (multi)polygon inside a convex ring: clipped outer rings minus clipped holes. */
function clippedArea(g: PolygonGeometry, clip: Ring, budget?: ClipBudget): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const rings of polygons)
    rings.forEach((ring, i) => {
      spend(budget, ring.length * (clip.length - 1));
      const part = clipRing(ring, clip);
      if (part.length >= 4)
        total += (i === 0 ? 1 : -1) * area(feature({ type: 'Polygon', coordinates: [part] }));
    });
  return total;
}

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
      return { code: b.code, geometry: b.geometry, feature: f, bbox: bboxOf(b.geometry), area: area(f) };
    });
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * The query polygon is cut into convex pieces (itself when convex, else earcut triangles) and each
   * municipality is clipped against each piece (Sutherland–Hodgman), which is exact and fast. `general`
   * uses turf's polygon intersection instead (same areas; kept to check the fast path). `coveredM2` is
   * the covered surface in m² (to tell which share of the polygon lies outside every municipality).
   */
  shares(
    polygon: PolygonGeometry,
    opts: { general?: boolean; budget?: ClipBudget } = {},
  ): { code: string; share: number; coveredM2: number }[] {
    const box = bboxOf(polygon);
    const pieces = opts.general ? [] : convexPieces(polygon);
    const poly = feature(polygon as Polygon | MultiPolygon);
    const out: { code: string; share: number; coveredM2: number }[] = [];
    for (const b of this.items) {
      if (!overlaps(box, b.bbox) || b.area === 0) continue;
      let covered = 0;
      if (opts.general) {
        const inter = intersect(featureCollection([poly, b.feature]));
        covered = inter ? area(inter) : 0;
      } else {
        for (const piece of pieces)
          if (overlaps(piece.bbox, b.bbox)) covered += clippedArea(b.geometry, piece.ring, opts.budget);
      }
      const share = Math.min(1, covered / b.area);
      if (share >= MIN_SHARE) out.push({ code: b.code, share, coveredM2: Math.min(covered, b.area) });
    }
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }
}
