import type { Context } from 'hono';
import { NotFoundError } from '../../domain/errors.ts';
import { requestDocuments } from '../../services/requests/documents.ts';
import type { RequestRow } from '../../services/requests/request-record.ts';
import type { AppEnv } from '../context.ts';

/** Sends one file of the request's delivered answer; 404 for anything that is not one of them. */
export async function sendRequestDocument(c: Context<AppEnv>, request: RequestRow, sha256: string) {
  const { deps } = c.var;
  const doc = (await requestDocuments(deps, request, null)).find((d) => d.sha256 === sha256);
  const bytes = doc ? await deps.documents.get(doc.sha256) : null;
  if (!doc || !bytes) throw new NotFoundError('document');
  const ascii = doc.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': doc.mediaType,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
    'cache-control': 'private, no-store',
  });
}
