import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { requestFiles } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { requestFilePath } from './attach-request-file.ts';
import { loadRequest } from './transitions.ts';

/** A working file of a request, for staff who may see the request; every download is audited. */
export async function downloadRequestFile(deps: Deps, actor: Actor, folio: string, fileId: string) {
  const req = await loadRequest(deps, folio);
  authorize(actor, 'request.view');
  if (!z.uuid().safeParse(fileId).success) throw new NotFoundError('file');
  const [file] = await deps.db
    .select()
    .from(requestFiles)
    .where(and(eq(requestFiles.id, fileId), eq(requestFiles.requestId, req.id)));
  if (!file) throw new NotFoundError('file');
  const bytes = await readFile(requestFilePath(deps, file.sha256));
  await deps.db.transaction((tx) =>
    appendAudit(tx, {
      actor,
      action: 'request.file_downloaded',
      subject: req.folio,
      data: { fileId: file.id, sha256: file.sha256 },
      at: deps.clock.now(),
    }),
  );
  return { file, bytes };
}
