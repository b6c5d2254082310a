import { createHash } from 'node:crypto';
import type { NewRequestRow } from '../../src/db/requests.ts';
import { type AnswerFile, answers } from '../../src/db/schema/index.ts';
import type { Deps } from '../../src/services/deps.ts';
import { aRequest } from './factories.ts';

const TOKEN = 'seguimiento-de-prueba-1234567890';

/**
 * A delivered answer as the signing leaves it (oficio, tabulado, CSV and its metadata, a chart, the
 * ZIP), each file stored with `size` bytes, and what the answer recorded as not produced.
 */
export async function aDeliveredAnswerWithFiles(
  deps: Deps,
  request: Partial<NewRequestRow>,
  data: Record<string, unknown>,
) {
  const req = await aRequest(deps.db, {
    status: 'delivered',
    deliveredAt: new Date('2026-11-24T17:00:00Z'),
    formats: ['xlsx', 'csv', 'chart', 'map', 'oficio'],
    trackingTokenHash: createHash('sha256').update(TOKEN).digest('hex'),
    ...request,
  });
  const base = req.folio.toLowerCase();
  const files: AnswerFile[] = [];
  for (const [name, kind, mediaType, size] of [
    [`oficio-${req.folio}.pdf`, 'oficio', 'application/pdf', 88_000],
    [`${base}-tabulado.xlsx`, 'xlsx', 'application/octet-stream', 12_345],
    [`${base}-datos.csv`, 'csv', 'text/csv; charset=utf-8', 3_100],
    [`${base}-datos.csv-metadata.json`, 'csv_meta', 'application/csvm+json', 2_100],
    [`${base}-grafica-population-total.png`, 'chart', 'image/png', 143_000],
    [`${req.folio}.zip`, 'zip', 'application/zip', 1_572_864],
  ] as const) {
    const bytes = new Uint8Array(size).fill(kind.length);
    bytes[0] = name.length;
    const stored = await deps.documents.put(deps.db, bytes, mediaType);
    files.push({ name, kind, sha256: stored.sha256, mediaType, size: stored.size });
  }
  await deps.db.insert(answers).values({
    requestId: req.id,
    status: 'delivered',
    data,
    files,
    preparedBy: 'sistema',
    createdAt: new Date('2026-11-24T16:30:00Z'),
  });
  return { req, files, page: `/seguimiento/${encodeURIComponent(req.folio)}/${TOKEN}` };
}
