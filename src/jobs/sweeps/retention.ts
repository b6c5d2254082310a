import type { Deps } from '../../services/deps.ts';
import { anonymizeExpiredRequests } from '../../services/privacy/anonymize-expired-requests.ts';
import { publishAnswers } from '../../services/reuse/publish-answers.ts';
import type { Sweep } from './types.ts';

/** Retention (LGPDPPSO): anonymise personal data of requests closed more than RETENTION_YEARS ago. */
export const retentionSweep: Sweep = {
  name: 'retention',
  everyMs: 24 * 3600_000,
  run: (deps: Deps) => anonymizeExpiredRequests(deps),
};

/** Adds newly delivered answers that may be published to the /respuestas library. */
export const publishAnswersSweep: Sweep = {
  name: 'publish-answers',
  everyMs: 5 * 60_000,
  run: (deps: Deps) => publishAnswers(deps),
};
