import { and, asc, count, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requests, staffUsers } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { isTerminal, REQUEST_STATUSES, type RequestStatus } from '../../domain/request-lifecycle.ts';
import { type SlaState, slaState } from '../../domain/working-calendar.ts';
import { slaMs } from '../calendar/compute-due-at.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';
import { portalCatalog } from '../requests/catalog.ts';
import { polygonShares } from './request-words.ts';

const OPEN_STATUSES = REQUEST_STATUSES.filter((s) => !isTerminal(s));
const QUEUE_LIMIT = 500;

export const queueFilterSchema = z.object({
  status: z.union([z.enum(REQUEST_STATUSES), z.literal('open'), z.literal('all')]).catch('open'),
  assignee: z.string().max(40).catch(''),
  due: z.enum(['', 'on_time', 'due_soon', 'overdue', 'paused']).catch(''),
  sector: z.string().max(40).catch(''),
  geo: z.string().trim().max(60).catch(''),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export type QueueSla = SlaState | 'paused' | 'closed' | 'none';

/** The staff queue: filtered, sorted by due time (earliest first), with counts per status. */
export async function listRequests(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.view');
  const filter = queueFilterSchema.parse(raw ?? {});
  const where: SQL[] = [];
  if (filter.status === 'open') where.push(inArray(requests.status, OPEN_STATUSES));
  else if (filter.status !== 'all') where.push(eq(requests.status, filter.status));
  if (filter.assignee === 'none') where.push(isNull(requests.assigneeId));
  else if (filter.assignee === 'me' && actor.type === 'staff') where.push(eq(requests.assigneeId, actor.id));
  else if (z.uuid().safeParse(filter.assignee).success) where.push(eq(requests.assigneeId, filter.assignee));
  if (filter.sector) where.push(eq(requests.requesterSector, filter.sector));
  if (filter.geo) where.push(geoOrFolio(filter.geo));
  const rows = await deps.db
    .select({
      folio: requests.folio,
      status: requests.status,
      indicators: requests.indicators,
      geo: requests.geo,
      geoGeojson: requests.geoGeojson,
      otherText: requests.otherText,
      years: requests.years,
      sector: requests.requesterSector,
      receivedAt: requests.receivedAt,
      dueAt: requests.dueAt,
      pausedAt: requests.pausedAt,
      assigneeId: requests.assigneeId,
      assigneeName: staffUsers.name,
    })
    .from(requests)
    .leftJoin(staffUsers, eq(staffUsers.id, requests.assigneeId))
    .where(and(...where))
    .orderBy(sql`${requests.dueAt} ASC NULLS LAST`, asc(requests.receivedAt))
    .limit(QUEUE_LIMIT);
  const calendar = await loadCalendar(deps);
  const now = deps.clock.now();
  const allowed = slaMs(deps);
  const items = rows
    .filter((r) => !filter.due || queueSla(r.status, r.dueAt, now, allowed, calendar) === filter.due)
    .map(({ geoGeojson, ...r }) => ({
      ...r,
      sla: queueSla(r.status, r.dueAt, now, allowed, calendar),
      polygon: geoGeojson ? polygonShares(deps, geoGeojson) : null,
    }));
  const counted = await deps.db
    .select({ status: requests.status, n: count() })
    .from(requests)
    .groupBy(requests.status);
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const c of counted) counts[c.status] = Number(c.n);
  return { filter, items, counts, truncated: rows.length === QUEUE_LIMIT };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The queue's one text filter: a folio, or a place by name ("toluca" finds Toluca itself, the sets
 * that include it, and the region and zone named after it), or what is stored (a geo id).
 */
function geoOrFolio(text: string): SQL {
  const escaped = text.replace(/[%_\\]/g, (m) => `\\${m}`);
  const pattern = `%${escaped}%`;
  const needle = fold(text);
  const places = [...portalCatalog().places.places.values()].filter((p) => fold(p.name).includes(needle));
  const ids = places.map((p) => p.id);
  const munCodes = places.filter((p) => p.level === 'mun').map((p) => p.members[0]!);
  return or(
    like(requests.folio, pattern),
    like(requests.geo, pattern),
    ...(ids.length > 0 ? [inArray(requests.geo, ids)] : []),
    ...munCodes.map((code) => like(requests.geo, `set:%${code}%`)),
  )!;
}

function queueSla(
  status: RequestStatus,
  dueAt: Date | null,
  now: Date,
  allowed: number,
  calendar: Parameters<typeof slaState>[3],
): QueueSla {
  if (isTerminal(status) || status === 'signed') return 'closed';
  if (status === 'clarification_requested') return 'paused';
  if (!dueAt) return 'none';
  return slaState(now, dueAt, allowed, calendar);
}
