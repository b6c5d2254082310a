import type { Context } from 'hono';
import { formatDate } from '../../i18n/format.ts';
import { listSigningCertificates } from '../../services/answers/list-signing-certificates.ts';
import type { AppEnv } from '../context.ts';
import { staffPage } from './layout.tsx';

/** Admin: which signing certificates are installed (seal and directors' e.firma) and whether they are current. */
export async function certificatesPage(c: Context<AppEnv>) {
  const { t, deps, staff, locale } = c.var;
  const tz = deps.config.agency.timezone;
  const now = deps.clock.now();
  const rows = await listSigningCertificates(deps, staff);
  const title = t('signing_review.admin.heading');
  return staffPage(
    c,
    title,
    <>
      <h1>{title}</h1>
      <p>{t('signing_review.admin.hint')}</p>
      {rows.length === 0 ? (
        <p class="panel">{t('signing_review.admin.none')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('signing_review.admin.col.use')}</th>
              <th scope="col">{t('signing_review.admin.col.subject')}</th>
              <th scope="col">{t('signing_review.admin.col.serial')}</th>
              <th scope="col">{t('signing_review.admin.col.validity')}</th>
              <th scope="col">{t('signing_review.admin.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  {r.role === 'seal'
                    ? t('signing_review.admin.use.seal')
                    : r.staffName
                      ? t('signing_review.admin.use.director', { name: r.staffName })
                      : t('signing_review.admin.use.director_shared')}
                </td>
                <td>{r.subject}</td>
                <td>
                  <code>{r.serial}</code>
                </td>
                <td>
                  {t('signing_review.admin.validity', {
                    from: formatDate(r.notBefore, locale, tz),
                    to: formatDate(r.notAfter, locale, tz),
                  })}
                </td>
                <td>
                  {r.notAfter < now
                    ? t('signing_review.admin.expired')
                    : r.active
                      ? t('signing_review.admin.active')
                      : t('signing_review.admin.inactive')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
}
