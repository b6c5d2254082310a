import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import {
  answers,
  arcoRequests,
  requestEvents,
  requests,
  satisfactionSurveys,
} from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { normalizeEmail } from '../requests/request-input.ts';
import { PUBLIC_FILE_KINDS } from '../reuse/publishable.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * ARCO access: everything the office holds about the signed-in requester, as JSON — each request with
 * the personal data given, the consent (notice version and time), the question, the timeline they can
 * see, the survey and the documents sent — and their ARCO requests. Nothing about anyone else: every
 * row is reached through the requester's own e-mail. Audited (without the address).
 */
export async function exportRequesterData(deps: Deps, actor: Actor): Promise<Record<string, unknown>> {
  if (actor.type !== 'requester') throw new ForbiddenError('requester.data_export');
  const email = normalizeEmail(actor.email);
  const now = deps.clock.now();
  const mine = await deps.db
    .select()
    .from(requests)
    .where(eq(requests.requesterEmail, email))
    .orderBy(asc(requests.receivedAt));
  const ids = mine.map((r) => r.id);
  const [events, surveys, files, arco] = await Promise.all([
    ids.length
      ? deps.db
          .select()
          .from(requestEvents)
          .where(and(inArray(requestEvents.requestId, ids), eq(requestEvents.visibleToRequester, true)))
          .orderBy(asc(requestEvents.at), asc(requestEvents.id))
      : [],
    ids.length
      ? deps.db.select().from(satisfactionSurveys).where(inArray(satisfactionSurveys.requestId, ids))
      : [],
    ids.length
      ? deps.db
          .select({ requestId: answers.requestId, files: answers.files, status: answers.status })
          .from(answers)
          .where(and(inArray(answers.requestId, ids), inArray(answers.status, ['signed', 'delivered'])))
          .orderBy(desc(answers.createdAt))
      : [],
    deps.db
      .select()
      .from(arcoRequests)
      .where(eq(arcoRequests.email, email))
      .orderBy(asc(arcoRequests.receivedAt)),
  ]);

  const data = {
    generatedAt: now.toISOString(),
    controller: deps.config.agency.privacyNotice.controller,
    email,
    requests: mine.map((r) => {
      const survey = surveys.find((s) => s.requestId === r.id);
      const answer = files.find((a) => a.requestId === r.id);
      return {
        folio: r.folio,
        status: r.status,
        receivedAt: iso(r.receivedAt),
        dueAt: iso(r.dueAt),
        deliveredAt: iso(r.deliveredAt),
        closedAt: iso(r.closedAt),
        requester: {
          name: r.requesterName,
          email: r.requesterEmail,
          sector: r.requesterSector,
          organization: r.requesterOrganization,
          phone: r.requesterPhone,
        },
        consent: {
          privacyNoticeVersion: r.privacyConsentVersion,
          privacyConsentAt: iso(r.privacyConsentAt),
          publishConsent: r.publishConsent,
        },
        question: {
          indicators: r.indicators,
          otherText: r.otherText,
          geo: r.geo,
          geoGeojson: r.geoGeojson,
          years: r.years,
          formats: r.formats,
          purpose: r.purpose,
        },
        timeline: events
          .filter((e) => e.requestId === r.id)
          .map((e) => ({
            at: iso(e.at),
            action: e.action,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            message: e.message,
          })),
        survey: survey
          ? {
              answered: survey.answered,
              ease: survey.ease,
              comment: survey.comment,
              submittedAt: iso(survey.submittedAt),
            }
          : null,
        documents: (answer?.files ?? []).map((f) => ({
          name: f.name,
          kind: f.kind,
          sha256: f.sha256,
          // The oficio is addressed to the requester: personal data; the data files are public figures.
          personal: !PUBLIC_FILE_KINDS.includes(f.kind),
        })),
      };
    }),
    arcoRequests: arco.map((a) => ({
      code: a.code,
      kind: a.kind,
      status: a.status,
      receivedAt: iso(a.receivedAt),
      dueAt: iso(a.dueAt),
      resolvedAt: iso(a.resolvedAt),
    })),
  };
  await deps.db.transaction((tx) =>
    appendAudit(tx, {
      actor,
      action: 'requester.data_exported',
      data: { requests: mine.length },
      at: now,
    }),
  );
  return data;
}
