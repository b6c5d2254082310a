import { and, desc, eq, inArray } from 'drizzle-orm';
import type { RequestRow } from '../../db/requests.ts';
import { answers, oficios } from '../../db/schema/index.ts';
import type { Deps } from '../deps.ts';

export type RequestDocument = { name: string; kind: string; url: string; sha256: string; mediaType: string };

/**
 * The files a requester may download: those of the signed answer once the request is delivered, or
 * the signed rejection oficio once it is rejected.
 * `token` set → links for the tracking link / API (`?token=`); null → links for the signed-in portal.
 */
export async function requestDocuments(
  deps: Deps,
  request: Pick<RequestRow, 'id' | 'folio' | 'status'>,
  token: string | null,
): Promise<RequestDocument[]> {
  if (request.status !== 'delivered' && request.status !== 'rejected') return [];
  const [answer] = await deps.db
    .select({ files: answers.files })
    .from(answers)
    .where(and(eq(answers.requestId, request.id), inArray(answers.status, ['delivered', 'signed'])))
    .orderBy(desc(answers.createdAt))
    .limit(1);
  if (!answer) return [];
  const base = token
    ? `/seguimiento/${encodeURIComponent(request.folio)}/${token}/documentos`
    : `/mis-solicitudes/${encodeURIComponent(request.folio)}/documentos`;
  return answer.files.map((f) => ({
    name: f.name,
    kind: f.kind,
    sha256: f.sha256,
    mediaType: f.mediaType,
    url: `${base}/${f.sha256}`,
  }));
}

/** The verification code of the request's valid oficio, when there is one. */
export async function verificationCodeOf(deps: Deps, requestId: string): Promise<string | undefined> {
  const [row] = await deps.db
    .select({ code: oficios.verificationCode })
    .from(oficios)
    .where(and(eq(oficios.requestId, requestId), eq(oficios.status, 'valid')))
    .orderBy(desc(oficios.signedAt))
    .limit(1);
  return row?.code;
}
