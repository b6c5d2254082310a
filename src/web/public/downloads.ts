import { Hono } from 'hono';
import { openDownload } from '../../services/answers/open-download.ts';
import type { AppEnv } from '../context.ts';

/** /descargas/<sha256>/<name>?e=&s= — files of a delivered answer, through signed expiring links. */
export const downloadRoutes = new Hono<AppEnv>().get('/descargas/:sha256/:name', async (c) => {
  const sha256 = c.req.param('sha256');
  const name = c.req.param('name');
  const { bytes, meta } = await openDownload(c.var.deps, {
    sha256,
    name,
    e: c.req.query('e'),
    s: c.req.query('s'),
  });
  // The last path segment only: a saved file never lands outside the browser's download folder.
  const file = name.split(/[/\\]/).at(-1) || sha256;
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': meta.mediaType,
    'content-length': String(bytes.length),
    'content-disposition': `attachment; filename="${file.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file)}`,
    // The oficio names the person: no cache keeps it after an erasure revoked the link.
    'cache-control': 'private, no-store',
    etag: `"${sha256}"`,
  });
});
