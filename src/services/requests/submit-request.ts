import { and, desc, eq, gt, notInArray } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import type { Database } from '../../db/client.ts';
import { takeFolioNumbers } from '../../db/folio-counter.ts';
import { enqueueJob } from '../../db/outbox.ts';
import { addTimelineEvent, type RequestRow } from '../../db/requests.ts';
import { requests } from '../../db/schema/index.ts';
import { type Actor, ANONYMOUS } from '../../domain/actor.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { formatFolio } from '../../domain/folio.ts';
import { type Locale, translator } from '../../i18n/index.ts';
import { computeDueAt } from '../calendar/compute-due-at.ts';
import type { Deps } from '../deps.ts';
import { queueMail } from '../mail/send-queued-mail.ts';
import { type PortalCatalog, summarizeQuestion } from './catalog.ts';
import {
  fieldErrors,
  normalizeEmail,
  queryKey,
  type RequestInput,
  requestInputSchema,
} from './request-input.ts';
import { newToken, sha256Hex, trackingUrl } from './tokens.ts';

const DUPLICATE_WINDOW_MS = 24 * 3600 * 1000;

export type SubmitRequestCommand = {
  /** The whole request as sent (API body, or the form's draft turned into the same shape). */
  body: unknown;
  locale: Locale;
  catalog: PortalCatalog;
  actor?: Actor;
  /** The requester saw the duplicate warning and still wants a new request. */
  allowDuplicate?: boolean;
  /** A token chosen by the caller (the API derives it from the Idempotency-Key so a replay can repeat it). */
  trackingToken?: string;
  /** Runs inside the transaction after the insert (e.g. to bind an idempotency key or a draft). */
  inTransaction?: (tx: Database, request: RequestRow) => Promise<void>;
};

export type SubmitRequestResult =
  | { kind: 'created'; request: RequestRow; trackingToken: string; trackingUrl: string }
  | { kind: 'duplicate'; receivedAt: Date };

/** Parses a request body into a RequestInput, or throws InvalidInputError with Spanish field messages. */
export function parseRequestInput(body: unknown, locale: Locale, catalog: PortalCatalog): RequestInput {
  const parsed = requestInputSchema(translator(locale), catalog).safeParse(body);
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error));
  return parsed.data;
}

/**
 * The same address asked the same question (normal form) in the last 24 hours and it is still open.
 * Whoever typed the address may not own it, so the answer says only that such a request exists: its
 * folio goes by e-mail to the address on file (at most one notice per request and day).
 */
export async function findRecentDuplicate(
  deps: Deps,
  email: string,
  key: string,
  locale: Locale = 'es-MX',
): Promise<{ receivedAt: Date } | undefined> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS);
  const [previous] = await deps.db
    .select({
      folio: requests.folio,
      receivedAt: requests.receivedAt,
      dueAt: requests.dueAt,
      to: requests.requesterEmail,
      purpose: requests.purpose,
    })
    .from(requests)
    .where(
      and(
        eq(requests.requesterEmail, normalizeEmail(email)),
        eq(requests.queryKey, key),
        gt(requests.receivedAt, since),
        notInArray(requests.status, ['cancelled', 'rejected']),
      ),
    )
    .orderBy(desc(requests.receivedAt))
    .limit(1);
  if (!previous) return undefined;
  const base = deps.config.publicBaseUrl;
  await queueMail(deps.db, deps, {
    template: 'request.acknowledgment',
    to: previous.to,
    locale,
    data: {
      folio: previous.folio,
      receivedAt: previous.receivedAt.toISOString(),
      dueAt: previous.dueAt ? previous.dueAt.toISOString() : null,
      trackingUrl: `${base}/consulta?folio=${encodeURIComponent(previous.folio)}`,
      summary: previous.purpose.slice(0, 2000),
    },
    dedupeKey: `mail:request.duplicate_notice:${previous.folio}:${now.toISOString().slice(0, 10)}`,
  });
  return { receivedAt: previous.receivedAt };
}

/** The calendar year of the office (folios restart every 1 January, local time). */
function localYear(date: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(date));
}

/**
 * A person asks for information: validate → duplicate guard → one transaction that takes the next
 * gapless folio, stores the request with its due time, timeline, audit entry, and queues the
 * acknowledgment e-mail and the automatic-answer attempt.
 */
export async function submitRequest(deps: Deps, cmd: SubmitRequestCommand): Promise<SubmitRequestResult> {
  const input = parseRequestInput(cmd.body, cmd.locale, cmd.catalog);
  const key = queryKey(input);
  const receivedAt = deps.clock.now();
  const email = input.requester.email;

  if (!cmd.allowDuplicate) {
    const previous = await findRecentDuplicate(deps, email, key, cmd.locale);
    if (previous) return { kind: 'duplicate', ...previous };
  }

  const agency = deps.config.agency;
  const token = cmd.trackingToken ?? newToken(32);
  const actor = cmd.actor ?? ANONYMOUS;
  const year = localYear(receivedAt, agency.timezone);
  // Before the transaction: every statement inside it runs under the folio counter's row lock, which
  // serialises all submissions, so the calendar read would cap intake for everyone.
  const dueAt = await computeDueAt(deps, receivedAt);

  const request = await deps.db.transaction(async (tx) => {
    // The row lock of this agency/year counter serialises folios: no gaps, no repeats.
    const seq = await takeFolioNumbers(tx, agency.code, year);
    const folio = formatFolio(agency.code, year, seq);
    const [row] = await tx
      .insert(requests)
      .values({
        folio,
        agencyCode: agency.code,
        status: 'received',
        indicators: input.indicators,
        otherText: input.otherText,
        geo: input.geo,
        geoGeojson: input.geoGeojson,
        years: input.years,
        formats: input.formats,
        purpose: input.purpose,
        queryKey: key,
        requesterName: input.requester.name,
        requesterEmail: email,
        requesterLocale: cmd.locale,
        requesterSector: input.requester.sector,
        requesterOrganization: input.requester.organization,
        requesterPhone: input.requester.phone,
        privacyConsentVersion: agency.privacyNoticeVersion,
        privacyConsentAt: receivedAt,
        publishConsent: input.publishConsent,
        trackingTokenHash: sha256Hex(token),
        receivedAt,
        dueAt,
      })
      .returning();
    const created = row!;
    await addTimelineEvent(tx, {
      requestId: created.id,
      at: receivedAt,
      actor: 'requester',
      action: 'submitted',
      toStatus: 'received',
    });
    await appendAudit(tx, {
      actor,
      action: 'request.submitted',
      subject: folio,
      // No personal data in the audit log: the question and the consent, not who asked.
      data: {
        queryKey: key,
        formats: input.formats,
        sector: input.requester.sector,
        privacyConsentVersion: agency.privacyNoticeVersion,
        publishConsent: input.publishConsent,
      },
      at: receivedAt,
    });
    await queueMail(tx, deps, {
      template: 'request.acknowledgment',
      to: email,
      locale: cmd.locale,
      data: {
        folio,
        receivedAt: receivedAt.toISOString(),
        dueAt: dueAt ? dueAt.toISOString() : null,
        trackingUrl: trackingUrl(deps.config.publicBaseUrl, folio, token),
        summary: summarizeQuestion(cmd.catalog, input, cmd.locale),
      },
      dedupeKey: `mail:request.acknowledgment:${folio}`,
    });
    await enqueueJob(tx, {
      kind: 'request.auto_answer',
      dedupeKey: `auto_answer:${folio}`,
      runAt: receivedAt,
      payload: { requestId: created.id },
    });
    if (cmd.inTransaction) await cmd.inTransaction(tx, created);
    return created;
  });

  deps.logger.info({ folio: request.folio }, 'request submitted');
  return {
    kind: 'created',
    request,
    trackingToken: token,
    trackingUrl: trackingUrl(deps.config.publicBaseUrl, request.folio, token),
  };
}

/** The duplicate guard as an error, for callers that cannot offer a choice (the API). No folio: see findRecentDuplicate. */
export function duplicateError(): ConflictError {
  return new ConflictError('portal.err.duplicate');
}
