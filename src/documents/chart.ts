import type { TopLevelSpec } from 'vega-lite';
import { type Locale, translate } from '../i18n/index.ts';
import type { AnswerData, IndicatorMeta } from './data-model.ts';
import { CHART_FONT, svgToPng } from './png.ts';
import { vegaLiteToSvg } from './vega-svg.ts';

export const CHART_WIDTH_PX = 1200;

export type ChartKind = 'bar_by_geo' | 'line_over_years';

/**
 * The chart that fits an indicator's figures: a line over years when there are several years for one
 * place, bars by place otherwise; none for a single figure or a categorical indicator.
 */
export function chartKindFor(data: AnswerData, indicatorId: string): ChartKind | null {
  const rows = data.rows.filter((r) => r.indicatorId === indicatorId && typeof r.value === 'number');
  if (rows.length < 2) return null;
  const years = new Set(rows.map((r) => r.year));
  const geos = new Set(rows.map((r) => r.geoId));
  if (years.size > 1 && geos.size === 1) return 'line_over_years';
  return 'bar_by_geo';
}

function spec(data: AnswerData, ind: IndicatorMeta, kind: ChartKind, locale: Locale): TopLevelSpec {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(locale, k, p);
  const rows = data.rows.filter((r) => r.indicatorId === ind.id && typeof r.value === 'number');
  const lastYear = Math.max(...rows.map((r) => r.year));
  const format = ind.decimals > 0 ? `,.${ind.decimals}f` : ',.0f';
  const valueTitle = `${t('data.col.value')} (${ind.unitLabel})`;
  const common = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 560,
    height: kind === 'bar_by_geo' ? Math.max(120, Math.min(rows.length, 40) * 18) : 300,
    background: 'white',
    config: {
      font: CHART_FONT,
      axis: { labelFontSize: 11, titleFontSize: 12 },
      title: { fontSize: 15, subtitleFontSize: 10, subtitleColor: '#555', anchor: 'start' as const },
    },
  };
  if (kind === 'line_over_years') {
    return {
      ...common,
      title: {
        text: t('chart.title_over_years', { indicator: ind.name, geo: rows[0]!.geoName }),
        subtitle: t('chart.source', { source: ind.sources.join('; '), agency: data.agencyName }),
      },
      data: { values: rows.map((r) => ({ year: String(r.year), value: r.value })) },
      mark: { type: 'line', point: true, color: '#7a1236' },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: t('data.col.year') },
        y: { field: 'value', type: 'quantitative', title: valueTitle, axis: { format } },
      },
    } as TopLevelSpec;
  }
  const bars = rows.filter((r) => r.year === lastYear).slice(0, 40);
  return {
    ...common,
    height: Math.max(120, bars.length * 18),
    title: {
      text: t('chart.title_by_geo', { indicator: ind.name, year: lastYear }),
      subtitle: t('chart.source', { source: ind.sources.join('; '), agency: data.agencyName }),
    },
    data: { values: bars.map((r) => ({ geo: r.geoName, value: r.value })) },
    mark: { type: 'bar', color: '#7a1236' },
    encoding: {
      y: { field: 'geo', type: 'nominal', sort: '-x', title: null },
      x: { field: 'value', type: 'quantitative', title: valueTitle, axis: { format } },
    },
  } as TopLevelSpec;
}

/** PNG (CHART_WIDTH_PX wide) of one indicator's chart, or null when no chart fits. */
export async function buildChartPng(
  data: AnswerData,
  indicatorId: string,
  locale: Locale = 'es-MX',
): Promise<Buffer | null> {
  const ind = data.indicators.find((i) => i.id === indicatorId);
  const kind = chartKindFor(data, indicatorId);
  if (!ind || !kind) return null;
  const svg = await vegaLiteToSvg(spec(data, ind, kind, locale), { title: ind.name });
  return svgToPng(svg, CHART_WIDTH_PX);
}
