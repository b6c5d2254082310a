// Small charts of the place profiles, drawn on the server as inline SVG (no script). Each one is an
// image with a text alternative; the same figures are in a table beside it.

import { formatNumber } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import type { SeriesPoint } from '../../services/profiles/load-place-profile.ts';
import type { ValueResult } from '../../stats/engine.ts';

const INK = '#0b0c0c';
const MUTED = '#505a5f';
/** Fills by kind of figure; the kind is also told by the pattern and the legend, never by colour alone. */
const KIND_FILL = { census: '#6f1d46', count: '#a3415f', survey: '#c97d93', projection: '#ffffff' } as const;

/** "1.08 M" / "950 mil": bar labels short enough to sit above a bar on a phone. */
function shortNumber(v: number, t: Translate): string {
  if (Math.abs(v) >= 1_000_000) return t('profiles.chart.millions', { n: formatNumber(v / 1_000_000, 2) });
  if (Math.abs(v) >= 10_000) return t('profiles.chart.thousands', { n: formatNumber(v / 1000, 0) });
  return formatNumber(v, 0);
}

/** Population by year as bars: censuses solid, counts and the survey lighter, projections hatched. */
export function PopulationChart(props: { series: SeriesPoint[]; place: string; t: Translate }) {
  const { series, t } = props;
  if (series.length === 0) return null;
  const W = 360;
  const H = 230;
  const top = 60;
  const bottom = 24;
  const gap = 6;
  const max = Math.max(...series.map((p) => p.result.value as number));
  const barW = (W - gap * (series.length + 1)) / series.length;
  const kinds = [...new Set(series.map((p) => p.kind))];
  const summary = series
    .map(
      (p) =>
        `${p.year} ${formatNumber(p.result.value as number, 0)} (${t(`profiles.series.kind.${p.kind}`)})`,
    )
    .join('; ');
  const label = t('profiles.series.chart_label', {
    place: props.place,
    from: series[0]!.year,
    to: series.at(-1)!.year,
    summary,
  });
  // Two legend entries per line, so the longest kind name fits on a phone.
  const legendW = W / 2;
  return (
    <svg class="profile-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <defs>
        <pattern
          id="trama-proyeccion"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#6f1d46" stroke-width="2.5" />
        </pattern>
      </defs>
      {kinds.map((k, i) => (
        <g>
          <rect
            x={(i % 2) * legendW + 2}
            y={4 + Math.floor(i / 2) * 18}
            width={12}
            height={12}
            fill={k === 'projection' ? 'url(#trama-proyeccion)' : KIND_FILL[k]}
            stroke="#6f1d46"
          />
          <text x={(i % 2) * legendW + 18} y={14 + Math.floor(i / 2) * 18} font-size="11" fill={INK}>
            {t(`profiles.series.kind.${k}`).replace(/ \(.*\)$/, '')}
          </text>
        </g>
      ))}
      {series.map((p, i) => {
        const v = p.result.value as number;
        const h = max > 0 ? ((H - top - bottom) * v) / max : 0;
        const x = gap + i * (barW + gap);
        const y = H - bottom - h;
        return (
          <g>
            <rect
              x={x}
              y={y}
              width={barW}
              height={h}
              fill={p.kind === 'projection' ? 'url(#trama-proyeccion)' : KIND_FILL[p.kind]}
              stroke="#6f1d46"
            />
            <text x={x + barW / 2} y={y - 4} font-size="10" text-anchor="middle" fill={INK}>
              {shortNumber(v, t)}
            </text>
            <text x={x + barW / 2} y={H - 8} font-size="11" text-anchor="middle" fill={INK}>
              {p.year}
            </text>
          </g>
        );
      })}
      <line x1="0" y1={H - bottom} x2={W} y2={H - bottom} stroke={MUTED} />
    </svg>
  );
}

/** Age-sex pyramid as shares of the total: men to the left, women to the right, oldest on top. */
export function Pyramid(props: { result: ValueResult; place: string; t: Translate }) {
  const { result, t } = props;
  const groups = [...(result.breakdown ?? [])].reverse();
  const total = groups.reduce((s, g) => s + (g.male ?? 0) + (g.female ?? 0), 0);
  if (groups.length === 0 || total === 0) return null;
  const W = 360;
  const row = 16;
  const top = 24;
  const H = top + groups.length * row + 22;
  const mid = W / 2;
  const labelW = 48;
  const half = mid - labelW / 2 - 4;
  const maxShare = Math.max(...groups.flatMap((g) => [(g.male ?? 0) / total, (g.female ?? 0) / total]));
  const scale = (s: number) => (half * s) / maxShare;
  const tick = Math.max(1, Math.floor(maxShare * 100));
  return (
    <svg
      class="profile-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('profiles.pyramid.chart_label', { place: props.place, year: result.year })}
    >
      <text x={mid - labelW / 2 - 4} y={13} font-size="12" text-anchor="end" fill={INK} font-weight="bold">
        {t('profiles.pyramid.men')}
      </text>
      <text x={mid + labelW / 2 + 4} y={13} font-size="12" fill={INK} font-weight="bold">
        {t('profiles.pyramid.women')}
      </text>
      {groups.map((g, i) => {
        const y = top + i * row;
        const m = scale((g.male ?? 0) / total);
        const f = scale((g.female ?? 0) / total);
        return (
          <g>
            <rect x={mid - labelW / 2 - m} y={y} width={m} height={row - 2} fill="#1d4f91" />
            <rect x={mid + labelW / 2} y={y} width={f} height={row - 2} fill="#a3415f" />
            <text x={mid} y={y + row - 5} font-size="11" text-anchor="middle" fill={INK}>
              {g.key.replace(/^0(\d)/, '$1').replace(/-0?/, '–')}
            </text>
          </g>
        );
      })}
      {[-1, 1].map((side) => (
        <text
          x={mid + side * (labelW / 2 + scale(tick / 100))}
          y={H - 6}
          font-size="11"
          text-anchor="middle"
          fill={MUTED}
        >
          {`${tick} %`}
        </text>
      ))}
      <text x={mid} y={H - 6} font-size="11" text-anchor="middle" fill={MUTED}>
        {t('profiles.pyramid.age')}
      </text>
    </svg>
  );
}

/** Percentages of a block as grouped bars: the place, then its region and the state, each labelled. */
export function CompareChart(props: {
  rows: { name: string; values: (number | null)[] }[];
  places: string[];
  label: string;
}) {
  const { rows, places } = props;
  if (rows.length === 0) return null;
  const W = 360;
  const bar = 12;
  const labelH = 16;
  const block = labelH + places.length * (bar + 2) + 8;
  const legendH = 18 * places.length;
  const H = legendH + rows.length * block;
  const fills = ['#6f1d46', '#c97d93', '#b1b4b6'];
  const valueW = 46;
  const width = (v: number) => ((W - valueW) * Math.min(Math.max(v, 0), 100)) / 100;
  return (
    <svg class="profile-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.label}>
      {places.map((p, i) => (
        <g>
          <rect x={0} y={i * 18 + 2} width={12} height={12} fill={fills[i]} />
          <text x={18} y={i * 18 + 12} font-size="11" fill={INK}>
            {p}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y0 = legendH + i * block;
        return (
          <g>
            <text x={0} y={y0 + 12} font-size="12" fill={INK}>
              {r.name}
            </text>
            {r.values.map((v, j) => {
              const y = y0 + labelH + j * (bar + 2);
              return v === null ? null : (
                <g>
                  <rect x={0} y={y} width={width(v)} height={bar} fill={fills[j]} />
                  <text x={width(v) + 4} y={y + bar - 1} font-size="10" fill={INK}>
                    {`${formatNumber(v, 1)} %`}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
