import { and, desc, eq, sql } from 'drizzle-orm';
import { publishedAnswers } from '../../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { queryKey } from '../requests/request-input.ts';
import { jsonbHasAny, type PublishedAnswer } from './search-published-answers.ts';

export type SimilarQuery = { indicators: string[]; geo: string; years?: number[] | undefined };
export type DataLink = { indicator: string; geo: string; year: number; url: string };
export type SimilarResult = {
  /** Published answers about the same place with at least one of the indicators; identical questions first. */
  answers: (PublishedAnswer & { identical: boolean })[];
  /** Figures already on /datos for these indicators and place. */
  dataLinks: DataLink[];
};

const MAX_ANSWERS = 5;
const MAX_LINKS = 6;

/**
 * "Ya existe información similar": before someone submits, what is already published for the same
 * question. Never fails the journey: with no indicators or a drawn polygon it returns nothing.
 */
export async function findSimilar(deps: Deps, q: SimilarQuery): Promise<SimilarResult> {
  const indicators = [...new Set(q.indicators)];
  if (indicators.length === 0 || !q.geo || q.geo.startsWith('polygon:'))
    return { answers: [], dataLinks: [] };
  const years = q.years ?? [];
  const key = years.length > 0 ? queryKey({ indicators, geo: q.geo, years }) : null;
  const rows = await deps.db
    .select()
    .from(publishedAnswers)
    .where(and(eq(publishedAnswers.geo, q.geo), jsonbHasAny(publishedAnswers.indicators, indicators)))
    .orderBy(desc(sql`(${publishedAnswers.queryKey} = ${key ?? ''})`), desc(publishedAnswers.answeredAt))
    .limit(MAX_ANSWERS);
  return {
    answers: rows.map((r) => ({ ...r, identical: r.queryKey === key })),
    dataLinks: dataLinks(deps, indicators, q.geo, years),
  };
}

/** Links to /datos for each indicator the engine can answer here, for the latest asked year it has. */
function dataLinks(deps: Deps, indicators: string[], geo: string, years: number[]): DataLink[] {
  const catalog = new Map(deps.stats.indicators().map((i) => [i.id, i]));
  const links: DataLink[] = [];
  for (const id of indicators) {
    const entry = catalog.get(id);
    if (!entry?.loaded) continue;
    const candidates = (years.length > 0 ? years : entry.years).filter((y) => entry.years.includes(y));
    const year = candidates.sort((a, b) => b - a)[0];
    if (year === undefined) continue;
    if (!deps.stats.canAnswer({ indicators: [id], geo, years: [year] }).ok) continue;
    const params = new URLSearchParams({ indicador: id, geo, anio: String(year) });
    links.push({ indicator: id, geo, year, url: `/datos?${params}` });
    if (links.length >= MAX_LINKS) break;
  }
  return links;
}
