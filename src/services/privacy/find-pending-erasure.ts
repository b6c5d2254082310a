import { and, desc, eq } from 'drizzle-orm';
import { arcoRequests } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Deps } from '../deps.ts';
import { normalizeEmail } from '../requests/request-input.ts';
import type { ArcoRequestRow } from './request-erasure.ts';

/** The signed-in requester's pending deletion request, if any. */
export async function findPendingErasure(deps: Deps, actor: Actor): Promise<ArcoRequestRow | undefined> {
  if (actor.type !== 'requester') return undefined;
  const [row] = await deps.db
    .select()
    .from(arcoRequests)
    .where(and(eq(arcoRequests.email, normalizeEmail(actor.email)), eq(arcoRequests.status, 'pending')))
    .orderBy(desc(arcoRequests.receivedAt))
    .limit(1);
  return row;
}
