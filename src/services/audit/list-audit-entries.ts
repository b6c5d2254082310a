import { and, desc, eq, like, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';

const filterSchema = z.object({
  subject: z.string().trim().max(80).catch(''),
  action: z.string().trim().max(80).catch(''),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

/** The latest audit entries, newest first, optionally for one subject (a folio) or action prefix. */
export async function listAuditEntries(deps: Deps, actor: Actor, raw: unknown, limit = 100) {
  authorize(actor, 'audit.view');
  const f = filterSchema.parse(raw ?? {});
  const where: SQL[] = [];
  if (f.subject) where.push(eq(auditLog.subject, f.subject));
  if (f.action) where.push(like(auditLog.action, `${f.action.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
  if (f.before) where.push(lt(auditLog.id, f.before));
  const rows = await deps.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return { filter: f, rows };
}
