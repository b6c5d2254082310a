import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import {
  autoAnswerRequest,
  handOverFailedAutoAnswer,
} from '../../services/auto-answer/auto-answer-request.ts';
import { autoAnswerDuration } from '../../services/ops/metrics.ts';
import { type JobHandler, PermanentJobError } from '../worker.ts';

export const AUTO_ANSWER = 'request.auto_answer';

/** After this many failed tries the request goes to ventanilla with a note instead of waiting. */
export const AUTO_ANSWER_TRIES = 3;

const payloadSchema = z.object({ requestId: z.uuid() });

/** `request.auto_answer` {requestId}, queued by submitRequest. */
export function autoAnswerHandler(): JobHandler {
  return async (job, { deps }) => {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError('carga de respuesta automática inválida');
    const endTimer = autoAnswerDuration.startTimer();
    try {
      const outcome = await autoAnswerRequest(deps, parsed.data.requestId);
      endTimer({ outcome: outcome.kind });
      deps.logger.info({ job: job.id, outcome: outcome.kind }, 'auto answer');
    } catch (err) {
      endTimer({ outcome: 'failed' });
      if (err instanceof NotFoundError) throw new PermanentJobError('la solicitud no existe');
      if (job.attempts < AUTO_ANSWER_TRIES) throw err;
      // Out of tries: a person takes over, told why; the job itself is done.
      const error = err instanceof Error ? err.message.slice(0, 200) : String(err);
      await handOverFailedAutoAnswer(deps, parsed.data.requestId, error);
      deps.logger.error({ job: job.id, err: (err as Error).message }, 'auto answer failed, left for staff');
    }
  };
}
