import { type AttachmentLoader, MAIL_SEND } from '../../services/mail/send-queued-mail.ts';
import { SWEEP_RUN, sweepHandler } from '../scheduler.ts';
import { SWEEPS } from '../sweeps/index.ts';
import type { JobHandlers } from '../worker.ts';
import { AUTO_ANSWER, autoAnswerHandler } from './auto-answer.ts';
import { ERASE_MAIL, eraseMailHandler } from './erase-mail.ts';
import { mailSendHandler } from './mail-send.ts';

/**
 * The handlers registry: every job kind the worker knows. To add a kind, write a handler (idempotent;
 * throw PermanentJobError for failures no retry can fix) and add one line here.
 */
export function jobHandlers(opts: { loadAttachment?: AttachmentLoader } = {}): JobHandlers {
  return {
    [MAIL_SEND]: mailSendHandler(opts),
    [SWEEP_RUN]: sweepHandler(SWEEPS),
    [AUTO_ANSWER]: autoAnswerHandler(),
    [ERASE_MAIL]: eraseMailHandler(),
  };
}
