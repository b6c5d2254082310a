import { type Context, Hono } from 'hono';
import { InvalidInputError } from '../../domain/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  checkUploadedOficio,
  findOficioByCode,
  type PublicOficio,
  type UploadCheck,
} from '../../services/answers/verify-oficio.ts';
import { CsrfField, FormGroup, fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { clientIp, hitRateLimit } from '../rate-limit.ts';
import { renderPage } from '../render.tsx';

// Codes are 80-bit random, so guessing is hopeless; the limit (rule `verify:ip`, counted in the
// database on PostgreSQL) keeps scrapers and upload floods off.
const MAX_UPLOAD_BYTES = 1_500_000;

/** Public verification of signed oficios: /verificar/{code}, with a PDF upload to check a copy. */
export const verifyRoutes = new Hono<AppEnv>()
  .get('/verificar', (c) => {
    const { t } = c.var;
    const typed = c.req.query('codigo');
    if (typed) return c.redirect(`/verificar/${encodeURIComponent(typed.trim())}`, 303);
    return renderPage(
      c,
      { title: t('verify.lookup_heading') },
      <>
        <h1>{t('verify.lookup_heading')}</h1>
        <form method="get" action="/verificar">
          <FormGroup field="codigo" label={t('verify.lookup_label')}>
            <input
              class="input"
              id={fieldId('codigo')}
              name="codigo"
              autocomplete="off"
              spellcheck={false}
              required
            />
          </FormGroup>
          <button class="button" type="submit">
            {t('verify.lookup_submit')}
          </button>
        </form>
      </>,
    );
  })
  .get('/verificar/:code', async (c) => {
    await hitRateLimit(c.var.deps, 'verify:ip', clientIp(c));
    const o = await findOficioByCode(c.var.deps, c.req.param('code'));
    return verifyPage(c, o, {});
  })
  // The result is rendered in the response to the upload itself: nothing in a URL can show one.
  .post('/verificar/:code', async (c) => {
    const { deps, t } = c.var;
    await hitRateLimit(deps, 'verify:ip', clientIp(c));
    const o = await findOficioByCode(deps, c.req.param('code'));
    const body = await c.req.parseBody();
    const file = body.archivo;
    if (!(file instanceof File) || file.size === 0)
      return verifyPage(c, o, { uploadError: t('documents.error.upload_missing') });
    if (file.size > MAX_UPLOAD_BYTES) throw new InvalidInputError([], 'error.body_too_large');
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
      return verifyPage(c, o, { uploadError: t('documents.error.upload_not_pdf') });
    return verifyPage(c, o, { check: await checkUploadedOficio(deps, o.code, bytes) });
  });

function CheckResult({ check, t, agency }: { check: UploadCheck; t: Translate; agency: string }) {
  const headline = check.genuine
    ? t('verify.result.genuine')
    : check.signature === 'unknown'
      ? t('verify.check.not_issued', { agency })
      : !check.identical
        ? t('verify.check.modified')
        : t('verify.check.signature_failed');
  return (
    <div
      id="resultado"
      class={check.genuine ? 'panel panel--confirmation' : 'panel'}
      role="status"
      tabindex={-1}
    >
      <h2>{t('verify.check.heading')}</h2>
      <p>
        <strong>{headline}</strong>
      </p>
      <dl class="summary-list">
        <div>
          <dt>{t('verify.check.content')}</dt>
          <dd>
            {check.identical ? t('verify.check.content.identical') : t('verify.check.content.modified')}
          </dd>
        </div>
        <div>
          <dt>{t('verify.check.signature')}</dt>
          <dd>{t(`verify.check.signature.${check.signature}`, { agency })}</dd>
        </div>
      </dl>
    </div>
  );
}

/** The oficio's public record, the result of a check when this response answers an upload, and the upload form. */
function verifyPage(
  c: Context<AppEnv>,
  o: PublicOficio,
  opts: { check?: UploadCheck; uploadError?: string },
) {
  const { t } = c.var;
  const { uploadError, check } = opts;
  return renderPage(
    c,
    { title: t('verify.title'), status: uploadError ? 400 : 200 },
    <>
      {uploadError ? (
        <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t('error.summary_title')}</h2>
          <ul>
            <li>
              <a href={`#${fieldId('archivo')}`}>{uploadError}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <h1>{t('verify.title')}</h1>
      <p class="lead">{t('verify.lead', { code: o.code })}</p>
      {check ? <CheckResult check={check} t={t} agency={c.var.deps.config.agency.name} /> : null}
      {o.test ? (
        <p class="panel">
          <strong>{t('verify.test_document')}</strong>
        </p>
      ) : null}
      <dl class="summary-list">
        <div>
          <dt>{t('verify.status')}</dt>
          <dd>
            <strong>{t(`verify.status.${o.status}`)}</strong>
          </dd>
        </div>
        {o.revocation ? (
          <>
            <div>
              <dt>{t('verify.revoked_at')}</dt>
              <dd>{formatDateTime(o.revocation.at, c.var.locale, c.var.deps.config.agency.timezone)}</dd>
            </div>
            <div>
              <dt>{t('verify.revoked_reason')}</dt>
              <dd>{o.revocation.reason}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('verify.folio')}</dt>
          <dd>{o.folio}</dd>
        </div>
        <div>
          <dt>{t('verify.oficio')}</dt>
          <dd>{o.number}</dd>
        </div>
        <div>
          <dt>{t('verify.date')}</dt>
          <dd>{formatDateTime(o.signedAt, c.var.locale, c.var.deps.config.agency.timezone)}</dd>
        </div>
        <div>
          <dt>{t('verify.signatory')}</dt>
          <dd>
            {o.signatoryName}, {o.signatoryPost}
          </dd>
        </div>
        <div>
          <dt>{t('verify.hash')}</dt>
          <dd>
            <code class="hash">{o.sha256}</code>
          </dd>
        </div>
      </dl>
      <h2>{t('verify.upload_heading')}</h2>
      <p>{t('verify.upload_hint')}</p>
      <form method="post" action={`/verificar/${o.code}`} enctype="multipart/form-data">
        <CsrfField token={c.var.csrfToken} />
        <FormGroup field="archivo" label={t('verify.upload_label')} error={uploadError}>
          <input
            class="input"
            type="file"
            id={fieldId('archivo')}
            name="archivo"
            accept="application/pdf,.pdf"
            required
          />
        </FormGroup>
        <button class="button" type="submit">
          {t('verify.upload_submit')}
        </button>
      </form>
    </>,
  );
}
