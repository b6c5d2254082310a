/**
 * One indicator for one resolved place and year: which members and variables are read, how they are
 * aggregated (src/domain/aggregation.ts), and the notes that explain the figure. Pure over the store.
 */
import {
  type Aggregate,
  aggregateRatio,
  aggregateSum,
  aggregateTerms,
  type Cell,
  combine,
  ratioOf,
} from '../../domain/aggregation.ts';
import { variableLabel } from '../../domain/citations.ts';
import type { PlaceCatalog } from '../../domain/geography.ts';
import { STATE_CODE } from '../../domain/geography.ts';
import {
  CENSUS_REFERENCE_DATES,
  type DatasetId,
  type IndicatorDef,
  type Term,
  yearsBetweenCounts,
} from '../../domain/indicators.ts';
import type { Params } from '../../i18n/index.ts';
import { DATASETS } from '../datasets.ts';
import type { ResolvedGeo, ValueResult } from '../engine.ts';
import { cellOf, type FactStore } from './fact-store.ts';

export type Note = { key: string; params?: Params };
export type Breakdown = NonNullable<ValueResult['breakdown']>;
export type Computed = Aggregate & {
  text: string | null;
  datasets: Set<DatasetId>;
  notes: Note[];
  breakdown?: Breakdown;
  cv?: number | null;
};

export type ComputeContext = {
  store: FactStore;
  places: PlaceCatalog;
  /** Whether the ITER loaded is the staged third-party subset. */
  iterSubset: boolean;
};

type Member = ResolvedGeo['members'][number];
type ResolvedTerm = { variable: string; year: number; sign: 1 | -1 };

const SURVEY_2015: ReadonlySet<DatasetId> = new Set(['eic2015_age_sex']);
/** The 2015 totals' coefficients of variation, from the survey's tabulado (the series' 2015 source). */
const CV_2015: Record<string, string> = {
  population_total: 'eic2015.cv_total',
  population_female: 'eic2015.cv_total_m',
  population_male: 'eic2015.cv_total_h',
};

/** INEGI's precision bands for a coefficient of variation (%). */
export function cvLevel(cv: number): 'high' | 'moderate' | 'low' {
  return cv < 15 ? 'high' : cv < 30 ? 'moderate' : 'low';
}

/** Picks the first alternative with data for the year; notes when it is not the preferred one. */
function pick(store: FactStore, term: Term, year: number, notes: Note[]): string {
  if (typeof term.variable === 'string') return term.variable;
  const alternatives = term.variable;
  const found = alternatives.find((v) => store.hasYear(v, year)) ?? alternatives[0]!;
  if (found !== alternatives[0])
    notes.push({
      key: 'stats.note.alternative_variable',
      // The codes for the citation (format.ts), the publishers' words for the note.
      params: {
        preferred: alternatives[0]!,
        used: found,
        preferredLabel: variableLabel(alternatives[0]!),
        usedLabel: variableLabel(found),
      },
    });
  return found;
}

function resolveTerms(store: FactStore, terms: readonly Term[], year: number, notes: Note[]): ResolvedTerm[] {
  return terms.map((t) => ({
    variable: pick(store, t, year + (t.yearShift ?? 0), notes),
    year: year + (t.yearShift ?? 0),
    sign: t.sign ?? 1,
  }));
}

/** The state uses the figure its source publishes for the state, when there is one for every term. */
function membersFor(
  ctx: ComputeContext,
  def: IndicatorDef,
  geo: ResolvedGeo,
  terms: readonly ResolvedTerm[],
  notes: Note[],
): readonly Member[] {
  if (geo.agebs && def.dataset === 'conapo_imu_ageb') return geo.agebs.map((code) => ({ code, weight: 1 }));
  if (geo.level !== 'state') return geo.members;
  if (terms.every((t) => ctx.store.get(t.variable, STATE_CODE, t.year))) {
    notes.push({ key: 'stats.note.state_published' });
    return [{ code: STATE_CODE, weight: 1 }];
  }
  return def.aggregation === 'not_aggregable' ? [] : geo.members;
}

export function computeValue(
  ctx: ComputeContext,
  def: IndicatorDef,
  geo: ResolvedGeo,
  year: number,
): Computed {
  const { store } = ctx;
  const notes: Note[] = [];
  const datasets = new Set<DatasetId>();
  if (!store.datasets.has(def.dataset))
    notes.push({ key: 'stats.note.not_loaded', params: { dataset: DATASETS[def.dataset].title } });

  const num = resolveTerms(store, def.numerator, year, notes);
  const den = def.denominator ? resolveTerms(store, def.denominator, year, notes) : [];
  const members = membersFor(ctx, def, geo, [...num, ...den], notes);
  const cell = (variable: string, code: string, y: number): Cell => {
    const f = store.get(variable, code, y);
    if (f) datasets.add(f.dataset);
    return cellOf(f);
  };
  const read = (terms: readonly ResolvedTerm[], code: string): Cell =>
    combine(terms.map((t) => ({ cell: cell(t.variable, code, t.year), sign: t.sign })));

  const temporal = members.length > 1 && [...num, ...den].some((t) => t.year !== year);
  let agg: Aggregate;
  let text: string | null = null;
  let breakdown: Breakdown | undefined;
  if (def.aggregation === 'not_aggregable') {
    const t = num[0]!;
    const f = members[0] ? store.get(t.variable, members[0].code, t.year) : undefined;
    if (f) datasets.add(f.dataset);
    const c = cellOf(f);
    text = f?.text ?? null;
    agg = {
      value: c.value,
      numerator: null,
      denominator: null,
      status: c.status === 'ok' || text ? 'ok' : c.status,
      excluded: [],
    };
    if (!f && geo.level === 'state')
      notes.push(
        // CONAPO publishes every edition of its state index (IME); only 2020 is staged.
        def.dataset === 'conapo_imm' || def.dataset === 'conapo_ime'
          ? { key: 'stats.note.state_not_loaded', params: { year } }
          : { key: 'stats.note.no_state_figure' },
      );
  } else if (temporal) {
    // A comparison between years: each year summed over the members that existed then.
    const termwise = (terms: readonly ResolvedTerm[]) =>
      aggregateTerms(
        terms.map((t) => ({
          sign: t.sign,
          parts: members.map((m) => ({
            code: m.code,
            weight: m.weight,
            cell: cell(t.variable, m.code, t.year),
          })),
        })),
      );
    agg = def.aggregation === 'sum' ? termwise(num) : ratioOf(termwise(num), termwise(den), def.scale ?? 1);
  } else if (def.aggregation === 'sum') {
    agg = aggregateSum(members.map((m) => ({ code: m.code, weight: m.weight, cell: read(num, m.code) })));
    if (def.breakdown) {
      const side = (variable: string) =>
        aggregateSum(
          members.map((m) => ({
            code: m.code,
            weight: m.weight,
            cell: cellOf(store.get(variable, m.code, year)),
          })),
        ).value;
      breakdown = def.breakdown.map((g) => ({ key: g.key, male: side(g.male), female: side(g.female) }));
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
  if (def.formula === 'annual_growth') agg = annualGrowth(agg, year - 10, year, notes);
  const survey = year === 2015 && (def.dataset === 'population_series' || SURVEY_2015.has(def.dataset));
  let cv: number | null | undefined;
  if (survey) {
    const censado = members.length > 0 && members.every((m) => store.get('eic2015.censado', m.code, 2015));
    notes.push({ key: censado ? 'stats.note.census_2015_municipality' : 'stats.note.survey_2015' });
    const one =
      geo.level === 'state'
        ? STATE_CODE
        : members.length === 1 && members[0]!.weight === 1
          ? members[0]!.code
          : null;
    if (one && !censado) {
      const cvVar = CV_2015[def.id];
      if (cvVar) {
        cv = store.get(cvVar, one, 2015)?.value ?? null;
        if (cv !== null) notes.push({ key: `stats.note.cv_${cvLevel(cv)}`, params: { cv: cv.toFixed(1) } });
      }
      if (breakdown && def.breakdown) {
        const read = (v: string) => store.get(v.replace('eic2015.', 'eic2015.cv_'), one, 2015)?.value ?? null;
        breakdown = def.breakdown.map((g, i) => ({
          ...breakdown![i]!,
          maleCv: read(g.male),
          femaleCv: read(g.female),
        }));
        const cells = breakdown.flatMap((b) => [b.maleCv, b.femaleCv]);
        notes.push({
          key: 'stats.note.cv_cells',
          params: {
            cells: cells.length,
            moderate: cells.filter((c) => c !== null && c !== undefined && c >= 15).length,
            low: cells.filter((c) => c !== null && c !== undefined && c >= 30).length,
          },
        });
      }
    }
  }
  // A missing figure already explained (e.g. "not loaded") is not also called "not in the source".
  const explained = notes.some((n) => n.key === 'stats.note.state_not_loaded');
  notes.push(...methodNotes(ctx, def, members, agg, temporal), ...sourceNotes(ctx, def, agg, explained));
  return {
    ...agg,
    text,
    datasets,
    notes,
    ...(breakdown ? { breakdown } : {}),
    ...(cv !== undefined ? { cv } : {}),
  };
}

/** How the figure was built from its members, and which members are missing or did not exist yet. */
function methodNotes(
  ctx: ComputeContext,
  def: IndicatorDef,
  members: readonly Member[],
  agg: Aggregate,
  temporal: boolean,
): Note[] {
  const notes: Note[] = [];
  const multi = members.length > 1;
  // How many members the figure is built from (each year has its own set in a comparison).
  const used = temporal ? members.length : members.length - agg.excluded.length;
  if (multi && def.aggregation === 'sum')
    notes.push({ key: 'stats.note.sum_method', params: { count: used } });
  if (multi && def.aggregation === 'ratio')
    notes.push({ key: 'stats.note.ratio_method', params: { count: used } });
  const nameOf = (code: string) => ctx.places.municipalityName(code) ?? code;
  const missing = agg.excluded.filter((e) => e.status !== 'not_applicable');
  const notCreated = agg.excluded.filter((e) => e.status === 'not_applicable');
  if (agg.status === 'partial')
    notes.push({
      key: temporal ? 'stats.note.partial_termwise' : 'stats.note.partial',
      params: {
        count: missing.length,
        suppressed: missing.filter((e) => e.status === 'suppressed').length,
        names: missing.map((e) => nameOf(e.code)).join(', '),
      },
    });
  if (notCreated.length > 0 && agg.value !== null)
    notes.push({
      key: 'stats.note.not_created_members',
      params: { count: notCreated.length, names: notCreated.map((e) => nameOf(e.code)).join(', ') },
    });
  return notes;
}

/** Why a figure is missing, and what kind of figure the source gives (estimate, projection, subset). */
function sourceNotes(ctx: ComputeContext, def: IndicatorDef, agg: Aggregate, explained: boolean): Note[] {
  const notes: Note[] = [];
  if (agg.status === 'not_applicable') notes.push({ key: 'stats.note.not_created' });
  if (agg.status === 'suppressed') notes.push({ key: 'stats.note.suppressed' });
  if (agg.status === 'not_available' && ctx.store.datasets.has(def.dataset) && !explained)
    notes.push({ key: 'stats.note.not_available' });
  if (def.dataset === 'conapo_projections_mun') notes.push({ key: 'stats.note.projection_edition' });
  const first = def.numerator[0]?.variable;
  if (first === 'imm.IM' || first === 'imm.IMN') notes.push({ key: 'stats.note.imm_editions' });
  if (def.dataset === 'censo2020_iter' && ctx.iterSubset) notes.push({ key: 'stats.note.iter_subset' });
  return notes;
}

/** The mean annual (geometric) growth rate between two counts, from the pooled populations P₁ / P₀. */
function annualGrowth(agg: Aggregate, from: number, to: number, notes: Note[]): Aggregate {
  const t = yearsBetweenCounts(from, to);
  notes.push({
    key: 'stats.note.growth_dates',
    params: { from: CENSUS_REFERENCE_DATES[from]!, to: CENSUS_REFERENCE_DATES[to]!, years: t.toFixed(3) },
  });
  if (agg.value === null || agg.numerator === null || !agg.denominator) return agg;
  return { ...agg, value: ((agg.numerator / agg.denominator) ** (1 / t) - 1) * 100 };
}
