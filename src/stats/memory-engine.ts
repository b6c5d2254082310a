/**
 * The in-memory StatsEngine: holds the loaded facts and wires the engine's parts together —
 * fact store (engine/fact-store.ts), translated catalog (engine/catalog-view.ts), places and polygons
 * (engine/resolve-geo.ts), checks (engine/checks.ts), computation (engine/compute.ts) and the API
 * shape (engine/format.ts).
 */
import { NotFoundError } from '../domain/errors.ts';
import type { PlaceCatalog, PlaceLevel } from '../domain/geography.ts';
import {
  defaultYear,
  findIndicator,
  INDICATORS,
  type IndicatorDef,
  indicatorNameKey,
} from '../domain/indicators.ts';
import type { Locale } from '../i18n/index.ts';
import { agebRows, agebTableNote, agebTableOnly, checkAgebPlace } from './engine/ageb-table.ts';
import { geographyEntries, indicatorEntries, topicEntries } from './engine/catalog-view.ts';
import { checkLevel, checkTerritory, checkYear, isSingle } from './engine/checks.ts';
import { type Computed, computeValue } from './engine/compute.ts';
import { FactStore } from './engine/fact-store.ts';
import { formatValue } from './engine/format.ts';
import { fromPlace, resolveGeo } from './engine/resolve-geo.ts';
import { summarizeYears, tr } from './engine/translate.ts';
import type {
  CanAnswer,
  DatasetInfo,
  GeographyEntry,
  IndicatorEntry,
  ResolvedGeo,
  StatsData,
  StatsEngine,
  TableQuery,
  TopicEntry,
  ValueQuery,
  ValueResult,
  ValueTable,
} from './engine.ts';
import { placeCatalog } from './geography/catalog.ts';
import { BoundaryIndex } from './geography/polygon.ts';

/** `indicators`: the agency's subset of the catalog (`agency.indicators`); absent means all of them. */
export function createStatsEngine(
  opts: {
    places?: PlaceCatalog;
    data?: StatsData;
    loader?: () => Promise<StatsData>;
    indicators?: readonly string[] | undefined;
  } = {},
): StatsEngine {
  const subset = opts.indicators ? new Set(opts.indicators) : undefined;
  const offered = subset ? INDICATORS.filter((d) => subset.has(d.id)) : INDICATORS;
  return new MemoryStatsEngine(opts.places ?? placeCatalog(), opts.data, opts.loader, offered);
}

/** Polygons resolved lately, kept for the next call (a few answers in progress at once). */
const POLYGON_CACHE_SIZE = 16;

class MemoryStatsEngine implements StatsEngine {
  private store = new FactStore([]);
  private infos: DatasetInfo[] = [];
  private boundaries = new BoundaryIndex([]);
  private cache = new Map<string, Computed>();
  private polygons = new Map<string, ResolvedGeo>();

  constructor(
    private readonly places: PlaceCatalog,
    data: StatsData | undefined,
    private readonly loader: (() => Promise<StatsData>) | undefined,
    private readonly offered: readonly IndicatorDef[],
  ) {
    if (data) this.load(data);
  }

  load(data: StatsData): void {
    this.store = new FactStore(data.facts);
    this.infos = [...data.datasets].sort((a, b) => a.id.localeCompare(b.id));
    this.boundaries = new BoundaryIndex(data.boundaries);
    this.cache = new Map();
    this.polygons = new Map();
  }

  async reload(): Promise<void> {
    if (this.loader) this.load(await this.loader());
  }

  datasets(): DatasetInfo[] {
    return this.infos;
  }

  indicators(locale: Locale = 'es-MX'): IndicatorEntry[] {
    return indicatorEntries(this.offered, this.store.datasets, locale);
  }

  topics(locale: Locale = 'es-MX'): TopicEntry[] {
    return topicEntries(this.offered, locale);
  }

  geographies(level?: PlaceLevel): GeographyEntry[] {
    return geographyEntries(this.places, level);
  }

  resolveGeo(input: string | unknown, locale: Locale = 'es-MX'): ResolvedGeo {
    if (typeof input === 'string') return resolveGeo(this.places, this.store, this.boundaries, input, locale);
    // A polygon is clipped once, not once per call: an answer resolves the same one for its summary,
    // each table and the map, and the API resolves it before computing (so that the two steps block
    // the event loop separately).
    const key = `${locale}|${JSON.stringify(input)}`;
    const hit = this.polygons.get(key);
    if (hit) return hit;
    const resolved = resolveGeo(this.places, this.store, this.boundaries, input, locale);
    if (this.polygons.size >= POLYGON_CACHE_SIZE) this.polygons.delete(this.polygons.keys().next().value!);
    this.polygons.set(key, resolved);
    return resolved;
  }

  value(q: ValueQuery, locale: Locale = 'es-MX'): ValueResult {
    const def = this.indicator(q.indicator);
    const geo = this.resolveGeo(q.geo, locale);
    if (def.perAgeb) throw agebTableOnly(def, geo, locale);
    const year = checkYear(def, q.year, locale);
    checkLevel(this.places, def, geo, locale);
    checkTerritory(this.places, def, geo, year, locale);
    return this.row(def, geo, year, locale);
  }

  table(q: TableQuery, locale: Locale = 'es-MX'): ValueTable {
    const geo = this.resolveGeo(q.geo, locale);
    const rows: ValueResult[] = [];
    const notes: string[] = [...geo.notes];
    for (const id of q.indicators) {
      const def = this.indicator(id);
      const years = q.years?.length ? q.years.filter((y) => def.years.includes(y)) : [defaultYear(def)];
      if (years.length === 0) checkYear(def, q.years?.[0], locale);
      const skipped = (q.years ?? []).filter((y) => !def.years.includes(y));
      if (skipped.length > 0)
        notes.push(
          tr(locale, 'stats.note.years_skipped', {
            indicator: tr(locale, indicatorNameKey(def.id)),
            skipped: skipped.join(', '),
            years: summarizeYears(def.years),
          }),
        );
      if (def.perAgeb) {
        // A table of the members' urban AGEBs (engine/ageb-table.ts), one row each.
        checkAgebPlace(this.store, def, geo, locale);
        notes.push(agebTableNote(this.store, geo, locale));
        const ctx = { store: this.store, places: this.places, infos: this.infos };
        for (const year of years) rows.push(...agebRows(ctx, def, geo, year, locale));
        continue;
      }
      const expand = def.aggregation === 'not_aggregable' && !isSingle(geo);
      if (expand) {
        if (!def.levels.includes('mun')) checkLevel(this.places, def, geo, locale);
        notes.push(tr(locale, 'stats.note.expanded', { indicator: tr(locale, indicatorNameKey(def.id)) }));
        for (const m of geo.members) {
          const mg = fromPlace(this.places.places.get(`mun:${m.code}`)!);
          for (const year of years) rows.push(this.row(def, mg, year, locale));
        }
        continue;
      }
      checkLevel(this.places, def, geo, locale);
      for (const year of years) checkTerritory(this.places, def, geo, year, locale);
      for (const year of years) rows.push(this.row(def, geo, year, locale));
    }
    return { geo: geo.id, geoName: geo.name, level: geo.level, rows, notes };
  }

  canAnswer(q: TableQuery): CanAnswer {
    try {
      if (q.indicators.length === 0) return { ok: false, reasonKey: 'stats.reason.no_indicators' };
      for (const id of q.indicators) {
        const def = findIndicator(id);
        if (!def || !this.offered.includes(def))
          return { ok: false, reasonKey: 'stats.reason.unknown_indicator', params: { indicator: id } };
        if (!this.store.datasets.has(def.dataset))
          return { ok: false, reasonKey: 'stats.reason.not_loaded', params: { indicator: id } };
      }
      const table = this.table(q);
      const missing = table.rows.find((r) => r.value === null);
      if (missing)
        return {
          ok: false,
          reasonKey: 'stats.reason.no_data',
          params: { indicator: missing.indicator, year: missing.year },
        };
      return { ok: true };
    } catch (err) {
      const e = err as { messageKey?: string; params?: Record<string, string | number> };
      return {
        ok: false,
        reasonKey: e.messageKey ?? 'stats.reason.unknown',
        ...(e.params ? { params: e.params } : {}),
      };
    }
  }

  private indicator(id: string): IndicatorDef {
    const def = findIndicator(id);
    if (!def) throw new NotFoundError('indicator');
    return def;
  }

  private row(def: IndicatorDef, geo: ResolvedGeo, year: number, locale: Locale): ValueResult {
    return formatValue(this.infos, def, geo, year, this.computeCached(def, geo, year), locale);
  }

  /** Named places are cached per indicator × place × year; polygons are computed each time. */
  private computeCached(def: IndicatorDef, geo: ResolvedGeo, year: number): Computed {
    if (geo.level === 'polygon') return computeValue(this.context(), def, geo, year);
    const key = `${def.id}|${geo.id}|${year}`;
    let c = this.cache.get(key);
    if (!c) {
      c = computeValue(this.context(), def, geo, year);
      this.cache.set(key, c);
    }
    return c;
  }

  private context() {
    const info = this.infos.find((d) => d.id === 'censo2020_iter');
    const iterSubset = info ? info.fileName.startsWith('censo2020_iter_municipal_subset') : false;
    return { store: this.store, places: this.places, iterSubset };
  }
}
