import { geoMercator } from 'd3-geo';
import { loadMunicipalBoundaries, type MunicipalBoundaries } from '../../documents/map.ts';
import { escapeXml } from '../../documents/xml.ts';

const WIDTH = 360;
const HEIGHT = 400;
const PAD = 6;

/** Points closer than this to the simplified line are dropped (invisible at this size). */
const TOLERANCE_PX = 1;

type Point = [number, number];

/** Douglas–Peucker: keeps the points that stray more than `tolerance` from the line between kept ones. */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length <= 3) return points;
  const keep = new Uint8Array(points.length);
  const last = points.length - 1;
  // A closed ring starts and ends on the same point: split it at the point farthest from there.
  const [fx, fy] = points[0]!;
  let far = 1;
  for (let i = 1; i < last; i++)
    if (
      Math.hypot(points[i]![0] - fx, points[i]![1] - fy) >
      Math.hypot(points[far]![0] - fx, points[far]![1] - fy)
    )
      far = i;
  keep[0] = 1;
  keep[far] = 1;
  keep[last] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, last],
  ];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const len = Math.hypot(bx - ax, by - ay) || 1;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const dist = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (dist > worst) {
        worst = dist;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

type Outline = { code: string; name: string; d: string };
const outlines = new WeakMap<MunicipalBoundaries, Outline[]>();

/**
 * The municipal outlines projected once into a small frame, rounded to whole pixels and without
 * repeated points: at this size that keeps every profile's map to a few kilobytes of SVG.
 */
function projectedOutlines(fc: MunicipalBoundaries): Outline[] {
  let done = outlines.get(fc);
  if (done) return done;
  const projection = geoMercator().fitExtent(
    [
      [PAD, PAD],
      [WIDTH - PAD, HEIGHT - PAD],
    ],
    fc as never,
  );
  done = fc.features.map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let d = '';
    for (const rings of polygons) {
      for (const ring of rings) {
        const projected = ring.map((lonLat) => projection(lonLat)).filter((p) => p !== null);
        const points: string[] = [];
        let last = '';
        for (const p of simplify(projected, TOLERANCE_PX)) {
          const xy = `${Math.round(p[0])},${Math.round(p[1])}`;
          if (xy !== last) points.push(xy);
          last = xy;
        }
        if (points.length >= 3) d += `M${points.join('L')}Z`;
      }
    }
    return { code: f.properties.CVEGEO, name: f.properties.NOMGEO, d };
  });
  outlines.set(fc, done);
  return done;
}

/**
 * A small static map of the state's municipalities (inline SVG, no script): `highlight` (INEGI codes
 * 15MMM) in the dark tone, `context` (e.g. the rest of the municipality's region) in a light one.
 * `label` is the accessible name. Null when the boundary file is not in the data folder.
 */
export function placeMapSvg(
  statsDataDir: string | undefined,
  highlight: ReadonlySet<string>,
  context: ReadonlySet<string>,
  label: string,
): string | null {
  if (!statsDataDir) return null;
  let fc: MunicipalBoundaries;
  try {
    fc = loadMunicipalBoundaries(statsDataDir);
  } catch {
    return null;
  }
  const shapes = projectedOutlines(fc);
  // The highlighted ones last, so their outline is drawn over their neighbours'.
  const order = (o: Outline) => (highlight.has(o.code) ? 2 : context.has(o.code) ? 1 : 0);
  const paths = [...shapes]
    .sort((a, b) => order(a) - order(b))
    .map((o) => {
      const k = order(o);
      const fill = k === 2 ? '#6f1d46' : k === 1 ? '#e4b4c2' : '#ffffff';
      const stroke = k === 2 ? '#2b0a1b' : '#6b7378';
      return `<path d="${o.d}" fill-rule="evenodd" fill="${fill}" stroke="${stroke}" stroke-width="${k === 2 ? 1 : 0.5}"><title>${escapeXml(o.name)}</title></path>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="place-map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title>${paths}</svg>`;
}
