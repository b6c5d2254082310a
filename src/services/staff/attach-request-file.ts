import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { requestFiles } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { assertAssignee } from './start-preparation.ts';
import { loadRequest } from './transitions.ts';

export const MAX_FILE_BYTES = 1_500_000;

const schema = z.object({
  folio: z.string().min(1),
  name: z
    .string()
    .trim()
    .min(1, 'staff.err.file_required')
    .max(200, 'staff.err.too_long')
    .transform((n) => n.replace(/[/\\\0]/g, '_')),
  contentType: z.string().max(200).default('application/octet-stream'),
  bytes: z
    .instanceof(Uint8Array, { message: 'staff.err.file_required' })
    .refine((b) => b.byteLength > 0, 'staff.err.file_required')
    .refine((b) => b.byteLength <= MAX_FILE_BYTES, 'staff.err.file_too_big'),
});

/** Where working files live: content-addressed under DATA_DIR, so the same file is stored once. */
export function requestFilePath(deps: Deps, sha256: string): string {
  return join(deps.config.dataDir, 'staff-files', sha256.slice(0, 2), sha256);
}

/** The assigned técnico attaches a working file (a table, a note) to a request in preparation. */
export async function attachRequestFile(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.attach');
  const input = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, input.folio);
  assertAssignee(actor, req.assigneeId, 'request.attach');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const path = requestFilePath(deps, sha256);
  await mkdir(join(path, '..'), { recursive: true });
  // Write then rename: a reader never sees half a file.
  await writeFile(`${path}.tmp`, input.bytes);
  await rename(`${path}.tmp`, path);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(requestFiles)
      .values({
        requestId: req.id,
        name: input.name,
        contentType: input.contentType,
        size: input.bytes.byteLength,
        sha256,
        uploadedBy: (actor as { id: string }).id,
        uploadedAt: now,
      })
      .returning();
    await appendAudit(tx, {
      actor,
      action: 'request.file_attached',
      subject: req.folio,
      data: { fileId: row!.id, name: input.name, sha256, size: input.bytes.byteLength },
      at: now,
    });
    return row!;
  });
}
