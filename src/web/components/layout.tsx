import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../i18n/index.ts';
import type { AppEnv } from '../context.ts';

type LayoutProps = {
  c: Context<AppEnv>;
  title: string;
  children?: Child;
  /** Extra scripts (progressive enhancement only; the page must work without them). */
  scripts?: string[];
};

const NAV: [href: string, key: MessageKey][] = [
  ['/datos', 'layout.nav.data'],
  ['/solicitud/nueva', 'layout.nav.request'],
  ['/mis-solicitudes', 'layout.nav.my_requests'],
  ['/consulta', 'layout.nav.lookup'],
];

/**
 * The base page: one <h1> comes from the page itself; this gives the government bar (whose service
 * this is, and the language switch), the agency's logo and name on white (the logos are drawn for a
 * light background), the navigation on the agency colour, the skip link and the footer.
 */
export function Layout({ c, title, children, scripts = [] }: LayoutProps) {
  const { t, locale, deps } = c.var;
  const agency = deps.config.agency;
  const otherLang = locale === 'en' ? 'es' : 'en';
  const url = new URL(c.req.url);
  url.searchParams.set('lang', otherLang);
  const here = url.pathname;
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
          <div class="gov-bar">
            <div class="container gov-bar__row">
              <p class="gov-bar__name">{agency.parentEntity}</p>
              <a
                class="gov-bar__lang"
                href={`/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`}
                lang={otherLang === 'en' ? 'en' : 'es-MX'}
              >
                {t('layout.language_switch')}
              </a>
            </div>
          </div>
          <div class="container brand-row">
            <a class="brand" href="/">
              {agency.logo ? <img class="brand-logo" src="/static/agency-logo" alt="" height={48} /> : null}
              <span class="brand-text">
                <span class="brand-name">{t('app.name')}</span>
                <span class="brand-agency">{agency.name}</span>
              </span>
            </a>
          </div>
          <nav class="site-nav" aria-label={t('layout.nav_label')}>
            <div class="container">
              <ul class="nav">
                {NAV.map(([href, key]) => (
                  <li>
                    <a
                      href={href}
                      aria-current={here === href || here.startsWith(`${href}/`) ? 'page' : undefined}
                    >
                      {t(key)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        </header>
        <main id="contenido" class="container" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <ul class="footer-links">
              <li>
                <a href="/aviso-de-privacidad">{t('layout.footer.privacy')}</a>
              </li>
              <li>
                <a href="/estadisticas">{t('layout.footer.statistics')}</a>
              </li>
              <li>
                <a href="/respuestas">{t('layout.footer.answers')}</a>
              </li>
              <li>
                <a href="/verificar">{t('layout.footer.verify')}</a>
              </li>
            </ul>
            <p>{t('layout.footer.operated_by', { agency: agency.name, parent: agency.parentEntity })}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
