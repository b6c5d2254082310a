import { Hono } from 'hono';
import { can } from '../../domain/permissions.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { listAuditEntries } from '../../services/audit/list-audit-entries.ts';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.ts';
import { CsrfField, fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { requireStaff } from './auth.ts';
import { staffPage } from './layout.tsx';

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.get('/auditoria', requireStaff('audit.view'), async (c) => {
  const { t, deps, staff, locale } = c.var;
  const { filter, rows } = await listAuditEntries(deps, staff, c.req.query());
  const checked = c.req.query('revisadas');
  const broken = c.req.query('rota');
  return staffPage(
    c,
    t('staff.audit.title'),
    <>
      <h1>{t('staff.audit.title')}</h1>
      {checked !== undefined ? (
        <div class="notice" role="status">
          {broken
            ? t('staff.audit.broken', { id: broken, n: checked })
            : t('staff.audit.intact', { n: checked })}
        </div>
      ) : null}
      {can(staff, 'audit.verify') ? (
        <form method="post" action="/staff/auditoria/verificar">
          <CsrfField token={c.var.csrfToken} />
          <button class="button" type="submit">
            {t('staff.audit.verify')}
          </button>
        </form>
      ) : null}
      <form method="get" action="/staff/auditoria" class="filters">
        <div class="form-group form-group--inline">
          <label class="label" for={fieldId('subject')}>
            {t('staff.audit.subject')}
          </label>
          <input class="input" id={fieldId('subject')} name="subject" value={filter.subject} />
        </div>
        <div class="form-group form-group--inline">
          <label class="label" for={fieldId('action')}>
            {t('staff.audit.action')}
          </label>
          <input class="input" id={fieldId('action')} name="action" value={filter.action} />
        </div>
        <button class="button" type="submit">
          {t('staff.queue.filter.apply')}
        </button>
      </form>
      <table class="table">
        <caption>{t('staff.audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('staff.audit.at')}</th>
            <th scope="col">{t('staff.audit.actor')}</th>
            <th scope="col">{t('staff.audit.action')}</th>
            <th scope="col">{t('staff.audit.subject')}</th>
            <th scope="col">{t('staff.audit.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.id}</th>
              <td>{formatDateTime(r.at, locale, deps.config.agency.timezone)}</td>
              <td>{r.actor}</td>
              <td>{r.action}</td>
              <td>{r.subject ?? '—'}</td>
              <td>
                <code>{r.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 0 ? (
        <p>
          <a
            href={`/staff/auditoria?before=${rows.at(-1)!.id}&subject=${encodeURIComponent(filter.subject)}&action=${encodeURIComponent(filter.action)}`}
          >
            {t('staff.audit.older')}
          </a>
        </p>
      ) : null}
    </>,
  );
});

auditRoutes.post('/auditoria/verificar', requireStaff('audit.verify'), async (c) => {
  const report = await verifyAuditChain(c.var.deps, c.var.staff);
  const broken = report.firstBrokenId === null ? '' : `&rota=${report.firstBrokenId}`;
  return c.redirect(`/staff/auditoria?revisadas=${report.checked}${broken}`, 303);
});
