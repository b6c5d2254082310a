import { asc, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import type { RequestRow } from '../../db/requests.ts';
import { requestEvents, requestFiles, staffUsers } from '../../db/schema/index.ts';
import { loadMunicipalBoundaries } from '../../documents/map.ts';
import { buildPolygonMapSvg } from '../../documents/polygon-map.ts';
import type { Actor } from '../../domain/actor.ts';
import { isPolygonGeoJson, polygonGeometry } from '../../domain/geography.ts';
import { ACTION_PERMISSION, authorize, can } from '../../domain/permissions.ts';
import { availableActions, type RequestAction } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { type PolygonShare, polygonShares, type StaffName } from './request-words.ts';
import { loadRequest } from './transitions.ts';

export type PersonalData = Pick<
  RequestRow,
  'requesterName' | 'requesterEmail' | 'requesterOrganization' | 'requesterPhone'
>;

/**
 * A request as a staff member sees it: the question, the timeline with internal notes, the files, and
 * the actions this person may take now. Personal data is included only for roles that may see it, and
 * each such view is audited.
 */
export async function viewRequest(deps: Deps, actor: Actor, folio: string) {
  const req = await loadRequest(deps, folio);
  authorize(actor, 'request.view');
  const [events, files, assignee] = await Promise.all([
    deps.db
      .select()
      .from(requestEvents)
      .where(eq(requestEvents.requestId, req.id))
      .orderBy(asc(requestEvents.at), asc(requestEvents.id)),
    deps.db
      .select()
      .from(requestFiles)
      .where(eq(requestFiles.requestId, req.id))
      .orderBy(asc(requestFiles.uploadedAt)),
    req.assigneeId
      ? deps.db
          .select({ id: staffUsers.id, name: staffUsers.name })
          .from(staffUsers)
          .where(eq(staffUsers.id, req.assigneeId))
      : Promise.resolve([]),
  ]);
  let personal: PersonalData | null = null;
  if (can(actor, 'personal_data.view') && !req.anonymizedAt) {
    personal = {
      requesterName: req.requesterName,
      requesterEmail: req.requesterEmail,
      requesterOrganization: req.requesterOrganization,
      requesterPhone: req.requesterPhone,
    };
    await deps.db.transaction((tx) =>
      appendAudit(tx, {
        actor,
        action: 'request.personal_data_viewed',
        subject: req.folio,
        at: deps.clock.now(),
      }),
    );
  }
  // The people named on the page (timeline actors, uploaders), so it shows names, never account ids.
  const ids = new Set<string>(files.map((f) => f.uploadedBy));
  for (const e of events) if (e.actor.startsWith('staff:')) ids.add(e.actor.slice('staff:'.length));
  const named = ids.size
    ? await deps.db
        .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
        .from(staffUsers)
        .where(inArray(staffUsers.id, [...ids]))
    : [];
  const polygon = req.geoGeojson ? polygonShares(deps, req.geoGeojson) : null;
  return {
    request: req,
    personal,
    events,
    files,
    assignee: assignee[0] ?? null,
    actions: actionsFor(actor, req),
    staffNames: new Map<string, StaffName>(named.map((p) => [p.id, { name: p.name, role: p.role }])),
    polygon,
    polygonMap: (label: string) => polygonMap(deps, req.geoGeojson, polygon, label),
  };
}

/** The polygon over the municipal boundaries as SVG; null (the page says it in words) without them. */
function polygonMap(deps: Deps, geojson: unknown, shares: PolygonShare[] | null, label: string) {
  const dir = deps.config.statsDataDir;
  if (!dir || !shares || !isPolygonGeoJson(geojson)) return null;
  try {
    const covered = new Set(shares.map((s) => s.code));
    return buildPolygonMapSvg(polygonGeometry(geojson), loadMunicipalBoundaries(dir), covered, label);
  } catch (err) {
    deps.logger.warn({ err }, 'polygon map unavailable');
    return null;
  }
}

/** Lifecycle actions valid for the request's status that this actor may take. */
export function actionsFor(actor: Actor, req: Pick<RequestRow, 'status' | 'assigneeId'>): RequestAction[] {
  const own = actor.type === 'staff' && actor.id === req.assigneeId;
  return availableActions(req.status).filter((a) => {
    const permission = ACTION_PERMISSION[a];
    if (!permission || !can(actor, permission)) return false;
    // Preparation is the assigned técnico's work.
    if (a === 'start_preparation' || a === 'submit_for_approval') return own;
    return true;
  });
}
