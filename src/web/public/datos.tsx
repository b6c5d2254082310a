import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { isMessageKey, type Translate } from '../../i18n/index.ts';
import type { GeographyEntry, IndicatorEntry, StatsEngine, ValueResult } from '../../stats/engine.ts';
import { FormGroup, fieldId } from '../components/form.tsx';
import { QuestionBox } from '../components/question-box.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';
import { DatasetsLoaded } from './datasets-loaded.tsx';

/** A value as people read it: formatted number with its unit, a category, or why there is none. */
export function displayValue(r: ValueResult, t: Translate): string {
  if (r.value === null) {
    if (r.status === 'suppressed') return t('stats.page.suppressed');
    return r.status === 'not_applicable' ? t('stats.page.not_applicable') : t('stats.page.not_available');
  }
  if (typeof r.value === 'string') return r.value;
  const n = formatNumber(r.value, r.decimals);
  if (r.unit === 'percent') return `${n} %`;
  if (r.unit === 'index' || r.unit === 'grade') return n;
  return `${n} ${r.unitLabel}`;
}

function errorMessage(err: unknown, t: Translate): string | null {
  if (!(err instanceof AppError)) return null;
  const fields = (err as { fields?: { message: string }[] }).fields;
  if (fields?.length) return fields.map((f) => f.message).join(' ');
  return isMessageKey(err.messageKey) ? t(err.messageKey, err.params) : t('error.generic');
}

/** The whole state's geography id, from the engine's place catalog (config/geography). */
function stateGeoId(stats: StatsEngine): string {
  return stats.geographies('state')[0]!.id;
}

function GeoOptions({ stats, selected, t }: { stats: StatsEngine; selected: string; t: Translate }) {
  const group = (label: string, list: GeographyEntry[]) => (
    <optgroup label={label}>
      {list.map((g) => (
        <option value={g.id} selected={g.id === selected}>
          {g.name}
        </option>
      ))}
    </optgroup>
  );
  return (
    <>
      {group(t('stats.page.geo_state'), stats.geographies('state'))}
      {group(t('stats.page.geo_regions'), stats.geographies('region'))}
      {group(t('stats.page.geo_zones'), stats.geographies('zm'))}
      {group(t('stats.page.geo_municipalities'), stats.geographies('mun'))}
    </>
  );
}

/** Values as an accessible table; `compact` (one indicator) leaves out the indicator and source columns. */
function ValueTableView(props: { rows: ValueResult[]; t: Translate; caption: string; compact?: boolean }) {
  const { rows, t, compact } = props;
  const notesLabel = compact ? t('stats.page.col.notes') : t('stats.page.col.source');
  return (
    <table class="table--stack">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {compact ? null : <th scope="col">{t('stats.page.col.indicator')}</th>}
          <th scope="col">{t('stats.page.col.area')}</th>
          <th scope="col" class="num">
            {t('stats.page.col.year')}
          </th>
          <th scope="col" class="num">
            {t('stats.page.col.value')}
          </th>
          <th scope="col">{compact ? t('stats.page.col.notes') : t('stats.page.col.source')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            {compact ? null : <th scope="row">{r.indicatorName}</th>}
            {compact ? (
              <th scope="row">{r.geoName}</th>
            ) : (
              <td data-label={t('stats.page.col.area')}>{r.geoName}</td>
            )}
            <td class="num" data-label={t('stats.page.col.year')}>
              {r.year}
            </td>
            <td class="num" data-label={t('stats.page.col.value')}>
              {displayValue(r, t)}
            </td>
            <td data-label={!compact || r.notes.length > 0 ? notesLabel : undefined}>
              {compact
                ? null
                : r.source
                    .map((s) => `${s.title}${s.edition ? ` (${s.edition})` : ''}. ${s.table}`)
                    .join(' · ')}
              {r.notes.length > 0 ? (
                <ul class="muted">
                  {r.notes.map((n) => (
                    <li>{n}</li>
                  ))}
                </ul>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Breakdown({ r, t }: { r: ValueResult; t: Translate }) {
  if (!r.breakdown) return null;
  const fmt = (v: number | null) => (v === null ? t('stats.page.not_available') : formatNumber(v, 0));
  return (
    <table>
      <caption>{t('stats.page.pyramid_caption', { place: r.geoName, year: r.year })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stats.page.col.age_group')}</th>
          <th scope="col" class="num">
            {t('stats.page.col.men')}
          </th>
          <th scope="col" class="num">
            {t('stats.page.col.women')}
          </th>
        </tr>
      </thead>
      <tbody>
        {r.breakdown.map((g) => (
          <tr>
            <th scope="row">{g.key}</th>
            <td class="num">{fmt(g.male)}</td>
            <td class="num">{fmt(g.female)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Catalog({
  stats,
  t,
  locale,
}: {
  stats: StatsEngine;
  t: Translate;
  locale: AppEnv['Variables']['locale'];
}) {
  const byId = new Map(stats.indicators(locale).map((i) => [i.id, i]));
  return (
    <>
      {stats.topics(locale).map((topic) => (
        <section aria-labelledby={`tema-${topic.id}`}>
          <h2 id={`tema-${topic.id}`}>{topic.name}</h2>
          <table class="table--stack">
            <caption class="visually-hidden">
              {t('stats.page.catalog_caption', { topic: topic.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.page.col.indicator')}</th>
                <th scope="col">{t('stats.page.col.definition')}</th>
                <th scope="col">{t('stats.page.col.years')}</th>
                <th scope="col">{t('stats.page.col.aggregation')}</th>
              </tr>
            </thead>
            <tbody>
              {topic.indicators.map((id) => {
                const ind = byId.get(id) as IndicatorEntry;
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/datos/indicador/${ind.id}`}>{ind.name}</a>
                      <br />
                      <code class="muted">{ind.id}</code>
                    </th>
                    <td>
                      {ind.definition} <span class="muted">({ind.unitLabel})</span>
                    </td>
                    <td data-label={t('stats.page.col.years')}>{yearsLabel(ind.years)}</td>
                    <td data-label={t('stats.page.col.aggregation')}>
                      {t(`stats.aggregation.${ind.aggregation}`)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function yearsLabel(years: number[]): string {
  return years.length > 8 ? `${years[0]}–${years.at(-1)}` : years.join(', ');
}

function datosPage(c: Context<AppEnv>) {
  const { t, locale, deps } = c.var;
  const stats = deps.stats;
  const q = {
    indicator: c.req.query('indicador') ?? '',
    geo: c.req.query('geo') ?? '',
    year: c.req.query('anio') ?? '',
  };
  let result: ValueResult | null = null;
  let error: string | null = null;
  if (q.indicator && q.geo) {
    const year = q.year ? Number(q.year) : undefined;
    try {
      if (year !== undefined && !Number.isInteger(year)) error = t('stats.api.invalid.year');
      else result = stats.value({ indicator: q.indicator, geo: q.geo, year }, locale);
    } catch (err) {
      error = errorMessage(err, t);
      if (error === null) throw err;
    }
  }
  const indicators = stats.indicators(locale);
  return renderPage(
    c,
    { title: t('stats.page.title') },
    <>
      <h1>{t('stats.page.title')}</h1>
      <p class="lead">{t('stats.page.lead', { state: c.var.deps.config.agency.stateName })}</p>
      <QuestionBox t={t} id="pregunta-datos" />
      <p>
        <a href="/lugares">{t('profiles.datos_link')}</a>
      </p>
      <section aria-labelledby="consulta">
        <h2 id="consulta">{t('stats.page.query_heading')}</h2>
        <form method="get" action="/datos">
          <FormGroup field="indicador" label={t('stats.page.field.indicator')}>
            <select id={fieldId('indicador')} name="indicador" class="select">
              {stats.topics(locale).map((topic) => (
                <optgroup label={topic.name}>
                  {indicators
                    .filter((i) => i.topic === topic.id)
                    .map((i) => (
                      <option value={i.id} selected={i.id === q.indicator}>
                        {i.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </FormGroup>
          <FormGroup field="geo" label={t('stats.page.field.geo')}>
            <select id={fieldId('geo')} name="geo" class="select">
              <GeoOptions stats={stats} selected={q.geo || stateGeoId(stats)} t={t} />
            </select>
          </FormGroup>
          <FormGroup field="anio" label={t('stats.page.field.year')} hint={t('stats.page.field.year_hint')}>
            <input
              id={fieldId('anio')}
              name="anio"
              class="input input--short"
              inputmode="numeric"
              value={q.year}
              aria-describedby={`${fieldId('anio')}-hint`}
            />
          </FormGroup>
          <button type="submit" class="button">
            {t('stats.page.submit')}
          </button>
        </form>
        {error ? (
          <div class="error-summary" role="alert" tabindex={-1}>
            <h2>{t('stats.page.error_heading')}</h2>
            <p>{error}</p>
          </div>
        ) : null}
        {result ? (
          <section aria-labelledby="resultado">
            <h2 id="resultado">{t('stats.page.result_heading')}</h2>
            <ValueTableView
              rows={[result]}
              t={t}
              caption={`${result.indicatorName}, ${result.geoName}, ${result.year}`}
            />
            <Breakdown r={result} t={t} />
            <p>
              <a href="/solicitud/nueva">{t('stats.page.request_official')}</a>
            </p>
          </section>
        ) : null}
      </section>
      <h2>{t('stats.page.catalog_heading')}</h2>
      <p>{t('stats.page.catalog_lead', { count: indicators.length })}</p>
      <Catalog stats={stats} t={t} locale={locale} />
      <DatasetsLoaded c={c} headingLevel={2} />
      <p>
        <a href="/api/v1/openapi.json">{t('stats.page.api_link')}</a>
      </p>
    </>,
  );
}

function indicatorPage(c: Context<AppEnv>) {
  const { t, locale, deps } = c.var;
  const stats = deps.stats;
  const ind = stats.indicators(locale).find((i) => i.id === c.req.param('id'));
  if (!ind) return c.notFound();
  const requested = Number(c.req.query('anio'));
  const year = ind.years.includes(requested) ? requested : (ind.years.at(-1) as number);
  const stateOnly = !ind.levels.includes('mun');
  const places: GeographyEntry[] = stateOnly
    ? []
    : [
        ...stats.geographies('state'),
        ...(ind.aggregation === 'not_aggregable'
          ? []
          : [...stats.geographies('region'), ...stats.geographies('zm')]),
        ...stats.geographies('mun'),
      ];
  const safe = (geo: string, y: number) => {
    try {
      return stats.value({ indicator: ind.id, geo, year: y }, locale);
    } catch {
      return null;
    }
  };
  const rows = (
    stateOnly ? ind.years.map((y) => safe(stateGeoId(stats), y)) : places.map((p) => safe(p.id, year))
  ).filter((r): r is ValueResult => r !== null);
  return renderPage(
    c,
    { title: ind.name },
    <>
      <p>
        <a href="/datos">{t('stats.page.back_catalog')}</a>
      </p>
      <h1>{ind.name}</h1>
      <dl class="summary-list">
        <div>
          <dt>{t('stats.page.col.definition')}</dt>
          <dd>{ind.definition}</dd>
        </div>
        <div>
          <dt>{t('stats.page.col.key')}</dt>
          <dd>
            <code>{ind.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('stats.page.col.unit')}</dt>
          <dd>{ind.unitLabel}</dd>
        </div>
        <div>
          <dt>{t('stats.page.col.aggregation')}</dt>
          <dd>{t(`stats.aggregation.${ind.aggregation}`)}</dd>
        </div>
        <div>
          <dt>{t('stats.page.col.years')}</dt>
          <dd>{yearsLabel(ind.years)}</dd>
        </div>
        <div>
          <dt>{t('stats.page.col.source')}</dt>
          <dd>
            {ind.source.title}. {ind.source.table}
          </dd>
        </div>
      </dl>
      {stateOnly ? null : (
        <form method="get" action={`/datos/indicador/${ind.id}`}>
          <FormGroup field="anio" label={t('stats.page.field.year')}>
            <select id={fieldId('anio')} name="anio" class="select">
              {ind.years.map((y) => (
                <option value={String(y)} selected={y === year}>
                  {y}
                </option>
              ))}
            </select>
          </FormGroup>
          <button type="submit" class="button button--secondary">
            {t('stats.page.show_year')}
          </button>
        </form>
      )}
      {ind.loaded ? (
        <ValueTableView
          compact
          rows={rows}
          t={t}
          caption={
            stateOnly
              ? t('stats.page.values_by_year', {
                  indicator: ind.name,
                  state: c.var.deps.config.agency.stateName,
                })
              : t('stats.page.values_caption', { indicator: ind.name, year })
          }
        />
      ) : (
        <p>{t('stats.page.not_loaded')}</p>
      )}
    </>,
  );
}

export const datosRoutes = new Hono<AppEnv>()
  .get('/datos', datosPage)
  .get('/datos/indicador/:id', indicatorPage);
