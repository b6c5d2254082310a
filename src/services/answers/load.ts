import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { RequestRow } from '../../db/requests.ts';
import { requests } from '../../db/schema/index.ts';
import { NotFoundError } from '../../domain/errors.ts';

export async function findRequestById(db: Database, id: string): Promise<RequestRow> {
  const [row] = await db.select().from(requests).where(eq(requests.id, id)).limit(1);
  if (!row) throw new NotFoundError('request');
  return row;
}
