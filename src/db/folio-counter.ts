import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * Takes the next `count` numbers of the gapless folio counter of an agency and year (1 January starts
 * a new one) and returns the first. The counter row stays locked until the caller's transaction ends,
 * which is what keeps folios free of gaps and repeats across processes: call it as late as possible in
 * the transaction, just before the statements that need the folio.
 */
export async function takeFolioNumbers(
  db: Database,
  agencyCode: string,
  year: number,
  count = 1,
): Promise<number> {
  const result = await db.execute(sql`
    INSERT INTO folio_counters (agency_code, year, last_value) VALUES (${agencyCode}, ${year}, ${count})
    ON CONFLICT (agency_code, year) DO UPDATE SET last_value = folio_counters.last_value + ${count}
    RETURNING last_value`);
  const last = Number((result as unknown as { rows: { last_value: number | string }[] }).rows[0]!.last_value);
  return last - count + 1;
}
