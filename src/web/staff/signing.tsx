import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { findRequestByFolio } from '../../db/requests.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { directorCertificate } from '../../services/answers/browser-signing.ts';
import { completeBrowserSigning } from '../../services/answers/complete-browser-signing.ts';
import { deliverAnswer } from '../../services/answers/deliver-answer.ts';
import { sealBrowserSigning } from '../../services/answers/seal-browser-signing.ts';
import { startBrowserSigning } from '../../services/answers/start-browser-signing.ts';
import { fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';
import { requireStaff } from './auth.ts';
import { StaffBar } from './layout.tsx';

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

async function requestByFolio(c: Context<AppEnv>) {
  const req = await findRequestByFolio(c.var.deps.db, c.req.param('folio') ?? '');
  if (!req) throw new NotFoundError('request');
  return req;
}

/**
 * The director's browser signing (/staff/solicitudes/{folio}/firmar). The page's script decrypts the
 * e.firma .key locally and signs what the server prepares; the server checks each signature against
 * the director's registered certificate and embeds it. Needs JavaScript (the key must stay here).
 */
export const signingRoutes = new Hono<AppEnv>()
  .get('/solicitudes/:folio/firmar', requireStaff('request.sign'), async (c) => {
    const { t, deps } = c.var;
    const req = await requestByFolio(c);
    const cert = await directorCertificate(deps.db, c.var.staff.id);
    const modulus = (cert.certificate.publicKey.export({ format: 'jwk' }) as { n: string }).n;
    const base = `/staff/solicitudes/${encodeURIComponent(req.folio)}/firmar`;
    const title = t('signing.title', { folio: req.folio });
    return renderPage(
      c,
      { title, scripts: ['/static/signing.min.js'] },
      <>
        <StaffBar c={c} />
        <h1>{title}</h1>
        <p class="lead">{t('signing.lead')}</p>
        <p>{t('oficio.certificate', { serial: cert.certificate.serialNumber })}</p>
        <p id="signing-nojs" class="panel">
          {t('signing.requires_js')}
        </p>
        <form
          id="signing-form"
          hidden
          data-base={base}
          data-csrf={c.var.csrfToken}
          data-modulus={Buffer.from(modulus, 'base64url').toString('hex')}
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
      </>,
    );
  })
  .post('/solicitudes/:folio/firmar/iniciar', requireStaff('request.sign'), async (c) => {
    const req = await requestByFolio(c);
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
