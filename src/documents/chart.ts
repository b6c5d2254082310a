import type { TopLevelSpec } from 'vega-lite';
import { type Locale, translate } from '../i18n/index.ts';
import type { AnswerData, DataRow, IndicatorMeta } from './data-model.ts';
import { wrapText } from './graphic-text.ts';
import { CHART_FONT, svgToPng } from './png.ts';
import { vegaLiteToSvg } from './vega-svg.ts';
import { escapeXml } from './xml.ts';

/** Drawn at 800 px and rasterised at 2×: 1600 px wide, sharp when printed across a page. */
const CANVAS_WIDTH = 800;
export const CHART_WIDTH_PX = CANVAS_WIDTH * 2;
const PAD = 24;
const BASE_HEIGHT = 450;
// More bars than this and the labels no longer fit; the table carries every place.
const MAX_BARS = 25;
// More lines than this and they cannot be told apart; the last year is compared as bars instead.
const MAX_LINES = 8;
const WINE = '#7a1236';
const SERIES = [WINE, '#1f6f8b', '#c27c0e', '#4c8c2b', '#7f5aa2', '#a0522d', '#2b5d9c', '#6b6b6b'];

export type ChartPlan =
  | {
      kind: 'line';
      series: { place: string; points: { year: number; value: number }[] }[];
      /** The group whose municipalities are the lines, when they are. */
      scope?: string;
    }
  | {
      kind: 'bar';
      year: number;
      bars: { place: string; value: number }[];
      total: number;
      scope: string | null;
    }
  /** No chart, and why, as a sentence for the requester. */
  | { kind: 'none'; reason: string };

type T = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => string;
const tr =
  (locale: Locale): T =>
  (k, p) =>
    translate(locale, k, p);

const numeric = (r: DataRow): r is DataRow & { value: number } => typeof r.value === 'number';

/**
 * The chart that fits an indicator's figures: a line over the years (one per place, up to eight), or
 * bars across the places asked for the last year, sorted; for one place and one year, bars across its
 * member municipalities (`municipal`, their figures for that year) when it has several. Otherwise no
 * chart, with the reason in words.
 */
export function planChart(
  data: AnswerData,
  indicatorId: string,
  municipal: DataRow[] = [],
  locale: Locale = 'es-MX',
): ChartPlan {
  const t = tr(locale);
  const ind = data.indicators.find((i) => i.id === indicatorId);
  const name = ind?.name ?? indicatorId;
  const all = data.rows.filter((r) => r.indicatorId === indicatorId);
  const rows = all.filter(numeric);
  if (rows.length === 0) {
    const category = all.some((r) => typeof r.value === 'string');
    return {
      kind: 'none',
      reason: category
        ? t('chart.omit.category', { indicator: name })
        : t('chart.omit.no_figures', { indicator: name, place: data.geo.name }),
    };
  }
  const places = [...new Set(rows.map((r) => r.geoId))];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  // Highest last figure first, so the legend reads in the order of the lines.
  const lines = (of: (DataRow & { value: number })[], ids: string[]) =>
    ids
      .map((id) => {
        const own = of.filter((r) => r.geoId === id).sort((a, b) => a.year - b.year);
        return { place: own[0]!.geoName, points: own.map((r) => ({ year: r.year, value: r.value })) };
      })
      .sort((a, b) => b.points.at(-1)!.value - a.points.at(-1)!.value);
  if (years.length > 1 && places.length === 1) {
    // A group of a few municipalities over the years: one line each, which the group's sum would hide.
    const members = municipal.filter(
      (r): r is DataRow & { value: number } =>
        numeric(r) && r.indicatorId === indicatorId && r.geoId !== places[0] && years.includes(r.year),
    );
    const ids = [...new Set(members.map((r) => r.geoId))];
    if (ids.length > 1 && ids.length <= MAX_LINES)
      return { kind: 'line', series: lines(members, ids), scope: rows[0]!.geoName };
  }
  if (years.length > 1 && places.length <= MAX_LINES) return { kind: 'line', series: lines(rows, places) };
  const year = years.at(-1)!;
  const last = rows.filter((r) => r.year === year);
  if (places.length > 1) return bars(last, year, null);
  const members = municipal.filter(
    (r): r is DataRow & { value: number } =>
      numeric(r) && r.indicatorId === indicatorId && r.year === year && r.geoId !== last[0]!.geoId,
  );
  if (members.length > 1) return bars(members, year, last[0]!.geoName);
  return {
    kind: 'none',
    reason: t('chart.omit.single_figure', { indicator: name, place: last[0]!.geoName, year }),
  };
}

function bars(rows: (DataRow & { value: number })[], year: number, scope: string | null): ChartPlan {
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  return {
    kind: 'bar',
    year,
    scope,
    total: sorted.length,
    bars: sorted.slice(0, MAX_BARS).map((r) => ({ place: r.geoName, value: r.value })),
  };
}

function vegaFormat(decimals: number): string {
  return `,.${Math.max(0, decimals)}f`;
}

/** Axis ticks drop trailing zeros (0, 4, 12.5); the figures themselves keep the indicator's decimals. */
function tickFormat(decimals: number): string {
  return `,.${Math.max(0, decimals)}~f`;
}

function plotSpec(
  plan: Exclude<ChartPlan, { kind: 'none' }>,
  ind: IndicatorMeta,
  width: number,
  height: number,
) {
  const format = vegaFormat(ind.decimals);
  const ticks = tickFormat(ind.decimals);
  const config = {
    font: CHART_FONT,
    view: { stroke: null },
    axis: {
      labelFontSize: 14,
      titleFontSize: 14,
      titleFontWeight: 'normal' as const,
      labelColor: '#222',
      titleColor: '#222',
      gridColor: '#e3e3e3',
      domainColor: '#888',
      tickColor: '#888',
    },
    legend: { labelFontSize: 14, titleFontSize: 14, symbolSize: 160, symbolStrokeWidth: 3 },
  };
  const common = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    height,
    autosize: { type: 'fit' as const, contains: 'padding' as const },
    background: 'white',
    config,
  };
  if (plan.kind === 'line') {
    const values = plan.series.flatMap((s) => s.points.map((p) => ({ place: s.place, ...p })));
    const years = [...new Set(values.map((v) => v.year))];
    const several = plan.series.length > 1;
    const lastYear = Math.max(...years);
    const colour = several
      ? {
          field: 'place',
          type: 'nominal',
          title: null,
          sort: plan.series.map((s) => s.place),
          scale: { range: SERIES },
          legend: { orient: 'bottom', direction: 'horizontal', columns: 2, labelLimit: 340 },
        }
      : { value: WINE };
    return {
      ...common,
      data: { values },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 3, point: { size: 70, filled: true } },
          encoding: {
            x: {
              field: 'year',
              type: 'quantitative',
              title: null,
              scale: { zero: false, nice: false, padding: 12 },
              // Years as written (2020, not 2,020), horizontal; the years with figures when they are few.
              axis: {
                format: 'd',
                labelAngle: 0,
                tickMinStep: 1,
                labelOverlap: true,
                grid: false,
                ...(years.length <= 12 ? { values: [...years].sort((a, b) => a - b) } : {}),
              },
            },
            y: {
              field: 'value',
              type: 'quantitative',
              title: ind.unitLabel,
              scale: { zero: false, nice: true },
              axis: { format: ticks, tickCount: 6 },
            },
            color: colour,
          },
        },
        {
          // The last figure written at its point: what a reader looks for first.
          transform: [{ filter: `datum.year === ${lastYear}` }],
          mark: { type: 'text', dy: -14, fontSize: 14, fontWeight: 'bold', align: 'center' },
          encoding: {
            x: { field: 'year', type: 'quantitative' },
            y: { field: 'value', type: 'quantitative' },
            text: { field: 'value', type: 'quantitative', format },
            ...(several ? {} : { color: { value: '#222' } }),
          },
        },
      ],
    };
  }
  // A figure is written inside its bar when the bar is long enough, else just after it.
  const inside = 'datum.value >= 0.3 * datum.top';
  return {
    ...common,
    data: { values: plan.bars },
    transform: [{ joinaggregate: [{ op: 'max', field: 'value', as: 'top' }] }],
    encoding: {
      y: {
        field: 'place',
        type: 'nominal',
        sort: null,
        title: null,
        axis: { labelLimit: 210, labelFontSize: 13, ticks: false, domain: false, labelPadding: 6 },
      },
      x: {
        field: 'value',
        type: 'quantitative',
        title: ind.unitLabel,
        axis: { format: ticks, tickCount: 6, labelOverlap: true },
        scale: { nice: false },
      },
    },
    layer: [
      { mark: { type: 'bar', color: WINE, cornerRadiusEnd: 2 } },
      {
        transform: [{ filter: inside }],
        mark: { type: 'text', align: 'right', dx: -5, fontSize: 13, color: '#fff' },
        encoding: { text: { field: 'value', type: 'quantitative', format } },
      },
      {
        transform: [{ filter: `!(${inside})` }],
        mark: { type: 'text', align: 'left', dx: 5, fontSize: 13, color: '#222' },
        encoding: { text: { field: 'value', type: 'quantitative', format } },
      },
    ],
  };
}

/** The chart as an SVG document: title, subtitle, unit, the plot, then the source and the agency. */
export async function buildChartSvg(
  data: AnswerData,
  indicatorId: string,
  plan: Exclude<ChartPlan, { kind: 'none' }>,
  locale: Locale = 'es-MX',
): Promise<string> {
  const t = tr(locale);
  const ind = data.indicators.find((i) => i.id === indicatorId)!;
  const inner = CANVAS_WIDTH - 2 * PAD;
  const titleLines = wrapText(ind.name, 22, inner, true);
  const subtitle = chartSubtitle(plan, data, ind, t);
  const subLines = wrapText(subtitle, 15, inner);
  const source = t('chart.source', { source: ind.sources.join('; '), agency: data.agencyName });
  const sourceLines = wrapText(source, 12, inner);
  const headerH = PAD + titleLines.length * 28 + subLines.length * 20 + 14;
  const footerH = sourceLines.length * 16 + PAD;
  const plotH =
    plan.kind === 'bar'
      ? Math.max(BASE_HEIGHT - headerH - footerH, plan.bars.length * 21 + 56)
      : Math.max(BASE_HEIGHT - headerH - footerH, 300) +
        (plan.series.length > 1 ? 30 * Math.ceil(plan.series.length / 2) : 0);
  const height = headerH + plotH + footerH;
  const plot = await vegaLiteToSvg(plotSpec(plan, ind, inner, plotH) as TopLevelSpec);
  const nested = plot.replace(/^<svg /, `<svg x="${PAD}" y="${headerH}" `);
  let y = PAD;
  const text: string[] = [];
  for (const line of titleLines) {
    y += 24;
    text.push(
      `<text x="${PAD}" y="${y}" font-size="22" font-weight="bold" fill="#111">${escapeXml(line)}</text>`,
    );
    y += 4;
  }
  for (const line of subLines) {
    y += 19;
    text.push(`<text x="${PAD}" y="${y}" font-size="15" fill="#444">${escapeXml(line)}</text>`);
  }
  let fy = headerH + plotH;
  for (const line of sourceLines) {
    fy += 15;
    text.push(`<text x="${PAD}" y="${fy}" font-size="12" fill="#555">${escapeXml(line)}</text>`);
  }
  const label = `${ind.name}. ${subtitle}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS_WIDTH}" height="${height}" viewBox="0 0 ${CANVAS_WIDTH} ${height}" font-family="${CHART_FONT}, Arial, sans-serif" role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title><rect width="100%" height="100%" fill="#fff"/>${text.join('')}<line x1="${PAD}" y1="${headerH - 6}" x2="${CANVAS_WIDTH - PAD}" y2="${headerH - 6}" stroke="#444" stroke-width="1"/>${nested}<line x1="${PAD}" y1="${headerH + plotH + 2}" x2="${CANVAS_WIDTH - PAD}" y2="${headerH + plotH + 2}" stroke="#ccc"/></svg>`;
}

function chartSubtitle(
  plan: Exclude<ChartPlan, { kind: 'none' }>,
  data: AnswerData,
  ind: IndicatorMeta,
  t: T,
) {
  const unit = t('chart.unit', { unit: ind.unitLabel });
  if (plan.kind === 'line') {
    const years = plan.series.flatMap((s) => s.points.map((p) => p.year));
    const places = plan.scope ?? (plan.series.length === 1 ? plan.series[0]!.place : data.geo.name);
    const line = t('chart.subtitle_years', {
      place: places,
      from: Math.min(...years),
      to: Math.max(...years),
    });
    // A place named in words ("el área dibujada") starts the subtitle with a capital.
    return `${line.charAt(0).toUpperCase()}${line.slice(1)}. ${unit}`;
  }
  const what = plan.scope
    ? t('chart.subtitle_members', { place: plan.scope, year: plan.year })
    : t('chart.subtitle_places', { year: plan.year });
  const cut =
    plan.total > plan.bars.length
      ? ` ${t('chart.subtitle_top', { shown: plan.bars.length, total: plan.total })}`
      : '';
  return `${what}.${cut} ${unit}`;
}

/** The chart of one indicator as PNG (1600 px wide) and SVG, or why there is none. */
export async function buildChart(
  data: AnswerData,
  indicatorId: string,
  municipal: DataRow[] = [],
  locale: Locale = 'es-MX',
): Promise<{ png: Buffer; svg: string; plan: ChartPlan } | { reason: string }> {
  const plan = planChart(data, indicatorId, municipal, locale);
  if (plan.kind === 'none') return { reason: plan.reason };
  const svg = await buildChartSvg(data, indicatorId, plan, locale);
  return { png: svgToPng(svg, CHART_WIDTH_PX), svg, plan };
}
