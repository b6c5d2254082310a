import { Hono } from 'hono';
import { checkDownloadLink } from '../../documents/links.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import type { AppEnv } from '../context.ts';

/** /descargas/<sha256>/<name>?e=&s= — files of a delivered answer, through signed expiring links. */
export const downloadRoutes = new Hono<AppEnv>().get('/descargas/:sha256/:name', async (c) => {
  const { deps } = c.var;
  const sha256 = c.req.param('sha256');
  const name = c.req.param('name');
  const ok = checkDownloadLink(
    deps.secret,
    { sha256, name, e: c.req.query('e'), s: c.req.query('s') },
    deps.clock.now(),
  );
  if (!ok) throw new ForbiddenError('download', 'documents.error.link_expired');
  const [bytes, meta] = await Promise.all([
    deps.documents.get(sha256),
    deps.documents.describe(deps.db, sha256),
  ]);
  if (!bytes || !meta) throw new NotFoundError('document');
  // The last path segment only: a saved file never lands outside the browser's download folder.
  const file = name.split(/[/\\]/).at(-1) || sha256;
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': meta.mediaType,
    'content-length': String(bytes.length),
    'content-disposition': `attachment; filename="${file.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file)}`,
    'cache-control': 'private, max-age=3600',
    etag: `"${sha256}"`,
  });
});
