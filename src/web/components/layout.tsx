import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../context.ts';

type LayoutProps = {
  c: Context<AppEnv>;
  title: string;
  children?: Child;
  /** Extra scripts (progressive enhancement only; the page must work without them). */
  scripts?: string[];
};

/** The base page: one <h1> comes from the page itself; this gives header, skip link, footer. */
export function Layout({ c, title, children, scripts = [] }: LayoutProps) {
  const { t, locale, deps } = c.var;
  const agency = deps.config.agency;
  const otherLang = locale === 'en' ? 'es' : 'en';
  const url = new URL(c.req.url);
  url.searchParams.set('lang', otherLang);
  return (
    <html lang={locale === 'en' ? 'en' : 'es-MX'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('app.name')} · ${agency.shortName}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="stylesheet" href="/static/agency.css" />
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#contenido">
          {t('layout.skip_to_content')}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href="/">
              {agency.logo ? <img class="brand-logo" src="/static/agency-logo" alt="" height={40} /> : null}
              <span class="brand-name">{t('app.name')}</span>
              <span class="brand-agency">
                {agency.shortName} · {agency.stateName}
              </span>
            </a>
            <nav aria-label={t('layout.nav_label')}>
              <ul class="nav">
                <li>
                  <a href="/datos">{t('layout.nav.data')}</a>
                </li>
                <li>
                  <a href="/solicitud/nueva">{t('layout.nav.request')}</a>
                </li>
                <li>
                  <a href="/mis-solicitudes">{t('layout.nav.my_requests')}</a>
                </li>
                <li>
                  <a href="/consulta">{t('layout.nav.lookup')}</a>
                </li>
                <li>
                  <a
                    href={`/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`}
                    lang={otherLang === 'en' ? 'en' : 'es-MX'}
                  >
                    {t('layout.language_switch')}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="contenido" class="container" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>
              <a href="/aviso-de-privacidad">{t('layout.footer.privacy')}</a> ·{' '}
              <a href="/estadisticas">{t('layout.footer.statistics')}</a> ·{' '}
              <a href="/respuestas">{t('layout.footer.answers')}</a>
            </p>
            <p>{t('layout.footer.operated_by', { agency: agency.name, parent: agency.parentEntity })}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
