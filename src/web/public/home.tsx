import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';

export const homeRoutes = new Hono<AppEnv>().get('/', (c) => {
  const { t, deps } = c.var;
  const agency = deps.config.agency;
  return renderPage(
    c,
    { title: t('home.title') },
    <>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead', { agency: agency.shortName, state: agency.stateName })}</p>
      <p>{t('home.promise', { hours: agency.slaWorkingHours })}</p>
      <p>
        <a class="button button--start" href="/solicitud/nueva">
          {t('home.start')}
        </a>
      </p>
    </>,
  );
});
