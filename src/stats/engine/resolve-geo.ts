/** Geography ids and custom polygons → weighted member municipalities (the engine's `resolveGeo`). */
import { createHash } from 'node:crypto';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { feature } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import { InvalidInputError, NotFoundError, UnprocessableError } from '../../domain/errors.ts';
import { type Place, type PlaceCatalog, type PolygonGeometry, parseGeoId } from '../../domain/geography.ts';
import { checkPolygon, polygonProblemMessage, simplifyPolygon } from '../../domain/polygon-check.ts';
import type { Locale } from '../../i18n/index.ts';
import type { ResolvedGeo } from '../engine.ts';
import type { BoundaryIndex, ClipBudget } from '../geography/polygon.ts';
import type { FactStore } from './fact-store.ts';
import { countMunicipalities, tr } from './translate.ts';

/** Well-formed by the id grammar but outside this state's catalog (`mun:99999`): unknown, not malformed. */
const WELL_FORMED = /^(state:\d{2}|mun:\d{5}|region:\d{1,3}|zm:\d{2}\.\d{2}|set:\d{5}(,\d{5})*)$/;

export function fromPlace(p: Place, places?: PlaceCatalog, locale: Locale = 'es-MX'): ResolvedGeo {
  const notes: string[] = [];
  // Every answer about a region or a zone names the scheme it belongs to (there is more than one).
  if (places && p.scheme && p.level === 'region')
    notes.push(
      tr(locale, 'stats.note.region_scheme', { scheme: p.scheme.name, count: places.byLevel.region.length }),
    );
  if (places && p.scheme && p.level === 'zm')
    notes.push(tr(locale, 'stats.note.zone_delimitation', { scheme: p.scheme.name }));
  if (places && (p.level === 'region' || p.level === 'zm') && p.members.length === 1)
    notes.push(
      tr(locale, 'stats.note.single_member', {
        place: p.name,
        name: places.municipalityName(p.members[0]!)!,
      }),
    );
  return {
    id: p.id,
    name: p.name,
    level: p.level,
    members: p.members.map((code) => ({ code, weight: 1 })),
    notes,
  };
}

export function resolveGeo(
  places: PlaceCatalog,
  store: FactStore,
  boundaries: BoundaryIndex,
  input: string | unknown,
  locale: Locale,
): ResolvedGeo {
  if (typeof input === 'string') {
    const ref = parseGeoId(input);
    if (!ref && WELL_FORMED.test(input.trim())) throw new NotFoundError('geo');
    if (!ref)
      throw new InvalidInputError([{ field: 'geo', message: tr(locale, 'stats.error.geo_malformed') }]);
    if (ref.level === 'set') {
      const unknown = ref.codes.find((c) => !places.municipalityName(c));
      if (unknown) throw new NotFoundError('geo');
      const names = ref.codes.map((c) => places.municipalityName(c)!);
      return {
        id: `set:${ref.codes.join(',')}`,
        name: tr(locale, 'stats.geo.set_name', {
          count: names.length,
          municipalities: countMunicipalities(locale, names.length),
          names: names.join(', '),
        }),
        level: 'set',
        members: ref.codes.map((code) => ({ code, weight: 1 })),
        notes: [],
      };
    }
    const place = places.places.get(`${ref.level}:${ref.code}`);
    if (!place) throw new NotFoundError('geo');
    return fromPlace(place, places, locale);
  }
  // Every door (API, journey, stored requests) meets the same checks before any clipping.
  const checked = checkPolygon(input, POLYGON_MAX_VERTICES);
  if (!checked.ok) {
    const { id, params } = polygonProblemMessage(checked.problem);
    throw new InvalidInputError([{ field: 'geo', message: tr(locale, `polygon.problem.${id}`, params) }]);
  }
  return resolvePolygon(places, store, boundaries, checked.geometry, locale);
}

/** The intake's limit (LIMITS.geojsonVertices), repeated here: the engine does not import the intake. */
const POLYGON_MAX_VERTICES = 5000;

/**
 * About 11 m: below the precision of the simplified municipal boundaries the polygon is clipped
 * against, so simplifying by it changes no share visibly and turns a 5,000-point ellipse into ~130.
 */
const SIMPLIFY_DEGREES = 1e-4;

/**
 * The clipping budget of one polygon: ~20 million steps take about 0.1 s on one core (ten times what a
 * simplified 5,000-vertex polygon over the Toluca valley needs), and never more than 1 s of wall time.
 */
const CLIP_STEPS = 20_000_000;
const CLIP_DEADLINE_MS = 1000;

/** Polygon area outside every municipality above this share is reported in the notes. */
const OUTSIDE_NOTE_SHARE = 0.01;

function resolvePolygon(
  places: PlaceCatalog,
  store: FactStore,
  boundaries: BoundaryIndex,
  geometry: PolygonGeometry,
  locale: Locale,
): ResolvedGeo {
  if (boundaries.size === 0) throw new UnprocessableError('stats.error.no_boundaries');
  const simple = simplifyPolygon(geometry, SIMPLIFY_DEGREES);
  const budget: ClipBudget = { steps: CLIP_STEPS, deadline: performance.now() + CLIP_DEADLINE_MS };
  const shares = boundaries.shares(simple, { budget });
  if (shares.length === 0) throw new UnprocessableError('stats.error.polygon_outside');
  const agebs = agebsByLocalityPoint(store, simple);
  const urbanAgebs = agebs
    ? agebs.length
    : shares.reduce((n, s) => n + (store.agebsByMun.get(s.code) ?? 0), 0);
  const hash = createHash('sha256').update(JSON.stringify(geometry)).digest('hex').slice(0, 12);
  const detail = shares
    .map((s) => `${places.municipalityName(s.code)} (${(s.share * 100).toFixed(1)} %)`)
    .join(', ');
  // The part of the polygon outside every municipality of the state (the rest of the country, a
  // neighbouring state): named in the notes, the figures cover only the part inside.
  const inside = shares.reduce((m2, s) => m2 + s.coveredM2, 0);
  const outside = Math.max(0, 1 - inside / area(feature(simple as Polygon | MultiPolygon)));
  const state = places.byLevel.state[0]?.name ?? '';
  return {
    id: `polygon:${hash}`,
    name: tr(locale, 'stats.geo.polygon_name'),
    level: 'polygon',
    members: shares.map((s) => ({ code: s.code, weight: s.share })),
    units: {
      municipalities: shares.length,
      urbanAgebs,
      method: 'area_share',
      agebMethod: agebs ? 'locality_point' : 'municipality_share',
    },
    ...(agebs ? { agebs } : {}),
    geometry,
    notes: [
      tr(locale, 'stats.note.polygon_method', { municipalities: shares.length, detail }),
      agebs
        ? tr(locale, 'stats.note.polygon_agebs_localities', { agebs: agebs.length })
        : tr(locale, 'stats.note.polygon_agebs', { agebs: urbanAgebs }),
      ...(outside >= OUTSIDE_NOTE_SHARE
        ? [tr(locale, 'stats.note.polygon_outside_share', { pct: Math.round(outside * 100), state })]
        : []),
    ],
  };
}

/** Urban AGEBs of the localities whose ITER position lies in the polygon; null without positions. */
function agebsByLocalityPoint(store: FactStore, geometry: PolygonGeometry): string[] | null {
  if (store.localities.length === 0 || store.agebsByLocality.size === 0) return null;
  const shape = feature(geometry as Polygon | MultiPolygon);
  const [w, s, e, n] = boxOf(geometry);
  const out: string[] = [];
  for (const l of store.localities) {
    // Most localities are outside the polygon's box: skip the point-in-polygon test for them.
    if (l.lon < w || l.lon > e || l.lat < s || l.lat > n) continue;
    const agebs = store.agebsByLocality.get(l.code);
    if (agebs && booleanPointInPolygon([l.lon, l.lat], shape)) out.push(...agebs);
  }
  return out.sort();
}

function boxOf(g: PolygonGeometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of g.type === 'Polygon' ? g.coordinates : g.coordinates.flat())
    for (const [x, y] of ring as [number, number][]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  return box;
}
