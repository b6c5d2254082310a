import type { Context } from 'hono';
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { formatDateTime, formatPercent } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import { buildCharts, type Chart } from '../../services/results/charts.ts';
import { parseResultsFilters } from '../../services/results/filters.ts';
import { getPublicServiceStats } from '../../services/results/get-public-service-stats.ts';
import {
  agencySectors,
  changeOf,
  DEFINITIONS,
  formatMeasure,
  geoLevelLabel,
  type MeasureValue,
  measureParams,
  monthName,
  municipalityName,
  SUMMARY_MEASURES,
} from '../../services/results/measure-table.ts';
import type { AnyResults } from '../../services/results/public-stats.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';

/** A chart (server SVG) with its numbers in a table under it. */
function ChartFigure({ chart, t }: { chart: Chart; t: Translate }) {
  return (
    <figure class="results-chart" id={`grafica-${chart.id}`}>
      <figcaption>
        <h3>{chart.title}</h3>
      </figcaption>
      {raw(chart.svg)}
      <details>
        <summary>{t('results.chart.data_table')}</summary>
        <DataTable caption={chart.title} captionHidden head={chart.table.head} rows={chart.table.rows} />
      </details>
    </figure>
  );
}

function Change({ t, current, previous }: { t: Translate; current: MeasureValue; previous: MeasureValue }) {
  const change = changeOf(current, previous);
  if (change === null) return <span class="muted">{t('results.change.none')}</span>;
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '＝';
  const word =
    change > 0 ? t('results.change.up') : change < 0 ? t('results.change.down') : t('results.change.same');
  return (
    <>
      <span aria-hidden="true">{arrow} </span>
      <span class="visually-hidden">{word} </span>
      {formatPercent(Math.abs(change) * 100)}
    </>
  );
}

/** Every summary measure: previous year, this year, and the change in % with an arrow. */
function YearOverYearTable({ t, r }: { t: Translate; r: AnyResults }) {
  const params = measureParams(r.slaHours);
  const years = { year: r.current.year, previous: r.previous.year };
  return (
    <TableScroll label={t('results.yoy.caption', years)}>
      <table class="results-yoy">
        <caption>{t('results.yoy.caption', years)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.col.measure')}</th>
            <th scope="col" class="num">
              {r.previous.year}
            </th>
            <th scope="col" class="num">
              {r.current.year}
            </th>
            <th scope="col" class="num">
              {t('results.col.change')}
            </th>
          </tr>
        </thead>
        <tbody>
          {SUMMARY_MEASURES.map((m) => {
            const p = m.get(r.previous.total);
            const c = m.get(r.current.total);
            return (
              <tr>
                <th scope="row">{t(m.label, params)}</th>
                <td class="num">{formatMeasure(t, m.kind, p)}</td>
                <td class="num">{formatMeasure(t, m.kind, c)}</td>
                <td class="num">
                  <Change t={t} current={c} previous={p} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

const MONTHLY_KEYS = ['received', 'answered', 'pending', 'median_hours', 'within_sla_share', 'overdue'];

/** The main measures month by month, each with the previous year beside it. */
function MonthlyTable({ t, r }: { t: Translate; r: AnyResults }) {
  const params = measureParams(r.slaHours);
  const measures = SUMMARY_MEASURES.filter((m) => MONTHLY_KEYS.includes(m.key));
  const caption = t('results.monthly.caption', { year: r.current.year, previous: r.previous.year });
  return (
    <TableScroll label={caption}>
      <table class="results-monthly">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {measures.map((m) => (
              <th scope="colgroup" colspan={2} class="num">
                {t(m.label, params)}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{t('results.col.month')}</th>
            {measures.map(() => (
              <>
                <th scope="col" class="num">
                  {r.previous.year}
                </th>
                <th scope="col" class="num">
                  {r.current.year}
                </th>
              </>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.current.months.map((month, i) => (
            <tr>
              <th scope="row">{monthName(t, month.month)}</th>
              {measures.map((m) => (
                <>
                  <td class="num">{formatMeasure(t, m.kind, m.get(r.previous.months[i]!.measures))}</td>
                  <td class="num">{month.future ? '—' : formatMeasure(t, m.kind, m.get(month.measures))}</td>
                </>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A table whose first column names each row and whose other columns are numbers. */
function DataTable(props: { caption: string; captionHidden?: boolean; head: string[]; rows: string[][] }) {
  return (
    <TableScroll label={props.caption}>
      <table>
        <caption class={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th scope="col" class={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td class="num">{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The sections after the year-over-year table: charts and breakdown tables, then the definitions. */
export function ResultsBody({ c, r, charts }: { c: Context<AppEnv>; r: AnyResults; charts: Chart[] }) {
  const { t } = c.var;
  const cur = String(r.current.year);
  const prev = String(r.previous.year);
  const chart = (id: Chart['id']) => {
    const found = charts.find((x) => x.id === id);
    return found ? <ChartFigure chart={found} t={t} /> : null;
  };
  const count = (v: MeasureValue) => formatMeasure(t, 'count', v);
  const levels = [
    ...new Set([...Object.keys(r.previous.total.geoLevels), ...Object.keys(r.current.total.geoLevels)]),
  ];
  const survey = (['yes', 'partly', 'no'] as const).map((a) => [
    t(`results.survey.answered.${a}`),
    count(r.previous.total.survey.answered[a]),
    count(r.current.total.survey.answered[a]),
  ]);
  const params = measureParams(r.slaHours);
  const agency = c.var.deps.config.agency;
  return (
    <>
      <h2>{t('results.yoy.heading')}</h2>
      <YearOverYearTable t={t} r={r} />
      <h2>{t('results.monthly.heading')}</h2>
      <MonthlyTable t={t} r={r} />

      <h2>{t('results.section.requests')}</h2>
      {chart('received')}
      {chart('answered')}

      <h2>{t('results.section.users')}</h2>
      {chart('sectors')}

      <h2>{t('results.section.topics')}</h2>
      {chart('topics')}
      <DataTable
        caption={t('results.m.geoLevels')}
        head={[t('results.col.level'), prev, cur]}
        rows={levels.map((l) => [
          geoLevelLabel(t, l),
          count(r.previous.total.geoLevels[l] ?? 0),
          count(r.current.total.geoLevels[l] ?? 0),
        ])}
      />
      <DataTable
        caption={`${t('results.m.topMunicipalities')} (${cur})`}
        head={[t('results.col.municipality'), t('results.col.requests')]}
        rows={r.current.total.topMunicipalities.map((m) => [municipalityName(m.code), count(m.requests)])}
      />

      <h2>{t('results.section.times')}</h2>
      {chart('median')}

      <h2>{t('results.section.satisfaction')}</h2>
      <DataTable
        caption={t('results.survey.answered')}
        head={[t('results.col.score'), prev, cur]}
        rows={survey}
      />
      {chart('ease')}

      <h2 id="definiciones">{t('results.section.definitions')}</h2>
      <p>
        {t('results.definitions.lead', {
          start: agency.officeHours.start,
          end: agency.officeHours.end,
          agency: agency.shortName,
        })}
      </p>
      <dl class="results-definitions">
        {DEFINITIONS.map((d) => (
          <>
            <dt>
              <strong>{t(d.label, params)}</strong>
            </dt>
            <dd>{t(d.definition, params)}</dd>
          </>
        ))}
      </dl>
    </>
  );
}

/** "Period: January to December 2026, compared with the same period of 2025." */
export function periodText(t: Translate, r: AnyResults): string {
  return t('results.period', {
    from: monthName(t, r.fromMonth),
    to: monthName(t, r.toMonth),
    year: r.current.year,
    previous: r.previous.year,
  });
}

const PUBLIC_YEARS_SHOWN = 5;

/** /estadisticas: the public statistics of the service (aggregates only, small counts withheld). */
export const statisticsRoutes = new Hono<AppEnv>().get('/estadisticas', async (c) => {
  const { t, deps, locale } = c.var;
  const now = deps.clock.now();
  const { year } = parseResultsFilters({ year: c.req.query('year') }, t, now);
  const r = await getPublicServiceStats(deps, year);
  const charts = await buildCharts(t, r, agencySectors(t, locale, deps.config.agency));
  const agency = deps.config.agency;
  const thisYear = now.getUTCFullYear();
  const years = Array.from({ length: PUBLIC_YEARS_SHOWN }, (_, i) => thisYear - i);
  const apiUrl = `${deps.config.publicBaseUrl}/api/v1/service-stats?year=${year}`;
  return renderPage(
    c,
    { title: t('results.public.title') },
    <>
      <h1>{t('results.public.title')}</h1>
      <p class="lead">
        {t('results.public.lead', {
          agency: agency.shortName,
          year: r.current.year,
          previous: r.previous.year,
        })}
      </p>
      <form method="get" action="/estadisticas" class="results-filters">
        <div class="form-group">
          <label class="label" for="f-year">
            {t('results.filters.year')}
          </label>
          <select id="f-year" name="year">
            {(years.includes(year) ? years : [year, ...years]).map((y) => (
              <option value={String(y)} selected={y === year}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button class="button button--secondary" type="submit">
          {t('results.filters.submit')}
        </button>
      </form>
      <p>{periodText(t, r)}</p>
      <p class="inset">{t('results.public.privacy')}</p>
      <p class="muted">{t('results.generated_at', { date: formatDateTime(now, locale, agency.timezone) })}</p>
      <ResultsBody c={c} r={r} charts={charts} />
      <p>
        {t('results.public.api')} <a href={`/api/v1/service-stats?year=${year}`}>{apiUrl}</a>
      </p>
    </>,
  );
});
