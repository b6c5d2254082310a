import { Hono } from 'hono';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import { TOPICS } from '../../domain/indicators.ts';
import { formatDate } from '../../i18n/format.ts';
import { isMessageKey, type MessageKey } from '../../i18n/index.ts';
import { geoName, indicatorName, portalCatalog, topicName } from '../../services/requests/catalog.ts';
import { publishedTitle } from '../../services/reuse/publishable.ts';
import {
  findPublishedAnswer,
  LIBRARY_PAGE_SIZE,
  searchPublishedAnswers,
} from '../../services/reuse/search-published-answers.ts';
import { FormGroup } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';

const fileKey = (kind: string) => `reuse.file.${kind}`;

/** The library's query string; anything else is ignored, a tampered value is a 400 with a message. */
function querySchema() {
  const catalog = portalCatalog();
  return z.object({
    q: z.string().trim().max(200).optional().default(''),
    tema: z
      .union([z.literal(''), z.enum(TOPICS)])
      .optional()
      .default(''),
    geo: z
      .string()
      .optional()
      .default('')
      .refine((g) => g === '' || catalog.isGeoId(g)),
    pagina: z.coerce.number().int().min(1).max(1000).optional().default(1),
  });
}

function fileUrl(publicId: string, sha256: string, name: string): string {
  return `/respuestas/${encodeURIComponent(publicId)}/archivos/${sha256}/${encodeURIComponent(name)}`;
}

/** /respuestas: the published answers library (search in Spanish, filter by topic and place). */
export const answersLibraryRoutes = new Hono<AppEnv>()
  .get('/respuestas', async (c) => {
    const { t, locale, deps } = c.var;
    const parsed = querySchema().safeParse(c.req.query());
    const query = parsed.success ? parsed.data : { q: '', tema: '', geo: '', pagina: 1 };
    const result = await searchPublishedAnswers(
      deps,
      { q: query.q, topic: query.tema || undefined, geo: query.geo || undefined },
      query.pagina,
    );
    const catalog = portalCatalog();
    const tz = deps.config.agency.timezone;
    const pages = Math.max(1, Math.ceil(result.total / LIBRARY_PAGE_SIZE));
    const link = (page: number) => {
      const p = new URLSearchParams({ q: query.q, tema: query.tema, geo: query.geo, pagina: String(page) });
      return `/respuestas?${p}`;
    };
    const places = (level: 'region' | 'zm' | 'mun') => catalog.placesOf(level);
    return renderPage(
      c,
      { title: t('reuse.library.title'), status: parsed.success ? 200 : 400 },
      <>
        {parsed.success ? null : (
          <div class="error-summary" role="alert" tabindex={-1}>
            <h2>{t('error.summary_title')}</h2>
            <p>{t('reuse.library.invalid')}</p>
          </div>
        )}
        <h1>{t('reuse.library.title')}</h1>
        <p class="lead">{t('reuse.library.lead')}</p>
        <form method="get" action="/respuestas">
          <FormGroup
            field="q"
            label={t('reuse.library.search_label')}
            hint={t('reuse.library.search_hint', { place: c.var.deps.config.agency.city.split(',')[0]! })}
          >
            <input type="search" id="f-q" name="q" class="input" value={query.q} maxlength={200} />
          </FormGroup>
          <FormGroup field="tema" label={t('reuse.library.topic_label')}>
            <select id="f-tema" name="tema" class="select">
              <option value="">{t('reuse.library.topic_all')}</option>
              {TOPICS.map((id) => (
                <option value={id} selected={id === query.tema}>
                  {topicName(t, id)}
                </option>
              ))}
            </select>
          </FormGroup>
          <FormGroup field="geo" label={t('reuse.library.geo_label')}>
            <select id="f-geo" name="geo" class="select">
              <option value="">{t('reuse.library.geo_all')}</option>
              {(
                [
                  ['region', 'reuse.library.geo_regions'],
                  ['zm', 'reuse.library.geo_zones'],
                  ['mun', 'reuse.library.geo_municipalities'],
                ] as const
              ).map(([level, label]) => (
                <optgroup label={t(label)}>
                  {places(level).map((p) => (
                    <option value={p.id} selected={p.id === query.geo}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </FormGroup>
          <button type="submit" class="button">
            {t('reuse.library.submit')}
          </button>
        </form>
        <p role="status">
          {result.total === 1
            ? t('reuse.library.count_one')
            : t('reuse.library.count', { count: result.total })}
        </p>
        {result.total === 0 ? (
          <p>
            {t('reuse.library.none')} <a href="/datos">{t('reuse.library.none_hint')}</a>
          </p>
        ) : (
          <ol class="results-list">
            {result.items.map((a) => (
              <li>
                <h2 class="results-list__title">
                  <a href={`/respuestas/${encodeURIComponent(a.publicId)}`}>
                    {publishedTitle(catalog, a, locale)}
                  </a>
                </h2>
                <p class="muted">
                  {t('reuse.library.answered', { date: formatDate(a.answeredAt, locale, tz) })} ·{' '}
                  {a.topics.map((id) => topicName(t, id as (typeof TOPICS)[number])).join(', ')} ·{' '}
                  {t('reuse.library.files', { count: a.files.length })}
                </p>
              </li>
            ))}
          </ol>
        )}
        {pages > 1 ? (
          <nav aria-label={t('reuse.library.page', { page: query.pagina, pages })}>
            <p>{t('reuse.library.page', { page: query.pagina, pages })}</p>
            {query.pagina > 1 ? <a href={link(query.pagina - 1)}>{t('reuse.library.previous')}</a> : null}{' '}
            {query.pagina < pages ? <a href={link(query.pagina + 1)}>{t('reuse.library.next')}</a> : null}
          </nav>
        ) : null}
      </>,
    );
  })
  .get('/respuestas/:id', async (c) => {
    const { t, locale, deps } = c.var;
    const a = await findPublishedAnswer(deps, c.req.param('id').slice(0, 40));
    if (!a) throw new NotFoundError('published_answer');
    const catalog = portalCatalog();
    const title = publishedTitle(catalog, a, locale);
    const latestYear = Math.max(...a.years);
    const dataUrl = `/datos?${new URLSearchParams({ indicador: a.indicators[0] ?? '', geo: a.geo, anio: String(latestYear) })}`;
    return renderPage(
      c,
      { title },
      <>
        <p>
          <a href="/respuestas" class="back-link">
            {t('reuse.detail.back')}
          </a>
        </p>
        <h1>{title}</h1>
        <dl class="summary-list">
          <div>
            <dt>{t('reuse.detail.indicators')}</dt>
            <dd>
              <ul>
                {a.indicators.map((id) => (
                  <li>{indicatorName(t, id)}</li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t('reuse.detail.place')}</dt>
            <dd>{geoName(catalog, t, a.geo)}</dd>
          </div>
          <div>
            <dt>{t('reuse.detail.years')}</dt>
            <dd>{a.years.join(', ')}</dd>
          </div>
          <div>
            <dt>{t('reuse.detail.answered')}</dt>
            <dd>{formatDate(a.answeredAt, locale, deps.config.agency.timezone)}</dd>
          </div>
          <div>
            <dt>{t('reuse.detail.basis')}</dt>
            <dd>{t(`reuse.detail.basis.${a.basis}`)}</dd>
          </div>
        </dl>
        <h2>{t('reuse.detail.files')}</h2>
        {a.files.length === 0 ? (
          <p>{t('reuse.detail.no_files')}</p>
        ) : (
          <ul>
            {a.files.map((f) => {
              const key = fileKey(f.kind);
              return (
                <li>
                  <a href={fileUrl(a.publicId, f.sha256, f.name)} download>
                    {isMessageKey(key) ? t(key as MessageKey) : f.name}
                  </a>{' '}
                  <span class="muted">({f.name})</span>
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <a href={dataUrl}>{t('reuse.detail.see_data')}</a>
        </p>
        <p>
          <a href="/solicitud/nueva">{t('reuse.detail.ask')}</a>
        </p>
      </>,
    );
  })
  .get('/respuestas/:id/archivos/:sha256/:name', async (c) => {
    const { deps } = c.var;
    const a = await findPublishedAnswer(deps, c.req.param('id').slice(0, 40));
    // Only the files listed in the library: never the oficio, which names the requester.
    const file = a?.files.find((f) => f.sha256 === c.req.param('sha256'));
    if (!a || !file) throw new NotFoundError('published_answer');
    const bytes = await deps.documents.get(file.sha256);
    if (!bytes) throw new NotFoundError('published_answer');
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': file.mediaType,
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename="${file.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'cache-control': 'public, max-age=86400',
      etag: `"${file.sha256}"`,
    });
  });
