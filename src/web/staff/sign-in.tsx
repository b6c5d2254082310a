import { type Context, Hono } from 'hono';
import QRCode from 'qrcode';
import { type FieldError, InvalidInputError } from '../../domain/errors.ts';
import { completeInitialSetup } from '../../services/staff/complete-initial-setup.ts';
import { isSetupTokenValid } from '../../services/staff/initial-setup.ts';
import { deleteSession, resolveStaffSession } from '../../services/staff/sessions.ts';
import { signInStaff } from '../../services/staff/sign-in-staff.ts';
import { signOutStaff } from '../../services/staff/sign-out-staff.ts';
import { pendingTotpSession, verifyStaffTotp } from '../../services/staff/verify-staff-totp.ts';
import { CsrfField, ErrorSummary, FormGroup, fieldError, fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { clientIp, rateLimit } from '../rate-limit.ts';
import { renderPage } from '../render.tsx';
import { clearStaffCookie, requireStaff, safeNext, setStaffCookie, staffToken } from './auth.ts';
import { AccountFields, EmailField, type FormValues, formStrings } from './layout.tsx';

/** Sign-in (e-mail + password), second factor, sign-out and the first admin's setup page. */
export const signInRoutes = new Hono<AppEnv>();

// Per address, on top of the per-account lockout: guessing across many accounts is slowed too.
const signInLimit = rateLimit('staff_sign_in:ip');

async function signInPage(
  c: Context<AppEnv>,
  errors: FieldError[],
  values: FormValues,
  status: 200 | 400 = 200,
) {
  const { t } = c.var;
  const next = values.siguiente ?? c.req.query('siguiente') ?? '';
  return renderPage(
    c,
    { title: t('staff.signin.title'), status },
    <>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      {c.req.query('configurado') ? (
        <div class="notice" role="status">
          {t('staff.signin.configured')}
        </div>
      ) : null}
      <h1>{t('staff.signin.title')}</h1>
      <p>{t('staff.signin.lead')}</p>
      <form method="post" action="/staff" novalidate>
        <CsrfField token={c.var.csrfToken} />
        <input type="hidden" name="siguiente" value={next} />
        <EmailField c={c} errors={errors} value={values.email} />
        <FormGroup field="password" label={t('staff.field.password')} error={fieldError(errors, 'password')}>
          <input
            class="input"
            type="password"
            id={fieldId('password')}
            name="password"
            autocomplete="current-password"
          />
        </FormGroup>
        <button class="button" type="submit">
          {t('staff.signin.submit')}
        </button>
      </form>
    </>,
  );
}

signInRoutes.get('/', async (c) => {
  const { deps } = c.var;
  if (await resolveStaffSession(deps.db, staffToken(c), deps.clock.now()))
    return c.redirect('/staff/solicitudes', 303);
  return signInPage(c, [], {});
});

/** A `siguiente` with control characters (CR/LF: header splitting) is refused, not followed or crashed on. */
function checkNext(c: Context<AppEnv>, next: string | undefined) {
  if (next && /\p{Cc}/u.test(next))
    throw new InvalidInputError([{ field: 'siguiente', message: c.var.t('error.invalid_input') }]);
}

signInRoutes.post('/', signInLimit, async (c) => {
  const body = await formStrings(c);
  const { deps } = c.var;
  checkNext(c, body.siguiente);
  const previous = staffToken(c);
  try {
    const result = await signInStaff(
      deps,
      { email: body.email, password: body.password },
      { ip: clientIp(c) },
    );
    // A fresh token every time: a session id planted before sign-in is worthless (no fixation).
    await deleteSession(deps.db, previous);
    setStaffCookie(c, result.token);
    const next = safeNext(body.siguiente);
    return c.redirect(
      result.pendingTotp ? `/staff/verificacion?siguiente=${encodeURIComponent(next)}` : next,
      303,
    );
  } catch (err) {
    if (err instanceof InvalidInputError)
      return signInPage(c, err.fields, { email: body.email ?? '', siguiente: body.siguiente ?? '' }, 400);
    throw err;
  }
});

async function totpPage(c: Context<AppEnv>, errors: FieldError[], status: 200 | 400 = 200) {
  const { t, deps } = c.var;
  const pending = await pendingTotpSession(deps, staffToken(c));
  if (!pending) return c.redirect('/staff', 303);
  const uri = pending.enrolUri;
  const qr = uri ? await QRCode.toDataURL(uri, { margin: 1, width: 220 }) : null;
  return renderPage(
    c,
    { title: t('staff.totp.title'), status },
    <>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      <h1>{t('staff.totp.title')}</h1>
      {uri ? (
        <>
          <p>{t('staff.totp.enrol_lead')}</p>
          <img src={qr!} alt={t('staff.totp.qr_alt')} width={220} height={220} />
          <p>
            {t('staff.totp.secret_label')} <code>{pending.user.totpSecret}</code>
          </p>
        </>
      ) : (
        <p>{t('staff.totp.lead')}</p>
      )}
      <form method="post" action="/staff/verificacion" novalidate>
        <CsrfField token={c.var.csrfToken} />
        <input type="hidden" name="siguiente" value={c.req.query('siguiente') ?? ''} />
        <FormGroup
          field="code"
          label={t('staff.field.totp')}
          hint={t('staff.totp.hint')}
          error={fieldError(errors, 'code')}
        >
          <input
            class="input input--short"
            id={fieldId('code')}
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            maxlength={6}
          />
        </FormGroup>
        <button class="button" type="submit">
          {t('staff.totp.submit')}
        </button>
      </form>
    </>,
  );
}

signInRoutes.get('/verificacion', (c) => totpPage(c, []));

signInRoutes.post('/verificacion', signInLimit, async (c) => {
  const body = await formStrings(c);
  const { deps } = c.var;
  checkNext(c, body.siguiente);
  try {
    const { token } = await verifyStaffTotp(deps, staffToken(c), { code: body.code }, { ip: clientIp(c) });
    setStaffCookie(c, token);
    return c.redirect(safeNext(body.siguiente), 303);
  } catch (err) {
    if (err instanceof InvalidInputError) return totpPage(c, err.fields, 400);
    throw err;
  }
});

signInRoutes.post('/salir', requireStaff(), async (c) => {
  await signOutStaff(c.var.deps, c.var.staff, staffToken(c));
  clearStaffCookie(c);
  return c.redirect('/staff', 303);
});

async function setupPage(
  c: Context<AppEnv>,
  token: string,
  errors: FieldError[],
  values: FormValues,
  status: 200 | 400 = 200,
) {
  const { t } = c.var;
  return renderPage(
    c,
    { title: t('staff.setup.title'), status },
    <>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      <h1>{t('staff.setup.title')}</h1>
      <p>{t('staff.setup.lead')}</p>
      <form
        method="post"
        action={`/staff/configuracion-inicial?token=${encodeURIComponent(token)}`}
        novalidate
      >
        <CsrfField token={c.var.csrfToken} />
        <AccountFields c={c} errors={errors} values={values} withRole={false} />
        <button class="button" type="submit">
          {t('staff.setup.submit')}
        </button>
      </form>
    </>,
  );
}

signInRoutes.get('/configuracion-inicial', async (c) => {
  const token = c.req.query('token') ?? '';
  if (!(await isSetupTokenValid(c.var.deps, token))) return c.notFound();
  return setupPage(c, token, [], {});
});

signInRoutes.post('/configuracion-inicial', async (c) => {
  const token = c.req.query('token') ?? '';
  const body = await formStrings(c);
  if (!(await isSetupTokenValid(c.var.deps, token))) return c.notFound();
  try {
    await completeInitialSetup(c.var.deps, token, {
      name: body.name,
      email: body.email,
      password: body.password,
    });
  } catch (err) {
    if (err instanceof InvalidInputError)
      return setupPage(c, token, err.fields, { name: body.name ?? '', email: body.email ?? '' }, 400);
    throw err;
  }
  return c.redirect('/staff?configurado=1', 303);
});
