import type { Context } from 'hono';
import { translator } from '../../i18n/index.ts';
import { geoName, indicatorName, portalCatalog } from '../../services/requests/catalog.ts';
import { findSimilar } from '../../services/reuse/find-similar.ts';
import { publishedTitle } from '../../services/reuse/publishable.ts';
import type { AppEnv } from '../context.ts';

/**
 * "Ya existe información similar": published answers and /datos figures for the indicators and place
 * chosen so far, shown in the request journey before submitting. Renders nothing when there is none.
 */
export async function SimilarAnswers(props: {
  c: Context<AppEnv>;
  indicators?: string[] | undefined;
  geo?: string | undefined;
  years?: number[] | undefined;
}) {
  const { t, locale, deps } = props.c.var;
  if (!props.indicators?.length || !props.geo) return null;
  const found = await findSimilar(deps, { indicators: props.indicators, geo: props.geo, years: props.years });
  if (found.answers.length === 0 && found.dataLinks.length === 0) return null;
  const catalog = portalCatalog();
  const tl = translator(locale);
  return (
    <aside class="panel similar-answers" aria-labelledby="similar-title">
      <h2 id="similar-title">{t('reuse.similar.title')}</h2>
      <p>{t('reuse.similar.lead')}</p>
      {found.answers.length > 0 ? (
        <>
          <h3>{t('reuse.similar.answers')}</h3>
          <ul>
            {found.answers.map((a) => (
              <li>
                <a href={`/respuestas/${encodeURIComponent(a.publicId)}`}>
                  {publishedTitle(catalog, a, locale)}
                </a>
                {a.identical ? <strong class="tag"> {t('reuse.similar.identical')}</strong> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {found.dataLinks.length > 0 ? (
        <>
          <h3>{t('reuse.similar.data')}</h3>
          <ul>
            {found.dataLinks.map((l) => (
              <li>
                <a href={l.url}>
                  {t('reuse.similar.data_link', {
                    indicator: indicatorName(tl, l.indicator),
                    place: geoName(catalog, tl, l.geo),
                    year: l.year,
                  })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="hint">{t('reuse.similar.continue')}</p>
    </aside>
  );
}
