import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { lt } from 'drizzle-orm';
import { usedPowChallenges } from '../../db/schema/index.ts';
import type { Deps } from '../deps.ts';

/**
 * ALTCHA proof of work (self-hosted): the browser finds the counter whose SHA-256 matches the signed
 * prefix (a few seconds of CPU for a person, costly at bot scale). Each solved challenge works once.
 */
const COUNTER_MIN = 5_000;
const COUNTER_MAX = 40_000;
const VALID_MS = 30 * 60 * 1000;

const secrets = (deps: Deps) => ({
  hmacSignatureSecret: `${deps.secret}:altcha`,
  hmacKeySignatureSecret: `${deps.secret}:altcha-key`,
});

export type PowChallenge = Awaited<ReturnType<typeof createChallenge>>;

export async function createPowChallenge(deps: Deps): Promise<PowChallenge> {
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(COUNTER_MAX, COUNTER_MIN),
    deriveKey,
    // altcha-lib checks expiry against the wall clock, so the wall clock sets it.
    expiresAt: new Date(Date.now() + VALID_MS),
    ...secrets(deps),
  });
}

/** Verifies a solution (base64 JSON `{challenge, solution}`) and spends it. False when bad or reused. */
export async function spendPowSolution(deps: Deps, payload: string): Promise<boolean> {
  let parsed: { challenge?: PowChallenge; solution?: { counter: number; derivedKey: string } };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return false;
  }
  if (!parsed.challenge?.signature || !parsed.solution) return false;
  const result = await verifySolution({
    challenge: parsed.challenge,
    solution: parsed.solution,
    deriveKey,
    ...secrets(deps),
  });
  if (!result.verified) return false;
  const now = new Date();
  await deps.db.delete(usedPowChallenges).where(lt(usedPowChallenges.expiresAt, now));
  const inserted = await deps.db
    .insert(usedPowChallenges)
    .values({ signature: parsed.challenge.signature, expiresAt: new Date(now.getTime() + VALID_MS) })
    .onConflictDoNothing()
    .returning({ signature: usedPowChallenges.signature });
  return inserted.length > 0;
}
