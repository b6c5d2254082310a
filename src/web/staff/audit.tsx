import { Hono } from 'hono';
import { can } from '../../domain/permissions.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { listAuditEntries, NON_STAFF_ACTORS } from '../../services/audit/list-audit-entries.ts';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.ts';
import { agencyTextParams } from '../../services/requests/catalog.ts';
import { actorWords, auditActionLabel, auditSubject } from '../../services/staff/request-words.ts';
import { CsrfField, fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { requireStaff } from './auth.ts';
import { staffPage } from './layout.tsx';

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.get('/auditoria', requireStaff('audit.view'), async (c) => {
  const { t, deps, staff, locale } = c.var;
  const { filter, rows, staffNames, people, actions } = await listAuditEntries(deps, staff, c.req.query());
  const byLabel = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1], 'es');
  const labelled = actions.map((a) => [a, auditActionLabel(t, a)] as [string, string]).sort(byLabel);
  const actionGroups: [string, [string, string][]][] = [
    [t('staff.audit.group.request'), labelled.filter(([a]) => a.startsWith('request.'))],
    [t('staff.audit.group.other'), labelled.filter(([a]) => !a.startsWith('request.'))],
  ];
  const folioExample = agencyTextParams(deps.config.agency, deps.clock.now()).folioExample;
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({ subject: filter.subject, action: filter.action, actor: filter.actor, ...extra });
  const checked = c.req.query('revisadas');
  const broken = c.req.query('rota');
  const notIntact = c.req.query('incompleta') !== undefined;
  const AuditSubject = (props: { subject: string | null }) => {
    if (!props.subject) return <>—</>;
    const about = auditSubject(t, props.subject, staffNames);
    return about.folio ? (
      <a href={`/staff/solicitudes/${encodeURIComponent(about.folio)}`}>{about.text}</a>
    ) : (
      about.text
    );
  };
  return staffPage(
    c,
    t('staff.audit.title'),
    <>
      <h1>{t('staff.audit.title')}</h1>
      {checked !== undefined ? (
        <div class="notice" role="status">
          {broken
            ? t('staff.audit.broken', { id: broken, n: checked })
            : notIntact
              ? t('audit.verify.not_intact', { n: checked })
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
          <label class="label" for={fieldId('action')}>
            {t('staff.audit.action')}
          </label>
          <select class="select" id={fieldId('action')} name="action">
            <option value="">{t('staff.audit.any_action')}</option>
            {actionGroups
              .filter(([, options]) => options.length > 0)
              .map(([label, options]) => (
                <optgroup label={label}>
                  {options.map(([value, text]) => (
                    <option value={value} selected={value === filter.action}>
                      {text}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </div>
        <div class="form-group form-group--inline">
          <label class="label" for={fieldId('actor')}>
            {t('staff.audit.who')}
          </label>
          <select class="select" id={fieldId('actor')} name="actor">
            <option value="">{t('staff.audit.anyone')}</option>
            {people.map((p) => (
              <option value={p.id} selected={p.id === filter.actor}>
                {actorWords(t, `staff:${p.id}`, staffNames)}
              </option>
            ))}
            {NON_STAFF_ACTORS.map((a) => (
              <option value={a} selected={a === filter.actor}>
                {actorWords(t, a, staffNames)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group form-group--inline">
          <label class="label" for={fieldId('subject')}>
            {t('staff.audit.folio')}
          </label>
          <p class="hint" id={`${fieldId('subject')}-hint`}>
            {t('staff.audit.folio_hint', { folioExample })}
          </p>
          <input
            class="input"
            id={fieldId('subject')}
            name="subject"
            value={filter.subject}
            aria-describedby={`${fieldId('subject')}-hint`}
          />
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
              <td>{actorWords(t, r.actor, staffNames)}</td>
              <td>{auditActionLabel(t, r.action)}</td>
              <td>
                <AuditSubject subject={r.subject} />
              </td>
              <td>
                <code>{r.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 0 ? (
        <p>
          <a href={`/staff/auditoria?${query({ before: String(rows.at(-1)!.id) })}`}>
            {t('staff.audit.older')}
          </a>
        </p>
      ) : null}
    </>,
  );
});

auditRoutes.post('/auditoria/verificar', requireStaff('audit.verify'), async (c) => {
  const report = await verifyAuditChain(c.var.deps, c.var.staff);
  // Rows deleted after a signed checkpoint, or a rewritten chain, break no single row: say so too.
  const broken =
    report.firstBrokenId !== null ? `&rota=${report.firstBrokenId}` : report.intact ? '' : '&incompleta=1';
  return c.redirect(`/staff/auditoria?revisadas=${report.checked}${broken}`, 303);
});
