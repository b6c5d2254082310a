import { createHash, createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { RequestRow } from '../../db/requests.ts';
import { apiIdempotencyKeys, requests } from '../../db/schema/index.ts';
import { InvalidInputError, UnprocessableError } from '../../domain/errors.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { portalCatalog } from './catalog.ts';
import { duplicateError, submitRequest } from './submit-request.ts';

export type ApiSubmission = { request: RequestRow; trackingToken: string; replayed: boolean };

/** The replayed answer needs the same token: it is derived from the key, never stored. */
function idempotentToken(secret: string, key: string): string {
  return createHmac('sha256', secret).update(`idempotency:${key}`).digest('base64url');
}

async function replay(deps: Deps, key: string, bodyHash: string): Promise<ApiSubmission | null> {
  const [row] = await deps.db
    .select({ bodyHash: apiIdempotencyKeys.bodyHash, request: requests })
    .from(apiIdempotencyKeys)
    .innerJoin(requests, eq(requests.id, apiIdempotencyKeys.requestId))
    .where(eq(apiIdempotencyKeys.key, key))
    .limit(1);
  if (!row) return null;
  if (row.bodyHash !== bodyHash) throw new UnprocessableError('portal.err.idempotency_mismatch');
  return { request: row.request, trackingToken: idempotentToken(deps.secret, key), replayed: true };
}

/**
 * A request submitted through the JSON API, honouring `Idempotency-Key`: the same key and body give
 * the first answer again (replayed), the same key with another body is refused, and the key is stored
 * in the submission's own transaction so a crash cannot separate them.
 */
export async function submitApiRequest(
  deps: Deps,
  cmd: {
    body: unknown;
    bodyText: string;
    idempotencyKey: string | undefined;
    locale: Locale;
    /** Runs only when a new request will be made (a replay is not a submission): e.g. rate limits. */
    beforeNewSubmission?: () => void | Promise<void>;
  },
): Promise<ApiSubmission> {
  const key = cmd.idempotencyKey;
  const bodyHash = createHash('sha256').update(cmd.bodyText).digest('hex');
  if (key) {
    const previous = await replay(deps, key, bodyHash);
    if (previous) return previous;
  }
  await cmd.beforeNewSubmission?.();
  try {
    const result = await submitRequest(deps, {
      body: cmd.body,
      locale: cmd.locale,
      catalog: portalCatalog(deps.config.agency),
      ...(key ? { trackingToken: idempotentToken(deps.secret, key) } : {}),
      inTransaction: key
        ? async (tx, request) => {
            await tx
              .insert(apiIdempotencyKeys)
              .values({ key, bodyHash, requestId: request.id, createdAt: deps.clock.now() });
          }
        : undefined,
    });
    if (result.kind === 'duplicate') throw duplicateError();
    return { request: result.request, trackingToken: result.trackingToken, replayed: false };
  } catch (err) {
    // Two calls with the same key at once: the second one's insert failed; answer as the first did.
    if (key && !(err instanceof InvalidInputError)) {
      const previous = await replay(deps, key, bodyHash);
      if (previous) return previous;
    }
    throw err;
  }
}
