import { sql } from 'drizzle-orm';
import { checkDownloadLink } from '../../documents/links.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';

/**
 * A file behind a signed download link (/descargas/...): the link must be ours and unexpired, and the
 * file must still belong to a request whose personal data were not erased. An erasure (ARCO or
 * retention) thus revokes every link of that request at once — the oficio names the person — while
 * the signed oficio itself stays in the store for /verificar, reachable by no old link. A data file
 * shared with another, live request stays downloadable (it holds no personal data).
 */
export async function openDownload(
  deps: Deps,
  input: { sha256: string; name: string; e: string | undefined; s: string | undefined },
) {
  if (!checkDownloadLink(deps.secret, input, deps.clock.now()))
    throw new ForbiddenError('download', 'documents.error.link_expired');
  const files = JSON.stringify([{ sha256: input.sha256 }]);
  const live = await deps.db.execute(sql`
    SELECT 1 FROM answers a JOIN requests r ON r.id = a.request_id
    WHERE r.anonymized_at IS NULL AND a.files @> ${files}::jsonb
    LIMIT 1`);
  if ((live as unknown as { rows: unknown[] }).rows.length === 0)
    throw new ForbiddenError('download', 'privacy.download_revoked');
  const [bytes, meta] = await Promise.all([
    deps.documents.get(input.sha256),
    deps.documents.describe(deps.db, input.sha256),
  ]);
  if (!bytes || !meta) throw new NotFoundError('document');
  return { bytes, meta };
}
