import { geoMercator, geoPath } from 'd3-geo';
import type { PolygonGeometry } from '../domain/geography.ts';
import { type MunicipalBoundaries, rewindForD3 } from './map.ts';
import { escapeXml } from './xml.ts';

type Feature = MunicipalBoundaries['features'][number];
type Box = [[number, number], [number, number]];

const WIDTH = 480;
const HEIGHT = 360;
const PAD = 12;

/**
 * A small static map (SVG, no script) of a drawn polygon over the municipal boundaries, framed on
 * the municipalities it covers: for the staff request page, where a polygon is otherwise only numbers.
 * `label` is the accessible name (what the map shows, in words); `covered` are the INEGI codes the
 * engine resolved, shaded. Null when the polygon cannot be projected.
 */
export function buildPolygonMapSvg(
  polygon: PolygonGeometry,
  boundaries: MunicipalBoundaries,
  covered: ReadonlySet<string>,
  label: string,
): string | null {
  const shape = rewindForD3({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { CVEGEO: '', NOMGEO: '' },
        geometry: polygon as Feature['geometry'],
      },
    ],
  }).features[0]!;
  const framed = boundaries.features.filter((f) => covered.has(f.properties.CVEGEO));
  const frame: Box = [
    [PAD, PAD],
    [WIDTH - PAD, HEIGHT - PAD],
  ];
  const projection = geoMercator().fitExtent(frame, {
    type: 'FeatureCollection',
    features: [...framed, shape],
  } as never);
  const path = geoPath(projection).digits(1);
  const outline = path(shape as never);
  if (!outline) return null;
  // Only the municipalities that reach into the frame: the rest would be drawn off-canvas.
  const visible = boundaries.features.filter((f) => overlaps(path.bounds(f as never), frame));
  const municipalities = visible
    .map((f) => {
      const d = path(f as never);
      if (!d) return '';
      const fill = covered.has(f.properties.CVEGEO) ? '#f3e6ea' : '#ffffff';
      return `<path d="${d}" fill="${fill}" stroke="#505a5f" stroke-width="0.8"><title>${escapeXml(f.properties.NOMGEO)}</title></path>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="polygon-map" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title><rect width="100%" height="100%" fill="#f3f2f1"/><g>${municipalities}</g><path d="${outline}" fill="#6e1030" fill-opacity="0.35" stroke="#6e1030" stroke-width="2.5" stroke-linejoin="round"/></svg>`;
}

function overlaps(b: Box, frame: Box): boolean {
  return b[0][0] <= frame[1][0] && b[1][0] >= frame[0][0] && b[0][1] <= frame[1][1] && b[1][1] >= frame[0][1];
}
