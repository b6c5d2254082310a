import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { addTimelineEvent, moveRequestStatus, type RequestRow } from '../../db/requests.ts';
import type { Actor } from '../../domain/actor.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import { type Locale, translator } from '../../i18n/index.ts';
import { resumeClockChanges } from '../calendar/resume-clock.ts';
import type { Deps } from '../deps.ts';
import { loadOwnRequest } from './requester-view.ts';

export const MAX_CLARIFICATION = 3000;

/**
 * The requester answers a prevención: clarification_requested → in_review, and the clock restarts with
 * the paused working time added to the due time.
 */
export async function answerClarification(
  deps: Deps,
  cmd: { actor: Actor; folio: string; answer: string; locale: Locale },
): Promise<RequestRow> {
  const t = translator(cmd.locale);
  const parsed = z
    .string()
    .trim()
    .min(1, t('portal.err.answer_required'))
    .max(MAX_CLARIFICATION, t('portal.err.too_long', { max: MAX_CLARIFICATION }))
    .safeParse(cmd.answer);
  if (!parsed.success)
    throw new InvalidInputError([{ field: 'answer', message: parsed.error.issues[0]!.message }]);
  const request = await loadOwnRequest(deps, cmd.actor, cmd.folio);
  const next = transition(request.status, 'answer_clarification');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const clock = await resumeClockChanges(deps, request, now, tx);
    const moved = await moveRequestStatus(tx, request.id, request.status, next, clock, now);
    await addTimelineEvent(tx, {
      requestId: request.id,
      at: now,
      actor: 'requester',
      action: 'clarification_answered',
      fromStatus: request.status,
      toStatus: next,
      message: parsed.data,
    });
    await appendAudit(tx, {
      actor: cmd.actor,
      action: 'request.clarification_answered',
      subject: request.folio,
      data: { from: request.status, to: next, dueAt: clock.dueAt?.toISOString() ?? null },
      at: now,
    });
    return moved;
  });
}
