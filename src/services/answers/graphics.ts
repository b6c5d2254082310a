import { buildChart } from '../../documents/chart.ts';
import type { AnswerData, DataRow, OmittedFormat } from '../../documents/data-model.ts';
import { slug } from '../../documents/data-model.ts';
import { fixedNumber } from '../../documents/graphic-text.ts';
import {
  buildChoroplethSvg,
  buildLocatorSvg,
  loadMunicipalBoundaries,
  type MunicipalBoundaries,
  mapPng,
} from '../../documents/map.ts';
import type { PolygonGeometry } from '../../domain/geography.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';

type GraphicFile = { name: string; kind: string; mediaType: string; bytes: Uint8Array };
type GraphicDeps = Pick<Deps, 'stats' | 'config' | 'logger'>;

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('es-MX', key, params);

const numericLast = (data: AnswerData, id: string): number | undefined => {
  const years = data.rows.filter((r) => r.indicatorId === id && r.value !== null).map((r) => r.year);
  return years.length > 0 ? Math.max(...years) : undefined;
};

/** The places asked, each a municipality, a polygon, or a group (region, zone, set, the state). */
function placesOf(data: AnswerData) {
  return data.places ?? [data.geo];
}

/**
 * Each member municipality's figures for the years of the answer, from `deps.stats`: what a chart
 * across (or over the years of) a group's municipalities and a choropleth draw. Indicators published
 * only for the state have none. Never for a polygon: its members count only in part.
 */
function municipalFigures(deps: GraphicDeps, data: AnswerData): DataRow[] {
  const members = [
    ...new Set(
      placesOf(data)
        .filter((p) => !p.id.startsWith('polygon:'))
        .flatMap((p) => p.members.map((m) => m.id)),
    ),
  ];
  const rows: DataRow[] = [];
  for (const ind of data.indicators) {
    const years = [...new Set(data.rows.filter((r) => r.indicatorId === ind.id).map((r) => r.year))];
    for (const year of years)
      for (const geo of members) {
        const own = data.rows.find((r) => r.indicatorId === ind.id && r.geoId === geo && r.year === year);
        if (own) {
          rows.push(own);
          continue;
        }
        try {
          const v = deps.stats.value({ indicator: ind.id, geo, year });
          rows.push({
            indicatorId: ind.id,
            indicatorName: ind.name,
            geoId: geo,
            geoName: v.geoName,
            year,
            value: v.value,
            unitLabel: v.unitLabel,
            decimals: v.decimals,
            numerator: v.numerator,
            denominator: v.denominator,
            source: ind.sources.join('; '),
            notes: v.notes,
          });
        } catch {
          // Not published for municipalities (a state-only series): the map says so, the chart has none.
        }
      }
  }
  return rows;
}

function figureLine(r: DataRow): string {
  if (r.value === null) return `${r.indicatorName}, ${r.year}: ${t('map.no_data')}`;
  if (typeof r.value === 'string') return `${r.indicatorName}, ${r.year}: ${r.value}`;
  const n = fixedNumber(r.value, r.decimals);
  return `${r.indicatorName}, ${r.year}: ${r.unitLabel === '%' ? `${n} %` : `${n} ${r.unitLabel}`}`;
}

const png = (name: string, bytes: Buffer, kind: string): GraphicFile => ({
  name: `${name}.png`,
  kind,
  mediaType: 'image/png',
  bytes,
});
const svg = (name: string, text: string, kind: string): GraphicFile => ({
  name: `${name}.svg`,
  kind,
  mediaType: 'image/svg+xml',
  bytes: Buffer.from(text, 'utf8'),
});

/**
 * The charts and maps a request asked for (`formats` has `chart` / `map`), and for each one asked and
 * not made, the reason in words. Maps: a choropleth per indicator for a region, zone, set or the
 * state; one locator map for a municipality or a drawn polygon (`polygon`, the request's GeoJSON).
 */
export async function chartAndMapFiles(
  deps: GraphicDeps,
  data: AnswerData,
  formats: readonly string[],
  polygon?: unknown,
): Promise<{ files: GraphicFile[]; omitted: OmittedFormat[] }> {
  const files: GraphicFile[] = [];
  const omitted: OmittedFormat[] = [];
  const wantChart = formats.includes('chart');
  const wantMap = formats.includes('map');
  if (!wantChart && !wantMap) return { files, omitted };
  if (data.rows.length === 0) {
    if (wantChart) omitted.push({ format: 'chart', reason: t('chart.omit.empty') });
    if (wantMap) omitted.push({ format: 'map', reason: mapOfNothing(deps, polygon) });
    return { files, omitted };
  }
  const base = slug(data.folio);
  const municipal = municipalFigures(deps, data);
  if (wantChart) {
    for (const ind of data.indicators) {
      const chart = await buildChart(data, ind.id, municipal);
      if ('reason' in chart) omitted.push({ format: 'chart', reason: chart.reason });
      else files.push(png(`${base}-grafica-${slug(ind.id)}`, chart.png, 'chart'));
    }
  }
  if (wantMap) {
    const maps = mapsFor(deps, data, municipal, polygon);
    files.push(...maps.files);
    omitted.push(...maps.omitted);
  }
  return { files, omitted };
}

/** Why an answer without figures has no map: a drawn area outside the state says so. */
function mapOfNothing(deps: GraphicDeps, polygon: unknown): string {
  if (polygon) {
    try {
      deps.stats.resolveGeo(polygon);
    } catch {
      return t('map.omit.no_place', { state: deps.config.agency.stateName });
    }
  }
  return t('map.omit.empty');
}

function boundariesOrNull(deps: GraphicDeps): MunicipalBoundaries | null {
  if (!deps.config.statsDataDir) return null;
  try {
    return loadMunicipalBoundaries(deps.config.statsDataDir);
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, 'map boundaries unavailable; answer without map');
    return null;
  }
}

function mapsFor(
  deps: GraphicDeps,
  data: AnswerData,
  municipal: DataRow[],
  polygon: unknown,
): { files: GraphicFile[]; omitted: OmittedFormat[] } {
  const files: GraphicFile[] = [];
  const omitted: OmittedFormat[] = [];
  const state = deps.config.agency.stateName;
  const boundaries = boundariesOrNull(deps);
  if (!boundaries) return { files, omitted: [{ format: 'map', reason: t('map.omit.no_boundaries') }] };
  const base = slug(data.folio);
  const places = placesOf(data);
  const locatable = places.length === 1 && /^(mun|polygon):/.test(places[0]!.id);
  if (locatable) {
    const place = places[0]!;
    let geometry: PolygonGeometry | undefined;
    if (place.id.startsWith('polygon:')) {
      try {
        geometry = deps.stats.resolveGeo(polygon).geometry;
      } catch {
        geometry = undefined;
      }
    }
    const last = data.indicators.flatMap((ind) => {
      const year = numericLast(data, ind.id);
      return data.rows.filter((r) => r.indicatorId === ind.id && r.year === year && r.geoId === place.id);
    });
    const text = buildLocatorSvg(
      {
        placeName: place.name,
        highlight: place.members.map((m) => m.id.replace(/^mun:/, '')),
        ...(geometry ? { polygon: geometry } : {}),
        figures: last.map(figureLine),
        sources: [...new Set(last.map((r) => r.source))],
        agencyName: data.agencyName,
        stateName: state,
      },
      boundaries,
    );
    if (!text) return { files, omitted: [{ format: 'map', reason: t('map.omit.no_place', { state }) }] };
    files.push(
      png(`${base}-mapa-ubicacion`, mapPng(text), 'map'),
      svg(`${base}-mapa-ubicacion`, text, 'map'),
    );
    return { files, omitted };
  }
  const focus = [...new Set(places.flatMap((p) => p.members.map((m) => m.id.replace(/^mun:/, ''))))];
  const catalog = new Map(deps.stats.indicators().map((i) => [i.id, i]));
  for (const ind of data.indicators) {
    const year = numericLast(data, ind.id);
    const values = new Map<string, number | string>();
    for (const r of municipal)
      if (r.indicatorId === ind.id && r.year === year && r.value !== null)
        values.set(r.geoId.slice(4), r.value);
    const text =
      year !== undefined && values.size > 0
        ? buildChoroplethSvg(
            {
              indicator: ind,
              year,
              values,
              focus,
              placeName: data.geo.name,
              agencyName: data.agencyName,
              stateName: state,
            },
            boundaries,
          )
        : null;
    if (!text) {
      const stateOnly = catalog.get(ind.id) && !catalog.get(ind.id)!.levels.includes('mun');
      omitted.push({
        format: 'map',
        reason: stateOnly
          ? t('map.omit.state_only', { indicator: ind.name })
          : t('map.omit.no_figures', { indicator: ind.name, place: data.geo.name }),
      });
      continue;
    }
    const name = `${base}-mapa-${slug(ind.id)}`;
    files.push(png(name, mapPng(text), 'map'), svg(name, text, 'map'));
  }
  return { files, omitted };
}
