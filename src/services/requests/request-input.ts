import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FieldError } from '../../domain/errors.ts';
import { normalizeGeoId, type PolygonGeometry } from '../../domain/geography.ts';
import { isOneLine } from '../../domain/one-line.ts';
import { checkPolygon, type PolygonCheck, polygonProblemMessage } from '../../domain/polygon-check.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { messageKeyOf } from '../../i18n/keys.ts';

/**
 * Sector ids of the requester that have labels in the catalog (`portal.sector.<id>`): the COESPO
 * default; each agency chooses its own list (`agency.sectors`, see PortalCatalog.sectors).
 */
export const SECTORS = [
  'academia',
  'estudiante',
  'gobierno_federal',
  'gobierno_estatal',
  'gobierno_municipal',
  'legislativo_judicial',
  'osc',
  'privado',
  'medios',
  'ciudadania',
] as const;
/** A sector id: one of the agency's list (`agency.sectors`). */
export type Sector = string;

/** Output formats a requester may ask for. */
export const FORMATS = ['xlsx', 'csv', 'chart', 'map', 'oficio'] as const;
export type Format = (typeof FORMATS)[number];

/** Size limits of every field (characters / items). */
export const LIMITS = {
  indicators: 30,
  otherText: 1000,
  years: 15,
  purpose: 2000,
  purposeMin: 10,
  // A name and an organisation are printed on one line each in the oficio's addressee block.
  name: 100,
  email: 254,
  organization: 150,
  phone: 30,
  geojsonBytes: 200_000,
  geojsonVertices: 5000,
} as const;

export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;

/** What the catalog must tell the validation (the statistics engine's indicators and places). */
export type InputCatalog = {
  isIndicator(id: string): boolean;
  isGeoId(id: string): boolean;
  /** The agency's sectors (the default list when absent). */
  sectors?: readonly string[];
};

export type RequestInput = {
  indicators: string[];
  otherText: string | null;
  /** A geography id (`mun:15033`, `set:15033,15058`, ...) or `polygon:<hash>` with `geoGeojson`. */
  geo: string;
  geoGeojson: PolygonGeometry | null;
  years: number[];
  formats: Format[];
  purpose: string;
  requester: {
    name: string;
    email: string;
    sector: Sector;
    organization: string | null;
    phone: string | null;
  };
  privacyConsent: true;
  publishConsent: boolean;
};

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export function polygonGeoId(p: PolygonGeometry): string {
  return `polygon:${createHash('sha256').update(JSON.stringify(p)).digest('hex').slice(0, 16)}`;
}

/** The schema of each field, shared by the API body and the form's steps. */
export function fieldSchemas(t: Translate, catalog: InputCatalog) {
  const m = (key: MessageKey, params?: Record<string, string | number>) => ({ message: t(key, params) });
  return {
    indicators: z
      .array(
        z.string(m('portal.err.indicator_unknown')).max(80, m('portal.err.indicator_unknown')),
        m('portal.err.indicators_required'),
      )
      .max(LIMITS.indicators, m('portal.err.indicators_too_many', { max: LIMITS.indicators }))
      .default([])
      .refine((ids) => ids.every((id) => catalog.isIndicator(id)), m('portal.err.indicator_unknown'))
      .transform((ids) => [...new Set(ids)]),
    otherText: optionalText(LIMITS.otherText, t('portal.err.too_long', { max: LIMITS.otherText })),
    years: z
      .array(
        z.coerce
          .number(m('portal.err.year_invalid'))
          .int(m('portal.err.year_invalid'))
          .min(MIN_YEAR, m('portal.err.year_invalid'))
          .max(MAX_YEAR, m('portal.err.year_invalid')),
        m('portal.err.years_required'),
      )
      .min(1, m('portal.err.years_required'))
      .max(LIMITS.years, m('portal.err.years_too_many', { max: LIMITS.years }))
      .transform((ys) => [...new Set(ys)].sort((a, b) => a - b)),
    formats: z
      .array(z.enum(FORMATS, m('portal.err.format_unknown')), m('portal.err.formats_required'))
      .min(1, m('portal.err.formats_required'))
      .transform((fs) => FORMATS.filter((f) => fs.includes(f))),
    purpose: z
      .string(m('portal.err.purpose_required'))
      .trim()
      .min(1, m('portal.err.purpose_required'))
      .min(LIMITS.purposeMin, m('portal.err.purpose_too_short', { min: LIMITS.purposeMin }))
      .max(LIMITS.purpose, m('portal.err.too_long', { max: LIMITS.purpose })),
    requester: z.object(
      {
        name: z
          .string(m('portal.err.name_required'))
          .trim()
          .min(2, m('portal.err.name_required'))
          .max(LIMITS.name, m('portal.err.too_long', { max: LIMITS.name }))
          .refine(isOneLine, m('portal.err.name_one_line')),
        email: z
          .string(m('portal.err.email_required'))
          .trim()
          .min(1, m('portal.err.email_required'))
          .max(LIMITS.email, m('portal.err.too_long', { max: LIMITS.email }))
          .pipe(z.email(m('portal.err.email_invalid')))
          .transform(normalizeEmail),
        sector: z.enum(
          (catalog.sectors ?? SECTORS) as [string, ...string[]],
          m('portal.err.sector_required'),
        ),
        organization: optionalText(
          LIMITS.organization,
          t('portal.err.too_long', { max: LIMITS.organization }),
        ).refine((v) => v === null || isOneLine(v), m('portal.err.organization_one_line')),
        phone: optionalText(LIMITS.phone, t('portal.err.too_long', { max: LIMITS.phone })).refine(
          (v) => v === null || /^[+()\d\s.-]{7,30}$/.test(v),
          m('portal.err.phone_invalid'),
        ),
      },
      m('portal.err.requester_required'),
    ),
    privacyConsent: z.literal(true, m('portal.err.privacy_required')),
    publishConsent: z.boolean(m('portal.err.invalid')).optional().default(false),
    geo: z.union([z.string(), z.record(z.string(), z.unknown())], m('portal.err.geo_required')),
  };
}

/** Something was asked: at least one indicator or the "Otro" text. */
export function requireQuestion(t: Translate) {
  return (v: { indicators: string[]; otherText: string | null }, ctx: z.RefinementCtx) => {
    if (v.indicators.length === 0 && !v.otherText) {
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: t('portal.err.indicators_required') });
    }
  };
}

/**
 * A pasted or uploaded GeoJSON polygon (Polygon, MultiPolygon, Feature or FeatureCollection), checked
 * before anything clips it: at most LIMITS.geojsonVertices vertices and LIMITS.geojsonBytes, valid
 * coordinates, not degenerate, not self-intersecting, not across the antimeridian. The one parser of
 * every door that takes a polygon (API, journey); the geometry is bare (a Polygon or MultiPolygon).
 */
export function parsePolygon(value: unknown): PolygonCheck {
  const checked = checkPolygon(value, LIMITS.geojsonVertices);
  if (checked.ok && JSON.stringify(checked.geometry).length > LIMITS.geojsonBytes)
    return { ok: false, problem: { kind: 'too_large', kb: Math.round(LIMITS.geojsonBytes / 1000) } };
  return checked;
}

/** What is wrong with a refused polygon, in the caller's language. */
export function polygonProblemText(t: Translate, checked: Extract<PolygonCheck, { ok: false }>): string {
  const { id, params } = polygonProblemMessage(checked.problem);
  return t(messageKeyOf('polygon.problem.', id), params);
}

/**
 * The zod schema of a whole request (the API body; the form builds the same object from its steps).
 * Messages come from the catalog in the caller's language.
 */
export function requestInputSchema(t: Translate, catalog: InputCatalog) {
  return z
    .object(fieldSchemas(t, catalog))
    .superRefine(requireQuestion(t))
    .transform((v, ctx): RequestInput => {
      let geoId: string;
      let geoGeojson: PolygonGeometry | null = null;
      if (typeof v.geo === 'string') {
        geoId = normalizeGeoId(v.geo) ?? '';
        if (!geoId || !catalog.isGeoId(geoId)) {
          ctx.addIssue({ code: 'custom', path: ['geo'], message: t('portal.err.geo_unknown') });
          return z.NEVER;
        }
      } else {
        const checked = parsePolygon(v.geo);
        if (!checked.ok) {
          ctx.addIssue({ code: 'custom', path: ['geo'], message: polygonProblemText(t, checked) });
          return z.NEVER;
        }
        geoGeojson = checked.geometry;
        geoId = polygonGeoId(checked.geometry);
      }
      return {
        indicators: v.indicators,
        otherText: v.otherText,
        geo: geoId,
        geoGeojson,
        years: v.years,
        formats: v.formats,
        purpose: v.purpose,
        requester: v.requester,
        privacyConsent: true,
        publishConsent: v.publishConsent,
      };
    });
}

/** E-mail addresses compare case-insensitively (the duplicate guard and the portal rely on it). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Normal form of the question: sorted indicator ids | geography id | sorted years. */
export function queryKey(q: { indicators: string[]; geo: string; years: number[] }): string {
  const ids = [...new Set(q.indicators)].sort();
  const years = [...new Set(q.years)].sort((a, b) => a - b);
  return `${ids.join(',')}|${q.geo}|${years.join(',')}`;
}

/** zod issues → field errors (`requester.email`), first message per field. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    // `years.2` → `years`: the field, not the item, is what the form shows.
    const field = issue.path.filter((p) => typeof p === 'string').join('.') || 'form';
    if (!out.some((e) => e.field === field)) out.push({ field, message: issue.message });
  }
  return out;
}
