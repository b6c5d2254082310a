import { type VegaLiteSpec, vegaLiteToSvg } from '../../documents/vega-svg.ts';
import { EASE_SCORES } from '../../domain/service-measures.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  formatMeasure,
  type MeasureKind,
  type MeasureValue,
  monthName,
  type SectorLabel,
  topicLabel,
} from './measure-table.ts';
import type { AnyResults, PublicPeriodMeasures } from './public-stats.ts';

export const CHART_IDS = ['received', 'answered', 'median', 'sectors', 'topics', 'ease'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** A chart and the same numbers as a table (for screen readers and people who prefer tables). */
export type Chart = {
  id: ChartId;
  title: string;
  svg: string;
  table: { head: string[]; rows: string[][] };
};

type Row = { category: string; series: string; value: number | null };

const CURRENT = '#1d4f91';
const PREVIOUS = '#9aa5b1';
const AUTO = '#2a7f62';

/** What every chart shares: white background (readable in dark mode too), sans-serif, 12 px labels. */
const BASE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  background: 'white',
  config: {
    font: 'sans-serif',
    axis: { labelFontSize: 12, labelColor: '#1f2328' },
    legend: { labelFontSize: 12, labelLimit: 320 },
  },
};

const plain = (v: MeasureValue): number | null => (typeof v === 'number' ? v : null);

function barSpec(
  rows: Row[],
  opts: { horizontal?: boolean; stacked?: boolean; colors: string[]; series: string[] },
): VegaLiteSpec {
  const category = {
    field: 'category',
    type: 'nominal' as const,
    sort: null,
    title: null,
    // Month names under vertical bars are slanted so that long ones (septiembre) do not collide.
    axis: { labelAngle: opts.horizontal ? 0 : -40, labelLimit: 280 },
  };
  const value = { field: 'value', type: 'quantitative' as const, title: null };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: opts.series, range: opts.colors },
    legend: { orient: 'top' as const },
  };
  const offset = opts.stacked
    ? {}
    : opts.horizontal
      ? { yOffset: { field: 'series', sort: opts.series } }
      : { xOffset: { field: 'series', sort: opts.series } };
  return {
    ...BASE,
    width: opts.horizontal ? 420 : 600,
    ...(opts.horizontal
      ? { height: { step: opts.stacked || opts.series.length === 1 ? 22 : 14 } }
      : { height: 220 }),
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: opts.horizontal
      ? { y: category, x: value, color, ...offset }
      : { x: category, y: value, color, ...offset },
  } as VegaLiteSpec;
}

function lineSpec(rows: Row[], series: string[], colors: string[]): VegaLiteSpec {
  return {
    ...BASE,
    width: 600,
    height: 220,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'category', type: 'ordinal', sort: null, title: null, axis: { labelAngle: -40 } },
      y: { field: 'value', type: 'quantitative', title: null },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: series, range: colors },
        legend: { orient: 'top' },
      },
    },
  } as VegaLiteSpec;
}

/** Chart rows and table rows built together, one category at a time, two series each. */
function pairs(t: Translate, kind: MeasureKind) {
  const rows: Row[] = [];
  const table: string[][] = [];
  const add = (category: string, a: [string, MeasureValue], b: [string, MeasureValue], bText?: string) => {
    rows.push({ category, series: a[0], value: plain(a[1]) }, { category, series: b[0], value: plain(b[1]) });
    table.push([category, formatMeasure(t, kind, a[1]), bText ?? formatMeasure(t, kind, b[1])]);
  };
  return { rows, table, add };
}

/** Two series (previous year, this year) over the months of the results. */
function monthly(
  t: Translate,
  r: AnyResults,
  kind: MeasureKind,
  get: (m: PublicPeriodMeasures) => MeasureValue,
) {
  const prev = String(r.previous.year);
  const cur = String(r.current.year);
  const p = pairs(t, kind);
  r.current.months.forEach((m, i) => {
    const c = m.future ? null : get(m.measures);
    const text = m.future ? t('results.future_month') : undefined;
    p.add(monthName(t, m.month), [prev, get(r.previous.months[i]!.measures)], [cur, c], text);
  });
  const { rows, table } = p;
  return { rows, table, series: [prev, cur], head: [t('results.col.month'), prev, cur] };
}

type ChartParts = { title: string; spec: VegaLiteSpec; head: string[]; rows: string[][] };

function chartParts(t: Translate, r: AnyResults, sectors: readonly SectorLabel[], id: ChartId): ChartParts {
  const years = { year: r.current.year, previous: r.previous.year };
  const cur = String(r.current.year);
  const prev = String(r.previous.year);
  const twoYears = { series: [prev, cur], colors: [PREVIOUS, CURRENT] };
  switch (id) {
    case 'received': {
      const d = monthly(t, r, 'count', (m) => m.received);
      return {
        title: t('results.chart.received', years),
        spec: barSpec(d.rows, twoYears),
        head: d.head,
        rows: d.table,
      };
    }
    case 'answered': {
      const auto = t('results.m.answeredAuto');
      const staff = t('results.m.answeredStaff');
      const { rows, table, add } = pairs(t, 'count');
      for (const m of r.current.months) {
        if (!m.future)
          add(monthName(t, m.month), [auto, m.measures.answeredAuto], [staff, m.measures.answeredStaff]);
      }
      return {
        title: t('results.chart.answered', years),
        spec: barSpec(rows, { stacked: true, series: [auto, staff], colors: [AUTO, CURRENT] }),
        head: [t('results.col.month'), auto, staff],
        rows: table,
      };
    }
    case 'median': {
      const d = monthly(t, r, 'hours', (m) => m.answerTime.medianHours);
      return {
        title: t('results.chart.median', years),
        spec: lineSpec(d.rows, twoYears.series, twoYears.colors),
        head: d.head,
        rows: d.table,
      };
    }
    case 'sectors': {
      const { rows, table, add } = pairs(t, 'count');
      for (const s of sectors) {
        const get = (y: AnyResults['current']) => y.total.bySector[s.id]?.requests ?? 0;
        add(s.label, [prev, get(r.previous)], [cur, get(r.current)]);
      }
      return {
        title: t('results.chart.sectors', years),
        spec: barSpec(rows, { horizontal: true, ...twoYears }),
        head: [t('results.col.sector'), prev, cur],
        rows: table,
      };
    }
    case 'topics': {
      const entries = Object.entries(r.current.total.topics).sort(
        (a, b) => (plain(b[1]) ?? 0) - (plain(a[1]) ?? 0),
      );
      return {
        title: t('results.chart.topics', years),
        spec: barSpec(
          entries.map(([topic, n]) => ({ category: topicLabel(t, topic), series: cur, value: plain(n) })),
          { horizontal: true, series: [cur], colors: [CURRENT] },
        ),
        head: [t('results.col.topic'), cur],
        rows: entries.map(([topic, n]) => [topicLabel(t, topic), formatMeasure(t, 'count', n)]),
      };
    }
    case 'ease': {
      const ease = r.current.total.survey.ease;
      const label = (n: number) => t('results.survey.ease.n', { n });
      return {
        title: t('results.chart.ease', years),
        spec: barSpec(
          EASE_SCORES.map((n) => ({ category: label(n), series: cur, value: plain(ease[String(n)] ?? 0) })),
          { series: [cur], colors: [CURRENT] },
        ),
        head: [t('results.col.score'), cur],
        rows: EASE_SCORES.map((n) => [label(n), formatMeasure(t, 'count', ease[String(n)] ?? 0)]),
      };
    }
  }
}

/** The charts of the results pages, rendered to SVG on the server; `sectors`: the agency's (agencySectors). */
export async function buildCharts(
  t: Translate,
  r: AnyResults,
  sectors: readonly SectorLabel[],
  ids: readonly ChartId[] = CHART_IDS,
): Promise<Chart[]> {
  const out: Chart[] = [];
  for (const id of ids) {
    const { title, spec, head, rows } = chartParts(t, r, sectors, id);
    out.push({ id, title, svg: await vegaLiteToSvg(spec, { title }), table: { head, rows } });
  }
  return out;
}
