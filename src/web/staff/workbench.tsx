import { type Context, Hono } from 'hono';
import type { FieldError } from '../../domain/errors.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { addAnswerAnnex, MAX_ANNEX_BYTES } from '../../services/answers/add-answer-annex.ts';
import { ANSWER_FORMATS, BODY_FIELDS } from '../../services/answers/answer-draft.ts';
import { displayValue } from '../../services/answers/compose.ts';
import { removeAnswerAnnex } from '../../services/answers/remove-answer-annex.ts';
import { BODY_MAX_CHARS, saveAnswerDraft } from '../../services/answers/save-answer-draft.ts';
import { viewAnswerDraft } from '../../services/answers/view-answer-draft.ts';
import { CsrfField, ErrorSummary, FormGroup, fieldError, fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';
import { ChoiceGroup, type FormBody, list, readForm, str } from '../requester/form-helpers.tsx';
import { requireStaff } from './auth.ts';
import { StaffBar } from './layout.tsx';

/** The técnico's answer workbench: `/staff/solicitudes/{folio}/respuesta`. */
export const workbenchRoutes = new Hono<AppEnv>();

const OFICIO_ROWS = 25;
const PREVIEW_ROWS = 200;

const pathOf = (folio: string) => `/staff/solicitudes/${encodeURIComponent(folio)}/respuesta`;

/** What the form sent, to show it again beside its errors (null: show the saved draft). */
type Typed = {
  indicators: string[];
  places: string[];
  years: string;
  formats: string[];
  body: Record<string, string>;
};

function typedFrom(form: FormBody): Typed {
  return {
    indicators: list(form, 'indicators'),
    places: list(form, 'places'),
    years: str(form, 'years'),
    formats: list(form, 'formats'),
    body: Object.fromEntries(BODY_FIELDS.map((f) => [f, str(form, f)])),
  };
}

async function workbenchPage(
  c: Context<AppEnv>,
  errors: FieldError[] = [],
  typed: Typed | null = null,
  status: 200 | 400 = 200,
) {
  const { t, deps, locale, staff } = c.var;
  const tz = deps.config.agency.timezone;
  const folio = c.req.param('folio') ?? '';
  const view = await viewAnswerDraft(deps, staff, folio);
  const { request: req, draft, data, oficio, editable } = view;
  const base = pathOf(req.folio);
  const content = draft.content;
  const chosen = {
    indicators: typed?.indicators ?? content.indicators,
    places: typed?.places ?? content.places,
    years: typed?.years ?? content.years.join(', '),
    formats: typed?.formats ?? content.formats,
    body: typed?.body ?? content.body,
  };
  const stats = deps.stats;
  const catalog = stats.indicators(locale);
  const munNames = new Map(stats.geographies('mun').map((g) => [g.id.slice(4), g.name]));
  // Places of this request that are not one catalog entry: a set of municipalities or the polygon.
  const own = [...new Set([req.geo, ...chosen.places])].filter(
    (p) => p.startsWith('set:') || p.startsWith('polygon:'),
  );
  const ownLabel = (id: string) => {
    if (id.startsWith('polygon:')) return t('workbench.places.polygon');
    const codes = id.slice(4).split(',');
    return t('workbench.places.set', {
      count: codes.length,
      names: codes.map((code) => munNames.get(code) ?? code).join(', '),
    });
  };
  const saved = c.req.query('guardado');
  // The first group's first box carries the field's id, so the error summary lands on it.
  const placeGroup = (level: 'state' | 'region' | 'zm', field = `places-${level}`) => (
    <ChoiceGroup
      field={field}
      name="places"
      legend={t(`workbench.places.${level}`)}
      type="checkbox"
      errors={[]}
      selected={chosen.places}
      options={stats.geographies(level).map((g) => ({ value: g.id, label: g.name }))}
    />
  );
  const text = (field: (typeof BODY_FIELDS)[number]) => (
    <FormGroup
      field={field}
      label={t(`workbench.field.${field}`)}
      hint={t('workbench.field.text_hint', { max: BODY_MAX_CHARS })}
      error={fieldError(errors, field)}
    >
      <textarea
        class="textarea"
        id={fieldId(field)}
        name={field}
        rows={5}
        maxlength={BODY_MAX_CHARS}
        aria-describedby={`${fieldId(field)}-hint`}
      >
        {chosen.body[field] ?? ''}
      </textarea>
    </FormGroup>
  );
  const rows = data.rows.slice(0, PREVIEW_ROWS);

  const composer = (
    <form method="post" action={base} class="action-form">
      <CsrfField token={c.var.csrfToken} />
      <input type="hidden" name="baseVersion" value={String(draft.version)} />
      <h2>{t('workbench.figures.title')}</h2>
      <fieldset class="fieldset">
        <legend>{t('workbench.field.indicators')}</legend>
        <p class="hint">{t('workbench.field.indicators_hint')}</p>
        {stats
          .topics(locale)
          .map((topic) => ({ topic, items: catalog.filter((i) => i.topic === topic.id) }))
          .filter((g) => g.items.length > 0)
          .map((g, i) => (
            <ChoiceGroup
              field={i === 0 ? 'indicators' : `indicators-${g.topic.id}`}
              name="indicators"
              legend={g.topic.name}
              type="checkbox"
              errors={i === 0 ? errors.filter((e) => e.field === 'indicators') : []}
              selected={chosen.indicators}
              options={g.items.map((ind) => ({ value: ind.id, label: ind.name }))}
            />
          ))}
      </fieldset>
      <fieldset class="fieldset">
        <legend>{t('workbench.field.places')}</legend>
        <p class="hint">{t('workbench.field.places_hint')}</p>
        {fieldError(errors, 'places') ? (
          <p class="error-message" id={`${fieldId('places')}-error`}>
            {fieldError(errors, 'places')}
          </p>
        ) : null}
        {own.length > 0 ? (
          <ChoiceGroup
            field="places"
            legend={t('workbench.places.current')}
            type="checkbox"
            errors={[]}
            selected={chosen.places}
            options={own.map((id) => ({ value: id, label: ownLabel(id) }))}
          />
        ) : null}
        {placeGroup('state', own.length > 0 ? 'places-state' : 'places')}
        {placeGroup('region')}
        {placeGroup('zm')}
        <div
          data-choice-filter={t('workbench.places.filter')}
          data-choice-filter-count={t('workbench.places.filter_count')}
        >
          <ChoiceGroup
            field="places-mun"
            name="places"
            legend={t('workbench.places.mun')}
            type="checkbox"
            errors={[]}
            selected={chosen.places}
            options={stats.geographies('mun').map((g) => ({ value: g.id, label: g.name }))}
          />
        </div>
      </fieldset>
      <FormGroup
        field="years"
        label={t('workbench.field.years')}
        hint={t('workbench.field.years_hint')}
        error={fieldError(errors, 'years')}
      >
        <input
          class="input"
          type="text"
          id={fieldId('years')}
          name="years"
          value={chosen.years}
          inputmode="numeric"
          autocomplete="off"
          aria-describedby={`${fieldId('years')}-hint`}
        />
      </FormGroup>
      <ChoiceGroup
        field="formats"
        legend={t('workbench.field.formats')}
        hint={t('workbench.field.formats_hint')}
        type="checkbox"
        errors={errors}
        selected={chosen.formats}
        options={ANSWER_FORMATS.map((f) => ({ value: f, label: t(`workbench.format.${f}`) }))}
      />
      <h2>{t('workbench.text.title')}</h2>
      <p class="hint">{t('workbench.text.fixed', { intro: oficio.paragraphs[0] ?? '' })}</p>
      {BODY_FIELDS.map(text)}
      <button class="button" type="submit">
        {t('workbench.save')}
      </button>
    </form>
  );

  const preview = (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('workbench.preview.title')}</h2>
      <p>{t('workbench.preview.lead')}</p>
      {(data.bodyParagraphs ?? []).length > 0 ? (
        <>
          <h3>{t('workbench.preview.paragraphs')}</h3>
          {(data.bodyParagraphs ?? []).map((p) => (
            <p class="inset">{p}</p>
          ))}
        </>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('workbench.preview.none')}</p>
      ) : (
        <table class="table">
          <caption>{data.geo.name}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workbench.col.indicator')}</th>
              <th scope="col">{t('workbench.col.place')}</th>
              <th scope="col">{t('workbench.col.year')}</th>
              <th scope="col">{t('workbench.col.value')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.indicatorName}</td>
                <td>{r.geoName}</td>
                <td>{r.year}</td>
                <td>{displayValue(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.rows.length > OFICIO_ROWS ? (
        <p class="hint">{t('workbench.preview.more', { shown: OFICIO_ROWS, total: data.rows.length })}</p>
      ) : null}
      {oficio.sources.length > 0 ? (
        <>
          <h3>{t('workbench.preview.sources')}</h3>
          {/* Numbered as in the oficio: the table's «Fuente» column points at these numbers. */}
          <ol class="citations">
            {oficio.sources.map((s) => (
              <li>{s}</li>
            ))}
          </ol>
        </>
      ) : null}
      {data.notes.length + oficio.notes.length > 0 ? (
        <>
          <h3>{t('workbench.preview.notes')}</h3>
          <ul>
            {[...data.notes, ...oficio.notes].map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );

  const annexes = (
    <section aria-labelledby="annexes-title">
      <h2 id="annexes-title">{t('workbench.annexes.title')}</h2>
      <p>{t('workbench.annexes.lead')}</p>
      {content.annexes.length === 0 ? (
        <p>{t('workbench.annexes.none')}</p>
      ) : (
        <table class="table">
          <caption>{t('workbench.annexes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workbench.annexes.name')}</th>
              <th scope="col">{t('workbench.annexes.size')}</th>
              <th scope="col">{t('workbench.annexes.sha')}</th>
              {editable ? <th scope="col">{t('workbench.annexes.remove')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {content.annexes.map((a) => (
              <tr>
                <td>{a.name}</td>
                <td>{a.size < 1024 ? `${a.size} B` : `${formatNumber(a.size / 1024, 1)} KB`}</td>
                <td>
                  <code class="hash">{a.sha256}</code>
                </td>
                {editable ? (
                  <td>
                    <form method="post" action={`${base}/anexos/quitar`}>
                      <CsrfField token={c.var.csrfToken} />
                      <input type="hidden" name="sha256" value={a.sha256} />
                      <button
                        class="button button--secondary"
                        type="submit"
                        aria-label={t('workbench.annexes.remove_label', { name: a.name })}
                      >
                        {t('workbench.annexes.remove')}
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable ? (
        <form method="post" action={`${base}/anexos`} enctype="multipart/form-data" class="action-form">
          <CsrfField token={c.var.csrfToken} />
          <FormGroup
            field="file"
            label={t('workbench.annexes.file')}
            hint={t('workbench.annexes.file_hint', { mb: formatNumber(MAX_ANNEX_BYTES / 1_000_000, 1) })}
            error={fieldError(errors, 'file') ?? fieldError(errors, 'name') ?? fieldError(errors, 'bytes')}
          >
            <input
              class="file-upload"
              type="file"
              id={fieldId('file')}
              name="file"
              accept=".xlsx,.csv,.pdf,.png"
              aria-describedby={`${fieldId('file')}-hint`}
            />
          </FormGroup>
          <button class="button button--secondary" type="submit">
            {t('workbench.annexes.add')}
          </button>
        </form>
      ) : null}
    </section>
  );

  const summaryErrors = errors.map((e) =>
    ['name', 'bytes', 'sha256'].includes(e.field) ? { ...e, field: 'file' } : e,
  );
  return renderPage(
    c,
    {
      title: `${req.folio} · ${t('workbench.title')}`,
      status,
      scripts: editable ? ['/static/choice-filter.js'] : [],
    },
    <>
      <StaffBar c={c} />
      <ErrorSummary title={t('error.summary_title')} errors={summaryErrors} />
      {saved ? (
        <div class="notice" role="status">
          {t('workbench.saved', { version: saved })}
        </div>
      ) : null}
      <h1>
        {t('workbench.title')} · {req.folio}
      </h1>
      <p>
        <a href={`/staff/solicitudes/${encodeURIComponent(req.folio)}`}>{t('workbench.back')}</a>
      </p>
      <p class="lead">{t('workbench.lead')}</p>
      <p class="hint">
        {draft.version === 0
          ? t('workbench.version_none')
          : t('workbench.version', {
              version: draft.version,
              at: formatDateTime(draft.savedAt!, locale, tz),
              who: view.history[0]?.who ?? '—',
            })}
      </p>
      {view.comments.length > 0 ? (
        <section class="panel" aria-labelledby="comments-title">
          <h2 id="comments-title">{t('workbench.comments.title')}</h2>
          {view.comments.map((cm) => (
            <div>
              <p class="hint">
                {t('workbench.comments.meta', { at: formatDateTime(cm.at, locale, tz), who: cm.who })}
              </p>
              <p class="timeline-message">{cm.message}</p>
            </div>
          ))}
        </section>
      ) : null}
      {req.otherText ? (
        <>
          <h2>{t('workbench.question.title')}</h2>
          <p>
            {t('workbench.question.other')}: <q>{req.otherText}</q>
          </p>
        </>
      ) : null}
      {editable ? composer : <p>{t('workbench.read_only')}</p>}
      {preview}
      {annexes}
      {view.history.length > 0 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('workbench.history.title')}</h2>
          <ol class="timeline">
            {view.history.map((h) => (
              <li>
                <strong>{formatDateTime(h.savedAt, locale, tz)}</strong> · {h.who} ·{' '}
                {t('workbench.history.entry', {
                  version: h.version,
                  changes:
                    h.changes.length > 0
                      ? h.changes.map((p) => t(`workbench.part.${p}` as Parameters<typeof t>[0])).join(', ')
                      : t('workbench.part.none'),
                })}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {editable ? (
        <p>
          {t('workbench.submit.lead')}{' '}
          <a href={`/staff/solicitudes/${encodeURIComponent(req.folio)}`}>{t('workbench.back')}</a>
        </p>
      ) : null}
    </>,
  );
}

workbenchRoutes.get('/solicitudes/:folio/respuesta', requireStaff('request.view'), (c) => workbenchPage(c));

workbenchRoutes.post('/solicitudes/:folio/respuesta', requireStaff('request.prepare'), async (c) => {
  const form = await readForm(c);
  const folio = c.req.param('folio');
  try {
    const { version } = await saveAnswerDraft(c.var.deps, c.var.staff, {
      folio,
      baseVersion: str(form, 'baseVersion') || undefined,
      indicators: list(form, 'indicators'),
      places: list(form, 'places'),
      years: str(form, 'years'),
      formats: list(form, 'formats'),
      ...Object.fromEntries(BODY_FIELDS.map((f) => [f, str(form, f)])),
    });
    return c.redirect(`${pathOf(folio)}?guardado=${version}`, 303);
  } catch (err) {
    if (err instanceof InvalidInputError) return workbenchPage(c, err.fields, typedFrom(form), 400);
    throw err;
  }
});

workbenchRoutes.post('/solicitudes/:folio/respuesta/anexos', requireStaff('request.prepare'), async (c) => {
  const body = await c.req.parseBody();
  const file = body.file;
  const folio = c.req.param('folio');
  try {
    await addAnswerAnnex(c.var.deps, c.var.staff, {
      folio,
      name: file instanceof File ? file.name : '',
      bytes: file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined,
    });
  } catch (err) {
    if (err instanceof InvalidInputError) return workbenchPage(c, err.fields, null, 400);
    throw err;
  }
  return c.redirect(`${pathOf(folio)}#annexes-title`, 303);
});

workbenchRoutes.post(
  '/solicitudes/:folio/respuesta/anexos/quitar',
  requireStaff('request.prepare'),
  async (c) => {
    const body = await c.req.parseBody();
    const folio = c.req.param('folio');
    try {
      await removeAnswerAnnex(c.var.deps, c.var.staff, { folio, sha256: body.sha256 });
    } catch (err) {
      if (err instanceof InvalidInputError) return workbenchPage(c, err.fields, null, 400);
      throw err;
    }
    return c.redirect(`${pathOf(folio)}#annexes-title`, 303);
  },
);
