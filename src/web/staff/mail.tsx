import { Hono } from 'hono';
import { formatDateTime } from '../../i18n/format.ts';
import { mailDir } from '../../mail/transport.ts';
import { listOutgoingMail } from '../../services/ops/list-outgoing-mail.ts';
import { readOutgoingMail } from '../../services/ops/read-outgoing-mail.ts';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';
import { requireStaff } from './auth.ts';

/** /staff/correo: the development e-mail (.eml files written when there is no SMTP_URL). */
export const mailAdminRoutes = new Hono<AppEnv>()
  .get('/correo', requireStaff('mail.view'), async (c) => {
    const { t, deps, locale } = c.var;
    const mails = await listOutgoingMail(deps, c.var.staff);
    return renderPage(
      c,
      { title: t('mail.admin.title') },
      <>
        <h1>{t('mail.admin.title')}</h1>
        <p>
          {deps.mailer.kind === 'smtp'
            ? t('mail.admin.smtp')
            : t('mail.admin.lead', { dir: mailDir(deps.config.dataDir) })}
        </p>
        <p>{t('mail.admin.masked_note')}</p>
        {mails.length === 0 ? (
          <p>{t('mail.admin.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('mail.admin.col.date')}</th>
                <th scope="col">{t('mail.admin.col.to')}</th>
                <th scope="col">{t('mail.admin.col.subject')}</th>
                <th scope="col">{t('mail.admin.col.attachments')}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr>
                  <td>{formatDateTime(m.date, locale, deps.config.agency.timezone)}</td>
                  <td>{m.to}</td>
                  <td>
                    <a href={`/staff/correo/${m.id.replace(/\.eml$/, '')}`}>{m.subject}</a>
                  </td>
                  <td>{m.attachments.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>,
    );
  })
  .get('/correo/:id{[0-9a-f]{24}}', requireStaff('mail.view'), async (c) => {
    const { t, deps, locale } = c.var;
    const mail = await readOutgoingMail(deps, c.var.staff, { id: `${c.req.param('id')}.eml` });
    return renderPage(
      c,
      { title: mail.subject },
      <>
        <p>
          <a href="/staff/correo">{t('mail.admin.back')}</a>
        </p>
        <h1>{mail.subject}</h1>
        <dl>
          <dt>{t('mail.admin.col.date')}</dt>
          <dd>{formatDateTime(mail.date, locale, deps.config.agency.timezone)}</dd>
          <dt>{t('mail.admin.col.to')}</dt>
          <dd>{mail.to}</dd>
          {mail.attachments.length > 0 ? (
            <>
              <dt>{t('mail.admin.col.attachments')}</dt>
              <dd>{mail.attachments.join(', ')}</dd>
            </>
          ) : null}
        </dl>
        <p>{t('mail.admin.masked_note')}</p>
        <pre class="mail-text">{mail.text}</pre>
        <p>
          <a href={`/staff/correo/${c.req.param('id')}/eml`} download>
            {t('mail.admin.download')}
          </a>
        </p>
      </>,
    );
  })
  .get('/correo/:id{[0-9a-f]{24}}/eml', requireStaff('mail.view'), async (c) => {
    const mail = await readOutgoingMail(c.var.deps, c.var.staff, { id: `${c.req.param('id')}.eml` });
    return c.body(new Uint8Array(mail.raw), 200, {
      'content-type': 'message/rfc822',
      'content-disposition': `attachment; filename="${mail.id}"`,
      'cache-control': 'no-store',
    });
  });
