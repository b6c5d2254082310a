import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { requestDrafts } from '../../db/schema/index.ts';
import type { PolygonGeometry } from '../../domain/geography.ts';
import type { Deps } from '../deps.ts';
import { newToken, sha256Hex } from './tokens.ts';

/** The answers given so far, step by step (each one validated when its step was posted). */
export type DraftState = {
  indicators?: string[];
  otherText?: string | null;
  geoLevel?: 'state' | 'mun' | 'region' | 'zm' | 'set' | 'polygon';
  geo?: string;
  geoGeojson?: PolygonGeometry | null;
  years?: number[];
  formats?: string[];
  purpose?: string;
  requester?: {
    name: string;
    email: string;
    sector: string;
    organization: string | null;
    phone: string | null;
  };
  privacyConsent?: boolean;
  publishConsent?: boolean;
};

export type Draft = {
  id: string;
  data: DraftState;
  createdAt: Date;
  requestId: string | null;
};

/** Drafts untouched for this long are forgotten (they may hold personal data). */
export const DRAFT_TTL_MS = 7 * 24 * 3600 * 1000;

export async function loadDraft(deps: Deps, id: string | undefined): Promise<Draft | null> {
  if (!id || id.length > 100) return null;
  const [row] = await deps.db
    .select()
    .from(requestDrafts)
    .where(eq(requestDrafts.idHash, sha256Hex(id)))
    .limit(1);
  if (!row || row.updatedAt.getTime() < deps.clock.now().getTime() - DRAFT_TTL_MS) return null;
  return { id, data: row.data as DraftState, createdAt: row.createdAt, requestId: row.requestId };
}

/** Saves the draft's answers; creates it (with a new random id) when `id` is null. Returns the id. */
export async function saveDraft(deps: Deps, id: string | null, data: DraftState): Promise<string> {
  const now = deps.clock.now();
  if (id) {
    const updated = await deps.db
      .update(requestDrafts)
      .set({ data, updatedAt: now })
      .where(and(eq(requestDrafts.idHash, sha256Hex(id)), isNull(requestDrafts.requestId)))
      .returning({ idHash: requestDrafts.idHash });
    if (updated.length > 0) return id;
  }
  const fresh = newToken(24);
  await deps.db
    .insert(requestDrafts)
    .values({ idHash: sha256Hex(fresh), data, createdAt: now, updatedAt: now });
  // Housekeeping: old drafts go (personal data is not kept longer than needed).
  await deps.db
    .delete(requestDrafts)
    .where(lt(requestDrafts.updatedAt, new Date(now.getTime() - DRAFT_TTL_MS)));
  return fresh;
}

/**
 * Marks the draft as submitted inside the submission's transaction. Returns false when another submit
 * of the same draft got there first (the caller then rolls back: one draft, one request).
 */
export async function bindDraft(tx: Database, id: string, requestId: string): Promise<boolean> {
  const rows = await tx
    .update(requestDrafts)
    .set({ requestId })
    .where(and(eq(requestDrafts.idHash, sha256Hex(id)), isNull(requestDrafts.requestId)))
    .returning({ idHash: requestDrafts.idHash });
  return rows.length > 0;
}
