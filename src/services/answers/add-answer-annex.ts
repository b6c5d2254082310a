import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from '../staff/input.ts';
import { type AnswerAnnex, currentDraft } from './answer-draft.ts';
import { appendDraftVersion, authorizeDraftChange, loadEditableRequest } from './draft-store.ts';

/** Under the 2 MB request body limit of the app, with room for the form around the file. */
export const MAX_ANNEX_BYTES = 1_500_000;
export const MAX_ANNEXES = 10;

type AnnexType = { ext: string; mediaType: string };
const XLSX: AnnexType = {
  ext: 'xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const PDF: AnnexType = { ext: 'pdf', mediaType: 'application/pdf' };
const PNG: AnnexType = { ext: 'png', mediaType: 'image/png' };
const CSV: AnnexType = { ext: 'csv', mediaType: 'text/csv; charset=utf-8' };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ascii = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/**
 * What a file is, by its content (never by its name or the browser's type): PDF and PNG by their
 * signatures, XLSX as a ZIP holding a workbook, CSV as UTF-8 text without control characters.
 */
export function annexTypeOf(bytes: Uint8Array): AnnexType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Entry names are stored uncompressed in the ZIP's headers.
    const text = ascii(bytes);
    return text.includes('[Content_Types].xml') && text.includes('xl/workbook') ? XLSX : null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // A table: text lines with separators, nothing a text editor would show as garbage.
  if (/\p{Cc}/u.test(text.replace(/[\t\r\n]/g, ''))) return null;
  return /[,;\t]/.test(text) ? CSV : null;
}

const schema = z.object({
  folio: z.string().min(1),
  name: z
    .string()
    .trim()
    .min(1, 'workbench.err.annex_required')
    .max(120, 'staff.err.too_long')
    // Only the base name, printable: it is printed in the oficio and becomes a name in the ZIP.
    .transform((n) => (n.split(/[/\\]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim())
    .refine((n) => n.length > 0 && n !== '.' && n !== '..', 'workbench.err.annex_required'),
  bytes: z
    .instanceof(Uint8Array, { message: 'workbench.err.annex_required' })
    .refine((b) => b.byteLength > 0, 'workbench.err.annex_required'),
});

const fail = (key: string, params?: Record<string, string | number>): never => {
  throw new InvalidInputError([
    { field: 'file', message: translate('es-MX', key as Parameters<typeof translate>[1], params) },
  ]);
};

/** The assigned técnico adds a file they made (XLSX, CSV, PDF, PNG) as an official annex of the answer. */
export async function addAnswerAnnex(deps: Deps, actor: Actor, raw: unknown): Promise<AnswerAnnex> {
  authorizeDraftChange(actor);
  const input = parseStaffInput(schema, raw);
  if (input.bytes.byteLength > MAX_ANNEX_BYTES)
    fail('workbench.err.annex_too_big', { mb: formatNumber(MAX_ANNEX_BYTES / 1_000_000, 1) });
  const type = annexTypeOf(input.bytes) ?? fail('workbench.err.annex_type');
  if (!input.name.toLowerCase().endsWith(`.${type.ext}`)) fail('workbench.err.annex_type');
  const req = await loadEditableRequest(deps, actor, input.folio);
  const draft = await currentDraft(deps.db, req);
  if (draft.content.annexes.length >= MAX_ANNEXES) fail('workbench.err.annex_count', { max: MAX_ANNEXES });
  if (draft.content.annexes.some((a) => a.name.toLowerCase() === input.name.toLowerCase()))
    fail('workbench.err.annex_name');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const stored = await deps.documents.put(tx, input.bytes, type.mediaType);
    const annex: AnswerAnnex = {
      name: input.name,
      sha256: stored.sha256,
      mediaType: type.mediaType,
      size: stored.size,
    };
    await appendDraftVersion(tx, actor, req, {
      before: draft.content,
      after: { ...draft.content, annexes: [...draft.content.annexes, annex] },
      baseVersion: draft.version,
      now,
      audit: { annex: { name: annex.name, sha256: annex.sha256, size: annex.size } },
    });
    return annex;
  });
}
