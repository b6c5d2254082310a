import { Hono } from 'hono';
import { InvalidInputError } from '../../domain/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { sectorName } from '../../services/requests/catalog.ts';
import { buildCharts } from '../../services/results/charts.ts';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportServiceResults,
} from '../../services/results/export-service-results.ts';
import { parseResultsFilters, type ResultsFilters } from '../../services/results/filters.ts';
import { getServiceResults } from '../../services/results/get-service-results.ts';
import { agencySectors, monthName } from '../../services/results/measure-table.ts';
import type { AppEnv } from '../context.ts';
import { periodText, ResultsBody } from '../public/estadisticas.tsx';
import { requireStaff } from './auth.ts';
import { staffPage } from './layout.tsx';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const YEARS_SHOWN = 6;

function query(f: ResultsFilters): string {
  const q = new URLSearchParams({ year: String(f.year), from: String(f.fromMonth), to: String(f.toMonth) });
  if (f.sector) q.set('sector', f.sector);
  return q.toString();
}

/** /staff/resultados: the service's results with filters, charts, year-over-year table and exports. */
export const resultsRoutes = new Hono<AppEnv>()
  .get('/resultados', requireStaff('results.view'), async (c) => {
    const { t, deps, locale, staff } = c.var;
    const now = deps.clock.now();
    const filters = parseResultsFilters(c.req.query(), t, now, deps.config.agency.sectors);
    const r = await getServiceResults(deps, staff, filters);
    const charts = await buildCharts(t, r, agencySectors(t, locale, deps.config.agency));
    const agency = deps.config.agency;
    const thisYear = now.getUTCFullYear();
    const years = Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i);
    if (!years.includes(filters.year)) years.unshift(filters.year);
    const monthSelect = (name: 'from' | 'to', id: string, value: number) => (
      <select id={id} name={name}>
        {MONTHS.map((m) => (
          <option value={String(m)} selected={m === value}>
            {monthName(t, m)}
          </option>
        ))}
      </select>
    );
    return staffPage(
      c,
      t('results.staff.title'),
      <>
        <h1>{t('results.staff.title')}</h1>
        <h2 id="filtros">{t('results.filters.heading')}</h2>
        <form method="get" action="/staff/resultados" class="filters" aria-labelledby="filtros">
          <div class="form-group">
            <label class="label" for="f-year">
              {t('results.filters.year')}
            </label>
            <select id="f-year" name="year">
              {years.map((y) => (
                <option value={String(y)} selected={y === filters.year}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div class="form-group">
            <label class="label" for="f-from">
              {t('results.filters.from')}
            </label>
            {monthSelect('from', 'f-from', filters.fromMonth)}
          </div>
          <div class="form-group">
            <label class="label" for="f-to">
              {t('results.filters.to')}
            </label>
            {monthSelect('to', 'f-to', filters.toMonth)}
          </div>
          <div class="form-group">
            <label class="label" for="f-sector">
              {t('results.filters.sector')}
            </label>
            <select id="f-sector" name="sector">
              <option value="" selected={filters.sector === null}>
                {t('results.filters.all_sectors')}
              </option>
              {agency.sectors.map((s) => (
                <option value={s} selected={s === filters.sector}>
                  {sectorName(t, locale, agency, s)}
                </option>
              ))}
            </select>
          </div>
          <div class="form-group">
            <button class="button" type="submit">
              {t('results.filters.submit')}
            </button>
          </div>
        </form>
        <p>
          {periodText(t, r)}{' '}
          {filters.sector
            ? t('results.period.sector', { sector: sectorName(t, locale, agency, filters.sector) })
            : null}
        </p>
        <p class="muted">
          {t('results.generated_at', { date: formatDateTime(now, locale, agency.timezone) })}
        </p>
        <h2>{t('results.export.heading')}</h2>
        <ul>
          <li>
            <a href={`/staff/resultados/exportar/csv?${query(filters)}`}>{t('results.export.csv')}</a>
          </li>
          <li>
            <a href={`/staff/resultados/exportar/xlsx?${query(filters)}`}>{t('results.export.xlsx')}</a>
          </li>
        </ul>
        <ResultsBody c={c} r={r} charts={charts} />
      </>,
    );
  })
  .get('/resultados/exportar/:format', requireStaff('results.view'), async (c) => {
    const { t, deps, locale, staff } = c.var;
    const format = c.req.param('format');
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
      throw new InvalidInputError([{ field: 'format', message: t('results.err.format') }]);
    }
    const filters = parseResultsFilters(c.req.query(), t, deps.clock.now(), deps.config.agency.sectors);
    const file = await exportServiceResults(deps, staff, filters, format as ExportFormat, t, locale);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
    });
  });
