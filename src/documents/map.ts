import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoMercator, geoPath } from 'd3-geo';
import { formatNumber } from '../i18n/format.ts';
import { type Locale, translate } from '../i18n/index.ts';
import type { AnswerData } from './data-model.ts';
import { CHART_FONT, svgToPng } from './png.ts';
import { escapeXml } from './xml.ts';

export const MUNICIPAL_GEOJSON = 'edomex_municipios_mg2025_simplificado.geojson';
export const MAP_WIDTH_PX = 1200;

type Ring = [number, number][];
type Feature = {
  type: 'Feature';
  properties: { CVEGEO: string; NOMGEO: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
};
export type MunicipalBoundaries = { type: 'FeatureCollection'; features: Feature[] };

// Planar signed area: positive when counter-clockwise (RFC 7946 exteriors).
function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return a / 2;
}

/** d3-geo is spherical and wants exterior rings clockwise (the opposite of RFC 7946); holes the other way. */
function rewindPolygon(rings: Ring[]): Ring[] {
  return rings.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    const wantCw = i === 0;
    return ccw === wantCw ? [...ring].reverse() : ring;
  });
}

export function rewindForD3(fc: MunicipalBoundaries): MunicipalBoundaries {
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: rewindPolygon(f.geometry.coordinates) }
          : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(rewindPolygon) },
    })),
  };
}

const cache = new Map<string, MunicipalBoundaries>();

/** The municipal boundaries from STATS_DATA_DIR (read at run time, never committed), rewound once. */
export function loadMunicipalBoundaries(statsDataDir: string): MunicipalBoundaries {
  const path = join(statsDataDir, MUNICIPAL_GEOJSON);
  let fc = cache.get(path);
  if (!fc) {
    fc = rewindForD3(JSON.parse(readFileSync(path, 'utf8')) as MunicipalBoundaries);
    cache.set(path, fc);
  }
  return fc;
}

// Sequential palette (light → dark wine), colour-blind safe in lightness.
const PALETTE = ['#f7e8ec', '#e4b4c2', '#c97d93', '#a3415f', '#6e1030'];

/** Class breaks by quantiles, so each colour holds about the same number of municipalities. */
export function quantileBreaks(values: number[], classes = PALETTE.length): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let k = 1; k < classes; k++) breaks.push(sorted[Math.floor((k * sorted.length) / classes)]!);
  return [...new Set(breaks)];
}

/** Choropleth SVG of one indicator's municipal values for `year`, with title, legend and source. */
export function buildMapSvg(
  data: AnswerData,
  indicatorId: string,
  year: number,
  boundaries: MunicipalBoundaries,
  locale: Locale = 'es-MX',
): string | null {
  const ind = data.indicators.find((i) => i.id === indicatorId);
  const values = new Map<string, number>();
  for (const r of data.rows) {
    if (
      r.indicatorId === indicatorId &&
      r.year === year &&
      typeof r.value === 'number' &&
      r.geoId.startsWith('mun:')
    ) {
      values.set(r.geoId.slice(4), r.value);
    }
  }
  if (!ind || values.size < 2) return null;
  const codes = new Set(values.keys());
  const shown = boundaries.features.filter((f) => codes.has(f.properties.CVEGEO));
  const width = 800;
  const height = 640;
  const mapBox: [[number, number], [number, number]] = [
    [20, 70],
    [560, height - 50],
  ];
  const projection = geoMercator().fitExtent(mapBox, { type: 'FeatureCollection', features: shown } as never);
  const path = geoPath(projection);
  const breaks = quantileBreaks([...values.values()]);
  const colour = (v: number) => PALETTE[breaks.filter((b) => v >= b).length] ?? PALETTE.at(-1)!;
  const fmt = (v: number) => formatNumber(v, ind.decimals);
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(locale, k, p);

  const shapes = shown
    .map((f) => {
      const v = values.get(f.properties.CVEGEO);
      const d = path(f as never) ?? '';
      return `<path d="${d}" fill="${v === undefined ? '#ddd' : colour(v)}" stroke="#fff" stroke-width="0.6"><title>${escapeXml(f.properties.NOMGEO)}: ${v === undefined ? t('map.no_data') : fmt(v)}</title></path>`;
    })
    .join('');
  const bounds = [Math.min(...values.values()), ...breaks, Math.max(...values.values())];
  const legend = PALETTE.slice(0, bounds.length - 1)
    .map((c, i) => {
      const y = 110 + i * 28;
      return `<rect x="590" y="${y}" width="22" height="18" fill="${c}" stroke="#999" stroke-width="0.5"/><text x="620" y="${y + 14}" font-size="13">${escapeXml(`${fmt(bounds[i]!)} – ${fmt(bounds[i + 1]!)}`)}</text>`;
    })
    .join('');
  const title = t('map.title', { indicator: ind.name, year });
  const source = t('chart.source', { source: ind.sources.join('; '), agency: data.agencyName });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT}" role="img" aria-label="${escapeXml(title)}">
<rect width="100%" height="100%" fill="#fff"/>
<text x="20" y="36" font-size="20" font-weight="bold">${escapeXml(title)}</text>
<g>${shapes}</g>
<text x="590" y="96" font-size="13" font-weight="bold">${escapeXml(ind.unitLabel)}</text>
${legend}
<text x="20" y="${height - 18}" font-size="11" fill="#555">${escapeXml(source)}</text>
</svg>`;
}

export function buildMapPng(
  data: AnswerData,
  indicatorId: string,
  year: number,
  boundaries: MunicipalBoundaries,
  locale: Locale = 'es-MX',
): Buffer | null {
  const svg = buildMapSvg(data, indicatorId, year, boundaries, locale);
  return svg ? svgToPng(svg, MAP_WIDTH_PX) : null;
}
