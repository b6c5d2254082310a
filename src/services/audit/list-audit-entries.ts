import { and, asc, desc, eq, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, staffUsers } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import type { StaffName } from '../staff/request-words.ts';

/** Who besides staff accounts appears in the log (the labels `actorLabel` writes). */
export const NON_STAFF_ACTORS = ['sistema', 'requester', 'anonymous'] as const;

const filterSchema = z.object({
  subject: z.string().trim().max(80).catch(''),
  action: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z0-9_.]*$/)
    .catch(''),
  /** A staff account id, or one of NON_STAFF_ACTORS. */
  actor: z.string().trim().max(40).catch(''),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

/**
 * The latest audit entries, newest first, optionally for one subject (a folio), one action and one
 * actor; with what the page needs to say them in words: the names and roles of the staff (every
 * account, active or not: the log outlives them), and the actions the log holds, for the filters.
 */
export async function listAuditEntries(deps: Deps, actor: Actor, raw: unknown, limit = 100) {
  authorize(actor, 'audit.view');
  const f = filterSchema.parse(raw ?? {});
  const who = actorFilter(f.actor);
  const where: SQL[] = [];
  if (f.subject) where.push(eq(auditLog.subject, f.subject));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (who) where.push(eq(auditLog.actor, who));
  if (f.before) where.push(lt(auditLog.id, f.before));
  const [rows, actions, people] = await Promise.all([
    deps.db
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.id))
      .limit(limit),
    deps.db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
    deps.db
      .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
      .from(staffUsers)
      .orderBy(asc(staffUsers.name)),
  ]);
  const staffNames = new Map<string, StaffName>(people.map((p) => [p.id, { name: p.name, role: p.role }]));
  return { filter: f, rows, staffNames, people, actions: actions.map((a) => a.action) };
}

/** The stored actor label a filter value stands for (null: no filter, or a value that is neither). */
function actorFilter(value: string): string | null {
  if (!value) return null;
  if ((NON_STAFF_ACTORS as readonly string[]).includes(value)) return value;
  return z.uuid().safeParse(value).success ? `staff:${value}` : null;
}
