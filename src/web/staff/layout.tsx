import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { can } from '../../domain/permissions.ts';
import { isMessageKey, type MessageKey } from '../../i18n/index.ts';
import { CsrfField } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';

/** The back office bar: who is signed in, the sections their role may open, and sign-out. */
export function StaffBar({ c }: { c: Context<AppEnv> }) {
  const { t, staff } = c.var;
  const links: [string, MessageKey][] = [['/staff/solicitudes', 'staff.nav.queue']];
  if (can(staff, 'users.manage') || can(staff, 'calendar.manage') || can(staff, 'settings.manage')) {
    links.push(['/staff/admin', 'staff.nav.admin']);
  }
  if (can(staff, 'audit.view')) links.push(['/staff/auditoria', 'staff.nav.audit']);
  return (
    <nav class="staff-bar" aria-label={t('staff.nav.label')}>
      <ul class="nav">
        {links.map(([href, key]) => (
          <li>
            <a href={href}>{t(key)}</a>
          </li>
        ))}
      </ul>
      <p>{t('staff.nav.signed_in_as', { name: staff.name, role: t(`staff.role.${staff.role}`) })}</p>
      <form method="post" action="/staff/salir">
        <CsrfField token={c.var.csrfToken} />
        <button class="button button--secondary" type="submit">
          {t('staff.nav.sign_out')}
        </button>
      </form>
    </nav>
  );
}

/** A back-office page: the staff bar, then the content (which carries the one <h1>). */
export function staffPage(
  c: Context<AppEnv>,
  title: string,
  content: Child,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  return renderPage(
    c,
    { title, status },
    <>
      <StaffBar c={c} />
      {content}
    </>,
  );
}

/** A catalog label when the key exists (other areas' catalogs may add it later), else the raw id. */
export function labelOr(c: Context<AppEnv>, key: string, fallback: string): string {
  return isMessageKey(key) ? c.var.t(key) : fallback;
}
