import type { NewRequestRow, RequestRow } from '../../../src/db/requests.ts';
import { type AnswerFile, answers } from '../../../src/db/schema/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { aRequest } from '../../helpers/factories.ts';

/**
 * A delivered request with a delivered answer: a tabulado (public figures) and an oficio (which names
 * the requester), stored in the document store like the answers service does.
 */
export async function aDeliveredAnswer(
  deps: Deps,
  overrides: Partial<NewRequestRow> = {},
): Promise<{ request: RequestRow; files: AnswerFile[] }> {
  const request = await aRequest(deps.db, {
    status: 'delivered',
    deliveredAt: new Date('2026-11-23T17:00:00Z'),
    answeredBy: 'staff',
    ...overrides,
  });
  const files: AnswerFile[] = [];
  for (const [kind, mediaType, text] of [
    ['xlsx', 'application/octet-stream', `tabulado ${request.folio}`],
    ['oficio', 'application/pdf', `oficio para ${request.requesterName}`],
  ] as const) {
    const bytes = new TextEncoder().encode(text);
    const stored = await deps.documents.put(deps.db, bytes, mediaType);
    files.push({
      name: `${request.folio}-${kind}`,
      kind,
      sha256: stored.sha256,
      mediaType,
      size: stored.size,
    });
  }
  await deps.db.insert(answers).values({
    requestId: request.id,
    status: 'delivered',
    data: {},
    files,
    preparedBy: 'sistema',
    createdAt: new Date('2026-11-23T16:30:00Z'),
  });
  return { request, files };
}
