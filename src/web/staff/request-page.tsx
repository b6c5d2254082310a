import { type Context, Hono } from 'hono';
import type { Actor } from '../../domain/actor.ts';
import { type FieldError, InvalidInputError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { REJECTION_REASONS } from '../../domain/rejection-reasons.ts';
import { isClockPaused } from '../../domain/request-lifecycle.ts';
import { slaState } from '../../domain/working-calendar.ts';
import { revokeOficio, validOficioOf } from '../../services/answers/revoke-oficio.ts';
import { slaMs } from '../../services/calendar/compute-due-at.ts';
import { loadCalendar } from '../../services/calendar/load-calendar.ts';
import type { Deps } from '../../services/deps.ts';
import { addInternalNote } from '../../services/staff/add-internal-note.ts';
import { assignRequest } from '../../services/staff/assign-request.ts';
import { attachRequestFile } from '../../services/staff/attach-request-file.ts';
import { downloadRequestFile } from '../../services/staff/download-request-file.ts';
import { listAssignableStaff } from '../../services/staff/list-assignable-staff.ts';
import { rejectRequest } from '../../services/staff/reject-request.ts';
import { requestClarification } from '../../services/staff/request-clarification.ts';
import { returnForChanges } from '../../services/staff/return-for-changes.ts';
import { startPreparation } from '../../services/staff/start-preparation.ts';
import { submitForApproval } from '../../services/staff/submit-for-approval.ts';
import { triageRequest } from '../../services/staff/triage-request.ts';
import { viewRequest } from '../../services/staff/view-request.ts';
import { CsrfField, ErrorSummary, FormGroup, fieldError, fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { requireStaff } from './auth.ts';
import { type FormValues, formStrings, staffPage } from './layout.tsx';
import { DataPreview, RequestFiles, RequestSummary, RequestTimeline } from './request-summary.tsx';

export const requestPageRoutes = new Hono<AppEnv>();

/** Each action form posts to `/staff/solicitudes/{folio}/{slug}` and calls one use case. */
const ACTIONS: Record<
  string,
  (deps: Deps, actor: Actor, input: FormValues & { folio: string }) => Promise<unknown>
> = {
  revisar: (d, a, i) => triageRequest(d, a, i),
  prevenir: (d, a, i) => requestClarification(d, a, i),
  asignar: (d, a, i) => assignRequest(d, a, i),
  iniciar: (d, a, i) => startPreparation(d, a, i),
  'enviar-a-firma': (d, a, i) => submitForApproval(d, a, i),
  devolver: (d, a, i) => returnForChanges(d, a, i),
  rechazar: (d, a, i) => rejectRequest(d, a, i),
  nota: (d, a, i) => addInternalNote(d, a, i),
  revocar: (d, a, i) => revokeOficio(d, { code: i.code ?? '', folio: i.folio, reason: i.reason }, a),
};

/** A data preview from the statistics engine, when it can answer the question (never fails the page). */
function dataPreview(
  deps: Deps,
  req: { indicators: string[]; geo: string; geoGeojson: unknown; years: number[] },
) {
  const stats = (deps as Partial<Deps>).stats;
  if (!stats) return null;
  try {
    const query = { indicators: req.indicators, geo: req.geoGeojson ?? req.geo, years: req.years };
    if (!stats.canAnswer(query).ok) return null;
    return stats.table(query, 'es-MX');
  } catch {
    return null;
  }
}

/** The id of the control an error belongs to (forms on this page prefix theirs with the action). */
function summaryField(action: string | undefined, field: string): string {
  if (!action) return field;
  if (action === 'attach') return 'attach-file';
  return `${action}-${field}`;
}

async function requestPage(
  c: Context<AppEnv>,
  errors: FieldError[] = [],
  values: FormValues = {},
  status: 200 | 400 = 200,
) {
  const { t, deps, staff } = c.var;
  const folio = c.req.param('folio') ?? '';
  const view = await viewRequest(deps, staff, folio);
  const req = view.request;
  const calendar = await loadCalendar(deps);
  const now = deps.clock.now();
  const sla = isClockPaused(req.status)
    ? 'paused'
    : req.dueAt && !['delivered', 'rejected', 'cancelled', 'expired', 'signed'].includes(req.status)
      ? slaState(now, req.dueAt, slaMs(deps), calendar)
      : null;
  const preview = dataPreview(deps, req);
  const people =
    view.actions.includes('assign') || can(staff, 'request.assign')
      ? await listAssignableStaff(deps, staff)
      : [];
  const revocable =
    can(staff, 'request.sign') && req.status === 'delivered' ? await validOficioOf(deps, req.folio) : null;
  const done = c.req.query('hecho');
  const base = `/staff/solicitudes/${encodeURIComponent(req.folio)}`;
  const textarea = (action: string, field: string, label: string, hint?: string) => (
    <FormGroup field={`${action}-${field}`} label={label} hint={hint} error={fieldError(errors, field)}>
      <textarea class="textarea" id={fieldId(`${action}-${field}`)} name={field} rows={4}>
        {values._action === action ? (values[field] ?? '') : ''}
      </textarea>
    </FormGroup>
  );
  const form = (
    slug: string,
    action: string,
    legend: string,
    body: unknown,
    submit: string,
    extra: object = {},
    // Destructive (no procedente, revocar): a warning button in a form set apart from the others.
    danger = false,
  ) => (
    <form
      method="post"
      action={`${base}/${slug}`}
      class={danger ? 'action-form action-form--danger' : 'action-form'}
      {...extra}
    >
      <fieldset class="fieldset">
        <legend>{legend}</legend>
        <CsrfField token={c.var.csrfToken} />
        <input type="hidden" name="_action" value={action} />
        {body}
        <button class={danger ? 'button button--warning' : 'button'} type="submit">
          {submit}
        </button>
      </fieldset>
    </form>
  );
  const mayAttach =
    can(staff, 'request.attach') &&
    req.assigneeId === staff.id &&
    ['assigned', 'in_preparation'].includes(req.status);
  return staffPage(
    c,
    `${req.folio} · ${t('staff.request.title')}`,
    <>
      <ErrorSummary
        title={t('error.summary_title')}
        errors={errors.map((e) => ({ ...e, field: summaryField(values._action, e.field) }))}
      />
      {done ? (
        <div class="notice" role="status">
          {t('staff.request.done')}
        </div>
      ) : null}
      <h1>
        {t('staff.request.title')} {req.folio}
      </h1>
      <RequestSummary c={c} view={view} sla={sla} />

      <h2>{t('staff.request.requester')}</h2>
      {view.personal ? (
        <dl class="summary-list">
          <dt>{t('staff.field.name')}</dt>
          <dd>{view.personal.requesterName}</dd>
          <dt>{t('staff.field.email')}</dt>
          <dd>{view.personal.requesterEmail}</dd>
          {view.personal.requesterOrganization ? (
            <>
              <dt>{t('staff.request.organization')}</dt>
              <dd>{view.personal.requesterOrganization}</dd>
            </>
          ) : null}
          {view.personal.requesterPhone ? (
            <>
              <dt>{t('staff.request.phone')}</dt>
              <dd>{view.personal.requesterPhone}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>{t('staff.request.personal_hidden')}</p>
      )}

      <DataPreview c={c} preview={preview} />
      <RequestFiles c={c} view={view} base={base} />

      <h2>{t('staff.request.actions')}</h2>
      {view.actions.length === 0 && !can(staff, 'request.note') && !mayAttach ? (
        <p>{t('staff.request.no_actions')}</p>
      ) : null}
      {view.actions.includes('sign') ? (
        <p>
          <a class="button" href={`${base}/firmar`}>
            {t('staff.action.sign')}
          </a>
        </p>
      ) : null}
      {['in_preparation', 'pending_approval'].includes(req.status) ? (
        <p>
          {/* The error "el borrador está vacío" of "Enviar a firma" links here (its field is `draft`). */}
          <a class="button" id="f-submit_for_approval-draft" href={`${base}/respuesta`}>
            {view.actions.includes('submit_for_approval') ? t('workbench.open') : t('workbench.view')}
          </a>
        </p>
      ) : null}
      {view.actions.includes('triage')
        ? form('revisar', 'triage', t('staff.action.triage'), null, t('staff.action.triage'))
        : null}
      {view.actions.includes('request_clarification')
        ? form(
            'prevenir',
            'request_clarification',
            t('staff.action.request_clarification'),
            textarea(
              'request_clarification',
              'question',
              t('staff.field.question'),
              t('staff.field.question_hint'),
            ),
            t('staff.action.request_clarification_submit'),
          )
        : null}
      {can(staff, 'request.assign') &&
      ['received', 'in_review', 'assigned', 'in_preparation'].includes(req.status)
        ? form(
            'asignar',
            'assign',
            t('staff.action.assign'),
            <FormGroup
              field="assign-assigneeId"
              label={t('staff.field.assignee')}
              error={fieldError(errors, 'assigneeId')}
            >
              <select class="select" id={fieldId('assign-assigneeId')} name="assigneeId">
                <option value="">{t('staff.field.choose')}</option>
                {people.map((p) => (
                  <option value={p.id} selected={p.id === req.assigneeId}>
                    {p.name}
                  </option>
                ))}
              </select>
            </FormGroup>,
            t('staff.action.assign'),
          )
        : null}
      {view.actions.includes('start_preparation')
        ? form(
            'iniciar',
            'start_preparation',
            t('staff.action.start_preparation'),
            null,
            t('staff.action.start_preparation'),
          )
        : null}
      {view.actions.includes('submit_for_approval')
        ? form(
            'enviar-a-firma',
            'submit_for_approval',
            t('staff.action.submit_for_approval'),
            textarea('submit_for_approval', 'comment', t('staff.field.comment')),
            t('staff.action.submit_for_approval'),
          )
        : null}
      {view.actions.includes('return_for_changes')
        ? form(
            'devolver',
            'return_for_changes',
            t('staff.action.return_for_changes'),
            textarea('return_for_changes', 'comments', t('staff.field.comments')),
            t('staff.action.return_for_changes'),
          )
        : null}
      {view.actions.includes('reject')
        ? form(
            'rechazar',
            'reject',
            t('staff.action.reject'),
            <>
              <FormGroup
                field="reject-reason"
                label={t('staff.field.reason')}
                error={fieldError(errors, 'reason')}
              >
                <select class="select" id={fieldId('reject-reason')} name="reason">
                  <option value="">{t('staff.field.choose')}</option>
                  {REJECTION_REASONS.map((r) => (
                    <option value={r} selected={values._action === 'reject' && values.reason === r}>
                      {t(`staff.reject_reason.${r}`, { agency: deps.config.agency.shortName })}
                    </option>
                  ))}
                </select>
              </FormGroup>
              {textarea('reject', 'text', t('staff.field.reason_text'), t('signing_review.reject_hint'))}
            </>,
            t('staff.action.reject'),
            {},
            true,
          )
        : null}
      {mayAttach
        ? form(
            'archivos',
            'attach',
            t('staff.action.attach'),
            <FormGroup
              field="attach-file"
              label={t('staff.field.file')}
              hint={t('staff.field.file_hint')}
              error={fieldError(errors, 'bytes') ?? fieldError(errors, 'name')}
            >
              <input class="file-upload" type="file" id={fieldId('attach-file')} name="file" />
            </FormGroup>,
            t('staff.action.attach'),
            { enctype: 'multipart/form-data' },
          )
        : null}

      <RequestTimeline c={c} view={view} />
      {revocable
        ? form(
            'revocar',
            'revoke',
            t('documents.revoke.legend', { number: revocable.number }),
            <>
              <input type="hidden" name="code" value={revocable.verificationCode} />
              {textarea('revoke', 'reason', t('documents.revoke.reason'), t('documents.revoke.hint'))}
            </>,
            t('documents.revoke.submit'),
            {},
            true,
          )
        : null}
      {can(staff, 'request.note')
        ? form(
            'nota',
            'note',
            t('staff.action.note'),
            textarea('note', 'note', t('staff.field.note')),
            t('staff.action.note'),
          )
        : null}
      <p>
        <a href="/staff/solicitudes">{t('staff.request.back')}</a>
      </p>
    </>,
    status,
  );
}

requestPageRoutes.get('/solicitudes/:folio', requireStaff('request.view'), (c) => requestPage(c));

requestPageRoutes.get('/solicitudes/:folio/archivos/:id', requireStaff('request.view'), async (c) => {
  const { file, bytes } = await downloadRequestFile(
    c.var.deps,
    c.var.staff,
    c.req.param('folio'),
    c.req.param('id'),
  );
  c.header('Content-Type', 'application/octet-stream');
  c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  return c.body(new Uint8Array(bytes));
});

requestPageRoutes.post('/solicitudes/:folio/archivos', requireStaff('request.attach'), async (c) => {
  const body = await c.req.parseBody();
  const file = body.file;
  const folio = c.req.param('folio');
  try {
    await attachRequestFile(c.var.deps, c.var.staff, {
      folio,
      name: file instanceof File ? file.name : '',
      contentType: file instanceof File ? file.type || 'application/octet-stream' : '',
      bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : undefined,
    });
  } catch (err) {
    if (err instanceof InvalidInputError) return requestPage(c, err.fields, { _action: 'attach' }, 400);
    throw err;
  }
  return c.redirect(`/staff/solicitudes/${encodeURIComponent(folio)}?hecho=archivos`, 303);
});

requestPageRoutes.post('/solicitudes/:folio/:slug', requireStaff('request.view'), async (c) => {
  const action = ACTIONS[c.req.param('slug')];
  if (!action) return c.notFound();
  const body = await formStrings(c);
  const folio = c.req.param('folio');
  try {
    await action(c.var.deps, c.var.staff, { ...body, folio });
  } catch (err) {
    if (err instanceof InvalidInputError) return requestPage(c, err.fields, body, 400);
    throw err;
  }
  return c.redirect(`/staff/solicitudes/${encodeURIComponent(folio)}?hecho=${c.req.param('slug')}`, 303);
});
