import type { Context } from 'hono';
import { z } from 'zod';
import { parseGeoId } from '../../../domain/geography.ts';
import { portalCatalog } from '../../../services/requests/catalog.ts';
import { type Draft, type DraftState, saveDraft } from '../../../services/requests/drafts.ts';
import { fieldSchemas } from '../../../services/requests/request-input.ts';
import type { AppEnv } from '../../context.ts';
import { list, readForm, str } from '../form-helpers.tsx';
import { BASE } from './flow.ts';

/**
 * POST /solicitud/nueva/prellenar, from the question box (/preguntar): the figures it answered
 * (indicators, place, years) or the question itself as an «Otro» request go into the journey's draft,
 * kept with whatever the person had already answered, and the journey continues at its review page
 * (which sends to the first step still unanswered). Each field is validated by the journey's own
 * schemas; an invalid one is left out rather than refused, so the journey asks it again.
 */
export async function prefillFromQuestion(
  c: Context<AppEnv>,
  draft: Draft | null,
  remember: (draftId: string) => void,
): Promise<Response> {
  const { t, deps } = c.var;
  const catalog = portalCatalog(deps.config.agency);
  const f = fieldSchemas(t, catalog);
  const form = await readForm(c);
  const patch: Partial<DraftState> = {};
  const indicators = f.indicators.safeParse(list(form, 'indicators'));
  const otherText = f.otherText.safeParse(str(form, 'otherText'));
  if (indicators.success && indicators.data.length > 0) patch.indicators = indicators.data;
  if (otherText.success && otherText.data) patch.otherText = otherText.data;
  const geo = str(form, 'geo');
  const ref = parseGeoId(geo);
  if (ref && catalog.isGeoId(geo)) {
    patch.geoLevel = ref.level;
    patch.geo = geo;
    patch.geoGeojson = null;
  }
  const years = z.array(z.string()).max(20).safeParse(list(form, 'years'));
  const parsedYears = years.success && years.data.length > 0 ? f.years.safeParse(years.data) : null;
  if (parsedYears?.success) patch.years = parsedYears.data;
  const live = draft && !draft.requestId ? draft : null;
  const next: DraftState = { ...(live?.data ?? {}), ...patch };
  const draftId = await saveDraft(deps, live?.id ?? null, next);
  if (draftId !== live?.id) remember(draftId);
  return c.redirect(`${BASE}/revisar`, 303);
}
