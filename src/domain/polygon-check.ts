import type { PolygonGeometry } from './geography.ts';

/**
 * What a requester's polygon may be, checked before any clipping (issue 16, finding 5): GeoJSON
 * Polygon, MultiPolygon, a Feature of one, or a FeatureCollection (what geojson.io and QGIS export)
 * whose polygon features are merged into one MultiPolygon. Each refusal names what is wrong, so the
 * person can fix the file.
 */
export type PolygonProblem =
  | { kind: 'not_polygon' }
  | { kind: 'collection_without_polygon' }
  | { kind: 'coordinates' }
  | { kind: 'not_closed' }
  | { kind: 'too_many_vertices'; count: number; max: number }
  | { kind: 'too_large'; kb: number }
  | { kind: 'too_few_points' }
  | { kind: 'zero_area' }
  | { kind: 'antimeridian' }
  | { kind: 'self_intersecting'; lon: number; lat: number };

export type PolygonCheck = { ok: true; geometry: PolygonGeometry } | { ok: false; problem: PolygonProblem };

type Ring = number[][];

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The polygons (lists of rings) of a geometry-like object, or a problem. */
function polygonsOf(v: unknown): Ring[][] | PolygonProblem {
  if (!v || typeof v !== 'object') return { kind: 'not_polygon' };
  const o = v as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown };
  if (o.type === 'Feature') {
    const g = o.geometry as { type?: unknown } | null;
    return g && typeof g === 'object' && g.type !== 'Feature' ? polygonsOf(g) : { kind: 'not_polygon' };
  }
  if (o.type === 'FeatureCollection') {
    if (!Array.isArray(o.features)) return { kind: 'not_polygon' };
    // Points, lines and labels that often travel with a drawn area are left aside; polygons merge.
    const polygons: Ring[][] = [];
    for (const f of o.features) {
      const g = (f as { geometry?: { type?: unknown } } | null)?.geometry;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
      const got = polygonsOf(g);
      if (!Array.isArray(got)) return got;
      polygons.push(...got);
    }
    return polygons.length > 0 ? polygons : { kind: 'collection_without_polygon' };
  }
  const shapes =
    o.type === 'Polygon' ? [o.coordinates] : o.type === 'MultiPolygon' ? o.coordinates : undefined;
  if (!Array.isArray(shapes) || shapes.length === 0) return { kind: 'not_polygon' };
  for (const rings of shapes)
    if (!Array.isArray(rings) || rings.length === 0 || !rings.every(Array.isArray))
      return { kind: 'not_polygon' };
  return shapes as Ring[][];
}

/** Positions are [lon, lat] numbers in degrees (NaN, text and out-of-range values are refused). */
function positionsValid(polygons: Ring[][]): boolean {
  for (const rings of polygons)
    for (const ring of rings)
      for (const p of ring)
        if (
          !Array.isArray(p) ||
          p.length < 2 ||
          !isFiniteNumber(p[0]) ||
          !isFiniteNumber(p[1]) ||
          Math.abs(p[0]) > 180 ||
          Math.abs(p[1]) > 90
        )
          return false;
  return true;
}

/** Twice the signed planar area of a closed ring, in square degrees. */
export function ringArea2(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++)
    a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return a;
}

/** The ring without repeated consecutive positions (still closed). */
function dropRepeats(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0]!, p[1]!]);
  }
  return out;
}

/** Below this (square degrees, about 1 m²) an outer ring has no area. */
const ZERO_AREA = 1e-10;

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/**
 * The first point where two edges cross (interiors crossing, not touching at a shared vertex), or
 * null. A sweep over the edges sorted by their west end: only edges whose longitudes overlap meet.
 * Flat arrays and an in-place active list: this runs on every polygon before anything else.
 */
function firstCrossing(rings: Ring[]): [number, number] | null {
  const n = rings.reduce((k, r) => k + r.length - 1, 0);
  // Per edge: west x, its y, east x, its y; its ring, its index in the ring and the ring's edge count.
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  const ring = new Int32Array(n);
  const pos = new Int32Array(n);
  const len = new Int32Array(n);
  let e = 0;
  rings.forEach((r, k) => {
    for (let i = 0; i < r.length - 1; i++, e++) {
      const [p, q] = [r[i]!, r[i + 1]!];
      const west = p[0]! <= q[0]! ? [p, q] : [q, p];
      ax[e] = west[0]![0]!;
      ay[e] = west[0]![1]!;
      bx[e] = west[1]![0]!;
      by[e] = west[1]![1]!;
      ring[e] = k;
      pos[e] = i;
      len[e] = r.length - 1;
    }
  });
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => ax[i]! - ax[j]!);
  const active = new Int32Array(n);
  let live = 0;
  for (const s of order) {
    let kept = 0;
    for (let a = 0; a < live; a++) {
      const t = active[a]!;
      if (bx[t]! < ax[s]!) continue;
      active[kept++] = t;
      if (ring[t] === ring[s]) {
        const d = Math.abs(pos[t]! - pos[s]!);
        if (d === 1 || d === len[s]! - 1) continue;
      }
      if (
        Math.max(ay[s]!, by[s]!) < Math.min(ay[t]!, by[t]!) ||
        Math.max(ay[t]!, by[t]!) < Math.min(ay[s]!, by[s]!)
      )
        continue;
      const d1 = orient(ax[s]!, ay[s]!, bx[s]!, by[s]!, ax[t]!, ay[t]!);
      const d2 = orient(ax[s]!, ay[s]!, bx[s]!, by[s]!, bx[t]!, by[t]!);
      const d3 = orient(ax[t]!, ay[t]!, bx[t]!, by[t]!, ax[s]!, ay[s]!);
      const d4 = orient(ax[t]!, ay[t]!, bx[t]!, by[t]!, bx[s]!, by[s]!);
      if (d1 * d2 < 0 && d3 * d4 < 0) {
        // Where they cross, for the message.
        const [sx, sy, ux, uy] = [bx[s]! - ax[s]!, by[s]! - ay[s]!, bx[t]! - ax[t]!, by[t]! - ay[t]!];
        const u = ((ax[t]! - ax[s]!) * uy - (ay[t]! - ay[s]!) * ux) / (sx * uy - sy * ux);
        return [ax[s]! + u * sx, ay[s]! + u * sy];
      }
    }
    live = kept;
    active[live++] = s;
  }
  return null;
}

/**
 * Checks a requester's polygon: structure, coordinates, closed rings, the vertex limit, at least three
 * distinct points per ring, a non-zero area, no edge crossing the antimeridian and no edge crossing
 * another (within a ring, or between the rings and parts of one geometry). Returns the bare geometry
 * (Polygon, or MultiPolygon for several parts) without repeated consecutive points.
 */
export function checkPolygon(value: unknown, maxVertices: number): PolygonCheck {
  const got = polygonsOf(value);
  if (!Array.isArray(got)) return { ok: false, problem: got };
  const polygons = got;
  const count = polygons.reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0);
  if (count > maxVertices)
    return { ok: false, problem: { kind: 'too_many_vertices', count, max: maxVertices } };
  if (!positionsValid(polygons)) return { ok: false, problem: { kind: 'coordinates' } };
  const cleaned: Ring[][] = [];
  let zeroArea = false;
  for (const rings of polygons) {
    const out: Ring[] = [];
    for (const [k, raw] of rings.entries()) {
      const [a, z] = [raw[0]!, raw.at(-1)!];
      if (raw.length < 2 || a[0] !== z[0] || a[1] !== z[1])
        return { ok: false, problem: { kind: 'not_closed' } };
      const ring = dropRepeats(raw);
      if (new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3)
        return { ok: false, problem: { kind: 'too_few_points' } };
      for (let i = 0; i < ring.length - 1; i++)
        if (Math.abs(ring[i + 1]![0]! - ring[i]![0]!) > 180)
          return { ok: false, problem: { kind: 'antimeridian' } };
      // Reported after the crossing check: a bow tie's lobes cancel out, and crossing says more.
      if (k === 0 && Math.abs(ringArea2(ring)) / 2 < ZERO_AREA) zeroArea = true;
      out.push(ring);
    }
    cleaned.push(out);
  }
  const crossing = firstCrossing(cleaned.flat());
  if (crossing)
    return { ok: false, problem: { kind: 'self_intersecting', lon: crossing[0], lat: crossing[1] } };
  if (zeroArea) return { ok: false, problem: { kind: 'zero_area' } };
  const geometry: PolygonGeometry =
    cleaned.length === 1
      ? { type: 'Polygon', coordinates: cleaned[0]! }
      : { type: 'MultiPolygon', coordinates: cleaned };
  return { ok: true, geometry };
}

// ---- Simplification (Douglas–Peucker) ----

/** Squared distance from p to the segment a–b (planar, in degrees). */
function segmentDistance2(p: number[], a: number[], b: number[]): number {
  const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const [x, y] = [a[0]! + t * dx - p[0]!, a[1]! + t * dy - p[1]!];
  return x * x + y * y;
}

/** Douglas–Peucker on a closed ring (iterative: no deep recursion on long rings). */
function simplifyRing(ring: Ring, tolerance: number): Ring {
  const n = ring.length;
  if (n <= 5) return ring;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  // A closed ring's ends coincide: split it at the point farthest from the start first.
  let far = 1;
  for (let i = 1; i < n - 1; i++)
    if (segmentDistance2(ring[i]!, ring[0]!, ring[0]!) > segmentDistance2(ring[far]!, ring[0]!, ring[0]!))
      far = i;
  keep[far] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [
    [0, far],
    [far, n - 1],
  ];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let worstD = tol2;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance2(ring[i]!, ring[from]!, ring[to]!);
      if (d > worstD) {
        worst = i;
        worstD = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  const out = ring.filter((_, i) => keep[i] === 1);
  // A ring smaller than the tolerance keeps its own shape rather than collapse.
  return out.length >= 4 ? out : ring;
}

/**
 * The polygon with fewer vertices: each ring simplified (Douglas–Peucker) within `tolerance` degrees.
 * Used before clipping against the municipal boundaries, which are themselves simplified.
 */
export function simplifyPolygon(g: PolygonGeometry, tolerance: number): PolygonGeometry {
  if (g.type === 'Polygon')
    return { type: 'Polygon', coordinates: g.coordinates.map((r) => simplifyRing(r, tolerance)) };
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((rings) => rings.map((r) => simplifyRing(r, tolerance))),
  };
}

/** The catalog id (`polygon.problem.<kind>`) and parameters of a problem's message. */
export function polygonProblemMessage(p: PolygonProblem): {
  id: PolygonProblem['kind'];
  params: Record<string, string | number>;
} {
  if (p.kind === 'too_many_vertices') return { id: p.kind, params: { count: p.count, max: p.max } };
  if (p.kind === 'too_large') return { id: p.kind, params: { kb: p.kb } };
  if (p.kind === 'self_intersecting')
    return { id: p.kind, params: { lon: p.lon.toFixed(5), lat: p.lat.toFixed(5) } };
  return { id: p.kind, params: {} };
}
