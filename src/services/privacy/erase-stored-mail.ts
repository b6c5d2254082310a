import { and, eq, inArray, sql } from 'drizzle-orm';
import { outboxJobs } from '../../db/schema/index.ts';
import { deleteDevMailFiles } from '../../mail/dev-mail-files.ts';
import type { Deps } from '../deps.ts';
import { sha256Hex } from '../requests/tokens.ts';

/** The outbox job that erases stored mail after an erasure (payload: the addresses' SHA-256, never the addresses). */
export const ERASE_MAIL = 'privacy.erase_mail';

export function addressHash(email: string): string {
  return sha256Hex(email.trim().toLowerCase());
}

/**
 * Deletes what is kept of the mail sent to erased addresses: the development `.eml` files (the mail
 * viewer's listing) and the finished mail jobs, whose payload holds the address and the links. Runs
 * from the outbox (twice: at once, and after the erasure's own confirmation e-mail went out).
 */
export async function eraseStoredMail(
  deps: Deps,
  input: { addressHashes: string[] },
): Promise<{ files: number; jobs: number }> {
  const wanted = new Set(input.addressHashes);
  if (wanted.size === 0) return { files: 0, jobs: 0 };
  const files = await deleteDevMailFiles(deps.config.dataDir, (a) => wanted.has(addressHash(a)));
  const jobs = await deps.db
    .delete(outboxJobs)
    .where(
      and(
        eq(outboxJobs.kind, 'mail.send'),
        inArray(outboxJobs.status, ['done', 'dead']),
        inArray(sql<string>`encode(sha256(convert_to(lower(${outboxJobs.payload}->>'to'), 'UTF8')), 'hex')`, [
          ...wanted,
        ]),
      ),
    )
    .returning({ id: outboxJobs.id });
  return { files, jobs: jobs.length };
}
