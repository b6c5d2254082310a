import { and, desc, eq, inArray } from 'drizzle-orm';
import type { RequestRow } from '../../db/requests.ts';
import { answers, oficios } from '../../db/schema/index.ts';
import { DOWNLOAD_LINK_DAYS } from '../../documents/links.ts';
import type { Locale } from '../../i18n/index.ts';
import { fileLabel, type ListingData, omittedStatements } from '../answers/file-listing.ts';
import type { Deps } from '../deps.ts';

export type RequestDocument = {
  name: string;
  kind: string;
  url: string;
  sha256: string;
  mediaType: string;
  /** "Tabla de datos (Excel, 12 KB)" */
  label: string;
  size: number;
};

/**
 * The files a requester may download: those of the signed answer once the request is delivered, or
 * the signed rejection oficio once it is rejected.
 * `token` set → links for the tracking link / API (`?token=`); null → links for the signed-in portal.
 */
export async function requestDocuments(
  deps: Deps,
  request: Pick<RequestRow, 'id' | 'folio' | 'status'>,
  token: string | null,
  locale: Locale = 'es-MX',
): Promise<RequestDocument[]> {
  return (await deliveredFiles(deps, request, token, locale))?.documents ?? [];
}

async function deliveredFiles(
  deps: Deps,
  request: Pick<RequestRow, 'id' | 'folio' | 'status'>,
  token: string | null,
  locale: Locale,
): Promise<{ documents: RequestDocument[]; data: ListingData } | null> {
  if (request.status !== 'delivered' && request.status !== 'rejected') return null;
  const [answer] = await deps.db
    .select({ files: answers.files, data: answers.data })
    .from(answers)
    .where(and(eq(answers.requestId, request.id), inArray(answers.status, ['delivered', 'signed'])))
    .orderBy(desc(answers.createdAt))
    .limit(1);
  if (!answer) return null;
  const data = answer.data as ListingData;
  const base = token
    ? `/seguimiento/${encodeURIComponent(request.folio)}/${token}/documentos`
    : `/mis-solicitudes/${encodeURIComponent(request.folio)}/documentos`;
  const documents = answer.files.map((f) => ({
    name: f.name,
    kind: f.kind,
    sha256: f.sha256,
    mediaType: f.mediaType,
    url: `${base}/${f.sha256}`,
    label: fileLabel(f, data, locale),
    size: f.size,
  }));
  return { documents, data };
}

export type AnswerDownloads = {
  /** Each file but the ZIP, labelled. */
  files: RequestDocument[];
  /** The ZIP of everything ("Descargar todo"), when there is one. */
  bundle: RequestDocument | null;
  /** When the delivery e-mail's links stop working (the portal's do not). */
  mailLinksExpireAt: Date | null;
  /** What was asked and not produced, each with its reason (sentences). */
  omitted: string[];
};

/** The requester's downloads as the portal lists them: files, the ZIP apart, expiry, what is missing. */
export async function answerDownloads(
  deps: Deps,
  request: Pick<RequestRow, 'id' | 'folio' | 'status' | 'formats' | 'deliveredAt'>,
  token: string | null,
  locale: Locale,
): Promise<AnswerDownloads> {
  const found = await deliveredFiles(deps, request, token, locale);
  if (!found) return { files: [], bundle: null, mailLinksExpireAt: null, omitted: [] };
  return {
    files: found.documents.filter((d) => d.kind !== 'zip'),
    bundle: found.documents.find((d) => d.kind === 'zip') ?? null,
    mailLinksExpireAt:
      request.status === 'delivered' && request.deliveredAt
        ? new Date(request.deliveredAt.getTime() + DOWNLOAD_LINK_DAYS * 24 * 3600_000)
        : null,
    omitted:
      request.status === 'delivered'
        ? omittedStatements(
            found.data,
            request.formats,
            found.documents.map((d) => d.kind),
            locale,
          )
        : [],
  };
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
