import type { Context } from 'hono';
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { ANONYMOUS } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { PlaceLevel } from '../../domain/geography.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import { messageKeyOf } from '../../i18n/keys.ts';
import {
  loadPlaceProfile,
  type PlaceProfile,
  type ProfileBlock,
  type ProfileRow,
} from '../../services/profiles/load-place-profile.ts';
import { type ProfilePlace, profilePlaces } from '../../services/profiles/place-slugs.ts';
import { type ProfileRequest, profileRequest } from '../../services/profiles/profile-request.ts';
import type { ValueResult } from '../../stats/engine.ts';
import { CsrfField } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';
import { displayValue } from './datos.tsx';
import { CompareChart, PopulationChart, Pyramid } from './profile-charts.tsx';

/** The request journey: its start, and its pre-fill (indicators, place, years; then its review page). */
const REQUEST_START = '/solicitud/nueva';
const REQUEST_PREFILL = '/solicitud/nueva/prellenar';

const href = (p: ProfilePlace) => `/lugares/${p.slug}`;

/** A block's heading; the id has been checked against the place's blocks already. */
const blockTitle = (id: string, t: Translate) => t(messageKeyOf('profiles.block.', id));

/** A figure's citation: the official table and columns it was read from (each source names its publisher). */
function sourceLine(r: ValueResult): string {
  return r.source.map((s) => s.table).join(' · ');
}

function kindLine(place: ProfilePlace, t: Translate, state: string): string {
  if (place.level === 'mun') return t('profiles.kind.mun', { state });
  if (place.level === 'region') return t('profiles.kind.region', { state });
  return place.level === 'zm' ? t('profiles.kind.zm') : t('profiles.kind.state');
}

/** "Porcentaje de viviendas con internet" → "Viviendas con internet": labels short enough for a chart. */
function chartName(name: string): string {
  const s = name.replace(/^(porcentaje de (la )?|percentage of (the )?)/i, '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Each distinct source and note of a block, numbered once; rows point at their source's number. */
function citations(rows: ProfileRow[]) {
  const sources: string[] = [];
  const notes: string[] = [];
  const refOf = new Map<string, number>();
  for (const r of rows) {
    const own = r.values[0]!;
    const line = `${r.year}: ${sourceLine(own)}`;
    if (!refOf.has(line)) {
      sources.push(line);
      refOf.set(line, sources.length);
    }
    for (const n of own.notes) if (!notes.includes(n)) notes.push(n);
  }
  const ref = (r: ProfileRow) => refOf.get(`${r.year}: ${sourceLine(r.values[0]!)}`)!;
  return { sources, notes, ref };
}

function Sources(props: { id: string; rows: ProfileRow[]; t: Translate }) {
  const { sources, notes } = citations(props.rows);
  const { t } = props;
  return (
    <div class="profile-sources">
      <h3 class="profile-small-heading">{t('profiles.sources')}</h3>
      <ol>
        {sources.map((s, i) => (
          <li id={`${props.id}-fuente-${i + 1}`}>{s}</li>
        ))}
      </ol>
      {notes.length > 0 ? (
        <>
          <h3 class="profile-small-heading">{t('profiles.notes')}</h3>
          <ul>
            {notes.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function cell(r: ValueResult | null, t: Translate): string {
  return r ? displayValue(r, t) : t('profiles.not_comparable');
}

function FigureTable(props: {
  id: string;
  title: string;
  rows: ProfileRow[];
  profile: PlaceProfile;
  t: Translate;
}) {
  const { rows, profile, t } = props;
  const { ref } = citations(rows);
  const others = profile.comparisons.map((p) => p.name);
  const names = [profile.place.name, ...others];
  return (
    <div class="table-wrap">
      <table class="profile-table">
        <caption>
          {others.length > 0
            ? t('profiles.table_caption', {
                block: props.title,
                place: profile.place.name,
                others: others.join(t('profiles.and')),
              })
            : t('profiles.table_caption_alone', { block: props.title, place: profile.place.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('profiles.col.indicator')}</th>
            <th scope="col" class="num">
              {profile.place.name}
            </th>
            {profile.comparisons.map((p) => (
              <th scope="col" class="num">
                {p.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                {t('profiles.year_suffix', { name: r.name, year: r.year })}{' '}
                <a
                  class="profile-ref"
                  href={`#${props.id}-fuente-${ref(r)}`}
                  aria-label={t('profiles.source_ref', { n: ref(r) })}
                >
                  [{ref(r)}]
                </a>
              </th>
              {r.values.map((v, i) => (
                <td class="num" data-label={names[i]}>
                  {cell(v, t)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Recibir en oficio firmado": to a small page of this place and block with the journey's pre-fill form.
 * The profile itself has no form, so it stays one cached page for everyone (no CSRF cookie).
 */
function RequestLink(props: { slug: string; blockId: string; place: string; block: string; t: Translate }) {
  const { t } = props;
  return (
    <p class="profile-request">
      <a class="button button--secondary" href={`/lugares/${props.slug}/oficio?bloque=${props.blockId}`}>
        {t('profiles.request_block')}
      </a>
      <span class="hint">{t('profiles.request_hint', { place: props.place, block: props.block })}</span>
    </p>
  );
}

const CHARTED = new Set(['housing', 'health', 'economy']);

function Block(props: { block: ProfileBlock; profile: PlaceProfile; t: Translate }) {
  const { block, profile, t } = props;
  const title = t(`profiles.block.${block.id}`);
  const id = `bloque-${block.id}`;
  const percentRows = block.rows.filter((r) => r.values[0]?.unit === 'percent').slice(0, 6);
  const places = [profile.place, ...profile.comparisons].map((p) => p.name);
  return (
    <section aria-labelledby={id} class="profile-block">
      <h2 id={id}>{title}</h2>
      {block.id === 'population' ? <Series profile={profile} t={t} /> : null}
      {block.id === 'age' ? <AgeSex profile={profile} t={t} /> : null}
      {CHARTED.has(block.id) && percentRows.length > 1 ? (
        <figure class="profile-figure">
          <CompareChart
            label={t('profiles.compare.chart_label', {
              block: title,
              place: profile.place.name,
              others: profile.comparisons.map((p) => p.name).join(t('profiles.and')),
            })}
            places={places}
            rows={percentRows.map((r) => ({
              name: chartName(r.name),
              values: r.values.map((v) => (v && typeof v.value === 'number' ? v.value : null)),
            }))}
          />
        </figure>
      ) : null}
      <FigureTable id={id} title={title} rows={block.rows} profile={profile} t={t} />
      <Sources id={id} rows={block.rows} t={t} />
      <RequestLink
        slug={profile.place.slug}
        blockId={block.id}
        place={profile.place.name}
        block={title}
        t={t}
      />
    </section>
  );
}

function Series({ profile, t }: { profile: PlaceProfile; t: Translate }) {
  if (profile.series.length === 0) return null;
  const place = profile.place.name;
  return (
    <>
      <h3>{t('profiles.series.heading')}</h3>
      <figure class="profile-figure">
        <PopulationChart series={profile.series} place={place} t={t} />
      </figure>
      <details class="profile-details">
        <summary>{t('profiles.series.table_toggle')}</summary>
        <table>
          <caption>{t('profiles.series.caption', { place })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profiles.series.col.year')}</th>
              <th scope="col">{t('profiles.series.col.kind')}</th>
              <th scope="col" class="num">
                {t('profiles.series.col.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {profile.series.map((p) => (
              <tr>
                <th scope="row">{p.year}</th>
                <td>{t(`profiles.series.kind.${p.kind}`)}</td>
                <td class="num">{formatNumber(p.result.value as number, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul class="muted">
          {[...new Set(profile.series.map((p) => sourceLine(p.result)))].map((s) => (
            <li>{t('profiles.source', { source: s })}</li>
          ))}
          {[...new Set(profile.series.flatMap((p) => p.result.notes))].map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

function AgeSex({ profile, t }: { profile: PlaceProfile; t: Translate }) {
  const r = profile.pyramid;
  const place = profile.place.name;
  if (!r) return <p class="inset">{t('profiles.pyramid.missing')}</p>;
  const fmt = (v: number | null | undefined) => (v == null ? '—' : formatNumber(v, 0));
  return (
    <>
      <h3>{t('profiles.pyramid.heading', { year: r.year })}</h3>
      <figure class="profile-figure">
        <Pyramid result={r} place={place} t={t} />
        <figcaption class="muted">{t('profiles.source', { source: sourceLine(r) })}</figcaption>
      </figure>
      <details class="profile-details">
        <summary>{t('profiles.series.table_toggle')}</summary>
        <table>
          <caption>{t('profiles.pyramid.caption', { place, year: r.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profiles.pyramid.age')}</th>
              <th scope="col" class="num">
                {t('profiles.pyramid.men')}
              </th>
              <th scope="col" class="num">
                {t('profiles.pyramid.women')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(r.breakdown ?? []).map((g) => (
              <tr>
                <th scope="row">{g.key}</th>
                <td class="num">{fmt(g.male)}</td>
                <td class="num">{fmt(g.female)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.notes.length > 0 ? (
          <ul class="muted">
            {r.notes.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        ) : null}
      </details>
    </>
  );
}

function Headline({ profile, t }: { profile: PlaceProfile; t: Translate }) {
  if (profile.headline.length === 0) return null;
  return (
    <section aria-labelledby="cifras-principales" class="profile-headline">
      <h2 id="cifras-principales">{t('profiles.headline')}</h2>
      <dl>
        {profile.headline.map((r) => {
          const own = r.values[0]!;
          return (
            <div>
              <dt>{t('profiles.year_suffix', { name: r.name, year: r.year })}</dt>
              <dd class="profile-figure-value">{displayValue(own, t)}</dd>
              {profile.comparisons.map((p, i) =>
                r.values[i + 1] ? (
                  <dd class="profile-compare">
                    {t('profiles.compare_with', { place: p.name, value: cell(r.values[i + 1]!, t) })}
                  </dd>
                ) : null,
              )}
              <dd class="profile-cite">
                {t('profiles.source', { source: own.source.map((s) => s.title).join(' · ') })}
              </dd>
            </div>
          );
        })}
      </dl>
      <RequestLink
        slug={profile.place.slug}
        blockId="headline"
        place={profile.place.name}
        block={t('profiles.headline')}
        t={t}
      />
    </section>
  );
}

function Members({ profile, t }: { profile: PlaceProfile; t: Translate }) {
  if (profile.members.length === 0) return null;
  const popYear = profile.members.find((m) => m.population)?.population?.year;
  const gradeYear = profile.members.find((m) => m.grade)?.grade?.year;
  return (
    <section aria-labelledby="bloque-members" class="profile-block">
      <h2 id="bloque-members">{t('profiles.block.members')}</h2>
      <div class="table-wrap">
        <table class="profile-table">
          <caption>{t('profiles.members_caption', { place: profile.place.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profiles.col.municipality')}</th>
              {popYear ? (
                <th scope="col" class="num">
                  {t('profiles.col.population', { year: popYear })}
                </th>
              ) : null}
              {gradeYear ? <th scope="col">{t('profiles.col.grade', { year: gradeYear })}</th> : null}
            </tr>
          </thead>
          <tbody>
            {profile.members.map((m) => (
              <tr>
                <th scope="row">
                  <a href={href(m.place)}>{m.place.name}</a>
                </th>
                {popYear ? (
                  <td class="num" data-label={t('profiles.col.population', { year: popYear })}>
                    {m.population ? displayValue(m.population, t) : '—'}
                  </td>
                ) : null}
                {gradeYear ? (
                  <td data-label={t('profiles.col.grade', { year: gradeYear })}>
                    {m.grade ? displayValue(m.grade, t) : '—'}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function profilePage(c: Context<AppEnv>) {
  const { t, locale, deps } = c.var;
  const state = deps.config.agency.stateName;
  let profile: PlaceProfile;
  try {
    profile = loadPlaceProfile(deps, ANONYMOUS, {
      slug: c.req.param('slug') ?? '',
      locale,
      mapLabel: (place) => t('profiles.map.label', { state, place }),
    });
  } catch (err) {
    if (err instanceof NotFoundError) return c.notFound();
    throw err;
  }
  const { place } = profile;
  const sections = [
    ...(profile.headline.length > 0 ? [{ id: 'cifras-principales', title: t('profiles.headline') }] : []),
    ...profile.blocks.map((b) => ({ id: `bloque-${b.id}`, title: t(`profiles.block.${b.id}`) })),
    ...(profile.members.length > 0 ? [{ id: 'bloque-members', title: t('profiles.block.members') }] : []),
  ];
  return renderPage(
    c,
    { title: place.name },
    <>
      <p class="back-link">
        <a href="/lugares">{t('profiles.back')}</a>
      </p>
      <h1>{place.name}</h1>
      <p class="lead">{kindLine(place, t, state)}</p>
      {profile.partOf.length > 0 ? (
        <p>
          {t('profiles.part_of')}:{' '}
          {profile.partOf.map((p, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <a href={href(p)}>{p.name}</a>
            </>
          ))}
        </p>
      ) : null}
      {profile.dataLoaded ? null : <p class="inset">{t('profiles.no_data')}</p>}
      <div class="profile-top">
        <figure class="profile-map">
          {profile.mapSvg ? raw(profile.mapSvg) : <p class="muted">{t('profiles.map.missing')}</p>}
          {profile.mapSvg ? (
            <figcaption class="muted">
              {place.level === 'mun'
                ? t('profiles.map.caption_mun', { place: place.name })
                : t('profiles.map.caption_group', { place: place.name })}
            </figcaption>
          ) : null}
        </figure>
        <Headline profile={profile} t={t} />
      </div>
      {sections.length > 1 ? (
        <nav aria-labelledby="en-esta-pagina" class="profile-toc">
          <h2 id="en-esta-pagina" class="profile-small-heading">
            {t('profiles.on_this_page')}
          </h2>
          <ul>
            {sections.map((s) => (
              <li>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {profile.blocks.map((b) => (
        <Block block={b} profile={profile} t={t} />
      ))}
      <Members profile={profile} t={t} />
      <section aria-labelledby="sobre-cifras">
        <h2 id="sobre-cifras">{t('profiles.about.heading')}</h2>
        <p>{t('profiles.about.text')}</p>
        <p>
          <a href="/datos">{t('profiles.about.data_link')}</a>
        </p>
      </section>
    </>,
  );
}

const GROUPS: { level: PlaceLevel; id: string }[] = [
  { level: 'state', id: 'estado' },
  { level: 'region', id: 'regiones' },
  { level: 'zm', id: 'zonas' },
  { level: 'mun', id: 'municipios' },
];

function indexPage(c: Context<AppEnv>) {
  const { t, deps } = c.var;
  const { all } = profilePlaces(deps.stats);
  const title = (level: PlaceLevel, count: number) =>
    level === 'state'
      ? t('profiles.index.state')
      : level === 'region'
        ? t('profiles.index.regions')
        : level === 'zm'
          ? t('profiles.index.zones')
          : t('profiles.index.municipalities', { count });
  const groups = GROUPS.map((g) => {
    const places = all.filter((p) => p.level === g.level);
    if (g.level === 'mun') places.sort((a, b) => a.slug.localeCompare(b.slug));
    return { ...g, places, title: title(g.level, places.length) };
  }).filter((g) => g.places.length > 0);
  return renderPage(
    c,
    { title: t('profiles.index.title') },
    <>
      <h1>{t('profiles.index.title')}</h1>
      <p class="lead">{t('profiles.index.lead', { state: deps.config.agency.stateName })}</p>
      <nav aria-label={t('profiles.index.nav_label')}>
        <ul class="profile-index-nav">
          {groups.map((g) => (
            <li>
              <a href={`#${g.id}`}>{g.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section aria-labelledby={g.id}>
          <h2 id={g.id}>{g.title}</h2>
          <ul class={g.level === 'mun' ? 'profile-index profile-index--columns' : 'profile-index'}>
            {g.places.map((p) => (
              <li>
                <a href={href(p)}>{p.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>,
  );
}

function requestPage(c: Context<AppEnv>) {
  const { t, locale, deps } = c.var;
  let req: ProfileRequest;
  try {
    req = profileRequest(deps, ANONYMOUS, {
      slug: c.req.param('slug') ?? '',
      block: c.req.query('bloque') ?? '',
      locale,
    });
  } catch (err) {
    if (err instanceof NotFoundError) return c.notFound();
    throw err;
  }
  const block = req.block === 'headline' ? t('profiles.headline') : blockTitle(req.block, t);
  const title = t('profiles.request.title', { block, place: req.place.name });
  return renderPage(
    c,
    { title },
    <>
      <p class="back-link">
        <a href={href(req.place)}>{t('profiles.request.back', { place: req.place.name })}</a>
      </p>
      <h1>{title}</h1>
      {req.rows.length === 0 ? (
        <>
          <p>{t('profiles.request.none')}</p>
          <p>
            <a class="button" href={REQUEST_START}>
              {t('profiles.request.start')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{t('profiles.request.lead')}</p>
          <dl class="summary-list">
            <div>
              <dt>{t('profiles.request.place')}</dt>
              <dd>{req.place.name}</dd>
            </div>
            <div>
              <dt>{t('profiles.request.indicators')}</dt>
              <dd>
                <ul>
                  {req.rows.map((r) => (
                    <li>{r.name}</li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>{t('profiles.request.years')}</dt>
              <dd>{req.years.join(', ')}</dd>
            </div>
          </dl>
          <form method="post" action={REQUEST_PREFILL}>
            <CsrfField token={c.var.csrfToken} />
            {req.indicators.map((id) => (
              <input type="hidden" name="indicators" value={id} />
            ))}
            <input type="hidden" name="geo" value={req.geo} />
            {req.years.map((y) => (
              <input type="hidden" name="years" value={String(y)} />
            ))}
            <button type="submit" class="button">
              {t('profiles.request.continue')}
            </button>
          </form>
        </>
      )}
    </>,
  );
}

export const profileRoutes = new Hono<AppEnv>()
  .get('/lugares', indexPage)
  .get('/lugares/:slug', profilePage)
  .get('/lugares/:slug/oficio', requestPage);
