import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { publishedAnswers } from '../../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { portalCatalog } from '../requests/catalog.ts';
import { foldAccents, geoIdsOf } from './publishable.ts';

export type PublishedAnswer = typeof publishedAnswers.$inferSelect;
export type LibraryQuery = { q?: string | undefined; topic?: string | undefined; geo?: string | undefined };
export type LibraryPage = { total: number; items: PublishedAnswer[] };

export const LIBRARY_PAGE_SIZE = 20;

/** jsonb array column holds any of `values` (`?|`). */
export function jsonbHasAny(column: AnyPgColumn, values: string[]): SQL {
  return sql`${column} ?| array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * The conditions of a library query. Words are matched with PostgreSQL's Spanish text search on both
 * engines (PGlite ships the `spanish` configuration): the Snowball stemmer makes "municipios" find
 * "municipio"; accents are folded on both sides, so "marginacion" finds "marginación".
 */
function conditions(query: LibraryQuery): SQL[] {
  const where: SQL[] = [];
  const q = searchWords(query);
  if (q)
    where.push(
      sql`to_tsvector('spanish', ${publishedAnswers.searchText}) @@ websearch_to_tsquery('spanish', ${q})`,
    );
  if (query.topic) where.push(sql`${publishedAnswers.topics} @> ${JSON.stringify([query.topic])}::jsonb`);
  // A place finds answers about it, about the places that hold it, and about the municipalities in it.
  if (query.geo && !query.geo.startsWith('state:'))
    where.push(jsonbHasAny(publishedAnswers.geoIds, geoIdsOf(portalCatalog(), query.geo)));
  return where;
}

function searchWords(query: LibraryQuery): string {
  return foldAccents(query.q?.trim() ?? '');
}

/** A page of the published answers library, best match first when words were given, else newest first. */
export async function searchPublishedAnswers(
  deps: Deps,
  query: LibraryQuery,
  page = 1,
): Promise<LibraryPage> {
  const where = and(...conditions(query));
  const q = searchWords(query);
  const [count] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(publishedAnswers).where(where);
  const items = await deps.db
    .select()
    .from(publishedAnswers)
    .where(where)
    .orderBy(
      ...(q
        ? [
            desc(
              sql`ts_rank(to_tsvector('spanish', ${publishedAnswers.searchText}), websearch_to_tsquery('spanish', ${q}))`,
            ),
          ]
        : []),
      desc(publishedAnswers.answeredAt),
    )
    .limit(LIBRARY_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * LIBRARY_PAGE_SIZE);
  return { total: Number(count?.n ?? 0), items };
}

/** One published answer by its public id. */
export async function findPublishedAnswer(
  deps: Deps,
  publicId: string,
): Promise<PublishedAnswer | undefined> {
  const [row] = await deps.db
    .select()
    .from(publishedAnswers)
    .where(eq(publishedAnswers.publicId, publicId))
    .limit(1);
  return row;
}
