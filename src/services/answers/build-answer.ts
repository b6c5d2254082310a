import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import type { Database } from '../../db/client.ts';
import type { RequestRow } from '../../db/requests.ts';
import { type AnswerFile, answers } from '../../db/schema/index.ts';
import { buildCsv, buildCsvMetadata } from '../../documents/csv.ts';
import { type AnswerData, slug } from '../../documents/data-model.ts';
import { buildXlsx } from '../../documents/xlsx.ts';
import type { Actor } from '../../domain/actor.ts';
import { ConflictError, ForbiddenError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { canTransition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import type { AnswerAnnex } from './answer-draft.ts';
import { answerDataFor } from './compose.ts';
import { chartAndMapFiles } from './graphics.ts';
import { findRequestById } from './load.ts';

export type FileOut = { name: string; kind: string; mediaType: string; bytes: Uint8Array };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The data files a request asked for, built from its figures. Maps need STATS_DATA_DIR's boundaries
 * (and `polygon`, the request's GeoJSON, to draw a drawn area). An automatic answer always carries the
 * tabulado; a técnico's carries the formats they chose. Each chart or map asked and not made is added
 * to `data.omitted` with its reason, so the oficio, e-mail and portal can say so.
 */
export async function dataFiles(
  deps: Deps,
  data: AnswerData,
  formats: string[],
  opts: { alwaysXlsx: boolean; polygon?: unknown } = { alwaysXlsx: true },
): Promise<FileOut[]> {
  const base = slug(data.folio);
  const out: FileOut[] = [];
  const graphics = await chartAndMapFiles(deps, data, formats, opts.polygon);
  if (graphics.omitted.length > 0) data.omitted = [...(data.omitted ?? []), ...graphics.omitted];
  if (data.rows.length === 0) return out;
  // The tabulado: the answer in a form a statistician can open.
  if (opts.alwaysXlsx || formats.includes('xlsx'))
    out.push({ name: `${base}-tabulado.xlsx`, kind: 'xlsx', mediaType: XLSX, bytes: await buildXlsx(data) });
  if (formats.includes('csv')) {
    const csvName = `${base}-datos.csv`;
    out.push({ name: csvName, kind: 'csv', mediaType: 'text/csv; charset=utf-8', bytes: buildCsv(data) });
    out.push({
      name: `${csvName}-metadata.json`,
      kind: 'csv_meta',
      mediaType: 'application/csvm+json',
      bytes: buildCsvMetadata(data, csvName),
    });
  }
  out.push(...graphics.files);
  return out;
}

/**
 * Prepares the answer of a request: its figures from `deps.stats`, the data files it asked for
 * (stored content-addressed) and the record the oficio will be rendered from when signed. A new
 * preparation supersedes an unsigned earlier one. The request's status does not change here.
 */
export async function buildAnswer(
  deps: Deps,
  input: { requestId: string },
  actor: Actor,
): Promise<{ answerId: string; files: AnswerFile[] }> {
  const req = await findRequestById(deps.db, input.requestId);
  if (actor.type === 'system') {
    if (!canTransition(req.status, 'auto_sign') && !canTransition(req.status, 'auto_prepare')) {
      throw new ConflictError('error.invalid_transition', { from: req.status, action: 'auto_prepare' });
    }
  } else if (actor.type === 'staff') {
    authorize(actor, 'request.prepare');
    if (!canTransition(req.status, 'submit_for_approval')) {
      throw new ConflictError('error.invalid_transition', {
        from: req.status,
        action: 'submit_for_approval',
      });
    }
  } else {
    throw new ForbiddenError('request.prepare');
  }

  const now = deps.clock.now();
  const data = answerDataFor(deps, req, now);
  const built = await dataFiles(deps, data, req.formats, { alwaysXlsx: true, polygon: req.geoGeojson });
  return deps.db.transaction((tx) => storePreparedAnswer(tx, deps, actor, req, { data, built, now }));
}

/**
 * In `tx`: stores the built files (content-addressed), supersedes an unsigned earlier preparation and
 * records the prepared answer with its audit entry. `annexes` are already in the document store.
 */
export async function storePreparedAnswer(
  tx: Database,
  deps: Deps,
  actor: Actor,
  req: RequestRow,
  s: { data: AnswerData; built: FileOut[]; annexes?: AnswerAnnex[]; now: Date },
): Promise<{ answerId: string; files: AnswerFile[] }> {
  const files: AnswerFile[] = [];
  for (const f of s.built) {
    const stored = await deps.documents.put(tx, f.bytes, f.mediaType);
    files.push({
      name: f.name,
      kind: f.kind,
      sha256: stored.sha256,
      mediaType: f.mediaType,
      size: stored.size,
    });
  }
  for (const a of s.annexes ?? []) files.push({ ...a, kind: 'annex' });
  await tx
    .update(answers)
    .set({ status: 'superseded' })
    .where(and(eq(answers.requestId, req.id), eq(answers.status, 'prepared')));
  const [row] = await tx
    .insert(answers)
    .values({
      requestId: req.id,
      status: 'prepared',
      data: JSON.parse(JSON.stringify(s.data)) as Record<string, unknown>,
      files,
      preparedBy: actor.type === 'staff' ? `staff:${actor.id}` : 'sistema',
      createdAt: s.now,
    })
    .returning({ id: answers.id });
  await appendAudit(tx, {
    actor,
    action: 'answer.prepared',
    subject: req.folio,
    data: { answerId: row!.id, files: files.map((f) => ({ name: f.name, sha256: f.sha256 })) },
    at: s.now,
  });
  return { answerId: row!.id, files };
}
