import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import { takeFolioNumbers } from '../../src/db/folio-counter.ts';
import type { NewRequestRow, RequestRow } from '../../src/db/requests.ts';
import { requests } from '../../src/db/schema/index.ts';
import { formatFolio } from '../../src/domain/folio.ts';

let counter = 0;

/**
 * A valid request row in one call: `await aRequest(db, { status: 'in_review' })`. Takes the next folio
 * of its year from `folio_counters`, like a real submission, so folios stay unique.
 */
export async function aRequest(db: Database, overrides: Partial<NewRequestRow> = {}): Promise<RequestRow> {
  counter += 1;
  const receivedAt = overrides.receivedAt ?? new Date('2026-11-23T16:00:00Z');
  const year = receivedAt.getUTCFullYear();
  const agencyCode = overrides.agencyCode ?? 'COESPO';
  const seq = await takeFolioNumbers(db, agencyCode, year);
  const row: NewRequestRow = {
    folio: formatFolio(agencyCode, year, seq),
    agencyCode,
    status: 'received',
    indicators: ['population_total'],
    geo: 'mun:15106',
    years: [2020],
    formats: ['xlsx'],
    purpose: 'Investigación sobre crecimiento urbano',
    queryKey: 'population_total|mun:15106|2020',
    requesterName: `Persona de Prueba ${counter}`,
    requesterEmail: `persona${counter}@example.org`,
    requesterSector: 'academia',
    privacyConsentVersion: '2026-01',
    privacyConsentAt: receivedAt,
    trackingTokenHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
    receivedAt,
    dueAt: new Date(receivedAt.getTime() + 3 * 24 * 3600 * 1000),
    ...overrides,
  };
  const [inserted] = await db.insert(requests).values(row).returning();
  return inserted!;
}
