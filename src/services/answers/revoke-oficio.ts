import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { findRequestByFolio } from '../../db/requests.ts';
import { auditLog, oficios } from '../../db/schema/index.ts';
import { normalizeVerificationCode } from '../../documents/codes.ts';
import type { Actor } from '../../domain/actor.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from '../staff/input.ts';
import { queueRequesterMail, statusChangedMail } from '../staff/transitions.ts';

// The reason is shown publicly on /verificar, so it is required and kept short.
const schema = z.object({
  code: z.string().min(1),
  folio: z.string().optional(),
  replacedByCode: z.string().optional(),
  reason: z.string().trim().min(1, 'documents.err.revoke_reason').max(500, 'staff.err.too_long'),
});

/**
 * Marks a signed oficio revoked, or replaced by another one, so /verificar tells anyone who checks
 * it. The signed bytes are kept as they are (never re-saved); only the registry changes.
 */
export async function revokeOficio(
  deps: Deps,
  raw: { code: string; folio?: string; replacedByCode?: string | undefined; reason?: string },
  actor: Actor,
): Promise<void> {
  if (actor.type !== 'system') authorize(actor, 'request.sign');
  const input = parseStaffInput(schema, raw);
  const find = async (typed: string) => {
    const code = normalizeVerificationCode(typed);
    const [row] = code
      ? await deps.db.select().from(oficios).where(eq(oficios.verificationCode, code)).limit(1)
      : [];
    if (!row) throw new NotFoundError('verification');
    return row;
  };
  const oficio = await find(input.code);
  // From a request's page: the code must belong to that request.
  if (input.folio !== undefined && oficio.folio !== input.folio) throw new NotFoundError('verification');
  if (oficio.status !== 'valid') throw new ConflictError('error.conflict');
  const replacement = input.replacedByCode ? await find(input.replacedByCode) : undefined;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(oficios)
      .set({ status: replacement ? 'replaced' : 'revoked', replacedBy: replacement?.id ?? null })
      .where(eq(oficios.id, oficio.id));
    await appendAudit(tx, {
      actor,
      action: replacement ? 'oficio.replaced' : 'oficio.revoked',
      subject: oficio.folio,
      data: { oficio: oficio.number, reason: input.reason, replacedBy: replacement?.number ?? null },
      at: now,
    });
    // The requester holds the revoked document: tell them, through the existing status e-mail (the
    // request itself stays delivered; the message says what happened). A replacement is delivered anew.
    const req = replacement ? undefined : await findRequestByFolio(tx, oficio.folio);
    if (req) {
      const message = translate(req.requesterLocale, 'documents.revoke.mail_message', {
        number: oficio.number,
        reason: input.reason,
      });
      await queueRequesterMail(
        tx,
        deps,
        req,
        await statusChangedMail(tx, deps, req, now, req.status, message),
        now,
      );
    }
  });
}

/** The valid oficio of a request (what the staff page offers to revoke), or null. */
export async function validOficioOf(deps: Pick<Deps, 'db'>, folio: string) {
  const [row] = await deps.db
    .select({ number: oficios.number, verificationCode: oficios.verificationCode })
    .from(oficios)
    .where(and(eq(oficios.folio, folio), eq(oficios.status, 'valid')))
    .orderBy(desc(oficios.signedAt))
    .limit(1);
  return row ?? null;
}

/** When and why an oficio was revoked or replaced, from the audit log (the registry keeps only the status). */
export async function oficioRevocation(
  deps: Pick<Deps, 'db'>,
  oficio: { folio: string; number: string },
): Promise<{ at: Date; reason: string } | null> {
  const rows = await deps.db
    .select({ at: auditLog.at, data: auditLog.data })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subject, oficio.folio),
        inArray(auditLog.action, ['oficio.revoked', 'oficio.replaced']),
      ),
    )
    .orderBy(desc(auditLog.id));
  const row = rows.find((r) => r.data.oficio === oficio.number);
  return row ? { at: row.at, reason: String(row.data.reason ?? '') } : null;
}
