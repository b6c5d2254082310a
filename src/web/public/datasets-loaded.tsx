import type { Context } from 'hono';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import type { AppEnv } from '../context.ts';

/** Which official datasets are loaded (source, edition, rows, import date): on the home page and /datos. */
export function DatasetsLoaded({ c, headingLevel = 2 }: { c: Context<AppEnv>; headingLevel?: 2 | 3 }) {
  const { t, locale, deps } = c.var;
  const datasets = deps.stats.datasets();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="datasets-loaded" aria-labelledby="datos-cargados">
      <Heading id="datos-cargados">{t('home.datasets_heading')}</Heading>
      {datasets.length === 0 ? (
        <p>{t('home.datasets_none')}</p>
      ) : (
        <ul>
          {datasets.map((d) => (
            <li>
              {d.source}, {d.title}
              {d.edition ? ` (${d.edition})` : ''}.{' '}
              <span class="muted">
                {t('stats.datasets.loaded_detail', {
                  rows: formatNumber(d.rows, 0),
                  date: formatDate(d.importedAt, locale, deps.config.agency.timezone),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
