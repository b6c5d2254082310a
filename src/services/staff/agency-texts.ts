import { eq, like } from 'drizzle-orm';
import { adminSettings } from '../../db/schema/index.ts';
import type { Deps } from '../deps.ts';

export type AgencyTexts = { letterhead: string[]; signatoryName: string; signatoryPost: string };
export type IndicatorText = { name: string; definition: string };

export const AGENCY_TEXTS_KEY = 'agency.texts';
export const INDICATOR_TEXT_PREFIX = 'indicator.text:';

/** The agency's letterhead and signatory: the admin's edited texts, or the agency config's. */
export async function agencyTexts(deps: Pick<Deps, 'db' | 'config'>): Promise<AgencyTexts> {
  const [row] = await deps.db.select().from(adminSettings).where(eq(adminSettings.key, AGENCY_TEXTS_KEY));
  const a = deps.config.agency;
  const fallback = {
    letterhead: a.letterhead,
    signatoryName: a.signatory.name,
    signatoryPost: a.signatory.post,
  };
  return row ? { ...fallback, ...(row.value as Partial<AgencyTexts>) } : fallback;
}

/** Indicator names and definitions the admin rewrote, by indicator id. */
export async function indicatorTexts(deps: Pick<Deps, 'db'>): Promise<Map<string, IndicatorText>> {
  const rows = await deps.db
    .select()
    .from(adminSettings)
    .where(like(adminSettings.key, `${INDICATOR_TEXT_PREFIX}%`));
  return new Map(rows.map((r) => [r.key.slice(INDICATOR_TEXT_PREFIX.length), r.value as IndicatorText]));
}
