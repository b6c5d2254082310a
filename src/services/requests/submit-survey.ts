import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { satisfactionSurveys } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { type Locale, translator } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { fieldErrors } from './request-input.ts';
import { loadOwnRequest } from './requester-view.ts';

export const SURVEY_COMMENT_MAX = 1000;

/** The 3-question satisfaction survey, once per delivered request. */
export async function submitSurvey(
  deps: Deps,
  cmd: {
    actor: Actor;
    folio: string;
    locale: Locale;
    answers: { answered?: string; ease?: string; comment?: string };
  },
): Promise<void> {
  const t = translator(cmd.locale);
  const parsed = z
    .object({
      answered: z.enum(['yes', 'partly', 'no'], { message: t('portal.err.survey_answered') }),
      ease: z.coerce
        .number({ message: t('portal.err.survey_ease') })
        .int({ message: t('portal.err.survey_ease') })
        .min(1, { message: t('portal.err.survey_ease') })
        .max(5, { message: t('portal.err.survey_ease') }),
      comment: z
        .string()
        .trim()
        .max(SURVEY_COMMENT_MAX, { message: t('portal.err.too_long', { max: SURVEY_COMMENT_MAX }) })
        .optional()
        .transform((v) => v || null),
    })
    .safeParse({ ...cmd.answers, ease: cmd.answers.ease || undefined });
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error));
  const request = await loadOwnRequest(deps, cmd.actor, cmd.folio);
  if (request.status !== 'delivered') throw new ConflictError('portal.err.survey_not_available');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(satisfactionSurveys)
      .values({ requestId: request.id, ...parsed.data, submittedAt: now })
      .onConflictDoNothing()
      .returning({ id: satisfactionSurveys.requestId });
    if (inserted.length === 0) throw new ConflictError('portal.err.survey_done');
    await appendAudit(tx, {
      actor: cmd.actor,
      action: 'request.survey_answered',
      subject: request.folio,
      at: now,
    });
  });
}
