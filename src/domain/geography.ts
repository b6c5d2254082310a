/**
 * Geography ids used everywhere (URLs, API, saved requests) and the shape of the place catalog.
 *   state:15   the State of Mexico
 *   mun:15033  a municipality (INEGI CVEGEO, 5 digits, leading zeros kept)
 *   region:6   a region of the default regionalization scheme (2017–2023)
 *   zm:15.02   a metropolitan zone of the default delimitation (2015)
 *   set:15033,15058  any set of municipalities (sorted, without repeats, in the normal form)
 * A custom polygon is GeoJSON (WGS84); see `isPolygonGeoJson`.
 */

export const STATE_CODE = '15';

export const GEO_LEVELS = ['state', 'mun', 'region', 'zm', 'set', 'polygon'] as const;
export type GeoLevel = (typeof GEO_LEVELS)[number];
/** Levels a catalog entry (a named place) can have. */
export type PlaceLevel = 'state' | 'mun' | 'region' | 'zm';

export type GeoRef =
  | { level: 'state'; code: string }
  | { level: 'mun'; code: string }
  | { level: 'region'; code: string }
  | { level: 'zm'; code: string }
  | { level: 'set'; codes: string[] };

const MUN_CODE = /^15\d{3}$/;
const REGION_CODE = /^[1-9]\d?$/;
const ZM_CODE = /^\d{2}\.\d{2}$/;
/** Upper bound for a set: the state has 125 municipalities. */
export const MAX_SET_SIZE = 125;

/** Parses a geography id; returns null when it is malformed (unknown-but-well-formed is the catalog's job). */
export function parseGeoId(id: string): GeoRef | null {
  const m = /^(state|mun|region|zm|set):(.+)$/.exec(id.trim());
  if (!m) return null;
  const [, level, rest] = m as unknown as [string, string, string];
  switch (level) {
    case 'state':
      return rest === STATE_CODE ? { level, code: rest } : null;
    case 'mun':
      return MUN_CODE.test(rest) ? { level, code: rest } : null;
    case 'region':
      return REGION_CODE.test(rest) ? { level, code: rest } : null;
    case 'zm':
      return ZM_CODE.test(rest) ? { level, code: rest } : null;
    default: {
      const codes = rest.split(',').map((s) => s.trim());
      if (codes.length === 0 || codes.length > MAX_SET_SIZE || !codes.every((c) => MUN_CODE.test(c)))
        return null;
      return { level: 'set', codes: [...new Set(codes)].sort() };
    }
  }
}

export function formatGeoId(ref: GeoRef): string {
  return ref.level === 'set' ? `set:${[...new Set(ref.codes)].sort().join(',')}` : `${ref.level}:${ref.code}`;
}

/** The normal form of an id (e.g. a set sorted, without repeats), or null when malformed. */
export function normalizeGeoId(id: string): string | null {
  const ref = parseGeoId(id);
  return ref ? formatGeoId(ref) : null;
}

export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export type PolygonGeoJson =
  | PolygonGeometry
  | { type: 'Feature'; geometry: PolygonGeometry; properties?: unknown };

function isPosition(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

function isRing(r: unknown): boolean {
  if (!Array.isArray(r) || r.length < 4 || !r.every(isPosition)) return false;
  const [a, z] = [r[0] as number[], r.at(-1) as number[]];
  return a[0] === z[0] && a[1] === z[1];
}

/** A GeoJSON Polygon / MultiPolygon (or a Feature of one) in WGS84 with closed rings. */
export function isPolygonGeoJson(v: unknown): v is PolygonGeoJson {
  if (!v || typeof v !== 'object') return false;
  const o = v as { type?: unknown; coordinates?: unknown; geometry?: unknown };
  if (o.type === 'Feature')
    return isPolygonGeoJson(o.geometry) && (o.geometry as { type: string }).type !== 'Feature';
  if (o.type === 'Polygon')
    return Array.isArray(o.coordinates) && o.coordinates.length > 0 && o.coordinates.every(isRing);
  if (o.type === 'MultiPolygon')
    return (
      Array.isArray(o.coordinates) &&
      o.coordinates.length > 0 &&
      o.coordinates.every((p) => Array.isArray(p) && p.length > 0 && p.every(isRing))
    );
  return false;
}

export function polygonGeometry(g: PolygonGeoJson): PolygonGeometry {
  return g.type === 'Feature' ? g.geometry : g;
}

// ---- The place catalog (config/geography/*.json) ----

export type Municipality = { code: string; name: string; seat: string };
export type Region = { code: string; roman: string; name: string; members: string[] };
export type RegionScheme = {
  id: string;
  name: string;
  year: number;
  default: boolean;
  /** e.g. `Región {roman} {name}`. */
  labelTemplate: string;
  source: string;
  regions: Region[];
};
export type MetroZone = { code: string; name: string; members: { code: string; type: string }[] };
export type ZoneDelimitation = {
  id: string;
  name: string;
  year: number;
  default: boolean;
  source: string;
  zones: MetroZone[];
};
/**
 * A municipality split from others: before `firstCount` its territory is counted inside its parents'
 * figures, so a comparison across that date is only meaningful on the parents plus the new municipality.
 */
export type MunicipalChange = { code: string; parents: string[]; firstCount: number; note?: string };

export type PlaceCatalogFiles = {
  municipalities: {
    state: { code: string; name: string; officialName: string };
    source: string;
    municipalities: Municipality[];
  };
  regions: { schemes: RegionScheme[] };
  metroZones: { delimitations: ZoneDelimitation[] };
  /** Optional: without it no comparison is checked for municipal splits. */
  changes?: { source: string; changes: MunicipalChange[] };
};

/** A named place: members are municipality codes (15MMM). */
export type Place = {
  id: string;
  name: string;
  level: PlaceLevel;
  members: string[];
  /** Regionalization scheme or zone delimitation, with its year. */
  scheme?: { id: string; name: string; year: number };
};

export type PlaceCatalog = {
  state: Place;
  places: Map<string, Place>;
  byLevel: Record<PlaceLevel, Place[]>;
  municipalityName(code: string): string | undefined;
  /** Municipalities created from others (config/geography/municipal-changes.json). */
  changes: readonly MunicipalChange[];
};

/** Builds the in-memory catalog from the configuration files; checks memberships refer to known municipalities. */
export function buildPlaceCatalog(files: PlaceCatalogFiles): PlaceCatalog {
  const muns = files.municipalities.municipalities;
  const names = new Map(muns.map((m) => [m.code, m.name]));
  const check = (codes: string[], where: string) => {
    for (const c of codes) if (!names.has(c)) throw new Error(`${where}: municipio desconocido ${c}`);
  };
  const state: Place = {
    id: `state:${files.municipalities.state.code}`,
    name: files.municipalities.state.name,
    level: 'state',
    members: muns.map((m) => m.code),
  };
  const munPlaces: Place[] = muns.map((m) => ({
    id: `mun:${m.code}`,
    name: m.name,
    level: 'mun',
    members: [m.code],
  }));
  const scheme = files.regions.schemes.find((s) => s.default) ?? files.regions.schemes[0];
  const regionPlaces: Place[] = (scheme?.regions ?? []).map((r) => {
    check(r.members, `región ${r.code}`);
    return {
      id: `region:${r.code}`,
      name: scheme!.labelTemplate.replace('{roman}', r.roman).replace('{name}', r.name),
      level: 'region',
      members: r.members,
      scheme: { id: scheme!.id, name: scheme!.name, year: scheme!.year },
    };
  });
  const delim = files.metroZones.delimitations.find((d) => d.default) ?? files.metroZones.delimitations[0];
  const zonePlaces: Place[] = (delim?.zones ?? []).map((z) => {
    const members = z.members.map((m) => m.code);
    check(members, `zona ${z.code}`);
    return {
      id: `zm:${z.code}`,
      name: z.name,
      level: 'zm',
      members,
      scheme: { id: delim!.id, name: delim!.name, year: delim!.year },
    };
  });
  const all = [state, ...munPlaces, ...regionPlaces, ...zonePlaces];
  return {
    state,
    places: new Map(all.map((p) => [p.id, p])),
    byLevel: { state: [state], mun: munPlaces, region: regionPlaces, zm: zonePlaces },
    municipalityName: (code) => names.get(code),
    changes: (files.changes?.changes ?? []).map((c) => {
      check([c.code, ...c.parents], `cambio municipal ${c.code}`);
      return c;
    }),
  };
}
