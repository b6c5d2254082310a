import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON-lines logger. Personal data never goes in: the redact list is a safety net, the rule is to
 * log ids (folio, request id), never names, e-mails or phone numbers.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'dato-oficial' },
      redact: {
        paths: [
          'email',
          '*.email',
          'requesterEmail',
          '*.requesterEmail',
          'password',
          '*.password',
          'token',
          '*.token',
        ],
        censor: '[oculto]',
      },
    },
    destination,
  );
}
