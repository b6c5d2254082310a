import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Everything that makes the product one office's and not another's: one JSON file (AGENCY_CONFIG)
 * plus a few AGENCY_* environment overrides, validated once at start. Texts that belong to the
 * agency (letterhead, privacy notice) live here, per locale; the product's own texts stay in the
 * message catalogs.
 */

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'debe ser una hora HH:MM (p. ej. 09:00)');
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'debe ser un color #RRGGBB');

/** Colours app.css uses when the agency file leaves one out (keep in step with its :root). */
const DEFAULT_COLORS = { link: '#1d4f91', linkVisited: '#4c2c92', focus: '#ffdd00' } as const;
const WHITE = '#ffffff';
const TEXT = '#0b0c0c';
const PANEL = '#f3f2f1';

/** WCAG 2.2 contrast ratio of two #rrggbb colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

export type ColorPair = { use: string; fg: string; bg: string; min: number };

/**
 * Every pair of the palette the pages put one on the other (app.css), with the WCAG 2.2 AA minimum:
 * 4.5:1 for text, 3:1 for a focus indicator against what it sits on.
 */
export function agencyColorPairs(colors: {
  brand: string;
  brandDark: string;
  link?: string | undefined;
  linkVisited?: string | undefined;
  focus?: string | undefined;
}): ColorPair[] {
  const link = colors.link ?? DEFAULT_COLORS.link;
  const visited = colors.linkVisited ?? DEFAULT_COLORS.linkVisited;
  const focus = colors.focus ?? DEFAULT_COLORS.focus;
  return [
    { use: 'texto blanco sobre brandDark (barra del gobierno)', fg: WHITE, bg: colors.brandDark, min: 4.5 },
    { use: 'texto blanco sobre brand (navegación)', fg: WHITE, bg: colors.brand, min: 4.5 },
    { use: 'brand sobre blanco (nombre del servicio)', fg: colors.brand, bg: WHITE, min: 4.5 },
    { use: 'link sobre blanco', fg: link, bg: WHITE, min: 4.5 },
    { use: 'link sobre el pie de página', fg: link, bg: PANEL, min: 4.5 },
    { use: 'linkVisited sobre blanco', fg: visited, bg: WHITE, min: 4.5 },
    { use: 'texto sobre focus (enlace enfocado)', fg: TEXT, bg: focus, min: 4.5 },
    { use: 'focus sobre brand (foco en la navegación)', fg: focus, bg: colors.brand, min: 3 },
  ];
}

/** A text the agency writes in each language; English falls back to Spanish when absent. */
const localized = z.object({ 'es-MX': z.string().min(1), en: z.string().min(1).optional() });
export type LocalizedText = z.infer<typeof localized>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const agencySchema = z
  .object({
    /** Free note for whoever edits the file (ignored). */
    description: z.string().optional(),
    /** Short code: the folio prefix (`COESPO-2026-000123`) and the folio counters' key. */
    code: z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, 'debe ser una clave corta en mayúsculas (p. ej. COESPO)'),
    name: z.string().min(3),
    shortName: z.string().min(2),
    /** INEGI state key (clave de entidad, two digits): the geography the service covers. */
    stateCode: z.string().regex(/^\d\d$/, 'debe ser la clave INEGI de la entidad, dos dígitos (p. ej. 15)'),
    stateName: z.string().min(3),
    parentEntity: z.string().min(3),
    city: z.string().min(3),
    /** Lines at the top of the oficio, first the highest authority. */
    letterhead: z.array(z.string().min(1)).min(1),
    /** Logo file (SVG or PNG), relative to the config file; resolved to an absolute path at load. */
    logo: z
      .string()
      .regex(/\.(svg|png|jpe?g)$/i, 'debe ser un archivo .svg, .png o .jpg')
      .optional(),
    signatory: z.object({ name: z.string().min(3), post: z.string().min(3) }),
    /**
     * The requester's appeal (recurso de revisión) against an answer or a rejection, as the rejection
     * oficio states it: "ante {venue}, dentro de los {workingDays} días hábiles…", then where to file it.
     */
    recursoRevision: z
      .object({
        venue: z.string().min(3),
        where: z.string().min(3).optional(),
        workingDays: z.number().int().min(1).max(90),
      })
      .default({
        venue: 'el organismo garante del derecho de acceso a la información pública de la entidad',
        workingDays: 15,
      }),
    /** Sender of every e-mail, `Name <address>`. */
    emailFrom: z
      .string()
      .regex(
        /^[^<>]+<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/,
        'debe ser una dirección de correo, opcionalmente «Nombre <dirección>»',
      ),
    emailReplyTo: z.email().optional(),
    timezone: z
      .string()
      .refine(isTimeZone, 'debe ser una zona horaria IANA (p. ej. America/Mexico_City)')
      .default('America/Mexico_City'),
    /** Working hours allowed to answer a request. */
    slaWorkingHours: z.number().int().positive().max(2000).default(72),
    officeHours: z
      .object({
        start: hhmm,
        end: hhmm,
        weekdays: z.array(z.number().int().min(0).max(6)).min(1),
      })
      .refine((h) => h.end > h.start, 'la hora de cierre debe ser posterior a la de apertura')
      .default({ start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5] }),
    /**
     * The agency's own non-working days beyond the federal holidays (which always apply): `MM-DD`
     * repeats every year (a state holiday), `YYYY-MM-DD` is one date. Admin-declared days in the
     * database add to these.
     */
    nonWorkingDays: z
      .array(
        z.string().regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'debe ser MM-DD o AAAA-MM-DD'),
      )
      .default([]),
    /** Requester sectors offered, in order (ids of the portal's sector list). */
    sectors: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).min(1),
    /** Labels of sectors the catalog does not name (or to name them otherwise), by sector id. */
    sectorLabels: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), localized).optional(),
    /** Indicator ids of the catalog this agency offers; absent means all of them. */
    indicators: z
      .array(z.string().regex(/^[a-z][a-z0-9_]*$/))
      .min(1)
      .optional(),
    privacyNoticeVersion: z.string().min(1),
    privacyNotice: z.object({
      /** Who is responsible for the personal data (responsable), as the notice names it. */
      controller: z.string().min(3),
      /** Short notice shown next to the consent checkbox. */
      summary: localized,
      /** The full notice, paragraph by paragraph. */
      paragraphs: z.array(localized).min(1),
      /** Where the agency publishes the full notice, if elsewhere too. */
      url: z.url().optional(),
    }),
    /** The palette, served as CSS custom properties at /static/agency.css (no inline styles: CSP). */
    colors: z
      .object({
        brand: color,
        brandDark: color,
        link: color.optional(),
        linkVisited: color.optional(),
        focus: color.optional(),
      })
      .default({ brand: '#6f1d46', brandDark: '#4d1431' })
      // A palette that makes the header or the links unreadable is refused at start, naming the pair.
      .superRefine((colors, ctx) => {
        for (const p of agencyColorPairs(colors)) {
          const ratio = contrastRatio(p.fg, p.bg);
          if (ratio < p.min) {
            ctx.addIssue({
              code: 'custom',
              message: `contraste insuficiente de ${p.use}: ${ratio.toFixed(2)}:1 (${p.fg} con ${p.bg}; mínimo ${p.min}:1, WCAG 2.2 AA)`,
            });
          }
        }
      }),
  })
  .strict();

export type AgencyConfig = z.infer<typeof agencySchema>;

/** Environment variables that override single fields of the file (e.g. a staging sender address). */
export const AGENCY_ENV_OVERRIDES = {
  AGENCY_CODE: ['code'],
  AGENCY_NAME: ['name'],
  AGENCY_SHORT_NAME: ['shortName'],
  AGENCY_EMAIL_FROM: ['emailFrom'],
  AGENCY_EMAIL_REPLY_TO: ['emailReplyTo'],
  AGENCY_SIGNATORY_NAME: ['signatory', 'name'],
  AGENCY_SIGNATORY_POST: ['signatory', 'post'],
  AGENCY_LOGO: ['logo'],
  AGENCY_TIMEZONE: ['timezone'],
  AGENCY_SLA_WORKING_HOURS: ['slaWorkingHours'],
  AGENCY_PRIVACY_NOTICE_VERSION: ['privacyNoticeVersion'],
} as const satisfies Record<string, readonly string[]>;

const NUMERIC_FIELDS = new Set(['slaWorkingHours']);

function applyOverrides(raw: unknown, env: Record<string, string | undefined>): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const [name, path] of Object.entries(AGENCY_ENV_OVERRIDES)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    let target = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    target[last] = NUMERIC_FIELDS.has(last) && /^\d+$/.test(value) ? Number(value) : value;
  }
  return copy;
}

/** Reads, overrides and validates the agency file; throws an Error naming the file and each bad field. */
export function readAgencyConfig(path: string, env: Record<string, string | undefined> = {}): AgencyConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`AGENCY_CONFIG: no se pudo leer ${path}: ${(err as Error).message}`);
  }
  const parsed = agencySchema.safeParse(applyOverrides(raw, env));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(raíz)'}: ${i.message}`).join('; ');
    throw new Error(`AGENCY_CONFIG: ${path} no es válido: ${issues}`);
  }
  const agency = parsed.data;
  if (agency.logo) {
    const logo = isAbsolute(agency.logo) ? agency.logo : resolve(dirname(path), agency.logo);
    if (!existsSync(logo)) throw new Error(`AGENCY_CONFIG: ${path}: logo: no existe el archivo ${logo}`);
    agency.logo = logo;
  }
  return agency;
}

/** The agency's text in `locale`, Spanish when it has no translation. */
export function localizedText(text: LocalizedText, locale: string): string {
  return (locale === 'en' ? text.en : undefined) ?? text['es-MX'];
}

/** The agency's own non-working local dates (YYYY-MM-DD) in the given years. */
export function agencyNonWorkingDates(
  agency: Pick<AgencyConfig, 'nonWorkingDays'>,
  years: Iterable<number>,
): string[] {
  const out = new Set<string>();
  for (const year of years) {
    for (const day of agency.nonWorkingDays) {
      if (day.length === 5) out.add(`${year}-${day}`);
      else if (day.startsWith(`${year}-`)) out.add(day);
    }
  }
  return [...out].sort();
}

/** The agency palette as CSS custom properties (the names app.css uses). */
export function agencyCss(agency: Pick<AgencyConfig, 'colors'>): string {
  const c = agency.colors;
  const vars: [string, string | undefined][] = [
    ['--brand', c.brand],
    ['--brand-dark', c.brandDark],
    ['--link', c.link],
    ['--link-visited', c.linkVisited],
    ['--focus', c.focus],
  ];
  const body = vars
    .filter((v): v is [string, string] => v[1] !== undefined)
    .map(([k, v]) => `  ${k}: ${v};`)
    .join('\n');
  return `:root {\n${body}\n}\n`;
}
