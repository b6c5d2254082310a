import type { Context } from 'hono';
import { normalizeEmail } from '../services/requests/request-input.ts';
import type { AppEnv } from './context.ts';
import { clientIp, hitRateLimit } from './rate-limit.ts';

/**
 * The submission limits, one rule set for the public journey and the JSON API: per client IP and per
 * requester e-mail (rules `submit:ip`, `submit:email`). Throws RateLimitedError (429) when over.
 */
export async function hitSubmitLimits(c: Context<AppEnv>, email: string | undefined): Promise<void> {
  const { deps } = c.var;
  await hitRateLimit(deps, 'submit:ip', clientIp(c));
  if (email !== undefined) await hitRateLimit(deps, 'submit:email', normalizeEmail(email));
}
