import { createHash } from 'node:crypto';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { feature } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  type Aggregate,
  aggregateRatio,
  aggregateSum,
  aggregateTerms,
  type Cell,
  combine,
  MISSING,
  ratioOf,
} from '../domain/aggregation.ts';
import { InvalidInputError, NotFoundError, UnprocessableError } from '../domain/errors.ts';
import {
  isPolygonGeoJson,
  type Place,
  type PlaceCatalog,
  type PlaceLevel,
  parseGeoId,
  polygonGeometry,
  STATE_CODE,
} from '../domain/geography.ts';
import {
  type DatasetId,
  defaultYear,
  findIndicator,
  INDICATORS,
  type IndicatorDef,
  indicatorDefinitionKey,
  indicatorNameKey,
  type Term,
  TOPICS,
  topicKey,
  unitKey,
} from '../domain/indicators.ts';
import { type Locale, type MessageKey, type Params, translate } from '../i18n/index.ts';
import { DATASETS } from './datasets.ts';
import type {
  CanAnswer,
  DatasetInfo,
  Fact,
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

type Note = { key: string; params?: Params };
type Computed = Aggregate & {
  text: string | null;
  datasets: Set<DatasetId>;
  notes: Note[];
  breakdown?: { key: string; male: number | null; female: number | null }[];
};

const tr = (locale: Locale, key: string, params?: Params) => translate(locale, key as MessageKey, params);
const HIGH_GRADES = new Set(['Alto', 'Muy alto']);
const SURVEY_2015: ReadonlySet<DatasetId> = new Set(['eic2015_age_sex']);

/** Facts indexed variable → year → geo, so a lookup is three Map reads. */
class FactStore {
  private readonly byVar = new Map<string, Map<number, Map<string, Fact>>>();
  readonly datasets = new Set<DatasetId>();
  /** Urban AGEB count per municipality (CONAPO IMU), for polygon notes. */
  readonly agebsByMun = new Map<string, number>();
  /** Urban AGEB keys by locality (15MMMLLLL). */
  readonly agebsByLocality = new Map<string, string[]>();
  /** Locality positions from the full ITER (empty with the staged subset). */
  readonly localities: { code: string; lon: number; lat: number }[] = [];

  constructor(facts: readonly Fact[]) {
    const positions = new Map<string, { lon?: number; lat?: number }>();
    for (const f of facts) {
      this.datasets.add(f.dataset);
      if (f.dataset === 'conapo_imu_ageb') continue;
      if (f.variable === 'loc.lon' || f.variable === 'loc.lat') {
        const p = positions.get(f.geo) ?? {};
        p[f.variable === 'loc.lon' ? 'lon' : 'lat'] = f.value ?? undefined;
        positions.set(f.geo, p);
        continue;
      }
      this.put(f);
    }
    for (const [code, p] of positions)
      if (p.lon !== undefined && p.lat !== undefined) this.localities.push({ code, lon: p.lon, lat: p.lat });
    this.rollUpAgebs(facts.filter((f) => f.dataset === 'conapo_imu_ageb'));
  }

  private put(f: Fact) {
    let years = this.byVar.get(f.variable);
    if (!years) {
      years = new Map();
      this.byVar.set(f.variable, years);
    }
    let geos = years.get(f.year);
    if (!geos) {
      geos = new Map();
      years.set(f.year, geos);
    }
    geos.set(f.geo, f);
  }

  /** AGEB rows become municipal sums: urban population, population in high-marginalization AGEBs, AGEB count. */
  private rollUpAgebs(facts: readonly Fact[]) {
    const byAgeb = new Map<string, { pop?: Fact; grade?: Fact }>();
    for (const f of facts) {
      const e = byAgeb.get(f.geo) ?? {};
      if (f.variable === 'imu.POB_TOTAL') e.pop = f;
      if (f.variable === 'imu.GM') e.grade = f;
      byAgeb.set(f.geo, e);
    }
    const sums = new Map<string, { year: number; pop: Cell[]; high: Cell[] }>();
    for (const [ageb, e] of byAgeb) {
      if (!e.pop) continue;
      const mun = ageb.slice(0, 5);
      const s = sums.get(mun) ?? { year: e.pop.year, pop: [], high: [] };
      const isHigh = e.grade?.text ? HIGH_GRADES.has(e.grade.text) : false;
      const high: Cell = isHigh ? e.pop : { value: 0, status: 'ok' };
      s.pop.push(e.pop);
      s.high.push(high);
      sums.set(mun, s);
      // AGEB-level figures too, for polygons resolved by locality position.
      this.put(e.pop);
      this.put({ ...e.pop, variable: 'imu.POB_HIGH', value: high.value, status: high.status });
      this.agebsByMun.set(mun, (this.agebsByMun.get(mun) ?? 0) + 1);
      const loc = ageb.slice(0, 9);
      this.agebsByLocality.set(loc, [...(this.agebsByLocality.get(loc) ?? []), ageb]);
    }
    for (const [mun, s] of sums) {
      for (const [variable, cells] of [
        ['imu.POB_TOTAL', s.pop],
        ['imu.POB_HIGH', s.high],
      ] as const) {
        const agg = aggregateSum(cells.map((cell, i) => ({ code: String(i), weight: 1, cell })));
        this.put({
          dataset: 'conapo_imu_ageb',
          variable,
          geo: mun,
          year: s.year,
          value: agg.status === 'ok' ? agg.value : null,
          text: null,
          status: agg.status === 'ok' ? 'ok' : agg.status === 'suppressed' ? 'suppressed' : 'not_available',
        });
      }
    }
  }

  get(variable: string, geo: string, year: number): Fact | undefined {
    return this.byVar.get(variable)?.get(year)?.get(geo);
  }

  hasYear(variable: string, year: number): boolean {
    return (this.byVar.get(variable)?.get(year)?.size ?? 0) > 0;
  }
}

const cellOf = (f: Fact | undefined): Cell => (f ? { value: f.value, status: f.status } : MISSING);

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

class MemoryStatsEngine implements StatsEngine {
  private store = new FactStore([]);
  private infos: DatasetInfo[] = [];
  private boundaries = new BoundaryIndex([]);
  private cache = new Map<string, Computed>();

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
  }

  async reload(): Promise<void> {
    if (this.loader) this.load(await this.loader());
  }

  datasets(): DatasetInfo[] {
    return this.infos;
  }

  // ---- Catalog ----

  indicators(locale: Locale = 'es-MX'): IndicatorEntry[] {
    return this.offered.map((d) => ({
      id: d.id,
      name: tr(locale, indicatorNameKey(d.id)),
      definition: tr(locale, indicatorDefinitionKey(d.id)),
      unit: d.unit,
      unitLabel: tr(locale, unitKey(d.unit)),
      topic: d.topic,
      topicName: tr(locale, topicKey(d.topic)),
      aggregation: d.aggregation,
      years: [...d.years],
      levels: [...d.levels],
      source: {
        dataset: d.dataset,
        title: `${DATASETS[d.dataset].source}, ${DATASETS[d.dataset].title}`,
        table: d.sourceTable,
      },
      loaded: this.store.datasets.has(d.dataset),
    }));
  }

  topics(locale: Locale = 'es-MX'): TopicEntry[] {
    return TOPICS.map((id) => ({
      id,
      name: tr(locale, topicKey(id)),
      indicators: this.offered.filter((d) => d.topic === id).map((d) => d.id),
    })).filter((topic) => topic.indicators.length > 0);
  }

  geographies(level?: PlaceLevel): GeographyEntry[] {
    const list = level ? this.places.byLevel[level] : [...this.places.places.values()];
    return list.map((p) => ({
      id: p.id,
      name: p.name,
      level: p.level,
      members: p.members.map((c) => `mun:${c}`),
      ...(p.scheme ? { scheme: p.scheme } : {}),
    }));
  }

  // ---- Geography ----

  resolveGeo(input: string | unknown, locale: Locale = 'es-MX'): ResolvedGeo {
    if (typeof input === 'string') {
      const ref = parseGeoId(input);
      if (!ref)
        throw new InvalidInputError([{ field: 'geo', message: tr(locale, 'stats.error.geo_malformed') }]);
      if (ref.level === 'set') {
        const unknown = ref.codes.find((c) => !this.places.municipalityName(c));
        if (unknown) throw new NotFoundError('geo');
        const names = ref.codes.map((c) => this.places.municipalityName(c)!);
        return {
          id: `set:${ref.codes.join(',')}`,
          name: tr(locale, 'stats.geo.set_name', { count: names.length, names: names.join(', ') }),
          level: 'set',
          members: ref.codes.map((code) => ({ code, weight: 1 })),
          notes: [],
        };
      }
      const place = this.places.places.get(`${ref.level}:${ref.code}`);
      if (!place) throw new NotFoundError('geo');
      return this.fromPlace(place);
    }
    if (!isPolygonGeoJson(input))
      throw new InvalidInputError([{ field: 'geo', message: tr(locale, 'stats.error.geo_malformed') }]);
    return this.resolvePolygon(polygonGeometry(input), locale);
  }

  private fromPlace(p: Place): ResolvedGeo {
    return {
      id: p.id,
      name: p.name,
      level: p.level,
      members: p.members.map((code) => ({ code, weight: 1 })),
      notes: [],
    };
  }

  private resolvePolygon(geometry: ResolvedGeo['geometry'] & object, locale: Locale): ResolvedGeo {
    if (this.boundaries.size === 0) throw new UnprocessableError('stats.error.no_boundaries');
    const shares = this.boundaries.shares(geometry);
    if (shares.length === 0) throw new UnprocessableError('stats.error.polygon_outside');
    const agebs = this.agebsByLocalityPoint(geometry);
    const urbanAgebs = agebs
      ? agebs.length
      : shares.reduce((n, s) => n + (this.store.agebsByMun.get(s.code) ?? 0), 0);
    const hash = createHash('sha256').update(JSON.stringify(geometry)).digest('hex').slice(0, 12);
    const detail = shares
      .map((s) => `${this.places.municipalityName(s.code)} (${(s.share * 100).toFixed(1)} %)`)
      .join(', ');
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
      ],
    };
  }

  /** Urban AGEBs of the localities whose ITER position lies in the polygon; null without positions. */
  private agebsByLocalityPoint(geometry: ResolvedGeo['geometry'] & object): string[] | null {
    if (this.store.localities.length === 0 || this.store.agebsByLocality.size === 0) return null;
    const shape = feature(geometry as Polygon | MultiPolygon);
    const out: string[] = [];
    for (const l of this.store.localities) {
      const agebs = this.store.agebsByLocality.get(l.code);
      if (agebs && booleanPointInPolygon([l.lon, l.lat], shape)) out.push(...agebs);
    }
    return out.sort();
  }

  // ---- Values ----

  value(q: ValueQuery, locale: Locale = 'es-MX'): ValueResult {
    const def = this.indicator(q.indicator);
    const geo = this.resolveGeo(q.geo, locale);
    const year = this.checkYear(def, q.year, locale);
    this.checkLevel(def, geo, locale);
    return this.format(def, geo, year, this.computeCached(def, geo, year), locale);
  }

  table(q: TableQuery, locale: Locale = 'es-MX'): ValueTable {
    const geo = this.resolveGeo(q.geo, locale);
    const rows: ValueResult[] = [];
    const notes: string[] = [...geo.notes];
    for (const id of q.indicators) {
      const def = this.indicator(id);
      const years = q.years?.length ? q.years.filter((y) => def.years.includes(y)) : [defaultYear(def)];
      if (years.length === 0) this.checkYear(def, q.years?.[0], locale);
      const skipped = (q.years ?? []).filter((y) => !def.years.includes(y));
      if (skipped.length > 0)
        notes.push(
          tr(locale, 'stats.note.years_skipped', {
            indicator: tr(locale, indicatorNameKey(def.id)),
            skipped: skipped.join(', '),
            years: summarizeYears(def.years),
          }),
        );
      const expand = def.aggregation === 'not_aggregable' && !this.isSingle(geo);
      if (expand) {
        if (!def.levels.includes('mun')) this.checkLevel(def, geo, locale);
        notes.push(tr(locale, 'stats.note.expanded', { indicator: tr(locale, indicatorNameKey(def.id)) }));
        for (const m of geo.members) {
          const place = this.places.places.get(`mun:${m.code}`)!;
          const mg = this.fromPlace(place);
          for (const year of years)
            rows.push(this.format(def, mg, year, this.computeCached(def, mg, year), locale));
        }
        continue;
      }
      this.checkLevel(def, geo, locale);
      for (const year of years)
        rows.push(this.format(def, geo, year, this.computeCached(def, geo, year), locale));
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

  private checkYear(def: IndicatorDef, year: number | undefined, locale: Locale): number {
    const y = year ?? defaultYear(def);
    if (!def.years.includes(y))
      throw new UnprocessableError('stats.error.year_unavailable', {
        indicator: tr(locale, indicatorNameKey(def.id)),
        year: y,
        years: summarizeYears(def.years),
      });
    return y;
  }

  private isSingle(geo: ResolvedGeo): boolean {
    return geo.level === 'state' || geo.level === 'mun' || (geo.level === 'set' && geo.members.length === 1);
  }

  private checkLevel(def: IndicatorDef, geo: ResolvedGeo, locale: Locale) {
    const level = geo.level === 'set' && geo.members.length === 1 ? 'mun' : geo.level;
    if (def.levels.includes(level)) return;
    const indicator = tr(locale, indicatorNameKey(def.id));
    if (def.aggregation === 'not_aggregable' && def.levels.includes('mun')) {
      const list = geo.members
        .map((m) => `${this.places.municipalityName(m.code)} (mun:${m.code})`)
        .join(', ');
      throw new UnprocessableError('stats.error.not_aggregable', {
        indicator,
        place: geo.name,
        count: geo.members.length,
        list,
      });
    }
    throw new UnprocessableError('stats.error.level_unavailable', {
      indicator,
      levels: def.levels.map((l) => tr(locale, `stats.level.${l}`)).join(', '),
    });
  }

  private computeCached(def: IndicatorDef, geo: ResolvedGeo, year: number): Computed {
    if (geo.level === 'polygon') return this.compute(def, geo, year);
    const key = `${def.id}|${geo.id}|${year}`;
    let c = this.cache.get(key);
    if (!c) {
      c = this.compute(def, geo, year);
      this.cache.set(key, c);
    }
    return c;
  }

  /** Picks the first alternative with data for the year; notes when it is not the preferred one. */
  private pick(term: Term, year: number, notes: Note[]): string {
    if (typeof term.variable === 'string') return term.variable;
    const alternatives = term.variable;
    const found = alternatives.find((v) => this.store.hasYear(v, year)) ?? alternatives[0]!;
    if (found !== alternatives[0])
      notes.push({
        key: 'stats.note.alternative_variable',
        params: { preferred: alternatives[0]!, used: found },
      });
    return found;
  }

  private compute(def: IndicatorDef, geo: ResolvedGeo, year: number): Computed {
    const notes: Note[] = [];
    const datasets = new Set<DatasetId>();
    if (!this.store.datasets.has(def.dataset))
      notes.push({ key: 'stats.note.not_loaded', params: { dataset: DATASETS[def.dataset].title } });

    const resolveTerms = (terms: readonly Term[]) =>
      terms.map((t) => ({
        variable: this.pick(t, year + (t.yearShift ?? 0), notes),
        year: year + (t.yearShift ?? 0),
        sign: t.sign ?? 1,
      }));
    const num = resolveTerms(def.numerator);
    const den = def.denominator ? resolveTerms(def.denominator) : [];

    // The state uses the figure its source publishes for the state, when there is one for every term.
    let members = geo.members;
    if (geo.agebs && def.dataset === 'conapo_imu_ageb')
      members = geo.agebs.map((code) => ({ code, weight: 1 }));
    if (geo.level === 'state') {
      const published = [...num, ...den].every((t) => this.store.get(t.variable, STATE_CODE, t.year));
      if (published) {
        members = [{ code: STATE_CODE, weight: 1 }];
        notes.push({ key: 'stats.note.state_published' });
      } else if (def.aggregation === 'not_aggregable') {
        members = [];
      }
    }
    const read = (terms: typeof num, code: string): Cell =>
      combine(
        terms.map((t) => {
          const f = this.store.get(t.variable, code, t.year);
          if (f) datasets.add(f.dataset);
          return { cell: cellOf(f), sign: t.sign };
        }),
      );

    const temporal = members.length > 1 && [...num, ...den].some((t) => t.year !== year);
    let agg: Aggregate;
    let text: string | null = null;
    let breakdown: Computed['breakdown'];
    if (def.aggregation === 'not_aggregable') {
      const t = num[0]!;
      const f = members[0] ? this.store.get(t.variable, members[0].code, t.year) : undefined;
      if (f) datasets.add(f.dataset);
      const cell = cellOf(f);
      text = f?.text ?? null;
      agg = {
        value: cell.value,
        numerator: null,
        denominator: null,
        status: cell.status === 'ok' || text ? 'ok' : cell.status,
        excluded: [],
      };
      if (!f && geo.level === 'state') notes.push({ key: 'stats.note.no_state_figure' });
    } else if (temporal) {
      // A comparison between years: each year summed over the members that existed then.
      const termwise = (terms: typeof num) =>
        aggregateTerms(
          terms.map((t) => ({
            sign: t.sign,
            parts: members.map((m) => {
              const f = this.store.get(t.variable, m.code, t.year);
              if (f) datasets.add(f.dataset);
              return { code: m.code, weight: m.weight, cell: cellOf(f) };
            }),
          })),
        );
      agg = def.aggregation === 'sum' ? termwise(num) : ratioOf(termwise(num), termwise(den), def.scale ?? 1);
    } else if (def.aggregation === 'sum') {
      agg = aggregateSum(members.map((m) => ({ code: m.code, weight: m.weight, cell: read(num, m.code) })));
      if (def.breakdown) {
        breakdown = def.breakdown.map((g) => {
          const side = (variable: string) =>
            aggregateSum(
              members.map((m) => ({
                code: m.code,
                weight: m.weight,
                cell: cellOf(this.store.get(variable, m.code, year)),
              })),
            ).value;
          return { key: g.key, male: side(g.male), female: side(g.female) };
        });
      }
    } else {
      agg = aggregateRatio(
        members.map((m) => ({
          code: m.code,
          weight: m.weight,
          numerator: read(num, m.code),
          denominator: read(den, m.code),
        })),
        def.scale ?? 1,
      );
    }

    const multi = members.length > 1;
    // How many members the figure is built from (each year has its own set in a comparison).
    const used = temporal ? members.length : members.length - agg.excluded.length;
    if (multi && def.aggregation === 'sum')
      notes.push({ key: 'stats.note.sum_method', params: { count: used } });
    if (multi && def.aggregation === 'ratio')
      notes.push({ key: 'stats.note.ratio_method', params: { count: used } });
    const nameOf = (code: string) => this.places.municipalityName(code) ?? code;
    const missing = agg.excluded.filter((e) => e.status !== 'not_applicable');
    const notCreated = agg.excluded.filter((e) => e.status === 'not_applicable');
    if (agg.status === 'partial') {
      notes.push({
        key: temporal ? 'stats.note.partial_termwise' : 'stats.note.partial',
        params: {
          count: missing.length,
          suppressed: missing.filter((e) => e.status === 'suppressed').length,
          names: missing.map((e) => nameOf(e.code)).join(', '),
        },
      });
    }
    if (notCreated.length > 0 && agg.value !== null)
      notes.push({
        key: 'stats.note.not_created_members',
        params: { count: notCreated.length, names: notCreated.map((e) => nameOf(e.code)).join(', ') },
      });
    if (agg.status === 'not_applicable') notes.push({ key: 'stats.note.not_created' });
    if (agg.status === 'suppressed') notes.push({ key: 'stats.note.suppressed' });
    if (agg.status === 'not_available' && this.store.datasets.has(def.dataset))
      notes.push({ key: 'stats.note.not_available' });
    if ((year === 2015 && def.dataset === 'population_series') || SURVEY_2015.has(def.dataset))
      notes.push({ key: 'stats.note.survey_2015' });
    if (def.dataset === 'conapo_projections_mun') notes.push({ key: 'stats.note.projection_edition' });
    if (def.dataset === 'censo2020_iter' && this.isSubset()) notes.push({ key: 'stats.note.iter_subset' });
    return { ...agg, text, datasets, notes, ...(breakdown ? { breakdown } : {}) };
  }

  private isSubset(): boolean {
    const info = this.infos.find((d) => d.id === 'censo2020_iter');
    return info ? info.fileName.startsWith('censo2020_iter_municipal_subset') : false;
  }

  private format(
    def: IndicatorDef,
    geo: ResolvedGeo,
    year: number,
    c: Computed,
    locale: Locale,
  ): ValueResult {
    const editions = new Map(this.infos.map((d) => [d.id, d.edition]));
    const used = c.datasets.size > 0 ? [...c.datasets] : [def.dataset];
    return {
      indicator: def.id,
      indicatorName: tr(locale, indicatorNameKey(def.id)),
      geo: geo.id,
      geoName: geo.name,
      year,
      value: c.text ?? c.value,
      numerator: c.numerator,
      denominator: c.denominator,
      unit: def.unit,
      unitLabel: tr(locale, unitKey(def.unit)),
      decimals: def.decimals,
      status: c.status,
      source: used.map((id) => ({
        dataset: id,
        title: `${DATASETS[id].source}, ${DATASETS[id].title}`,
        edition: editions.get(id) ?? null,
        table: def.sourceTable,
      })),
      notes: [...geo.notes, ...c.notes.map((n) => tr(locale, n.key, n.params))],
      ...(c.breakdown ? { breakdown: c.breakdown } : {}),
    };
  }
}

/** "1990, 1995, …" or "1970–2070" for long consecutive ranges. */
function summarizeYears(years: readonly number[]): string {
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  return consecutive && years.length > 3 ? `${years[0]}–${years.at(-1)}` : years.join(', ');
}
