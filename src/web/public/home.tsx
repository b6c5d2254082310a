import { Hono } from 'hono';
import { agencyTextParams, portalCatalog, topicName } from '../../services/requests/catalog.ts';
import { QuestionBox } from '../components/question-box.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';

export const homeRoutes = new Hono<AppEnv>()
  // Above the fold on a phone (375×667): what you can get, the start button and the search of what is
  // already published. The rest (topics, how it works, loaded datasets behind a link) follows.
  .get('/', (c) => {
    const { t, deps } = c.var;
    const agency = deps.config.agency;
    const topics = portalCatalog(agency).topics();
    return renderPage(
      c,
      { title: t('home.title') },
      <>
        <div class="home-hero">
          <h1>{t('home.title')}</h1>
          <p class="lead">{t('home.lead', { agency: agency.shortName, state: agency.stateName })}</p>
          <p class="home-start">
            <a class="button button--start" href="/solicitud/nueva">
              {t('home.start')}
            </a>
          </p>
          <search class="home-search">
            <form method="get" action="/respuestas">
              <label class="label" for="home-q">
                {t('home.search_label')}
              </label>
              <div class="search-row">
                <input type="search" id="home-q" name="q" maxlength={200} />
                <button type="submit" class="button button--secondary">
                  {t('reuse.library.submit')}
                </button>
              </div>
            </form>
            <p class="home-search__data">
              {t('home.search_or_data')} <a href="/datos">{t('layout.nav.data')}</a>.
            </p>
          </search>
        </div>
        <QuestionBox t={t} id="pregunta-inicio" />
        <h2>{t('portal.home.what_title')}</h2>
        <ul class="topic-list">
          {topics.map((g) => (
            <li>{topicName(t, g.id)}</li>
          ))}
        </ul>
        <p>{t('portal.home.where', agencyTextParams(agency, deps.clock.now()))}</p>
        <h2>{t('portal.home.how_title')}</h2>
        <ul>
          <li>{t('home.promise', { hours: agency.slaWorkingHours })}</li>
          <li>{t('portal.home.free')}</li>
          <li>{t('portal.home.minutes')}</li>
          <li>{t('portal.home.signed')}</li>
        </ul>
        <p class="hint">
          {t('portal.home.privacy_note')} <a href="/aviso-de-privacidad">{t('layout.footer.privacy')}</a>
        </p>
        <h2>{t('portal.home.already_title')}</h2>
        <p>
          <a href="/consulta">{t('portal.home.lookup_link')}</a> ·{' '}
          <a href="/mis-solicitudes">{t('portal.home.mine_link')}</a>
        </p>
        <p>
          <a href="/datos#datos-cargados">{t('home.datasets_link')}</a>
        </p>
      </>,
    );
  })
  .get('/aviso-de-privacidad', (c) => {
    const { t, deps } = c.var;
    const agency = deps.config.agency;
    const p = {
      agency: agency.name,
      parent: agency.parentEntity,
      city: agency.city,
      version: agency.privacyNoticeVersion,
    };
    const sections = [
      ['portal.privacy.integral.controller_title', 'portal.privacy.integral.controller'],
      ['portal.privacy.integral.data_title', 'portal.privacy.integral.data'],
      ['portal.privacy.integral.purposes_title', 'portal.privacy.integral.purposes'],
      ['portal.privacy.integral.publication_title', 'portal.publication.rule'],
      ['portal.privacy.integral.basis_title', 'portal.privacy.integral.basis'],
      ['portal.privacy.integral.transfers_title', 'portal.privacy.integral.transfers'],
      ['portal.privacy.integral.retention_title', 'portal.privacy.integral.retention'],
      ['portal.privacy.integral.arco_title', 'portal.privacy.integral.arco'],
      ['portal.privacy.integral.changes_title', 'portal.privacy.integral.changes'],
    ] as const;
    return renderPage(
      c,
      { title: t('portal.privacy.title') },
      <>
        <h1>{t('portal.privacy.title')}</h1>
        <p class="hint">{t('portal.privacy.version', p)}</p>
        <h2>{t('portal.privacy.simplified_title')}</h2>
        <p>{t('portal.privacy.simplified', p)}</p>
        <h2>{t('portal.privacy.integral_title')}</h2>
        {sections.map(([title, body]) => (
          <>
            <h3>{t(title)}</h3>
            <p>{t(body, p)}</p>
          </>
        ))}
      </>,
    );
  });
