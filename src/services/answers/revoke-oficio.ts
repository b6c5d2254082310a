import { eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { oficios } from '../../db/schema/index.ts';
import { normalizeVerificationCode } from '../../documents/codes.ts';
import type { Actor } from '../../domain/actor.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';

/**
 * Marks a signed oficio revoked, or replaced by another one, so /verificar tells anyone who checks
 * it. The signed bytes are kept as they are (never re-saved); only the registry changes.
 */
export async function revokeOficio(
  deps: Deps,
  input: { code: string; replacedByCode?: string | undefined; reason: string },
  actor: Actor,
): Promise<void> {
  if (actor.type !== 'system') authorize(actor, 'request.sign');
  const find = async (typed: string) => {
    const code = normalizeVerificationCode(typed);
    const [row] = code
      ? await deps.db.select().from(oficios).where(eq(oficios.verificationCode, code)).limit(1)
      : [];
    if (!row) throw new NotFoundError('verification');
    return row;
  };
  const oficio = await find(input.code);
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
  });
}
