import { type Context, Hono } from 'hono';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
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
    const typed = c.req.query('codigo');
    if (typed) return c.redirect(`/verificar/${encodeURIComponent(typed.trim())}`, 303);
    return lookupPage(c);
  })
  .get('/verificar/:code', async (c) => {
    await hitRateLimit(c.var.deps, 'verify:ip', clientIp(c));
    const o = await findOficio(c);
    return o ? verifyPage(c, o, {}) : lookupPage(c, c.req.param('code'));
  })
  // The result is rendered in the response to the upload itself: nothing in a URL can show one.
  .post('/verificar/:code', async (c) => {
    const { deps, t } = c.var;
    await hitRateLimit(deps, 'verify:ip', clientIp(c));
    const o = await findOficio(c);
    if (!o) return lookupPage(c, c.req.param('code'));
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

/** The oficio with this code, or null when there is none (a mistyped code gets the form again). */
async function findOficio(c: Context<AppEnv>): Promise<PublicOficio | null> {
  try {
    return await findOficioByCode(c.var.deps, c.req.param('code') ?? '');
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

/**
 * /verificar: the form to type a code. With `unknownCode`, the answer to a code that does not
 * exist: a 404 that says so in Spanish and gives the form back with what was typed.
 */
function lookupPage(c: Context<AppEnv>, unknownCode?: string) {
  const { t } = c.var;
  const unknown = unknownCode !== undefined;
  const typed = unknownCode?.slice(0, 40);
  return renderPage(
    c,
    { title: unknown ? t('verify.unknown.title') : t('verify.lookup_heading'), status: unknown ? 404 : 200 },
    <>
      {unknown ? (
        <>
          <h1>{t('verify.unknown.title')}</h1>
          <div class="result-panel result-panel--bad" role="alert">
            <p>
              <Mark ok={false} /> <strong>{t('verify.unknown.body', { code: typed ?? '' })}</strong>
            </p>
          </div>
          <h2>{t('verify.lookup_heading')}</h2>
        </>
      ) : (
        <>
          <h1>{t('verify.lookup_heading')}</h1>
          <p class="lead">{t('verify.lookup_lead')}</p>
        </>
      )}
      <form method="get" action="/verificar">
        <FormGroup field="codigo" label={t('verify.lookup_label')}>
          <input
            class="input"
            id={fieldId('codigo')}
            name="codigo"
            value={typed}
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
}

/** ✓ on green or ✗ on red, beside a result's words (the words say it; the mark is decoration). */
function Mark({ ok }: { ok: boolean }) {
  return (
    <span class={ok ? 'mark mark--ok' : 'mark mark--bad'} aria-hidden="true">
      {ok ? '✓' : '✗'}
    </span>
  );
}

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
      class={check.genuine ? 'result-panel result-panel--ok' : 'result-panel result-panel--bad'}
      role="status"
      tabindex={-1}
    >
      <h2>{t('verify.check.heading')}</h2>
      <p class="result-panel__headline">
        <Mark ok={check.genuine} />{' '}
        <strong>
          {check.genuine ? null : <span class="visually-hidden">{t('verify.check.failed')}: </span>}
          {headline}
        </strong>
      </p>
      <dl class="summary-list">
        <div>
          <dt>{t('verify.check.content')}</dt>
          <dd>
            <Mark ok={check.identical} />{' '}
            {check.identical ? t('verify.check.content.identical') : t('verify.check.content.modified')}
          </dd>
        </div>
        <div>
          <dt>{t('verify.check.signature')}</dt>
          <dd>
            <Mark ok={check.signature === 'valid'} />{' '}
            {t(`verify.check.signature.${check.signature}`, { agency })}
          </dd>
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
        <p class="result-panel result-panel--warn">
          <strong>{t('verify.test_document')}</strong>
        </p>
      ) : null}
      <h2>{t('verify.registered_heading')}</h2>
      <dl class="summary-list">
        <div>
          <dt>{t('verify.status')}</dt>
          <dd>
            {o.status !== 'valid' ? (
              <strong class="status-mark status-mark--bad">
                <Mark ok={false} /> {t(`verify.status.${o.status}`)}
              </strong>
            ) : check && !check.genuine ? (
              // The registered document is valid, the uploaded file is not: no green mark beside it.
              t('verify.status.valid')
            ) : (
              <strong class="status-mark status-mark--ok">
                <Mark ok /> {t('verify.status.valid')}
              </strong>
            )}
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
