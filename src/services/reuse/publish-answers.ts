import { and, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { answers, publishedAnswers, requests } from '../../db/schema/index.ts';
import { SYSTEM } from '../../domain/actor.ts';
import { translator } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { geoName, portalCatalog } from '../requests/catalog.ts';
import { newToken } from '../requests/tokens.ts';
import {
  geoIdsOf,
  PUBLIC_FILE_KINDS,
  publishBasis,
  publishedTitle,
  searchTextOf,
  topicsOf,
} from './publishable.ts';

const BATCH = 200;

/**
 * Takes out of the library every answer its requester did not agree to publish (rows written under
 * the former rule, which also published automatic answers without consent), each audited.
 */
async function withdrawWithoutConsent(deps: Deps, now: Date): Promise<number> {
  const rows = await deps.db
    .select({
      requestId: publishedAnswers.requestId,
      publicId: publishedAnswers.publicId,
      folio: requests.folio,
    })
    .from(publishedAnswers)
    .innerJoin(requests, eq(requests.id, publishedAnswers.requestId))
    .where(or(eq(requests.publishConsent, false), ne(publishedAnswers.basis, 'consent')));
  for (const r of rows) {
    await deps.db.transaction(async (tx) => {
      await tx.delete(publishedAnswers).where(eq(publishedAnswers.requestId, r.requestId));
      await appendAudit(tx, {
        actor: SYSTEM,
        action: 'answer.unpublished',
        subject: r.folio,
        data: { publicId: r.publicId, reason: 'no_consent' },
        at: now,
      });
    });
  }
  return rows.length;
}

/**
 * Adds delivered answers whose requester agreed to the library (/respuestas), per `publishBasis`, and
 * withdraws any there without that agreement. Idempotent: a request already in the library is skipped
 * (and the primary key keeps a concurrent run from adding it twice). Only the structured question,
 * the place, the dates and the data files are copied.
 */
export async function publishAnswers(deps: Deps): Promise<{ published: number; withdrawn: number }> {
  const now = deps.clock.now();
  const withdrawn = await withdrawWithoutConsent(deps, now);
  const candidates = await deps.db
    .select({
      id: requests.id,
      folio: requests.folio,
      indicators: requests.indicators,
      otherText: requests.otherText,
      geo: requests.geo,
      years: requests.years,
      queryKey: requests.queryKey,
      publishConsent: requests.publishConsent,
      deliveredAt: requests.deliveredAt,
    })
    .from(requests)
    .leftJoin(publishedAnswers, eq(publishedAnswers.requestId, requests.id))
    .where(
      and(
        eq(requests.status, 'delivered'),
        eq(requests.publishConsent, true),
        isNull(publishedAnswers.requestId),
      ),
    )
    .orderBy(requests.deliveredAt)
    .limit(BATCH);
  const catalog = portalCatalog();
  const es = translator('es-MX');
  let published = 0;
  for (const r of candidates) {
    const basis = publishBasis(r);
    if (!basis) continue;
    const [answer] = await deps.db
      .select({ files: answers.files })
      .from(answers)
      .where(and(eq(answers.requestId, r.id), inArray(answers.status, ['delivered', 'signed'])))
      .orderBy(desc(answers.createdAt))
      .limit(1);
    if (!answer) continue;
    const files = answer.files.filter((f) => PUBLIC_FILE_KINDS.includes(f.kind));
    await deps.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(publishedAnswers)
        .values({
          requestId: r.id,
          publicId: newToken(8),
          indicators: [...r.indicators].sort(),
          topics: topicsOf(r.indicators),
          geo: r.geo,
          geoName: geoName(catalog, es, r.geo),
          geoIds: geoIdsOf(catalog, r.geo),
          years: r.years,
          queryKey: r.queryKey,
          title: publishedTitle(catalog, r, 'es-MX'),
          searchText: searchTextOf(catalog, r),
          basis,
          files,
          answeredAt: r.deliveredAt ?? now,
          publishedAt: now,
        })
        .onConflictDoNothing()
        .returning({ publicId: publishedAnswers.publicId });
      if (inserted.length === 0) return;
      await appendAudit(tx, {
        actor: SYSTEM,
        action: 'answer.published',
        subject: r.folio,
        data: { publicId: inserted[0]!.publicId, basis, queryKey: r.queryKey },
        at: now,
      });
      published++;
    });
  }
  if (published > 0 || withdrawn > 0) deps.logger.info({ published, withdrawn }, 'answers library updated');
  return { published, withdrawn };
}
