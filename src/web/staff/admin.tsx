import { type Context, Hono } from 'hono';
import { STAFF_ROLES } from '../../domain/actor.ts';
import { type FieldError, ForbiddenError, InvalidInputError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { addNonWorkingDay } from '../../services/calendar/add-non-working-day.ts';
import { listNonWorkingDays } from '../../services/calendar/list-non-working-days.ts';
import { removeNonWorkingDay } from '../../services/calendar/remove-non-working-day.ts';
import type { Deps } from '../../services/deps.ts';
import { agencyTexts, indicatorTexts } from '../../services/staff/agency-texts.ts';
import { createStaffUser } from '../../services/staff/create-staff-user.ts';
import { listStaffUsers } from '../../services/staff/list-staff-users.ts';
import { updateAgencyTexts } from '../../services/staff/update-agency-texts.ts';
import { updateIndicatorText } from '../../services/staff/update-indicator-text.ts';
import { updateStaffUser } from '../../services/staff/update-staff-user.ts';
import { CsrfField, ErrorSummary, FormGroup, fieldError, fieldId, TextField } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { certificatesPage } from './admin-certificates.tsx';
import { requireStaff } from './auth.ts';
import { AccountFields, type FormValues, formStrings, staffPage, submitForm } from './layout.tsx';

export const adminRoutes = new Hono<AppEnv>();

function Notice({ c }: { c: Context<AppEnv> }) {
  return c.req.query('hecho') ? (
    <div class="notice" role="status">
      {c.var.t('staff.admin.saved')}
    </div>
  ) : null;
}

adminRoutes.get('/admin', requireStaff(), async (c) => {
  const { t, staff } = c.var;
  const sections: [string, string, boolean][] = [
    ['/staff/admin/usuarios', t('staff.admin.users'), can(staff, 'users.manage')],
    ['/staff/admin/calendario', t('staff.admin.calendar'), can(staff, 'calendar.manage')],
    [
      '/staff/admin/textos',
      t('staff.admin.texts'),
      can(staff, 'settings.manage') || can(staff, 'catalog.manage'),
    ],
    ['/staff/admin/certificados', t('signing_review.admin.heading'), can(staff, 'settings.manage')],
  ];
  const mine = sections.filter(([, , ok]) => ok);
  if (mine.length === 0) throw new ForbiddenError('users.manage');
  return staffPage(
    c,
    t('staff.admin.title'),
    <>
      <h1>{t('staff.admin.title')}</h1>
      <ul>
        {mine.map(([href, label]) => (
          <li>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
    </>,
  );
});

adminRoutes.get('/admin/certificados', requireStaff('settings.manage'), (c) => certificatesPage(c));

// ---- Users ----
async function usersPage(
  c: Context<AppEnv>,
  errors: FieldError[] = [],
  values: FormValues = {},
  created?: { email: string; totpUri: string | null },
) {
  const { t, deps, staff, locale } = c.var;
  const users = await listStaffUsers(deps, staff);
  return staffPage(
    c,
    t('staff.admin.users'),
    <>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      <Notice c={c} />
      <h1>{t('staff.admin.users')}</h1>
      {created ? (
        <div class="notice" role="status">
          <p>{t('staff.admin.user_created', { email: created.email })}</p>
          {created.totpUri ? (
            <p>
              {t('staff.admin.totp_uri')} <code>{created.totpUri}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <table class="table">
        <caption>{t('staff.admin.users_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.field.name')}</th>
            <th scope="col">{t('staff.field.email')}</th>
            <th scope="col">{t('staff.field.role')}</th>
            <th scope="col">{t('staff.admin.last_sign_in')}</th>
            <th scope="col">{t('staff.admin.change')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <th scope="row">{u.name}</th>
              <td>{u.email}</td>
              <td>
                {t(`staff.role.${u.role}`)}
                {u.active ? '' : ` (${t('staff.admin.inactive')})`}
              </td>
              <td>
                {u.lastSignInAt ? formatDateTime(u.lastSignInAt, locale, deps.config.agency.timezone) : '—'}
              </td>
              <td>
                <form method="post" action={`/staff/admin/usuarios/${u.id}`}>
                  <CsrfField token={c.var.csrfToken} />
                  <label class="label" for={`role-${u.id}`}>
                    {t('staff.field.role')}
                  </label>
                  <select class="select" id={`role-${u.id}`} name="role">
                    {STAFF_ROLES.map((r) => (
                      <option value={r} selected={r === u.role}>
                        {t(`staff.role.${r}`)}
                      </option>
                    ))}
                  </select>
                  <label class="label" for={`active-${u.id}`}>
                    <input type="checkbox" id={`active-${u.id}`} name="active" value="1" checked={u.active} />{' '}
                    {t('staff.admin.active')}
                  </label>
                  <label class="label" for={`totp-${u.id}`}>
                    <input type="checkbox" id={`totp-${u.id}`} name="resetTotp" value="1" />{' '}
                    {t('staff.admin.reset_totp')}
                  </label>
                  <button class="button button--secondary" type="submit">
                    {t('staff.admin.save')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('staff.admin.new_user')}</h2>
      <form method="post" action="/staff/admin/usuarios" novalidate>
        <CsrfField token={c.var.csrfToken} />
        <AccountFields c={c} errors={errors} values={values} withRole />
        <button class="button" type="submit">
          {t('staff.admin.create')}
        </button>
      </form>
    </>,
    errors.length ? 400 : 200,
  );
}

adminRoutes.get('/admin/usuarios', requireStaff('users.manage'), (c) => usersPage(c));
adminRoutes.post('/admin/usuarios', requireStaff('users.manage'), async (c) => {
  const body = await formStrings(c);
  try {
    const created = await createStaffUser(c.var.deps, c.var.staff, body);
    // Shown once, here: the enrolment URI is not stored anywhere it could be read back.
    return usersPage(c, [], {}, created);
  } catch (err) {
    if (err instanceof InvalidInputError) return usersPage(c, err.fields, body);
    throw err;
  }
});
adminRoutes.post('/admin/usuarios/:id', requireStaff('users.manage'), async (c) => {
  const body = await formStrings(c);
  const change = { role: body.role, active: body.active === '1', resetTotp: body.resetTotp === '1' };
  return submitForm(
    c,
    () => updateStaffUser(c.var.deps, c.var.staff, c.req.param('id'), change),
    (errors) => usersPage(c, errors, body),
    '/staff/admin/usuarios?hecho=1',
  );
});

// ---- Calendar ----
async function calendarPage(c: Context<AppEnv>, errors: FieldError[] = [], values: FormValues = {}) {
  const { t, deps, staff, locale } = c.var;
  const thisYear = Number(deps.clock.now().toISOString().slice(0, 4));
  const asked = Number(c.req.query('anio'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const cal = await listNonWorkingDays(deps, staff, year);
  const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`), locale, 'UTC');
  return staffPage(
    c,
    t('staff.admin.calendar'),
    <>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      <Notice c={c} />
      <h1>
        {t('staff.admin.calendar')} {year}
      </h1>
      <p>
        <a href={`/staff/admin/calendario?anio=${year - 1}`}>{year - 1}</a> ·{' '}
        <a href={`/staff/admin/calendario?anio=${year + 1}`}>{year + 1}</a>
      </p>
      <p>
        {t('staff.calendar.hours', {
          start: deps.config.agency.officeHours.start,
          end: deps.config.agency.officeHours.end,
          zone: deps.config.agency.timezone,
        })}
      </p>
      <h2>{t('staff.calendar.federal')}</h2>
      <ul>
        {cal.federal.map((h) => (
          <li>
            {day(h.date)} — {t(`staff.holiday.${h.key}`)}
          </li>
        ))}
      </ul>
      <h2>{t('staff.calendar.declared')}</h2>
      {cal.declared.length === 0 ? (
        <p>{t('staff.calendar.none')}</p>
      ) : (
        <table class="table">
          <caption>{t('staff.calendar.declared')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.field.date')}</th>
              <th scope="col">{t('staff.field.description')}</th>
              <th scope="col">{t('staff.field.gazette')}</th>
              <th scope="col">{t('staff.admin.change')}</th>
            </tr>
          </thead>
          <tbody>
            {cal.declared.map((d) => (
              <tr>
                <th scope="row">{day(d.date)}</th>
                <td>{d.description}</td>
                <td>{d.gazetteReference}</td>
                <td>
                  <form method="post" action={`/staff/admin/calendario/${d.date}/eliminar`}>
                    <CsrfField token={c.var.csrfToken} />
                    <button class="button button--warning" type="submit">
                      {t('staff.calendar.remove')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('staff.calendar.add')}</h2>
      <form method="post" action="/staff/admin/calendario" novalidate>
        <CsrfField token={c.var.csrfToken} />
        <FormGroup
          field="date"
          label={t('staff.field.date')}
          hint={t('staff.field.date_hint')}
          error={fieldError(errors, 'date')}
        >
          <input class="input" type="date" id={fieldId('date')} name="date" value={values.date ?? ''} />
        </FormGroup>
        <TextField
          field="description"
          name="description"
          label={t('staff.field.description')}
          errors={errors}
          value={values.description ?? ''}
        />
        <TextField
          field="gazetteReference"
          name="gazetteReference"
          label={t('staff.field.gazette')}
          hint={t('staff.field.gazette_hint')}
          errors={errors}
          value={values.gazetteReference ?? ''}
        />
        <button class="button" type="submit">
          {t('staff.calendar.add')}
        </button>
      </form>
    </>,
    errors.length ? 400 : 200,
  );
}

adminRoutes.get('/admin/calendario', requireStaff('calendar.manage'), (c) => calendarPage(c));
adminRoutes.post('/admin/calendario', requireStaff('calendar.manage'), async (c) => {
  const body = await formStrings(c);
  return submitForm(
    c,
    () => addNonWorkingDay(c.var.deps, c.var.staff, body),
    (errors) => calendarPage(c, errors, body),
    `/staff/admin/calendario?anio=${body.date?.slice(0, 4)}&hecho=1`,
  );
});
adminRoutes.post('/admin/calendario/:date/eliminar', requireStaff('calendar.manage'), async (c) => {
  const date = c.req.param('date');
  await removeNonWorkingDay(c.var.deps, c.var.staff, date);
  return c.redirect(`/staff/admin/calendario?anio=${date.slice(0, 4)}&hecho=1`, 303);
});

// ---- Texts ----
function indicatorList(deps: Deps) {
  try {
    return (deps as Partial<Deps>).stats?.indicators('es-MX') ?? [];
  } catch {
    return [];
  }
}

async function textsPage(c: Context<AppEnv>, errors: FieldError[] = [], values: FormValues = {}) {
  const { t, deps, staff } = c.var;
  const texts = await agencyTexts(deps);
  const overrides = await indicatorTexts(deps);
  return staffPage(
    c,
    t('staff.admin.texts'),
    <>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      <Notice c={c} />
      <h1>{t('staff.admin.texts')}</h1>
      {can(staff, 'settings.manage') ? (
        <form method="post" action="/staff/admin/textos" novalidate>
          <CsrfField token={c.var.csrfToken} />
          <h2>{t('staff.texts.agency')}</h2>
          <FormGroup
            field="letterhead"
            label={t('staff.texts.letterhead')}
            hint={t('staff.texts.letterhead_hint')}
            error={fieldError(errors, 'letterhead')}
          >
            <textarea class="textarea" id={fieldId('letterhead')} name="letterhead" rows={4}>
              {values.letterhead ?? texts.letterhead.join('\n')}
            </textarea>
          </FormGroup>
          <TextField
            field="signatoryName"
            name="signatoryName"
            label={t('staff.texts.signatory_name')}
            errors={errors}
            value={values.signatoryName ?? texts.signatoryName}
          />
          <TextField
            field="signatoryPost"
            name="signatoryPost"
            label={t('staff.texts.signatory_post')}
            errors={errors}
            value={values.signatoryPost ?? texts.signatoryPost}
          />
          <button class="button" type="submit">
            {t('staff.admin.save')}
          </button>
        </form>
      ) : null}
      {can(staff, 'catalog.manage') ? (
        <>
          <h2>{t('staff.texts.indicators')}</h2>
          {indicatorList(deps).map((ind) => {
            const o = overrides.get(ind.id);
            return (
              <form method="post" action="/staff/admin/textos/indicador" class="action-form">
                <fieldset class="fieldset">
                  <legend>{ind.id}</legend>
                  <CsrfField token={c.var.csrfToken} />
                  <input type="hidden" name="indicator" value={ind.id} />
                  <label class="label" for={`ind-name-${ind.id}`}>
                    {t('staff.field.name')}
                  </label>
                  <input class="input" id={`ind-name-${ind.id}`} name="name" value={o?.name ?? ind.name} />
                  <label class="label" for={`ind-def-${ind.id}`}>
                    {t('staff.texts.definition')}
                  </label>
                  <textarea class="textarea" id={`ind-def-${ind.id}`} name="definition" rows={3}>
                    {o?.definition ?? ind.definition}
                  </textarea>
                  <button class="button button--secondary" type="submit">
                    {t('staff.admin.save')}
                  </button>
                </fieldset>
              </form>
            );
          })}
        </>
      ) : null}
    </>,
    errors.length ? 400 : 200,
  );
}

const textsGuard = requireStaff();
adminRoutes.get('/admin/textos', textsGuard, async (c) => {
  if (!can(c.var.staff, 'settings.manage') && !can(c.var.staff, 'catalog.manage')) {
    throw new ForbiddenError('settings.manage');
  }
  return textsPage(c);
});
adminRoutes.post('/admin/textos', requireStaff('settings.manage'), async (c) => {
  const body = await formStrings(c);
  return submitForm(
    c,
    () => updateAgencyTexts(c.var.deps, c.var.staff, body),
    (errors) => textsPage(c, errors, body),
    '/staff/admin/textos?hecho=1',
  );
});
adminRoutes.post('/admin/textos/indicador', requireStaff('catalog.manage'), async (c) => {
  const body = await formStrings(c);
  return submitForm(
    c,
    () => updateIndicatorText(c.var.deps, c.var.staff, body),
    (errors) => textsPage(c, errors, body),
    '/staff/admin/textos?hecho=1',
  );
});
