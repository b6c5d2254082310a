import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { staffUsers } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { normalizeEmail } from '../../domain/email.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { authorize, roleRequiresTotp } from '../../domain/permissions.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { hashPassword } from './passwords.ts';
import { findStaffUserByEmail, staffUserFields } from './staff-users.ts';
import { newTotpSecret, staffTotpUri } from './totp.ts';

const schema = z.object(staffUserFields);

export type CreatedStaffUser = { id: string; email: string; role: string; totpUri: string | null };

/**
 * Creates a staff account. The command line acts as the system (whoever runs it has the machine);
 * in the browser it takes `users.manage`. Roles with a second factor get a TOTP secret whose
 * enrolment URI is returned once.
 */
export async function createStaffUser(deps: Deps, actor: Actor, raw: unknown): Promise<CreatedStaffUser> {
  if (actor.type !== 'system') authorize(actor, 'users.manage');
  const input = parseStaffInput(schema, raw);
  const email = normalizeEmail(input.email);
  const duplicate = () =>
    new InvalidInputError([{ field: 'email', message: translate('es-MX', 'staff.err.email_taken') }]);
  if (await findStaffUserByEmail(deps.db, email)) throw duplicate();
  const passwordHash = await hashPassword(input.password);
  const secret = roleRequiresTotp(input.role) ? newTotpSecret() : null;
  const now = deps.clock.now();
  const created = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffUsers)
      .values({
        email,
        name: input.name,
        role: input.role,
        passwordHash,
        totpSecret: secret,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: staffUsers.id });
    if (!row) throw duplicate();
    await appendAudit(tx, {
      actor,
      action: 'staff.user_created',
      subject: `staff:${row.id}`,
      data: { email, role: input.role },
      at: now,
    });
    return row;
  });
  return {
    id: created.id,
    email,
    role: input.role,
    totpUri: secret ? staffTotpUri(deps, email, secret) : null,
  };
}
