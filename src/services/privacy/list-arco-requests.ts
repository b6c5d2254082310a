import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { arcoRequests, requests } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { TERMINAL_STATUSES } from './anonymize.ts';
import type { ArcoRequestRow } from './request-erasure.ts';

/** Who may see and answer ARCO requests: those who may see requesters' personal data. */
export const ARCO_PERMISSION = 'personal_data.view' as const;

/** ARCO requests for staff: pending ones by deadline, then the latest resolved. */
export async function listArcoRequests(deps: Deps, actor: Actor): Promise<ArcoRequestRow[]> {
  authorize(actor, ARCO_PERMISSION);
  const pending = await deps.db
    .select()
    .from(arcoRequests)
    .where(eq(arcoRequests.status, 'pending'))
    .orderBy(asc(arcoRequests.dueAt));
  const resolved = await deps.db
    .select()
    .from(arcoRequests)
    .where(inArray(arcoRequests.status, ['completed', 'rejected']))
    .orderBy(desc(arcoRequests.resolvedAt))
    .limit(50);
  return [...pending, ...resolved];
}

export type ArcoDetail = {
  arco: ArcoRequestRow;
  /** The requester's requests still holding personal data: folio and status. */
  requests: { folio: string; status: string; open: boolean }[];
};

/** One ARCO request with the requests it covers. Viewing it shows an e-mail address: audited. */
export async function viewArcoRequest(deps: Deps, actor: Actor, code: string): Promise<ArcoDetail> {
  authorize(actor, ARCO_PERMISSION);
  const [arco] = await deps.db.select().from(arcoRequests).where(eq(arcoRequests.code, code)).limit(1);
  if (!arco) throw new NotFoundError('arco_request');
  const rows = arco.email
    ? await deps.db
        .select({ folio: requests.folio, status: requests.status })
        .from(requests)
        .where(and(eq(requests.requesterEmail, arco.email), isNull(requests.anonymizedAt)))
        .orderBy(asc(requests.receivedAt))
    : [];
  if (arco.email) {
    await deps.db.transaction((tx) =>
      appendAudit(tx, {
        actor,
        action: 'arco.personal_data_viewed',
        subject: arco.code,
        at: deps.clock.now(),
      }),
    );
  }
  return {
    arco,
    requests: rows.map((r) => ({
      ...r,
      open: !(TERMINAL_STATUSES as readonly string[]).includes(r.status),
    })),
  };
}

/** How many ARCO requests wait for staff (for a badge or the queue). */
export async function countPendingArco(deps: Deps): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(arcoRequests)
    .where(eq(arcoRequests.status, 'pending'));
  return Number(row?.n ?? 0);
}
