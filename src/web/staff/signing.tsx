import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { FieldError } from '../../domain/errors.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { isMessageKey } from '../../i18n/index.ts';
import { completeBrowserSigning } from '../../services/answers/complete-browser-signing.ts';
import { deliverAnswer } from '../../services/answers/deliver-answer.ts';
import { reviewAnswer } from '../../services/answers/review-answer.ts';
import { sealAnswerByDirector } from '../../services/answers/seal-answer-by-director.ts';
import { sealBrowserSigning } from '../../services/answers/seal-browser-signing.ts';
import { startBrowserSigning } from '../../services/answers/start-browser-signing.ts';
import { returnForChanges } from '../../services/staff/return-for-changes.ts';
import { loadRequest } from '../../services/staff/transitions.ts';
import { CsrfField, ErrorSummary, FormGroup, fieldError, fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';
import { requireStaff } from './auth.ts';
import { formStrings, StaffBar } from './layout.tsx';

const sealBody = z.object({ pendingId: z.string().uuid(), sello: z.string().min(16).max(4096) });
const completeBody = z.object({ pendingId: z.string().uuid(), signature: z.string().min(16).max(4096) });

async function parseJson<T>(schema: z.ZodType<T>, raw: unknown): Promise<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new InvalidInputError(
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
    );
  return parsed.data;
}

const folioOf = (c: Context<AppEnv>) => c.req.param('folio') ?? '';
const requestPath = (folio: string) => `/staff/solicitudes/${encodeURIComponent(folio)}`;

/**
 * The director's review page (/staff/solicitudes/{folio}/firmar): the oficio rendered from the
 * prepared answer as an unsigned draft (page images, and the PDF to download), the files that go with
 * it, then the three decisions: sign with the institutional seal (a plain form, no JavaScript), sign
 * with their e.firma in the browser (the key never leaves it: needs JavaScript), or return it to the
 * técnico with comments.
 */
async function reviewPage(
  c: Context<AppEnv>,
  errors: FieldError[] = [],
  comments = '',
  status: 200 | 400 = 200,
) {
  const { t, deps, locale } = c.var;
  const tz = deps.config.agency.timezone;
  const review = await reviewAnswer(deps, c.var.staff, { folio: folioOf(c), pages: true });
  const base = `${requestPath(review.folio)}/firmar`;
  const title = t('signing_review.title', { folio: review.folio });
  const { agency } = deps.config;
  const pages = review.pages ?? [];
  return renderPage(
    c,
    { title, status, scripts: review.efirma ? ['/static/signing.min.js'] : [] },
    <>
      <StaffBar c={c} />
      <ErrorSummary
        title={t('error.summary_title')}
        errors={errors.map((e) => ({ ...e, field: `return-${e.field}` }))}
      />
      <h1>{title}</h1>
      <p class="lead">{t('signing_review.lead')}</p>

      <h2>{t('signing_review.oficio_heading')}</h2>
      {pages.length === 0 ? <p class="panel">{t('signing_review.no_images')}</p> : null}
      {pages.map((png, i) => (
        <p class="oficio-page">
          <img
            src={`data:image/png;base64,${png.toString('base64')}`}
            alt={t('signing_review.page_alt', { n: i + 1, total: pages.length })}
            width="935"
            height="1210"
          />
        </p>
      ))}
      <p>
        <a href={`${base}/borrador.pdf`} download={`borrador-oficio-${review.folio}.pdf`}>
          {t('signing_review.download_draft')}
        </a>
      </p>

      <h2>{t('signing_review.files_heading')}</h2>
      {review.files.length === 0 ? (
        <p>{t('signing_review.files_none')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('signing_review.col.file')}</th>
              <th scope="col">{t('signing_review.col.kind')}</th>
              <th scope="col">{t('signing_review.col.size')}</th>
            </tr>
          </thead>
          <tbody>
            {review.files.map((f) => {
              const kindKey = `data.file.${f.kind}`;
              return (
                <tr>
                  <td>{f.name}</td>
                  <td>
                    {f.kind === 'annex'
                      ? t('signing_review.file.annex')
                      : isMessageKey(kindKey)
                        ? t(kindKey)
                        : f.kind}
                  </td>
                  <td class="numeric">{formatNumber(f.size / 1024, 1)} KB</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>{t('signing_review.seal_heading')}</h2>
      {review.seal ? (
        <form method="post" action={`${base}/sellar`} class="action-form">
          <CsrfField token={c.var.csrfToken} />
          <p>
            {t('signing_review.seal_text', {
              agency: agency.shortName,
              serial: review.seal.serial,
              validTo: formatDate(review.seal.validTo, locale, tz),
              name: agency.signatory.name,
              post: agency.signatory.post,
            })}
          </p>
          <button class="button" type="submit">
            {t('signing_review.seal_submit')}
          </button>
        </form>
      ) : (
        <p class="panel">{t('signing_review.seal_missing')}</p>
      )}

      <h2>
        {review.efirma ? t('signing_review.efirma_heading') : t('signing_review.efirma_missing_heading')}
      </h2>
      {review.efirma ? (
        <>
          <p>{t('signing.lead')}</p>
          <p>
            {t('signing_review.efirma_certificate', {
              subject: review.efirma.subject,
              serial: review.efirma.serial,
              validTo: formatDate(review.efirma.validTo, locale, tz),
            })}
          </p>
          <p id="signing-nojs" class="panel">
            {t('signing.requires_js')}
          </p>
          <form
            id="signing-form"
            hidden
            data-base={base}
            data-csrf={c.var.csrfToken}
            data-modulus={review.efirma.modulusHex}
            data-error-password={t('signing.error_password')}
            data-error-mismatch={t('signing.error_mismatch')}
            data-progress={t('signing.progress')}
          >
            <div class="form-group">
              <label class="label" for={fieldId('key')}>
                {t('signing.key_label')}
              </label>
              <input class="input" type="file" id={fieldId('key')} name="key" accept=".key" required />
            </div>
            <div class="form-group">
              <label class="label" for={fieldId('password')}>
                {t('signing.password_label')}
              </label>
              <input
                class="input"
                type="password"
                id={fieldId('password')}
                name="password"
                autocomplete="off"
                required
              />
            </div>
            <p id="signing-status" tabindex={-1} role="status" aria-live="polite" />
            <button class="button" type="submit">
              {t('signing.submit')}
            </button>
          </form>
        </>
      ) : (
        <div class="panel">
          <p>{t('signing_review.efirma_missing')}</p>
          {review.seal ? <p>{t('signing_review.efirma_missing_seal')}</p> : null}
        </div>
      )}

      {can(c.var.staff, 'request.return') ? (
        <form method="post" action={`${base}/devolver`} class="action-form">
          <fieldset class="fieldset">
            <legend>{t('signing_review.return_heading')}</legend>
            <CsrfField token={c.var.csrfToken} />
            <FormGroup
              field="return-comments"
              label={t('staff.field.comments')}
              hint={t('signing_review.return_hint')}
              error={fieldError(errors, 'comments')}
            >
              <textarea class="textarea" id={fieldId('return-comments')} name="comments" rows={4}>
                {comments}
              </textarea>
            </FormGroup>
            <button class="button button--secondary" type="submit">
              {t('signing_review.return_submit')}
            </button>
          </fieldset>
        </form>
      ) : null}
      <p>
        <a href={requestPath(review.folio)}>{t('signing_review.back')}</a>
      </p>
    </>,
  );
}

export const signingRoutes = new Hono<AppEnv>()
  .get('/solicitudes/:folio/firmar', requireStaff('request.sign'), (c) => reviewPage(c))
  .get('/solicitudes/:folio/firmar/borrador.pdf', requireStaff('request.sign'), async (c) => {
    const review = await reviewAnswer(c.var.deps, c.var.staff, { folio: folioOf(c), pages: false });
    return c.body(new Uint8Array(review.pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="borrador-oficio-${review.folio}.pdf"`,
      'cache-control': 'private, no-store',
    });
  })
  .post('/solicitudes/:folio/firmar/sellar', requireStaff('request.sign'), async (c) => {
    const signed = await sealAnswerByDirector(c.var.deps, c.var.staff, { folio: folioOf(c) });
    return c.redirect(`${requestPath(signed.folio)}?hecho=firmar`, 303);
  })
  .post('/solicitudes/:folio/firmar/devolver', requireStaff('request.return'), async (c) => {
    const body = await formStrings(c);
    const folio = folioOf(c);
    try {
      await returnForChanges(c.var.deps, c.var.staff, { folio, comments: body.comments });
    } catch (err) {
      if (err instanceof InvalidInputError) return reviewPage(c, err.fields, body.comments ?? '', 400);
      throw err;
    }
    return c.redirect(`${requestPath(folio)}?hecho=devolver`, 303);
  })
  .post('/solicitudes/:folio/firmar/iniciar', requireStaff('request.sign'), async (c) => {
    const req = await loadRequest(c.var.deps, folioOf(c));
    const started = await startBrowserSigning(c.var.deps, { requestId: req.id }, c.var.staff);
    return c.json(started);
  })
  .post('/solicitudes/:folio/firmar/sello', requireStaff('request.sign'), async (c) => {
    const body = await parseJson(sealBody, await c.req.json().catch(() => null));
    return c.json(await sealBrowserSigning(c.var.deps, body, c.var.staff));
  })
  .post('/solicitudes/:folio/firmar/completar', requireStaff('request.sign'), async (c) => {
    const body = await parseJson(completeBody, await c.req.json().catch(() => null));
    const signed = await completeBrowserSigning(c.var.deps, body, c.var.staff);
    // "Firmar y enviar": one action for the director. Without the deliver permission the answer
    // stays signed for ventanilla to send.
    if (can(c.var.staff, 'request.deliver')) {
      await deliverAnswer(c.var.deps, { requestId: signed.requestId }, c.var.staff);
    }
    return c.json({
      redirect: `/staff/solicitudes/${encodeURIComponent(signed.folio)}`,
      verificationCode: signed.verificationCode,
    });
  });
