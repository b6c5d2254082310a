import { Hono } from 'hono';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { listDeadJobs } from '../../services/ops/list-dead-jobs.ts';
import { retryDeadJob } from '../../services/ops/retry-dead-job.ts';
import { CsrfField } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';
import { requireStaff } from './auth.ts';

const jobId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** /staff/tareas: jobs that failed every retry (dead-letter), each with "reintentar". */
export const outboxAdminRoutes = new Hono<AppEnv>()
  .get('/tareas', requireStaff('outbox.retry'), async (c) => {
    const { t, deps, locale } = c.var;
    const { jobs, counts } = await listDeadJobs(deps, c.var.staff);
    const retried = jobId.safeParse(c.req.query('reintentada'));
    return renderPage(
      c,
      { title: t('outbox.admin.title') },
      <>
        <h1>{t('outbox.admin.title')}</h1>
        {retried.success ? (
          <div class="notice" role="status">
            <p>{t('outbox.admin.retried', { id: retried.data })}</p>
          </div>
        ) : null}
        <p>{t('outbox.admin.lead')}</p>
        <p>{t('outbox.admin.summary', counts)}</p>
        {jobs.length === 0 ? (
          <p>{t('outbox.admin.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('outbox.admin.col.id')}</th>
                <th scope="col">{t('outbox.admin.col.kind')}</th>
                <th scope="col">{t('outbox.admin.col.attempts')}</th>
                <th scope="col">{t('outbox.admin.col.created')}</th>
                <th scope="col">{t('outbox.admin.col.error')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('outbox.admin.retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr>
                  <td>{j.id}</td>
                  <td>
                    {j.kind}
                    {j.subject ? <div class="hint">{j.subject}</div> : null}
                  </td>
                  <td>{j.attempts}</td>
                  <td>{formatDateTime(j.createdAt, locale, deps.config.agency.timezone)}</td>
                  <td>{j.lastError}</td>
                  <td>
                    <form method="post" action={`/staff/tareas/${j.id}/reintentar`}>
                      <CsrfField token={c.var.csrfToken} />
                      <button type="submit" class="button button--secondary">
                        {t('outbox.admin.retry')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>,
    );
  })
  .post('/tareas/:id/reintentar', requireStaff('outbox.retry'), async (c) => {
    const id = jobId.safeParse(c.req.param('id'));
    if (!id.success) throw new NotFoundError('outbox_job');
    await retryDeadJob(c.var.deps, c.var.staff, { jobId: id.data });
    return c.redirect(`/staff/tareas?reintentada=${id.data}`, 303);
  });
