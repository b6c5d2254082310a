import { z } from 'zod';
import { SYSTEM } from '../../domain/actor.ts';
import type { Deps } from '../deps.ts';
import { type CreatedStaffUser, createStaffUser } from './create-staff-user.ts';
import { consumeSetupToken } from './initial-setup.ts';
import { parseStaffInput } from './input.ts';
import { staffUserFields } from './staff-users.ts';

const schema = z.object({
  email: staffUserFields.email,
  name: staffUserFields.name,
  password: staffUserFields.password,
});

/** Creates the first admin through the one-time setup link; the link is spent even if two race. */
export async function completeInitialSetup(
  deps: Deps,
  token: string,
  raw: unknown,
): Promise<CreatedStaffUser> {
  const input = parseStaffInput(schema, raw);
  await deps.db.transaction((tx) => consumeSetupToken(deps, tx, token));
  return createStaffUser(deps, SYSTEM, { ...input, role: 'admin' });
}
