import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { STAFF_ROLES } from '../../domain/actor.ts';
import { type FieldError, InvalidInputError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { isMessageKey, type MessageKey } from '../../i18n/index.ts';
import { CsrfField, FormGroup, fieldError, fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';
import { readForm, str } from '../requester/form-helpers.tsx';

/** The back office bar: who is signed in, the sections their role may open, and sign-out. */
export function StaffBar({ c }: { c: Context<AppEnv> }) {
  const { t, staff } = c.var;
  const links: [string, MessageKey][] = [['/staff/solicitudes', 'staff.nav.queue']];
  if (can(staff, 'users.manage') || can(staff, 'calendar.manage') || can(staff, 'settings.manage')) {
    links.push(['/staff/admin', 'staff.nav.admin']);
  }
  if (can(staff, 'audit.view')) links.push(['/staff/auditoria', 'staff.nav.audit']);
  if (can(staff, 'results.view')) links.push(['/staff/resultados', 'staff.nav.results']);
  if (can(staff, 'personal_data.view')) links.push(['/staff/arco', 'staff.nav.arco']);
  if (can(staff, 'mail.view')) links.push(['/staff/correo', 'staff.nav.mail']);
  if (can(staff, 'outbox.retry')) links.push(['/staff/tareas', 'staff.nav.outbox']);
  return (
    <nav class="staff-bar" aria-label={t('staff.nav.label')}>
      <ul class="nav">
        {links.map(([href, key]) => (
          <li>
            <a href={href}>{t(key)}</a>
          </li>
        ))}
      </ul>
      <p>{t('staff.nav.signed_in_as', { name: staff.name, role: t(`staff.role.${staff.role}`) })}</p>
      <form method="post" action="/staff/salir">
        <CsrfField token={c.var.csrfToken} />
        <button class="button button--secondary" type="submit">
          {t('staff.nav.sign_out')}
        </button>
      </form>
    </nav>
  );
}

/** A back-office page: the staff bar, then the content (which carries the one <h1>). */
export function staffPage(
  c: Context<AppEnv>,
  title: string,
  content: Child,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  return renderPage(
    c,
    { title, status },
    <>
      <StaffBar c={c} />
      {content}
    </>,
  );
}

/** A catalog label when the key exists (other areas' catalogs may add it later), else the raw id. */
export function labelOr(c: Context<AppEnv>, key: string, fallback: string): string {
  return isMessageKey(key) ? c.var.t(key) : fallback;
}

export type FormValues = Record<string, string>;

/**
 * A posted form's text fields (files are read by the handlers that take them), through the public
 * side's one form reader, so staff input loses NUL bytes the same way before it reaches the database.
 */
export async function formStrings(c: Context<AppEnv>): Promise<FormValues> {
  const body = await readForm(c);
  return Object.fromEntries(Object.keys(body).map((k) => [k, str(body, k)]));
}

/**
 * Post/redirect/get for a back-office form: runs the use case, then redirects; bad input re-renders
 * the form with its errors and what was typed (400). Other errors go to the one error mapper.
 */
export async function submitForm(
  c: Context<AppEnv>,
  run: () => Promise<unknown>,
  rerender: (errors: FieldError[]) => Promise<Response>,
  redirectTo: string,
): Promise<Response> {
  try {
    await run();
  } catch (err) {
    if (err instanceof InvalidInputError) return rerender(err.fields);
    throw err;
  }
  return c.redirect(redirectTo, 303);
}

/** A staff account's e-mail (the sign-in user name), on the sign-in page and the account forms. */
export function EmailField(props: { c: Context<AppEnv>; errors: FieldError[]; value: string | undefined }) {
  const { t } = props.c.var;
  return (
    <FormGroup field="email" label={t('staff.field.email')} error={fieldError(props.errors, 'email')}>
      <input
        class="input"
        type="email"
        id={fieldId('email')}
        name="email"
        autocomplete="username"
        spellcheck={false}
        value={props.value ?? ''}
      />
    </FormGroup>
  );
}

/** Name, e-mail, (role) and new password: the fields of a new staff account. */
export function AccountFields(props: {
  c: Context<AppEnv>;
  errors: FieldError[];
  values: FormValues;
  withRole: boolean;
}) {
  const { t } = props.c.var;
  const { errors, values } = props;
  return (
    <>
      <FormGroup field="name" label={t('staff.field.name')} error={fieldError(errors, 'name')}>
        <input class="input" id={fieldId('name')} name="name" autocomplete="name" value={values.name ?? ''} />
      </FormGroup>
      <EmailField c={props.c} errors={errors} value={values.email} />
      {props.withRole ? (
        <FormGroup field="role" label={t('staff.field.role')} error={fieldError(errors, 'role')}>
          <select class="select" id={fieldId('role')} name="role">
            {STAFF_ROLES.map((r) => (
              <option value={r} selected={values.role === r}>
                {t(`staff.role.${r}`)}
              </option>
            ))}
          </select>
        </FormGroup>
      ) : null}
      <FormGroup
        field="password"
        label={t('staff.field.new_password')}
        hint={t('staff.field.password_hint')}
        error={fieldError(errors, 'password')}
      >
        <input
          class="input"
          type="password"
          id={fieldId('password')}
          name="password"
          autocomplete="new-password"
        />
      </FormGroup>
    </>
  );
}
