import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { findRequestByFolio } from '../../db/requests.ts';
import { ConflictError, type FieldError, InvalidInputError } from '../../domain/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import {
  agencyTextParams,
  geoName,
  indicatorDefinition,
  indicatorName,
  type PortalCatalog,
  portalCatalog,
  sectorName,
  topicName,
} from '../../services/requests/catalog.ts';
import { bindDraft, type DraftState, loadDraft, saveDraft } from '../../services/requests/drafts.ts';
import { createPowChallenge, spendPowSolution } from '../../services/requests/proof-of-work.ts';
import {
  FORMATS,
  fieldErrors,
  fieldSchemas,
  LIMITS,
  parsePolygon,
  polygonGeoId,
  queryKey,
  requireQuestion,
} from '../../services/requests/request-input.ts';
import { findRecentDuplicate, submitRequest } from '../../services/requests/submit-request.ts';
import { CsrfField, FormGroup, fieldError, TextField } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { SimilarAnswers } from '../public/similar-answers.tsx';
import { clientIp, rateLimiter } from '../rate-limit.ts';
import { renderPage } from '../render.tsx';
import { ChoiceGroup, type FormBody, FormTop, file, list, readForm, str } from './form-helpers.tsx';

const BASE = '/solicitud/nueva';
const DRAFT_COOKIE = 'dato_borrador';
const ACK_COOKIE = 'dato_acuse';
/** Without JavaScript (no proof of work) a person needs at least this long from first step to submit. */
export const MIN_NO_JS_JOURNEY_MS = 20_000;

type StepId =
  | 'indicadores'
  | 'geografia'
  | 'lugar'
  | 'anios'
  | 'formatos'
  | 'proposito'
  | 'datos'
  | 'consentimiento';
const STEP_ORDER: StepId[] = [
  'indicadores',
  'geografia',
  'lugar',
  'anios',
  'formatos',
  'proposito',
  'datos',
  'consentimiento',
];
const GEO_LEVELS = ['state', 'mun', 'region', 'zm', 'set', 'polygon'] as const;
type GeoChoice = (typeof GEO_LEVELS)[number];

/** Raw values typed into the page, shown again when the page has errors. */
type Raw = Record<string, string | string[] | undefined>;
type StepCtx = { c: Context<AppEnv>; t: Translate; catalog: PortalCatalog; state: DraftState };
type ParseResult = { patch: Partial<DraftState> } | { errors: FieldError[]; raw: Raw };

type StepDef = {
  title: MessageKey;
  done(s: DraftState): boolean;
  applies?(s: DraftState): boolean;
  multipart?: boolean;
  /** Enhancements for this step (the page works without them). */
  scripts?(s: DraftState): string[];
  view(ctx: StepCtx, raw: Raw, errors: FieldError[]): Child;
  parse(ctx: StepCtx, form: FormBody): Promise<ParseResult> | ParseResult;
};

function zodErrors(error: z.ZodError): FieldError[] {
  return fieldErrors(error);
}

const formatKey = (f: string) => `portal.format.${f}` as MessageKey;
const levelKey = (l: string) => `portal.geo.level.${l}` as MessageKey;
const agencyWords = (c: Context<AppEnv>) =>
  agencyTextParams(c.var.deps.config.agency, c.var.deps.clock.now());

function yearsOffered(catalog: PortalCatalog, s: DraftState): number[] {
  const ys = new Set<number>();
  for (const id of s.indicators ?? []) for (const y of catalog.indicator(id)?.years ?? []) ys.add(y);
  if (ys.size === 0) for (const y of [1990, 1995, 2000, 2005, 2010, 2015, 2020]) ys.add(y);
  // Long projection series: offer the census-like years and the near future; others go in the text box.
  const all = [...ys].sort((a, b) => a - b);
  return all.length > 20 ? all.filter((y) => y % 5 === 0 && y >= 1990 && y <= 2050) : all;
}

const STEPS: Record<StepId, StepDef> = {
  indicadores: {
    title: 'portal.step.indicators.title',
    done: (s) => (s.indicators?.length ?? 0) > 0 || !!s.otherText,
    view({ t, catalog, state }, raw, errors) {
      const selected = (raw.indicators as string[] | undefined) ?? state.indicators ?? [];
      const other = (raw.otherText as string | undefined) ?? state.otherText ?? '';
      const err = fieldError(errors, 'indicators');
      return (
        <>
          <h1>{t('portal.step.indicators.title')}</h1>
          <p class="hint">{t('portal.step.indicators.hint')}</p>
          <div class={err ? 'form-group form-group--error' : 'form-group'} id="f-indicators">
            {err ? <p class="error-message">{err}</p> : null}
            {catalog.topics().map((g, gi) => (
              <ChoiceGroup
                field={gi === 0 ? 'indicators' : `indicators-${g.id}`}
                name="indicators"
                legend={topicName(t, g.id)}
                type="checkbox"
                errors={[]}
                selected={selected}
                options={g.indicators.map((i) => ({
                  value: i.id,
                  label: indicatorName(t, i.id),
                  hint: indicatorDefinition(t, i.id) || undefined,
                }))}
              />
            ))}
          </div>
          <FormGroup
            field="otherText"
            label={t('portal.step.indicators.other_label')}
            hint={t('portal.step.indicators.other_hint', { max: LIMITS.otherText })}
            error={fieldError(errors, 'otherText')}
          >
            <textarea id="f-otherText" name="otherText" rows={3} maxlength={LIMITS.otherText}>
              {other}
            </textarea>
          </FormGroup>
        </>
      );
    },
    parse({ t, catalog }, form) {
      const f = fieldSchemas(t, catalog);
      const parsed = z
        .object({ indicators: f.indicators, otherText: f.otherText })
        .superRefine(requireQuestion(t))
        .safeParse({ indicators: list(form, 'indicators'), otherText: str(form, 'otherText') });
      if (!parsed.success)
        return {
          errors: zodErrors(parsed.error),
          raw: { indicators: list(form, 'indicators'), otherText: str(form, 'otherText') },
        };
      return { patch: parsed.data };
    },
  },
  geografia: {
    title: 'portal.step.geo.title',
    done: (s) => !!s.geoLevel,
    view({ c, t, state }, raw, errors) {
      const selected = [(raw.geoLevel as string | undefined) ?? state.geoLevel ?? ''];
      return (
        <ChoiceGroup
          field="geoLevel"
          legend={t('portal.step.geo.title')}
          legendIsTitle
          hint={t('portal.step.geo.hint')}
          type="radio"
          errors={errors}
          selected={selected}
          options={GEO_LEVELS.map((l) => ({
            value: l,
            label: t(levelKey(l), agencyWords(c)),
            hint: t(`portal.geo.level_hint.${l}` as MessageKey, agencyWords(c)),
          }))}
        />
      );
    },
    parse({ t, state }, form) {
      const parsed = z
        .enum(GEO_LEVELS, { message: t('portal.err.geo_level_required') })
        .safeParse(str(form, 'geoLevel'));
      if (!parsed.success)
        return { errors: [{ field: 'geoLevel', message: parsed.error.issues[0]!.message }], raw: {} };
      const level = parsed.data;
      if (level === 'state') return { patch: { geoLevel: level, geo: 'state:15', geoGeojson: null } };
      // A new kind of area: the place chosen before no longer applies.
      if (level !== state.geoLevel) return { patch: { geoLevel: level, geo: undefined, geoGeojson: null } };
      return { patch: { geoLevel: level } };
    },
  },
  lugar: {
    title: 'portal.step.place.title',
    applies: (s) => s.geoLevel !== 'state',
    multipart: true,
    scripts: (s) => (s.geoLevel === 'set' ? ['/static/choice-filter.js'] : []),
    done: (s) => !!s.geo,
    view({ t, catalog, state }, raw, errors) {
      const level = (state.geoLevel ?? 'mun') as GeoChoice;
      const current = (raw.geo as string | undefined) ?? state.geo ?? '';
      if (level === 'mun') {
        return (
          <>
            <h1>{t('portal.step.place.mun_title')}</h1>
            <FormGroup
              field="geo"
              label={t('portal.step.place.mun_label')}
              hint={t('portal.step.place.mun_hint')}
              error={fieldError(errors, 'geo')}
            >
              <select id="f-geo" name="geo">
                <option value="">{t('portal.step.place.choose')}</option>
                {catalog.placesOf('mun').map((p) => (
                  <option value={p.id} selected={p.id === current}>
                    {p.name}
                  </option>
                ))}
              </select>
            </FormGroup>
          </>
        );
      }
      if (level === 'region' || level === 'zm') {
        return (
          <ChoiceGroup
            field="geo"
            legend={t(level === 'region' ? 'portal.step.place.region_legend' : 'portal.step.place.zm_legend')}
            legendIsTitle
            type="radio"
            errors={errors}
            selected={[current]}
            options={catalog.placesOf(level).map((p) => ({
              value: p.id,
              label: p.name,
              hint: t('portal.step.place.members', { count: p.members.length }),
            }))}
          />
        );
      }
      if (level === 'set') {
        const chosen =
          (raw.municipalities as string[] | undefined) ??
          (state.geo?.startsWith('set:') ? state.geo.slice(4).split(',') : []);
        return (
          <div
            data-choice-filter={t('portal.step.place.filter_label')}
            data-choice-filter-count={t('portal.step.place.filter_count')}
          >
            <ChoiceGroup
              field="municipalities"
              legend={t('portal.step.place.set_legend')}
              legendIsTitle
              hint={t('portal.step.place.set_hint')}
              type="checkbox"
              errors={errors}
              selected={chosen}
              options={catalog.placesOf('mun').map((p) => ({ value: p.id.slice(4), label: p.name }))}
            />
          </div>
        );
      }
      const text =
        (raw.geojsonText as string | undefined) ?? (state.geoGeojson ? JSON.stringify(state.geoGeojson) : '');
      return (
        <>
          <h1>{t('portal.step.place.polygon_title')}</h1>
          <p class="hint">{t('portal.step.place.polygon_hint')}</p>
          <FormGroup
            field="geojsonFile"
            label={t('portal.step.place.polygon_file')}
            hint={t('portal.step.place.polygon_file_hint', { kb: Math.round(LIMITS.geojsonBytes / 1000) })}
            error={fieldError(errors, 'geojsonFile')}
          >
            <input
              type="file"
              id="f-geojsonFile"
              name="geojsonFile"
              accept=".geojson,.json,application/geo+json"
            />
          </FormGroup>
          <FormGroup
            field="geojsonText"
            label={t('portal.step.place.polygon_text')}
            error={fieldError(errors, 'geojsonText')}
          >
            <textarea id="f-geojsonText" name="geojsonText" rows={6}>
              {text}
            </textarea>
          </FormGroup>
        </>
      );
    },
    async parse({ t, catalog, state }, form) {
      const level = state.geoLevel;
      if (level === 'set') {
        const codes = list(form, 'municipalities');
        const id = `set:${codes.join(',')}`;
        if (codes.length < 2 || !catalog.isGeoId(id))
          return {
            errors: [{ field: 'municipalities', message: t('portal.err.set_required') }],
            raw: { municipalities: codes },
          };
        return { patch: { geo: `set:${[...new Set(codes)].sort().join(',')}`, geoGeojson: null } };
      }
      if (level === 'polygon') {
        const upload = file(form, 'geojsonFile');
        if (upload && upload.size > LIMITS.geojsonBytes)
          return {
            errors: [{ field: 'geojsonFile', message: t('portal.err.file_too_large', { kb: 200 }) }],
            raw: {},
          };
        const text = upload ? await upload.text() : str(form, 'geojsonText');
        const field = upload ? 'geojsonFile' : 'geojsonText';
        if (!text.trim()) return { errors: [{ field, message: t('portal.err.polygon_required') }], raw: {} };
        let poly = null;
        try {
          poly = text.length <= LIMITS.geojsonBytes ? parsePolygon(JSON.parse(text)) : null;
        } catch {
          poly = null;
        }
        if (!poly)
          return {
            errors: [{ field, message: t('portal.err.polygon_invalid') }],
            raw: { geojsonText: upload ? '' : text.slice(0, LIMITS.geojsonBytes) },
          };
        return { patch: { geo: polygonGeoId(poly), geoGeojson: poly } };
      }
      const geo = str(form, 'geo');
      const okLevel = geo.startsWith(`${level}:`);
      if (!geo || !okLevel || !catalog.isGeoId(geo))
        return { errors: [{ field: 'geo', message: t('portal.err.place_required') }], raw: { geo } };
      return { patch: { geo, geoGeojson: null } };
    },
  },
  anios: {
    title: 'portal.step.years.title',
    done: (s) => (s.years?.length ?? 0) > 0,
    view({ c, t, catalog, state }, raw, errors) {
      const offered = yearsOffered(catalog, state);
      const chosen = ((raw.years as string[] | undefined) ?? (state.years ?? []).map(String)).filter(Boolean);
      const others =
        (raw.yearsOther as string | undefined) ??
        chosen.filter((y) => !offered.includes(Number(y))).join(', ');
      return (
        <>
          <ChoiceGroup
            field="years"
            legend={t('portal.step.years.title')}
            legendIsTitle
            hint={t('portal.step.years.hint')}
            type="checkbox"
            errors={errors}
            selected={chosen}
            options={offered.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <TextField
            field="yearsOther"
            name="yearsOther"
            label={t('portal.step.years.other_label')}
            hint={t('portal.step.years.other_hint')}
            errors={errors}
            value={others}
            maxlength={100}
            inputmode="numeric"
          />
          <SimilarAnswers c={c} indicators={state.indicators} geo={state.geo} years={state.years} />
        </>
      );
    },
    parse({ t, catalog }, form) {
      const typed = str(form, 'yearsOther').slice(0, 200);
      const parts = typed.split(/[\s,;]+/).filter(Boolean);
      const raw = { years: list(form, 'years'), yearsOther: typed };
      if (parts.some((p) => !/^\d{4}$/.test(p)))
        return { errors: [{ field: 'yearsOther', message: t('portal.err.year_invalid') }], raw };
      const parsed = fieldSchemas(t, catalog).years.safeParse([...list(form, 'years'), ...parts]);
      if (!parsed.success) return { errors: zodErrors(parsed.error), raw };
      return { patch: { years: parsed.data } };
    },
  },
  formatos: {
    title: 'portal.step.formats.title',
    done: (s) => (s.formats?.length ?? 0) > 0,
    view({ t, state }, raw, errors) {
      return (
        <ChoiceGroup
          field="formats"
          legend={t('portal.step.formats.title')}
          legendIsTitle
          hint={t('portal.step.formats.hint')}
          type="checkbox"
          errors={errors}
          selected={(raw.formats as string[] | undefined) ?? state.formats ?? []}
          options={FORMATS.map((f) => ({
            value: f,
            label: t(formatKey(f)),
            hint: t(`portal.format_hint.${f}` as MessageKey),
          }))}
        />
      );
    },
    parse({ t, catalog }, form) {
      const parsed = fieldSchemas(t, catalog).formats.safeParse(list(form, 'formats'));
      if (!parsed.success)
        return { errors: zodErrors(parsed.error), raw: { formats: list(form, 'formats') } };
      return { patch: { formats: parsed.data } };
    },
  },
  proposito: {
    title: 'portal.step.purpose.title',
    done: (s) => !!s.purpose,
    view({ t, state }, raw, errors) {
      return (
        <>
          <h1>{t('portal.step.purpose.title')}</h1>
          <FormGroup
            field="purpose"
            label={t('portal.step.purpose.label')}
            hint={t('portal.step.purpose.hint', { max: LIMITS.purpose })}
            error={fieldError(errors, 'purpose')}
          >
            <textarea id="f-purpose" name="purpose" rows={5} maxlength={LIMITS.purpose}>
              {(raw.purpose as string | undefined) ?? state.purpose ?? ''}
            </textarea>
          </FormGroup>
        </>
      );
    },
    parse({ t, catalog }, form) {
      const purpose = str(form, 'purpose');
      const parsed = fieldSchemas(t, catalog).purpose.safeParse(purpose);
      if (!parsed.success)
        return { errors: zodErrors(parsed.error).map((e) => ({ ...e, field: 'purpose' })), raw: { purpose } };
      return { patch: { purpose: parsed.data } };
    },
  },
  datos: {
    title: 'portal.step.requester.title',
    done: (s) => !!s.requester,
    view({ c, t, catalog, state }, raw, errors) {
      const r = state.requester;
      const val = (k: string, fallback: string | null | undefined) =>
        (raw[k] as string | undefined) ?? fallback ?? '';
      return (
        <>
          <h1>{t('portal.step.requester.title')}</h1>
          <p class="hint">{t('portal.step.requester.hint')}</p>
          <TextField
            field="requester.name"
            name="name"
            label={t('portal.field.name')}
            errors={errors}
            value={val('name', r?.name)}
            maxlength={LIMITS.name}
            autocomplete="name"
          />
          <TextField
            field="requester.email"
            name="email"
            type="email"
            label={t('portal.field.email')}
            hint={t('portal.field.email_hint')}
            errors={errors}
            value={val('email', r?.email)}
            maxlength={LIMITS.email}
            autocomplete="email"
          />
          <ChoiceGroup
            field="requester.sector"
            name="sector"
            legend={t('portal.field.sector')}
            type="radio"
            errors={errors}
            selected={[val('sector', r?.sector)]}
            options={catalog.sectors.map((s) => ({
              value: s,
              label: sectorName(t, c.var.locale, c.var.deps.config.agency, s),
            }))}
          />
          <TextField
            field="requester.organization"
            name="organization"
            label={t('portal.field.organization')}
            errors={errors}
            value={val('organization', r?.organization)}
            maxlength={LIMITS.organization}
            autocomplete="organization"
          />
          <TextField
            field="requester.phone"
            name="phone"
            type="tel"
            label={t('portal.field.phone')}
            errors={errors}
            value={val('phone', r?.phone)}
            maxlength={LIMITS.phone}
            autocomplete="tel"
          />
        </>
      );
    },
    parse({ t, catalog }, form) {
      const raw = {
        name: str(form, 'name'),
        email: str(form, 'email'),
        sector: str(form, 'sector'),
        organization: str(form, 'organization'),
        phone: str(form, 'phone'),
      };
      const parsed = z.object({ requester: fieldSchemas(t, catalog).requester }).safeParse({
        requester: { ...raw, sector: raw.sector || undefined },
      });
      if (!parsed.success) return { errors: zodErrors(parsed.error), raw };
      return { patch: { requester: parsed.data.requester } };
    },
  },
  consentimiento: {
    title: 'portal.step.consent.title',
    done: (s) => s.privacyConsent === true,
    view({ c, t, state }, raw, errors) {
      const agency = c.var.deps.config.agency;
      const consent =
        raw.privacyConsent !== undefined ? raw.privacyConsent === 'yes' : state.privacyConsent === true;
      const publish =
        raw.publishConsent !== undefined ? raw.publishConsent === 'yes' : state.publishConsent === true;
      return (
        <>
          <h1>{t('portal.step.consent.title')}</h1>
          <div class="inset">
            <p>{t('portal.privacy.simplified', { agency: agency.name })}</p>
            <p>
              <a href="/aviso-de-privacidad" target="_blank" rel="noopener">
                {t('portal.privacy.read_full')}
              </a>
            </p>
          </div>
          <ChoiceGroup
            field="privacyConsent"
            legend={t('portal.step.consent.privacy_legend')}
            type="checkbox"
            errors={errors}
            selected={consent ? ['yes'] : []}
            options={[
              {
                value: 'yes',
                label: t('portal.step.consent.privacy_label', { version: agency.privacyNoticeVersion }),
              },
            ]}
          />
          <ChoiceGroup
            field="publishConsent"
            legend={t('portal.step.consent.publish_legend')}
            hint={t('portal.step.consent.publish_hint')}
            type="checkbox"
            errors={errors}
            selected={publish ? ['yes'] : []}
            options={[{ value: 'yes', label: t('portal.step.consent.publish_label') }]}
          />
          <input type="hidden" name="publishConsentShown" value="1" />
        </>
      );
    },
    parse({ t }, form) {
      const privacy = str(form, 'privacyConsent') === 'yes';
      const publish = str(form, 'publishConsent') === 'yes';
      if (!privacy)
        return {
          errors: [{ field: 'privacyConsent', message: t('portal.err.privacy_required') }],
          raw: { privacyConsent: 'no', publishConsent: publish ? 'yes' : 'no' },
        };
      return { patch: { privacyConsent: true, publishConsent: publish } };
    },
  },
};

function applicableSteps(s: DraftState): StepId[] {
  return STEP_ORDER.filter((id) => STEPS[id].applies?.(s) ?? true);
}

/** The first step still unanswered, or null when the request is complete. */
export function firstMissingStep(s: DraftState): StepId | null {
  return applicableSteps(s).find((id) => !STEPS[id].done(s)) ?? null;
}

function previousStep(s: DraftState, id: StepId): string {
  const steps = applicableSteps(s);
  const i = steps.indexOf(id);
  return i > 0 ? `${BASE}/${steps[i - 1]}` : '/';
}

function nextAfter(s: DraftState, id: StepId): string {
  const steps = applicableSteps(s);
  const next = steps[steps.indexOf(id) + 1];
  return next ? `${BASE}/${next}` : `${BASE}/revisar`;
}

/** The whole request as the API would receive it, built from the draft's answers. */
export function draftToBody(s: DraftState): Record<string, unknown> {
  return {
    indicators: s.indicators ?? [],
    otherText: s.otherText ?? null,
    geo: s.geoGeojson ?? s.geo,
    years: s.years,
    formats: s.formats,
    purpose: s.purpose,
    requester: s.requester,
    privacyConsent: s.privacyConsent,
    publishConsent: s.publishConsent ?? false,
  };
}

function secureCookie(c: Context<AppEnv>): boolean {
  return c.var.deps.config.publicBaseUrl.startsWith('https://');
}

function setDraftCookie(c: Context<AppEnv>, id: string) {
  setCookie(c, DRAFT_COOKIE, id, {
    path: '/solicitud',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookie(c),
    maxAge: 7 * 24 * 3600,
  });
}

async function currentDraft(c: Context<AppEnv>) {
  return loadDraft(c.var.deps, getCookie(c, DRAFT_COOKIE));
}

async function renderStep(c: Context<AppEnv>, id: StepId, state: DraftState, raw: Raw, errors: FieldError[]) {
  const { t } = c.var;
  const step = STEPS[id];
  const ctx: StepCtx = { c, t, catalog: portalCatalog(c.var.deps.config.agency), state };
  const back = c.req.query('volver') === 'revisar' ? `${BASE}/revisar` : previousStep(state, id);
  const action = `${BASE}/${id}${c.req.query('volver') === 'revisar' ? '?volver=revisar' : ''}`;
  const title = errors.length > 0 ? `${t('portal.error_prefix')} ${t(step.title)}` : t(step.title);
  return renderPage(
    c,
    { title, status: errors.length > 0 ? 400 : 200, scripts: step.scripts?.(state) ?? [] },
    <>
      <FormTop c={c} back={back} errors={errors} />
      <form
        method="post"
        action={action}
        enctype={step.multipart ? 'multipart/form-data' : undefined}
        novalidate
      >
        <CsrfField token={c.var.csrfToken} />
        {step.view(ctx, raw, errors)}
        <button type="submit" class="button">
          {t('portal.continue')}
        </button>
      </form>
    </>,
  );
}

function isStep(s: string): s is StepId {
  return (STEP_ORDER as string[]).includes(s);
}

export const journeyRoutes = new Hono<AppEnv>();

journeyRoutes.get(BASE, (c) => c.redirect(`${BASE}/${STEP_ORDER[0]}`, 303));

journeyRoutes.get(`${BASE}/revisar`, async (c) => {
  const draft = await currentDraft(c);
  if (draft?.requestId) return c.redirect('/solicitud/confirmacion', 303);
  const state = draft?.data ?? {};
  const missing = firstMissingStep(state);
  if (missing) return c.redirect(`${BASE}/${missing}`, 303);
  return renderReview(c, state, []);
});

journeyRoutes.get(`${BASE}/:step`, async (c) => {
  const id = c.req.param('step');
  if (!isStep(id)) return c.notFound();
  const draft = await currentDraft(c);
  if (draft?.requestId) return startOver(c);
  const state = draft?.data ?? {};
  if (!(STEPS[id].applies?.(state) ?? true)) return c.redirect(nextAfter(state, id), 303);
  // Steps are answered in order: jumping ahead lands on the first unanswered one.
  const missing = firstMissingStep(state);
  if (missing && applicableSteps(state).indexOf(id) > applicableSteps(state).indexOf(missing)) {
    return c.redirect(`${BASE}/${missing}`, 303);
  }
  return renderStep(c, id, state, {}, []);
});

/** A finished draft is not reused: the next visit starts a new request. */
function startOver(c: Context<AppEnv>) {
  deleteCookie(c, DRAFT_COOKIE, { path: '/solicitud' });
  return c.redirect(`${BASE}/${STEP_ORDER[0]}`, 303);
}

journeyRoutes.post(`${BASE}/:step`, async (c) => {
  const id = c.req.param('step');
  if (id === 'enviar') return submit(c);
  if (!isStep(id)) return c.notFound();
  const { deps, t } = c.var;
  const draft = await currentDraft(c);
  const live = draft && !draft.requestId ? draft : null;
  const state = live?.data ?? {};
  const form = await readForm(c);
  const result = await STEPS[id].parse(
    { c, t, catalog: portalCatalog(c.var.deps.config.agency), state },
    form,
  );
  if ('errors' in result) return renderStep(c, id, state, result.raw, result.errors);
  const next: DraftState = { ...state, ...result.patch };
  const draftId = await saveDraft(deps, live?.id ?? null, next);
  if (draftId !== live?.id) setDraftCookie(c, draftId);
  const target =
    c.req.query('volver') === 'revisar'
      ? `${BASE}/${firstMissingStep(next) ?? 'revisar'}`
      : nextAfter(next, id);
  return c.redirect(target, 303);
});

function Row(props: { label: string; value: Child; step: StepId; t: Translate }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
      <dd>
        <a href={`${BASE}/${props.step}?volver=revisar`}>
          {props.t('portal.change')}
          <span class="visually-hidden"> {props.label.toLowerCase()}</span>
        </a>
      </dd>
    </div>
  );
}

async function renderReview(c: Context<AppEnv>, s: DraftState, errors: FieldError[]) {
  const { t, deps, locale } = c.var;
  const catalog = portalCatalog(c.var.deps.config.agency);
  const r = s.requester!;
  const duplicate = await findRecentDuplicate(
    deps,
    r.email,
    queryKey({ indicators: s.indicators ?? [], geo: s.geo!, years: s.years ?? [] }),
  );
  const challenge = await createPowChallenge(deps);
  const none = t('portal.review.none');
  return renderPage(
    c,
    {
      title: t('portal.review.title'),
      status: errors.length > 0 ? 400 : 200,
      scripts: ['/static/altcha-solver.js'],
    },
    <>
      <FormTop c={c} back={`${BASE}/consentimiento`} errors={errors} />
      <h1>{t('portal.review.title')}</h1>
      <h2>{t('portal.review.question')}</h2>
      <dl class="summary-list">
        <Row
          t={t}
          step="indicadores"
          label={t('portal.review.indicators')}
          value={
            (s.indicators ?? []).length > 0 ? (
              <ul>
                {(s.indicators ?? []).map((id) => (
                  <li>{indicatorName(t, id)}</li>
                ))}
              </ul>
            ) : (
              none
            )
          }
        />
        <Row t={t} step="indicadores" label={t('portal.review.other')} value={s.otherText || none} />
        <Row t={t} step="geografia" label={t('portal.review.geo')} value={geoName(catalog, t, s.geo!)} />
        <Row t={t} step="anios" label={t('portal.review.years')} value={(s.years ?? []).join(', ')} />
        <Row
          t={t}
          step="formatos"
          label={t('portal.review.formats')}
          value={(s.formats ?? []).map((f) => t(formatKey(f))).join(', ')}
        />
        <Row t={t} step="proposito" label={t('portal.review.purpose')} value={s.purpose} />
      </dl>
      <h2>{t('portal.review.you')}</h2>
      <dl class="summary-list">
        <Row t={t} step="datos" label={t('portal.field.name')} value={r.name} />
        <Row t={t} step="datos" label={t('portal.field.email')} value={r.email} />
        <Row
          t={t}
          step="datos"
          label={t('portal.field.sector')}
          value={sectorName(t, locale, deps.config.agency, r.sector)}
        />
        <Row t={t} step="datos" label={t('portal.field.organization')} value={r.organization || none} />
        <Row t={t} step="datos" label={t('portal.field.phone')} value={r.phone || none} />
        <Row
          t={t}
          step="consentimiento"
          label={t('portal.review.privacy')}
          value={t('portal.review.privacy_yes')}
        />
        <Row
          t={t}
          step="consentimiento"
          label={t('portal.review.publish')}
          value={s.publishConsent ? t('portal.review.publish_yes') : t('portal.review.publish_no')}
        />
      </dl>
      {duplicate ? (
        <section class="panel" aria-labelledby="duplicate-title">
          <h2 id="duplicate-title">{t('portal.duplicate.title')}</h2>
          <p>
            {t('portal.duplicate.body', {
              folio: duplicate.folio,
              when: formatDateTime(duplicate.receivedAt, locale, deps.config.agency.timezone),
            })}
          </p>
          <p>
            <a href={`/consulta?folio=${encodeURIComponent(duplicate.folio)}`}>{t('portal.duplicate.see')}</a>
          </p>
        </section>
      ) : null}
      <h2>{t('portal.review.send_title')}</h2>
      <p>{t('portal.review.send_body', { hours: deps.config.agency.slaWorkingHours })}</p>
      <form method="post" action={`${BASE}/enviar`} id="submit-form" data-altcha={JSON.stringify(challenge)}>
        <CsrfField token={c.var.csrfToken} />
        <input type="hidden" name="altcha" value="" />
        {duplicate ? <input type="hidden" name="allowDuplicate" value="1" /> : null}
        <div class="visually-hidden" aria-hidden="true">
          <label for="f-website">{t('portal.honeypot')}</label>
          <input type="text" id="f-website" name="website" value="" tabindex={-1} autocomplete="off" />
        </div>
        <p class="hint" id="altcha-status" aria-live="polite">
          {t('portal.review.no_js_note')}
        </p>
        <button type="submit" class="button" data-prevent-double-click="true">
          {duplicate ? t('portal.duplicate.send_anyway') : t('portal.review.send')}
        </button>
      </form>
    </>,
  );
}

async function submit(c: Context<AppEnv>) {
  const { deps, t, locale } = c.var;
  const draft = await currentDraft(c);
  if (!draft) return c.redirect(`${BASE}/${STEP_ORDER[0]}`, 303);
  // A second click (or a reload of the POST) finds the draft already submitted: same request.
  if (draft.requestId) return c.redirect('/solicitud/confirmacion', 303);
  const state = draft.data;
  const missing = firstMissingStep(state);
  if (missing) return c.redirect(`${BASE}/${missing}`, 303);
  const form = await readForm(c);

  rateLimiter(deps, {
    name: 'submit:ip',
    limit: deps.config.rateLimits.submitPerIpHour,
    windowSeconds: 3600,
  }).hit(clientIp(c));
  rateLimiter(deps, {
    name: 'submit:email',
    limit: deps.config.rateLimits.submitPerEmailDay,
    windowSeconds: 86_400,
  }).hit(state.requester!.email);

  // Proof of work when the browser ran it; otherwise the no-JavaScript checks (ADR 0005).
  const pow = str(form, 'altcha');
  if (pow) {
    if (!(await spendPowSolution(deps, pow)))
      return renderReview(c, state, [{ field: 'altcha-status', message: t('portal.err.pow_failed') }]);
  } else {
    const tooFast = deps.clock.now().getTime() - draft.createdAt.getTime() < MIN_NO_JS_JOURNEY_MS;
    if (str(form, 'website') || tooFast)
      return renderReview(c, state, [{ field: 'altcha-status', message: t('portal.err.too_fast') }]);
  }

  try {
    const result = await submitRequest(deps, {
      body: draftToBody(state),
      locale,
      catalog: portalCatalog(c.var.deps.config.agency),
      allowDuplicate: str(form, 'allowDuplicate') === '1',
      inTransaction: async (tx, request) => {
        if (!(await bindDraft(tx, draft.id, request.id)))
          throw new ConflictError('portal.err.already_submitted');
      },
    });
    if (result.kind === 'duplicate') return c.redirect(`${BASE}/revisar`, 303);
    setCookie(c, ACK_COOKIE, `${result.request.folio}.${result.trackingToken}`, {
      path: '/solicitud/confirmacion',
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookie(c),
      maxAge: 24 * 3600,
    });
    return c.redirect('/solicitud/confirmacion', 303);
  } catch (err) {
    if (err instanceof ConflictError && err.messageKey === 'portal.err.already_submitted')
      return c.redirect('/solicitud/confirmacion', 303);
    if (err instanceof InvalidInputError) return renderReview(c, state, err.fields);
    throw err;
  }
}

journeyRoutes.get('/solicitud/confirmacion', async (c) => {
  const { t, deps, locale } = c.var;
  const [folio, token] = (getCookie(c, ACK_COOKIE) ?? '').split('.');
  const request = folio ? await findRequestByFolio(deps.db, folio) : undefined;
  if (!request || !token) return c.redirect('/', 303);
  const tz = deps.config.agency.timezone;
  const tracking = `/seguimiento/${encodeURIComponent(request.folio)}/${token}`;
  return renderPage(
    c,
    { title: t('portal.confirm.title') },
    <>
      <div class="panel panel--confirmation">
        <h1>{t('portal.confirm.title')}</h1>
        <p>
          {t('portal.confirm.folio_label')}
          <strong class="folio">{request.folio}</strong>
        </p>
      </div>
      <p>{t('portal.confirm.email_sent')}</p>
      <h2>{t('portal.confirm.next_title')}</h2>
      <p>
        {request.dueAt
          ? t('portal.confirm.next_due', { due: formatDateTime(request.dueAt, locale, tz) })
          : t('portal.confirm.next_no_due')}
      </p>
      <p>{t('portal.confirm.next_auto')}</p>
      <h2>{t('portal.confirm.track_title')}</h2>
      <p>{t('portal.confirm.track_body')}</p>
      <p>
        <a href={tracking}>{t('portal.confirm.track_link')}</a>
      </p>
      <p>
        <a href="/mis-solicitudes">{t('portal.confirm.my_requests')}</a>
      </p>
    </>,
  );
});
