import { z } from 'zod';
import type { RequestRow } from '../../db/requests.ts';
import type { Actor } from '../../domain/actor.ts';
import { type FieldError, InvalidInputError } from '../../domain/errors.ts';
import { normalizeGeoId } from '../../domain/geography.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from '../staff/input.ts';
import { ANSWER_FORMATS, type AnswerDraftContent, BODY_FIELDS, currentDraft } from './answer-draft.ts';
import { appendDraftVersion, authorizeDraftChange, loadEditableRequest } from './draft-store.ts';

export const BODY_MAX_CHARS = 3000;
export const MAX_PLACES = 20;
export const MAX_INDICATORS = 30;
export const MAX_YEARS = 30;

// Control characters (C0, C1, bidi overrides) would print as boxes or reorder the text; only the line
// breaks a textarea sends are accepted.
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const hasControl = (s: string) => CONTROL.test(s.replace(/[\r\n]/g, ''));
// Plain text only: anything that looks like an HTML/XML tag is refused rather than printed.
const MARKUP = /<\/?[a-zA-Z!?][^>]*>/;

const many = (limit: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().trim().max(200, 'staff.err.invalid_value'))
      .max(limit, 'workbench.err.too_many')
      .transform((xs) => [...new Set(xs.filter(Boolean))]),
  );

const bodyText = z
  .string()
  .max(BODY_MAX_CHARS, 'workbench.err.text_too_long')
  .refine((s) => !hasControl(s), 'workbench.err.control_chars')
  .refine((s) => !MARKUP.test(s), 'workbench.err.markup')
  .optional()
  .default('')
  .transform((s) => s.replace(/\r\n?/g, '\n').trim());

const schema = z.object({
  folio: z.string().min(1),
  baseVersion: z.coerce.number().int().min(0).optional(),
  indicators: many(MAX_INDICATORS),
  places: many(MAX_PLACES),
  years: z.preprocess(
    (v) =>
      (Array.isArray(v) ? v : [v ?? '']).flatMap((x) => String(x).split(/[\s,;]+/)).filter((x) => x !== ''),
    z
      .array(z.string())
      .max(MAX_YEARS, 'workbench.err.too_many')
      // One message for the field, not one per year typed.
      .refine(
        (ys) => ys.every((y) => /^\d{4}$/.test(y) && Number(y) >= 1950 && Number(y) <= 2070),
        'workbench.err.years',
      )
      .transform((ys) => [...new Set(ys.map(Number))].sort((a, b) => a - b)),
  ),
  // `zip` (and `oficio`, from the request's own formats) are accepted and always delivered anyway.
  formats: many(ANSWER_FORMATS.length + 2).refine(
    (fs) => fs.every((f) => [...ANSWER_FORMATS, 'zip', 'oficio'].includes(f)),
    'staff.err.invalid_value',
  ),
  explanation: bodyText,
  methodology: bodyText,
  limitations: bodyText,
});

const tr = (key: string, params?: Record<string, string | number>) =>
  translate('es-MX', key as Parameters<typeof translate>[1], params);

/** Indicators of the agency's catalog and places the engine knows (or the request's own polygon). */
function checkCatalog(deps: Deps, req: RequestRow, indicators: string[], places: string[]) {
  const errors: FieldError[] = [];
  const known = new Set(deps.stats.indicators().map((i) => i.id));
  const unknown = indicators.filter((i) => !known.has(i));
  if (unknown.length > 0)
    errors.push({
      field: 'indicators',
      message: tr('workbench.err.indicator_unknown', { ids: unknown.join(', ') }),
    });
  const normal: string[] = [];
  for (const p of places) {
    if (p === req.geo && p.startsWith('polygon:')) {
      normal.push(p);
      continue;
    }
    const id = normalizeGeoId(p);
    let ok = id !== null;
    if (id) {
      try {
        deps.stats.resolveGeo(id);
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      errors.push({ field: 'places', message: tr('workbench.err.place_unknown') });
      break;
    }
    if (!normal.includes(id!)) normal.push(id!);
  }
  if (errors.length > 0) throw new InvalidInputError(errors);
  return normal;
}

/**
 * The assigned técnico saves the answer draft of a request in preparation: figures (indicators,
 * places, years), formats and the paragraphs of the oficio. Each save is a new version with its
 * timeline event and audit entry; annexes are kept as they are.
 */
export async function saveAnswerDraft(deps: Deps, actor: Actor, raw: unknown) {
  authorizeDraftChange(actor);
  const input = parseStaffInput(schema, raw);
  const req = await loadEditableRequest(deps, actor, input.folio);
  const places = checkCatalog(deps, req, input.indicators, input.places);
  const draft = await currentDraft(deps.db, req);
  const after: AnswerDraftContent = {
    indicators: input.indicators,
    places,
    years: input.years,
    formats: ANSWER_FORMATS.filter((f) => input.formats.includes(f)),
    body: Object.fromEntries(BODY_FIELDS.map((f) => [f, input[f]])) as AnswerDraftContent['body'],
    annexes: draft.content.annexes,
  };
  const now = deps.clock.now();
  return deps.db.transaction((tx) =>
    appendDraftVersion(tx, actor, req, { before: draft.content, after, baseVersion: input.baseVersion, now }),
  );
}
